// SPDX-License-Identifier: Apache-2.0
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

// A photo from the content folder, scaled to cover `box` (keeping its aspect
// ratio, cropped around the centre), never stretched.
struct Photo {
  std::string path;  // relative to the content folder
  Rect box;
  int radius = 0;  // rounded corners, 0 = square
};

// A QR code for `text`, its modules drawn `dark` on `light` inside `box`
// (square), quiet zone included.
struct QrCode {
  std::string text;
  Rect box;
  Color dark{0, 0, 0};
  Color light{255, 255, 255};
};

using DrawCommand = std::variant<FillShape, TextRun, Logo, Photo, QrCode>;

struct DrawList {
  int width = 0, height = 0;
  std::vector<DrawCommand> commands;  // painted in order
};

// `list` seen in a mirror, for right-to-left pages: every command's box moves
// to x' = list.width - x - w (a text run's width as `measurer` measures it);
// nothing is flipped inside its box, so text, logos and photos read as before.
void mirrorDrawList(DrawList& list, TextMeasurer& measurer);

}  // namespace newsticker::render
