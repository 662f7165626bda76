// SPDX-License-Identifier: Apache-2.0
// Small helpers shared by the content/ tests: a real temporary folder and
// lookups over loaded posts and diagnostics. No mocks: everything goes through
// the module's public API.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "content/Diagnostic.hpp"
#include "content/Post.hpp"

namespace content_test {

namespace fs = std::filesystem;

// A fresh folder under the system temp directory, removed (with everything in
// it) when the object goes out of scope.
class TempDir {
 public:
  explicit TempDir(const std::string& tag) {
    std::random_device random;
    for (int attempt = 0; attempt < 100; ++attempt) {
      path_ = fs::temp_directory_path() / ("newsticker-content-" + tag + "-" + std::to_string(random()));
      std::error_code ec;
      if (fs::create_directory(path_, ec)) return;
    }
    throw std::runtime_error("cannot create a temporary folder");
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }

  // Writes `bytes` to `relative` (creating parent folders) and returns its path.
  fs::path write(const std::string& relative, const std::string& bytes) const {
    const fs::path target = path_ / relative;
    fs::create_directories(target.parent_path());
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + target.string());
    return target;
  }

 private:
  fs::path path_;
};

inline std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

inline bool startsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

inline std::size_t countOf(const std::vector<newsticker::content::Diagnostic>& diagnostics,
                           newsticker::content::Severity severity) {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(), [&](const auto& d) { return d.severity == severity; }));
}

// The first diagnostic about `file` with `severity`, or nullptr.
inline const newsticker::content::Diagnostic* findDiagnostic(
    const std::vector<newsticker::content::Diagnostic>& diagnostics, const std::string& file,
    newsticker::content::Severity severity) {
  for (const auto& d : diagnostics) {
    if (d.file == file && d.severity == severity) return &d;
  }
  return nullptr;
}

inline const newsticker::content::Post* findPostByFile(const std::vector<newsticker::content::Post>& posts,
                                                       const std::string& file) {
  for (const auto& post : posts) {
    if (post.file == file) return &post;
  }
  return nullptr;
}

inline const newsticker::content::Post* findPostByFilePrefix(const std::vector<newsticker::content::Post>& posts,
                                                             const std::string& prefix) {
  for (const auto& post : posts) {
    const auto slash = post.file.rfind('/');
    const std::string name = slash == std::string::npos ? post.file : post.file.substr(slash + 1);
    if (startsWith(name, prefix)) return &post;
  }
  return nullptr;
}

// The start of a PNG file (signature, IHDR chunk, IEND): enough for header
// readers, not for a decoder.
inline std::string pngHeader(unsigned width, unsigned height) {
  const auto be32 = [](unsigned v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                       static_cast<char>(v)};
  };
  return std::string("\x89PNG\r\n\x1A\n", 8) + be32(13) + "IHDR" + be32(width) + be32(height) +
         std::string("\x08\x06\x00\x00\x00", 5) + be32(0) + be32(0) + "IEND" + be32(0);
}

// The start of a JPEG file: SOI, a JFIF APP0 segment, a quantisation table
// and, when `with_frame`, the SOF0 frame header that declares the size.
inline std::string jpegHeader(unsigned width, unsigned height, bool with_frame = true) {
  const auto be16 = [](unsigned v) { return std::string{static_cast<char>(v >> 8), static_cast<char>(v)}; };
  std::string bytes("\xFF\xD8", 2);
  bytes += std::string("\xFF\xE0", 2) + be16(16) + std::string("JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00", 14);
  bytes += std::string("\xFF\xDB", 2) + be16(67) + std::string(65, '\x01');
  if (with_frame) {
    bytes += std::string("\xFF\xC0", 2) + be16(17) + "\x08" + be16(height) + be16(width) + "\x03" +
             std::string("\x01\x22\x00\x02\x11\x01\x03\x11\x01", 9);
  }
  return bytes + std::string("\xFF\xD9", 2);
}

// Every text a Post holds, for "this never shows up anywhere" checks.
inline std::vector<std::string> allTextOf(const newsticker::content::Post& post) {
  std::vector<std::string> texts = {post.file,
                                    post.title,
                                    post.summary,
                                    post.source,
                                    post.date,
                                    post.url,
                                    post.language.str(),
                                    post.logo,
                                    post.secondary_title,
                                    post.secondary_summary,
                                    post.secondary_language.str()};
  for (const auto& topic : post.topics) texts.push_back(topic);
  for (const auto& related : post.related) {
    texts.push_back(related.title);
    texts.push_back(related.source);
  }
  return texts;
}

}  // namespace content_test
