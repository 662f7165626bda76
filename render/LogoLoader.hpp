// Decodes a logo file from the content folder into a surface of bounded size.
#pragma once

#include <string>

#include "content/ContentTree.hpp"
#include "render/SdlHandles.hpp"

namespace newsticker::render {

struct LogoLimits {
  std::size_t max_file_bytes = 4 << 20;  // larger files are not decoded
  int max_side = 4096;                   // raster images larger than this are not decoded
};

// Reads `path` from `tree` and decodes it (PNG, JPEG, GIF, BMP or SVG) as
// ARGB8888 scaled to fit `box_w` x `box_h` keeping its aspect ratio; SVG is
// rasterised directly at that size, and a raster image whose header declares
// more than `max_side` pixels on a side is refused before decoding. Returns null and sets `error` when
// the file is missing, too large, or undecodable; the caller draws a monogram.
SurfacePtr loadLogo(const content::ContentTree& tree, const std::string& path, int box_w, int box_h,
                    std::string& error, const LogoLimits& limits = {});

}  // namespace newsticker::render
