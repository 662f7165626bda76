// SPDX-License-Identifier: Apache-2.0
// Decodes logo and photo files from the content folder into surfaces of
// bounded size, scaled once to the size they are drawn at.
#pragma once

#include <string>

#include "content/ContentTree.hpp"
#include "render/SdlHandles.hpp"
#include "render/SvgWork.hpp"

namespace newsticker::render {

struct LogoLimits {
  std::size_t max_file_bytes = 4 << 20;   // larger files are not decoded
  int max_side = 4096;                    // raster images larger than this are not decoded
  std::size_t max_svg_numbers = 20000;    // SVGs with more coordinates than this are not rasterised
  SvgWorkLimits svg_work;                 // dashes, stroke widths and edges an SVG may ask for
  long max_jpeg_scans = 100;              // a progressive JPEG has about 10
  double max_jpeg_scan_blocks = 8 << 20;  // 8x8 blocks walked over all scans (32 scans of a 4096x4096 picture)
  // Each decode runs on a thread of its own and is given up after this many
  // seconds (see decodeWithDeadline); 0 decodes on the calling thread.
  double decode_seconds = 0;
};

// Reads `path` from `tree` and decodes it (PNG, JPEG, GIF, BMP or SVG) as
// premultiplied-alpha ARGB8888 (blend it with CardPainter, not SDL_BlitSurface),
// scaled to fit `box_w` x `box_h` keeping its aspect ratio. SVG is rasterised
// directly at that size; a raster image is enlarged at most 2x (a small icon
// stays small and sharp rather than blocky), and one whose header declares
// more than `max_side` pixels on a side is refused before decoding, as are a
// JPEG with more scans or scan blocks and an SVG with more work (SvgWork)
// than the limits allow. Returns
// null and sets `error` when the file is missing, too large, undecodable, or
// not decoded within `limits.decode_seconds`; the caller draws a monogram.
SurfacePtr loadLogo(const content::ContentTree& tree, const std::string& path, int box_w, int box_h, std::string& error,
                    const LogoLimits& limits = {});

// Reads the photo `path` from `tree` (same formats and limits as loadLogo),
// decodes it once and scales it to cover `box_w` x `box_h`: aspect ratio kept,
// cropped around the centre, never stretched. The result is exactly
// box_w x box_h, premultiplied-alpha ARGB8888. Returns null and sets `error`
// when the file is missing, too large, or undecodable; the caller lays the
// card out without the photo.
SurfacePtr loadPhoto(const content::ContentTree& tree, const std::string& path, int box_w, int box_h,
                     std::string& error, const LogoLimits& limits = {});

// The width / height of logo `path` in `tree`, read from a raster header or
// the SVG's own size, without decoding the pixels; 1 when it cannot be told
// (a missing or broken file then fails in loadLogo with its reason). An SVG
// is measured by a small rasterisation under the same limits; when that is
// refused or passes the deadline, the reason goes to `svg_error` (if given).
double logoAspect(const content::ContentTree& tree, const std::string& path, const LogoLimits& limits = {},
                  std::string* svg_error = nullptr);

}  // namespace newsticker::render
