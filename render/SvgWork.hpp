// SPDX-License-Identifier: Apache-2.0
// Estimates, before any rasteriser sees an SVG, how much work drawing it
// would take: nanosvg (inside SDL_image) turns every dash of a dashed stroke
// and every step of a round join into polygon edges, and walks each edge on
// every scanline it crosses. A 150-byte file can ask for millions of them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsticker::render {

struct SvgWork {
  bool parsed = false;       // false: not well-formed XML (the rasteriser then decides)
  double dashes = 0;         // dash segments of all dashed strokes
  double edges = 0;          // polygon edges of all strokes and fills, at the size drawn
  double scan_work = 0;      // edges times the edges active on a scanline: the rasteriser's steps
  double widest_stroke = 0;  // the widest stroke over the picture's larger side (1: as wide as the picture)
};

struct SvgWorkLimits {
  double max_dashes = 10000;
  double max_edges = 200000;
  double max_scan_work = 2e7;   // about half a second on a PC, seconds on a Raspberry Pi
  double max_stroke_ratio = 4;  // a stroke wider than 4 pictures covers it anyway
};

// Reads `svg` (elements, their inherited stroke, stroke-width,
// stroke-dasharray, stroke-linejoin / -linecap, transform scale, and the
// lengths of path, rect, circle, ellipse, line, polyline and polygon) and
// estimates what rasterising it with its larger side at `target_px` pixels
// costs. Pure; never throws; the estimate errs on the high side (curves count
// their control polygons).
SvgWork estimateSvgWork(std::string_view svg, int target_px);

// Why `work` is over `limits` ("is an SVG with 70711 dashes (stroke-dasharray
// over a long path), over the 10000 limit; not drawn"), or "" when it is not.
std::string svgWorkRefusal(const SvgWork& work, const SvgWorkLimits& limits = {});

}  // namespace newsticker::render
