// SPDX-License-Identifier: Apache-2.0
// PNG files written so that every failure is seen: the image is encoded in
// memory first, then written, flushed, synced and closed with each step
// checked (IMG_SavePNG does not report a failed write or close: a full disk
// gave 0-byte files and success).
#pragma once

#include <SDL.h>

#include <cstdio>
#include <string>
#include <vector>

namespace newsticker::firmware {

// Encodes `surface` as PNG bytes with IMG_SavePNG_RW into memory. False with
// `error` set when SDL_image cannot.
bool encodePng(SDL_Surface& surface, std::vector<unsigned char>& png, std::string& error);

// A file being written: opened at construction (so that a path that cannot be
// written fails before any work), and removed again (when it is a regular
// file) unless write() completed.
class PngFile {
 public:
  explicit PngFile(std::string path);
  ~PngFile();
  PngFile(const PngFile&) = delete;
  PngFile& operator=(const PngFile&) = delete;

  bool isOpen() const { return file_ != nullptr; }
  const std::string& error() const { return error_; }

  // Writes `bytes` and closes the file, checking every step (a short write,
  // a failed flush, fsync or close is an error). False with error() set.
  bool write(const std::vector<unsigned char>& bytes);

 private:
  void removePartial();

  std::string path_;
  std::FILE* file_;
  std::string error_;
};

// Encodes `surface` and writes it to `path` with every step checked; false
// with `error` set (the reason, without the path) when any fails.
bool writePngFile(SDL_Surface& surface, const std::string& path, std::string& error);

}  // namespace newsticker::firmware
