// SPDX-License-Identifier: Apache-2.0
// Logos decoded from real image files made here (a palette PNG with a magenta
// transparent index, an RGBA icon with clear corners, SVG), scaled in
// premultiplied alpha and composited by the painter: no colour of a
// transparent pixel may show, small raster logos grow at most 2x.
#include <doctest/doctest.h>

#include <SDL_image.h>

#include <algorithm>

#include "RealFonts.hpp"
#include "TestImages.hpp"
#include "content/MemoryTree.hpp"
#include "render/CardPainter.hpp"
#include "render/LogoLoader.hpp"

using namespace newsticker;

namespace {

void startImageCodecs() { IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG); }

// A `size` x `size` palette image: index 1 (blue) inside a disc, index 0
// (magenta, fully transparent) around it.
render::SurfacePtr paletteDisc(int size) {
  render::SurfacePtr s(SDL_CreateRGBSurfaceWithFormat(0, size, size, 8, SDL_PIXELFORMAT_INDEX8));
  REQUIRE(s);
  const SDL_Color colors[2] = {{255, 0, 255, 0}, {30, 90, 200, 255}};
  SDL_SetPaletteColors(s->format->palette, colors, 0, 2);
  const float centre = size / 2.0f, radius = size * 0.4f;
  for (int y = 0; y < size; ++y) {
    auto* row = static_cast<Uint8*>(s->pixels) + y * s->pitch;
    for (int x = 0; x < size; ++x) {
      const float dx = x + 0.5f - centre, dy = y + 0.5f - centre;
      row[x] = dx * dx + dy * dy <= radius * radius ? 1 : 0;
    }
  }
  return s;
}

// A 32 px app icon: a yellow rounded square whose corners are transparent
// black, as icon exporters write them.
render::SurfacePtr cornerIcon() {
  render::SurfacePtr s = argbSurface(32, 32, 0x00000000u);
  for (int y = 0; y < 32; ++y) {
    for (int x = 0; x < 32; ++x) {
      const int cx = std::clamp(x, 8, 23), cy = std::clamp(y, 8, 23);
      const int dx = x - cx, dy = y - cy;
      if (dx * dx + dy * dy <= 64) {
        *reinterpret_cast<Uint32*>(static_cast<Uint8*>(s->pixels) + y * s->pitch + x * 4) = 0xFFFAC83Cu;
      }
    }
  }
  return s;
}

// Paints `logo` (loaded for `box`) over a flat `background` the size of `canvas`.
render::SurfacePtr composite(render::SurfacePtr logo, const render::Rect& box, const render::Color& background,
                             int canvas_w, int canvas_h) {
  render::DrawList list;
  list.width = canvas_w;
  list.height = canvas_h;
  list.commands.push_back(render::FillShape{{0, 0, canvas_w, canvas_h}, 0, background, background, 0});
  list.commands.push_back(render::Logo{"logo", box});
  render::LogoSurfaces logos;
  logos.emplace("logo", std::move(logo));
  return render::paintDrawList(list, realFonts(), logos);
}

// Every pixel of `rect` lies between the logo's colour and the background,
// channel by channel: what source-over of one colour can make, and nothing
// else (no pink from a magenta key, no dark from clear black corners).
int pixelsOutsideBlend(const SDL_Surface& s, const render::Rect& rect, const render::Color& ink,
                       const render::Color& background) {
  int outside = 0;
  const auto within = [](int v, int a, int b) { return v >= std::min(a, b) - 2 && v <= std::max(a, b) + 2; };
  for (int y = rect.y; y < rect.y + rect.h; ++y) {
    for (int x = rect.x; x < rect.x + rect.w; ++x) {
      const Argb p = argbAt(s, x, y);
      outside +=
          !(within(p.r, ink.r, background.r) && within(p.g, ink.g, background.g) && within(p.b, ink.b, background.b));
    }
  }
  return outside;
}

// Pixels whose colour is neither the background nor the ink: the edge.
int edgePixels(const SDL_Surface& s, const render::Rect& rect, const render::Color& ink,
               const render::Color& background) {
  int edge = 0;
  for (int y = rect.y; y < rect.y + rect.h; ++y) {
    for (int x = rect.x; x < rect.x + rect.w; ++x) {
      const Argb p = argbAt(s, x, y);
      const auto is = [&](const render::Color& c) {
        return std::abs(p.r - c.r) <= 3 && std::abs(p.g - c.g) <= 3 && std::abs(p.b - c.b) <= 3;
      };
      edge += !is(ink) && !is(background);
    }
  }
  return edge;
}

const char* const kGradientSvgPercent =
    "<svg xmlns='http://www.w3.org/2000/svg' width='64' height='64' viewBox='0 0 64 64'>"
    "<defs><linearGradient id='g' x1='0%' y1='0%' x2='0%' y2='100%'>"
    "<stop offset='0' stop-color='#ff0000'/><stop offset='1' stop-color='#0000ff'/></linearGradient></defs>"
    "<rect x='0' y='0' width='64' height='64' fill='url(#g)'/></svg>";

}  // namespace

TEST_CASE("a palette PNG whose transparent index is magenta scales without a pink ring") {
  startImageCodecs();
  const render::Color blue{30, 90, 200}, panel{40, 44, 52};
  for (const auto& sizes : {std::pair{200, 70}, std::pair{40, 120}}) {
    const int source = sizes.first, box = sizes.second;  // not bindings: CAPTURE takes them in a lambda
    CAPTURE(source);
    render::SurfacePtr disc = paletteDisc(source);
    const std::string png = encodedImage(*disc, "palette-disc-" + std::to_string(source));
    // Really an indexed PNG with a tRNS chunk, as editors write them.
    REQUIRE(png.size() > 26);
    CHECK(static_cast<unsigned char>(png[25]) == 3);
    CHECK(png.find("tRNS") != std::string::npos);
    const content::MemoryTree tree("test", {{"logos/disc.png", png}});
    std::string error;
    render::SurfacePtr logo = render::loadLogo(tree, "logos/disc.png", box, box, error);
    REQUIRE_MESSAGE(logo, error);
    const int expected = std::min(box, source * 2);
    CHECK(logo->w == expected);
    CHECK(logo->h == expected);
    const render::Rect at{10, 10, box, box};
    render::SurfacePtr card = composite(std::move(logo), at, panel, box + 20, box + 20);
    writeTestPng(*card, "logo-palette-magenta-" + std::to_string(source) + "-to-" + std::to_string(box));
    CHECK(pixelsOutsideBlend(*card, at, blue, panel) == 0);
    CHECK(edgePixels(*card, at, blue, panel) > 0);  // the disc's edge is still smooth
    const Argb centre = argbAt(*card, 10 + box / 2, 10 + box / 2);
    CHECK(std::abs(centre.b - blue.b) <= 3);
  }
}

TEST_CASE("a 32 px icon with clear black corners: no dark wedges, drawn at most 2x, centred") {
  startImageCodecs();
  render::SurfacePtr icon = cornerIcon();
  const content::MemoryTree tree("test", {{"logos/icon.png", encodedImage(*icon, "corner-icon-32")}});
  const render::Color yellow{250, 200, 60}, light{235, 236, 240};
  std::string error;
  render::SurfacePtr logo = render::loadLogo(tree, "logos/icon.png", 120, 120, error);
  REQUIRE_MESSAGE(logo, error);
  CHECK(logo->w == 64);  // 2x, not the 3.75x that would fill the box
  CHECK(logo->h == 64);
  const render::Rect box{20, 20, 120, 120};
  render::SurfacePtr card = composite(std::move(logo), box, light, 160, 160);
  writeTestPng(*card, "logo-icon-32-in-120");
  CHECK(pixelsOutsideBlend(*card, box, yellow, light) == 0);
  // Centred: the 28 px margins of the box are untouched background.
  CHECK(edgePixels(*card, {20, 20, 120, 28}, yellow, light) == 0);
  CHECK(edgePixels(*card, {20, 20 + 92, 120, 28}, yellow, light) == 0);
  const Argb middle = argbAt(*card, 80, 80);
  CHECK(std::abs(middle.r - yellow.r) <= 2);
  CHECK(std::abs(middle.g - yellow.g) <= 2);
  CHECK(std::abs(middle.b - yellow.b) <= 2);
  // A box smaller than 2x: the icon fits it exactly.
  REQUIRE(render::loadLogo(tree, "logos/icon.png", 50, 50, error));
  CHECK(render::loadLogo(tree, "logos/icon.png", 50, 50, error)->w == 50);
}

TEST_CASE("logos keep their aspect ratio; SVG is rasterised at the box size, not capped at 2x") {
  startImageCodecs();
  render::SurfacePtr wide = argbSurface(60, 20, 0xFF204080u);
  const std::string svg =
      "<svg xmlns='http://www.w3.org/2000/svg' width='32' height='32'><circle cx='16' cy='16' r='15' "
      "fill='#208040'/></svg>";
  const content::MemoryTree tree("test",
                                 {{"logos/wide.png", encodedImage(*wide, "wide-60x20")}, {"logos/dot.svg", svg}});
  std::string error;
  render::SurfacePtr w = render::loadLogo(tree, "logos/wide.png", 100, 100, error);
  REQUIRE_MESSAGE(w, error);
  CHECK(w->w == 100);
  CHECK(w->h == 33);
  render::SurfacePtr s = render::loadLogo(tree, "logos/dot.svg", 120, 120, error);
  REQUIRE_MESSAGE(s, error);
  CHECK(s->w == 120);
  CHECK(s->h == 120);
  CHECK(argbAt(*s, 60, 60).a == 255);
  CHECK(argbAt(*s, 1, 1).a == 0);
}

TEST_CASE("SVG gradients: drawn when their stops are placed in percentages") {
  startImageCodecs();
  const content::MemoryTree tree("test", {{"logos/g.svg", kGradientSvgPercent}});
  std::string error;
  render::SurfacePtr g = render::loadLogo(tree, "logos/g.svg", 100, 100, error);
  REQUIRE_MESSAGE(g, error);
  const Argb top = argbAt(*g, 50, 3), bottom = argbAt(*g, 50, 96);
  CHECK(top.r > 200);
  CHECK(top.b < 50);
  CHECK(bottom.b > 200);
  CHECK(bottom.r < 50);
}

TEST_CASE("SDL_image 2.6's nanosvg reads unitless objectBoundingBox gradient coordinates as pixels") {
  // Characterises the library, not our code: x2='0' y2='1' (a fraction of the
  // shape's box, as SVG means it) is taken as a one-pixel-long gradient at the
  // top of the image, so the shape is filled with the last stop's colour.
  // content/demo/logos/aurora-museum.svg is flat blue for this reason; its
  // gradient must say y2='100%'. If this test fails, SDL_image fixed it.
  startImageCodecs();
  std::string fractions = kGradientSvgPercent;
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"'0%'", "'0'"}, {"'100%'", "'1'"}}) {
    for (std::size_t at = fractions.find(from); at != std::string::npos; at = fractions.find(from)) {
      fractions.replace(at, from.size(), to);
    }
  }
  REQUIRE(fractions.find('%') == std::string::npos);
  const content::MemoryTree tree("test", {{"logos/g.svg", fractions}});
  std::string error;
  render::SurfacePtr g = render::loadLogo(tree, "logos/g.svg", 100, 100, error);
  REQUIRE_MESSAGE(g, error);
  const Argb top = argbAt(*g, 50, 3), bottom = argbAt(*g, 50, 96);
  CHECK(top.b == bottom.b);
  CHECK(top.r == bottom.r);
  CHECK(top.b > 200);

  // The demo logo, as it is and with its gradient in percentages, for a person to look at.
  const std::string aurora =
      readBinaryFile(std::string(NEWSTICKER_SOURCE_DIR) + "/content/demo/logos/aurora-museum.svg");
  REQUIRE_FALSE(aurora.empty());
  std::string aurora_percent = aurora;
  const std::string units = "x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\"";
  if (const auto at = aurora_percent.find(units); at != std::string::npos) {
    aurora_percent.replace(at, units.size(), "x1=\"0%\" y1=\"0%\" x2=\"0%\" y2=\"100%\"");
  }
  const content::MemoryTree demo("demo", {{"a.svg", aurora}, {"b.svg", aurora_percent}});
  const render::Color panel{24, 28, 38};
  for (const auto& [file, name] :
       {std::pair{"a.svg", "logo-aurora-museum-as-is"}, std::pair{"b.svg", "logo-aurora-museum-percent"}}) {
    render::SurfacePtr logo = render::loadLogo(demo, file, 240, 240, error);
    REQUIRE_MESSAGE(logo, error);
    writeTestPng(*composite(std::move(logo), {10, 10, 240, 240}, panel, 260, 260), name);
  }
}

TEST_CASE("loadPhoto covers its box: exact size, aspect kept, cropped around the centre") {
  startImageCodecs();
  // 400x200, checkerboard of 50 px squares; the two colours and a third in
  // the squares of the middle two columns tell where each output pixel came from.
  render::SurfacePtr board = argbSurface(400, 200, 0);
  const Uint32 kA = 0xFFD03020u, kB = 0xFF2050D0u, kMiddle = 0xFF30B040u;
  const auto source_color = [&](int x, int y) {
    if (x >= 150 && x < 250) return kMiddle;
    return ((x / 50) + (y / 50)) % 2 == 0 ? kA : kB;
  };
  for (int y = 0; y < 200; ++y) {
    for (int x = 0; x < 400; ++x) {
      *reinterpret_cast<Uint32*>(static_cast<Uint8*>(board->pixels) + y * board->pitch + x * 4) = source_color(x, y);
    }
  }
  const content::MemoryTree tree("test", {{"photos/board.png", encodedImage(*board, "photo-board")},
                                          {"photos/board.jpg", encodedImage(*board, "photo-board", true)}});
  struct Case {
    int w, h;
    double scale;  // output pixels per source pixel
    int crop_x, crop_y;
  };
  // 200x50: scale 0.5, rows 50..150 of the source; 100x100: scale 0.5,
  // columns 100..300; 60x120: scale 0.6, columns 150..250 (the middle only).
  for (const Case c : {Case{200, 50, 0.5, 0, 50}, Case{100, 100, 0.5, 100, 0}, Case{60, 120, 0.6, 150, 0}}) {
    for (const char* file : {"photos/board.png", "photos/board.jpg"}) {
      CAPTURE(c.w);
      CAPTURE(c.h);
      CAPTURE(file);
      std::string error;
      render::SurfacePtr photo = render::loadPhoto(tree, file, c.w, c.h, error);
      REQUIRE_MESSAGE(photo, error);
      CHECK(photo->w == c.w);
      CHECK(photo->h == c.h);
      const int tolerance = std::string(file).find(".jpg") != std::string::npos ? 24 : 4;
      int wrong = 0, checked = 0;
      // Pixels well inside a source square (4 output px from its edges).
      for (int y = 0; y < c.h; ++y) {
        for (int x = 0; x < c.w; ++x) {
          const double sx = c.crop_x + (x + 0.5) / c.scale, sy = c.crop_y + (y + 0.5) / c.scale;
          const double margin = 4 / c.scale;
          const auto inside = [&](double v) {
            const double m = std::fmod(v, 50.0);
            return m > margin && m < 50.0 - margin;
          };
          if (!inside(sx) || !inside(sy)) continue;
          const Uint32 want = source_color(static_cast<int>(sx), static_cast<int>(sy));
          const Argb got = argbAt(*photo, x, y);
          ++checked;
          wrong += std::abs(got.r - static_cast<int>((want >> 16) & 0xFF)) > tolerance ||
                   std::abs(got.g - static_cast<int>((want >> 8) & 0xFF)) > tolerance ||
                   std::abs(got.b - static_cast<int>(want & 0xFF)) > tolerance;
        }
      }
      CHECK(checked > c.w * c.h / 4);
      CHECK(wrong == 0);
    }
  }
}

TEST_CASE("loadPhoto: SVG covers too; limits are the logos' (header checked before decoding)") {
  startImageCodecs();
  // 2:1, left half red, right half blue: a square box shows the middle.
  const std::string svg =
      "<svg xmlns='http://www.w3.org/2000/svg' width='200' height='100' viewBox='0 0 200 100'>"
      "<rect x='0' y='0' width='100' height='100' fill='#ff0000'/>"
      "<rect x='100' y='0' width='100' height='100' fill='#0000ff'/></svg>";
  std::string huge = "\x89PNG\r\n\x1a\n";
  huge += std::string("\0\0\0\x0dIHDR", 8) + std::string("\0\0\x9c\x40\0\0\x9c\x40\x08\x06\0\0\0", 13);
  const content::MemoryTree tree(
      "test", {{"photos/halves.svg", svg}, {"photos/huge.png", huge}, {"photos/notes.png", "not a picture"}});
  std::string error;
  render::SurfacePtr photo = render::loadPhoto(tree, "photos/halves.svg", 100, 100, error);
  REQUIRE_MESSAGE(photo, error);
  CHECK(photo->w == 100);
  CHECK(photo->h == 100);
  CHECK(argbAt(*photo, 20, 50).r > 240);
  CHECK(argbAt(*photo, 80, 50).b > 240);
  CHECK(argbAt(*photo, 50, 2).a == 255);  // covered to the top edge

  CHECK_FALSE(render::loadPhoto(tree, "photos/huge.png", 300, 200, error));
  CHECK(error == "is 40000x40000 pixels, over the 4096 px limit; not decoded");
  CHECK_FALSE(render::loadPhoto(tree, "photos/notes.png", 300, 200, error));
  CHECK(error == "is not a PNG, JPEG, GIF, BMP or SVG image");
  CHECK_FALSE(render::loadPhoto(tree, "photos/missing.jpg", 300, 200, error));
  CHECK(error == "cannot be read");
  render::LogoLimits small;
  small.max_file_bytes = 100;
  CHECK_FALSE(render::loadPhoto(tree, "photos/halves.svg", 300, 200, error, small));
  CHECK(error == "is larger than the 100 byte image size limit");
}

TEST_CASE("the painter draws a photo in its box with anti-aliased rounded corners") {
  startImageCodecs();
  render::SurfacePtr source = argbSurface(300, 200, 0xFFE0A040u);
  const content::MemoryTree tree("test", {{"photos/p.png", encodedImage(*source, "photo-flat")}});
  std::string error;
  const render::Rect box{40, 30, 240, 150};
  render::SurfacePtr photo = render::loadPhoto(tree, "photos/p.png", box.w, box.h, error);
  REQUIRE_MESSAGE(photo, error);
  const render::Color panel{30, 34, 44}, orange{0xE0, 0xA0, 0x40};
  render::DrawList list;
  list.width = 320;
  list.height = 210;
  list.commands.push_back(render::FillShape{{0, 0, 320, 210}, 0, panel, panel, 0});
  list.commands.push_back(render::Photo{"photos/p.png", box, 24});
  render::PhotoSurfaces photos;
  photos.emplace("photos/p.png", std::move(photo));
  render::SurfacePtr card = render::paintDrawList(list, realFonts(), {}, photos);
  REQUIRE(card);
  writeTestPng(*card, "photo-rounded-corners");
  const auto is = [&](int x, int y, const render::Color& c) {
    const Argb p = argbAt(*card, x, y);
    return std::abs(p.r - c.r) <= 2 && std::abs(p.g - c.g) <= 2 && std::abs(p.b - c.b) <= 2;
  };
  CHECK(is(box.x, box.y, panel));  // the corner is cut
  CHECK(is(box.x + box.w - 1, box.y + box.h - 1, panel));
  CHECK(is(box.x + 24, box.y, orange));  // straight edges reach the box
  CHECK(is(box.x, box.y + 24, orange));
  CHECK(is(box.x + box.w / 2, box.y + box.h / 2, orange));
  CHECK(is(box.x - 1, box.y + box.h / 2, panel));  // nothing outside the box
  CHECK(is(box.x + box.w, box.y + box.h / 2, panel));
  // The arc is anti-aliased: pixels between the two colours along it.
  CHECK(edgePixels(*card, {box.x, box.y, 24, 24}, orange, panel) >= 24);
  CHECK(pixelsOutsideBlend(*card, {0, 0, 320, 210}, orange, panel) == 0);
}
