// What a card is made of, in screen pixels: the output of CardLayout and the
// input of CardPainter. Plain data; no SDL.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "render/TextMeasurer.hpp"

namespace newsticker::render {

struct Color {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Color& o) const { return r == o.r && g == o.g && b == o.b && a == o.a; }
};

struct Rect {
  int x = 0, y = 0, w = 0, h = 0;
};

// A rectangle with rounded corners (radius 0: square), filled with a vertical
// gradient from `top` to `bottom`; `feather` pixels of soft edge (1 for a
// crisp anti-aliased edge, more for a shadow).
struct FillShape {
  Rect rect;
  int radius = 0;
  Color top, bottom;
  int feather = 1;
};

// One line of text in one font, its left end at `x` on `baseline`.
struct TextRun {
  std::string text;
  FontSpec font;
  int x = 0;
  int baseline = 0;
  Color color;
};

// A logo file from the content folder, scaled to fit inside `box` keeping its
// aspect ratio, centred.
struct Logo {
  std::string path;  // relative to the content folder
  Rect box;
};

using DrawCommand = std::variant<FillShape, TextRun, Logo>;

struct DrawList {
  int width = 0, height = 0;
  std::vector<DrawCommand> commands;  // painted in order
};

}  // namespace newsticker::render
