// SPDX-License-Identifier: Apache-2.0
#include "content/PhotoResolver.hpp"

#include <algorithm>
#include <optional>

#include "content/ImageReference.hpp"
#include "content/RasterHeader.hpp"

namespace newsticker::content {
namespace {

constexpr int kMinShorterSide = 320;
constexpr double kMaxAspect = 2.5;
constexpr std::size_t kHeaderBytes = 256 * 1024;

// The first file a candidate's reference names: images/NAME, logos/NAME, then
// the local path itself; "" when none is a file inside the folder.
std::string locate(const ContentTree& tree, const std::string& reference) {
  const std::string name = imageFileName(reference);
  if (!name.empty()) {
    for (const char* folder : {"images/", "logos/"}) {
      if (tree.hasFile(folder + name)) return folder + name;
    }
  }
  const std::string site_path = sitePathOf(reference);
  if (!site_path.empty() && tree.hasFile(site_path)) return site_path;
  // Hugo and Zola publish static/NAME at /NAME.
  if (!site_path.empty() && tree.hasFile("static/" + site_path)) return "static/" + site_path;
  return "";
}

std::optional<RasterHeader> rasterHeaderOf(const ContentTree& tree, const std::string& path) {
  const FileRead start = tree.readStart(path, kHeaderBytes);
  if (start.status != FileRead::Status::Ok) return std::nullopt;
  return readRasterHeader(start.bytes);
}

bool isPhotoShaped(int width, int height) {
  if (width <= 0 || height <= 0) return true;  // unknown: no reason to refuse
  const int shorter = std::min(width, height);
  const int longer = std::max(width, height);
  return shorter >= kMinShorterSide && longer <= kMaxAspect * shorter;
}

}  // namespace

std::string resolvePhoto(const ContentTree& tree, const PhotoHints& hints, const std::string& logo,
                         const std::string& file, std::vector<Diagnostic>& diagnostics) {
  if (hints.disabled) return "";

  if (!hints.front_matter.empty()) {
    const std::string site_path = sitePathOf(hints.front_matter);
    std::string found;
    if (!site_path.empty()) {
      if (tree.hasFile("images/" + site_path)) {
        found = "images/" + site_path;
      } else if (tree.hasFile(site_path)) {
        found = site_path;
      }
    }
    const auto warn = [&](const std::string& why) {
      diagnostics.push_back({file, hints.front_matter_line, Severity::Warning,
                             "photo '" + hints.front_matter + "' " + why + "; choosing from the post's images"});
    };
    if (found.empty()) {
      warn("is not a file inside images/ or the content folder");
    } else if (!rasterHeaderOf(tree, found)) {
      warn("is not a PNG or JPEG file");
    } else {
      return found;
    }
  }

  for (const PhotoCandidate& candidate : hints.candidates) {
    const std::string path = locate(tree, candidate.reference);
    if (path.empty() || path == logo) continue;
    const auto header = rasterHeaderOf(tree, path);
    if (!header) continue;
    const bool header_has_size = header->width > 0 && header->height > 0;
    const int width = header_has_size ? header->width : candidate.width;
    const int height = header_has_size ? header->height : candidate.height;
    if (isPhotoShaped(width, height)) return path;
  }
  return "";
}

}  // namespace newsticker::content
