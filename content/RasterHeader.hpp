// SPDX-License-Identifier: Apache-2.0
// Tells a PNG or JPEG file from anything else by its first bytes, and reads
// the pixel size its header declares, without decoding it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsticker::content {

struct RasterHeader {
  std::string format;  // "png" or "jpeg"
  int width = 0;       // 0 (with height 0) when the size lies beyond the bytes given
  int height = 0;
};

// `start` is the beginning of a file (a few KiB; a JPEG's frame header may
// follow large metadata). nullopt when it is neither a PNG (signature and
// IHDR) nor a JPEG (SOI marker): SVG, GIF, WebP, text. Pure; never throws.
std::optional<RasterHeader> readRasterHeader(std::string_view start);

}  // namespace newsticker::content
