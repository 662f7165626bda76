// SPDX-License-Identifier: Apache-2.0
// Image sizes read from headers, so an image bomb is refused before decoding.
#include <doctest/doctest.h>

#include <SDL_image.h>

#include "RealFonts.hpp"
#include "content/DemoFeed.hpp"
#include "content/MemoryTree.hpp"
#include "render/CardRenderer.hpp"
#include "render/ImageHeader.hpp"
#include "render/LogoLoader.hpp"

using namespace newsticker;

namespace {

// A PNG signature and IHDR chunk declaring `w` x `h` (no image data follows).
std::string pngHeader(std::uint32_t w, std::uint32_t h) {
  std::string b = "\x89PNG\r\n\x1A\n";
  b += std::string("\0\0\0\x0D", 4) + "IHDR";
  for (std::uint32_t v : {w, h}) {
    for (int shift = 24; shift >= 0; shift -= 8) b += static_cast<char>((v >> shift) & 0xFF);
  }
  b += std::string("\x08\x06\0\0\0", 5) + std::string(4, '\0');  // depth, colour type, ..., CRC
  return b;
}

}  // namespace

TEST_CASE("the demo feed's PNG and JPEG logos report their real size") {
  const auto png = content::demoFeed().read("logos/tidewater.png", 1 << 20);
  const auto jpeg = content::demoFeed().read("logos/brightforge.jpg", 1 << 20);
  REQUIRE(png.status == content::FileRead::Status::Ok);
  REQUIRE(jpeg.status == content::FileRead::Status::Ok);
  const auto png_header = render::readImageHeader(png.bytes);
  const auto jpeg_header = render::readImageHeader(jpeg.bytes);
  REQUIRE(png_header);
  REQUIRE(jpeg_header);
  CHECK(png_header->format == "png");
  CHECK(jpeg_header->format == "jpeg");
  // The decoder agrees with the header.
  for (const auto* file : {&png, &jpeg}) {
    render::SurfacePtr decoded(
        IMG_Load_RW(SDL_RWFromConstMem(file->bytes.data(), static_cast<int>(file->bytes.size())), 1));
    REQUIRE(decoded);
    const auto header = render::readImageHeader(file->bytes);
    CHECK(header->width == decoded->w);
    CHECK(header->height == decoded->h);
  }
}

TEST_CASE("GIF and BMP headers, and bytes that are no image") {
  // A 320x240 screen and one 320x240 frame (its image data: clear, 0, end).
  const std::string gif = std::string("GIF89a") + std::string("\x40\x01\xF0\x00", 4) + std::string(3, '\0') +
                          std::string("\x2C\0\0\0\0\x40\x01\xF0\x00\0\x02\x02\x44\x01\0\x3B", 16);
  const auto g = render::readImageHeader(gif);
  REQUIRE(g);
  CHECK(g->format == "gif");
  CHECK(g->width == 320);
  CHECK(g->height == 240);
  std::string bmp = "BM" + std::string(16, '\0');
  bmp += std::string("\x80\x02\0\0", 4) + std::string("\x20\xFE\xFF\xFF", 4);  // 640 x -480 (top-down)
  const auto m = render::readImageHeader(bmp);
  REQUIRE(m);
  CHECK(m->width == 640);
  CHECK(m->height == 480);
  CHECK_FALSE(render::readImageHeader("<svg xmlns='http://www.w3.org/2000/svg'/>"));
  CHECK_FALSE(render::readImageHeader("\x89PNG"));
  CHECK_FALSE(render::readImageHeader(std::string("\xFF\xD8\xFF\xD9", 4)));
}

TEST_CASE("a logo declaring 50000x50000 pixels is refused unread and the card shows a monogram") {
  const content::MemoryTree tree("bomb", {{"logos/bomb.png", pngHeader(50000, 50000)}});
  std::string error;
  CHECK_FALSE(render::loadLogo(tree, "logos/bomb.png", 120, 120, error));
  CHECK(error == "is 50000x50000 pixels, over the 4096 px limit; not decoded");

  render::CardRenderer renderer(realFonts(), render::Theme{}, "en");
  content::Post post;
  post.file = "posts/bomb.md";
  post.title = "A logo that would need ten gigabytes";
  post.source = "Test Desk";
  post.logo = "logos/bomb.png";
  std::vector<std::string> warnings;
  render::SurfacePtr card = renderer.render(post, tree, {640, 360}, warnings);
  REQUIRE(card);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("over the 4096 px limit") != std::string::npos);
}

TEST_CASE("a file that is no image at all is named as such") {
  const content::MemoryTree tree("text", {{"logos/notes.png", "just some notes, not a picture"}});
  std::string error;
  CHECK_FALSE(render::loadLogo(tree, "logos/notes.png", 120, 120, error));
  CHECK(error == "is not a PNG, JPEG, GIF, BMP or SVG image");
}
