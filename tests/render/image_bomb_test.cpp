// SPDX-License-Identifier: Apache-2.0
// Issue 10, case 1: every frame of an image is measured before a decoder sees
// it (GIF image descriptors, every JPEG SOFn), and a BMP's sizes are read
// without undefined arithmetic.
#include <doctest/doctest.h>

#include <SDL_image.h>

#include <climits>
#include <cstdint>

#include "TestImages.hpp"
#include "content/MemoryTree.hpp"
#include "render/ImageHeader.hpp"
#include "render/LogoLoader.hpp"

using namespace newsticker;

namespace {

std::string le16(unsigned v) { return {static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF)}; }
std::string le32(std::uint32_t v) { return le16(v & 0xFFFF) + le16(v >> 16); }

// The logical screen: `w` x `h`, a global colour table of two entries.
std::string gifScreen(unsigned w, unsigned h) {
  return "GIF89a" + le16(w) + le16(h) + std::string("\x80\x00\x00", 3) + std::string("\xFF\xFF\xFF\x00\x00\x00", 6);
}

// A graphics control extension (as animated GIFs have before each frame).
std::string gifControlExtension() { return std::string("\x21\xF9\x04\x00\x0A\x00\x00\x00", 8); }

// An image descriptor of `w` x `h` at (0, 0) with the smallest LZW data
// (clear, colour 0, end: what a 1x1 frame needs).
std::string gifFrame(unsigned w, unsigned h) {
  return "\x2C" + le16(0) + le16(0) + le16(w) + le16(h) + std::string("\x00", 1) +
         std::string("\x02\x02\x44\x01\x00", 5);
}

const std::string kTrailer = "\x3B";

}  // namespace

TEST_CASE("GIF bomb: a 16x16 screen whose image descriptor says 65535x65535 is refused before decoding") {
  const std::string bomb = gifScreen(16, 16) + gifControlExtension() + gifFrame(65535, 65535) + kTrailer;
  CHECK(bomb.size() < 300);
  const auto header = render::readImageHeader(bomb);
  REQUIRE(header);
  CHECK(header->format == "gif");
  REQUIRE(header->width == 65535);  // stop here on a build that would decode it
  REQUIRE(header->height == 65535);

  const content::MemoryTree tree("bomb", {{"logos/bomb.gif", bomb}});
  std::string error;
  CHECK_FALSE(render::loadLogo(tree, "logos/bomb.gif", 120, 120, error));
  CHECK(error == "is 65535x65535 pixels, over the 4096 px limit; not decoded");
  CHECK_FALSE(render::loadPhoto(tree, "logos/bomb.gif", 400, 300, error));
  CHECK(error == "is 65535x65535 pixels, over the 4096 px limit; not decoded");
}

TEST_CASE("GIF bomb: a good first frame does not hide a huge later one, nor a frame placed far off") {
  const std::string second = gifScreen(1, 1) + gifFrame(1, 1) + gifControlExtension() + gifFrame(60000, 2) + kTrailer;
  const auto header = render::readImageHeader(second);
  REQUIRE(header);
  CHECK(header->width == 60000);
  CHECK(header->height == 2);

  std::string offset = gifScreen(8, 8) + gifFrame(1, 1);
  offset[13 + 6 + 3] = '\xE8';  // the frame's top: 1000 (0x03E8)
  offset[13 + 6 + 4] = '\x03';
  const auto far = render::readImageHeader(offset + kTrailer);
  REQUIRE(far);
  CHECK(far->height == 1001);
}

TEST_CASE("GIF: a file whose blocks cannot be walked is refused, an ordinary one still loads") {
  const std::string good = gifScreen(1, 1) + gifControlExtension() + gifFrame(1, 1) + kTrailer;
  const auto header = render::readImageHeader(good);
  REQUIRE(header);
  CHECK(header->width == 1);
  CHECK(header->height == 1);
  // Decoders accept a file that ends where the trailer would be.
  CHECK(render::readImageHeader(good.substr(0, good.size() - 1)));

  const std::string cut = good.substr(0, good.size() - 4);  // inside the frame's image data
  CHECK_FALSE(render::readImageHeader(cut));
  const std::string unknown_block = gifScreen(1, 1) + "\x7F" + gifFrame(1, 1) + kTrailer;
  CHECK_FALSE(render::readImageHeader(unknown_block));
  CHECK_FALSE(render::readImageHeader(gifScreen(16, 16) + kTrailer));  // no frame at all
  const std::string cut_descriptor = gifScreen(16, 16) + gifFrame(65535, 65535).substr(0, 6);
  CHECK_FALSE(render::readImageHeader(cut_descriptor));

  const content::MemoryTree tree("gif", {{"logos/good.gif", good}, {"logos/cut.gif", cut}});
  std::string error;
  render::SurfacePtr logo = render::loadLogo(tree, "logos/good.gif", 40, 40, error);
  CHECK_MESSAGE(logo, error);
  CHECK_FALSE(render::loadLogo(tree, "logos/cut.gif", 40, 40, error));
  CHECK(error == "is not a PNG, JPEG, GIF, BMP or SVG image");
}

TEST_CASE("JPEG: every frame header counts, not only the first") {
  render::SurfacePtr small = argbSurface(8, 8, 0xFF336699);
  const std::string jpeg = encodedImage(*small, "image-bomb-8x8", true);
  const auto plain = render::readImageHeader(jpeg);
  REQUIRE(plain);
  CHECK(plain->width == 8);
  CHECK(plain->height == 8);

  // A second SOF0 declaring 65000x60000 right after the first frame header.
  std::size_t sof = 2;
  while (sof + 4 < jpeg.size() && static_cast<unsigned char>(jpeg[sof + 1]) != 0xC0) {
    sof += 2 + ((static_cast<unsigned char>(jpeg[sof + 2]) << 8) | static_cast<unsigned char>(jpeg[sof + 3]));
  }
  REQUIRE(sof + 4 < jpeg.size());
  const std::size_t after =
      sof + 2 + ((static_cast<unsigned char>(jpeg[sof + 2]) << 8) | static_cast<unsigned char>(jpeg[sof + 3]));
  const std::string second_sof =
      std::string("\xFF\xC0\x00\x0B\x08", 5) + std::string("\xEA\x60\xFD\xE8\x01\x01\x11\x00", 8);
  const std::string twice = jpeg.substr(0, after) + second_sof + jpeg.substr(after);
  const auto header = render::readImageHeader(twice);
  REQUIRE(header);
  CHECK(header->format == "jpeg");
  CHECK(header->width == 65000);
  CHECK(header->height == 60000);

  // A frame header after the image data (behind the scan) is found too.
  const std::string trailing = jpeg.substr(0, jpeg.size() - 2) + second_sof + "\xFF\xD9";
  const auto late = render::readImageHeader(trailing);
  REQUIRE(late);
  CHECK(late->width == 65000);

  const content::MemoryTree tree("jpeg", {{"logos/twice.jpg", twice}});
  std::string error;
  CHECK_FALSE(render::loadLogo(tree, "logos/twice.jpg", 120, 120, error));
  CHECK(error == "is 65000x60000 pixels, over the 4096 px limit; not decoded");
}

TEST_CASE("BMP: a height of INT_MIN is measured without undefined arithmetic and refused") {
  std::string bmp = "BM" + le32(0) + le32(0) + le32(54) + le32(40) + le32(16) + le32(0x80000000u) + le16(1) + le16(24) +
                    std::string(24, '\0');
  const auto header = render::readImageHeader(bmp);
  REQUIRE(header);
  CHECK(header->format == "bmp");
  CHECK(header->width == 16);
  CHECK(header->height == INT_MAX);  // 2^31 does not fit: capped, so over any limit

  std::string wide = bmp;
  wide.replace(18, 4, le32(0x80000000u));
  const auto w = render::readImageHeader(wide);
  REQUIRE(w);
  CHECK(w->width == INT_MAX);

  // An OS/2 core header: 16-bit sizes.
  const std::string core = "BM" + le32(0) + le32(0) + le32(26) + le32(12) + le16(300) + le16(200) + le16(1) + le16(24);
  const auto c = render::readImageHeader(core);
  REQUIRE(c);
  CHECK(c->width == 300);
  CHECK(c->height == 200);

  const content::MemoryTree tree("bmp", {{"logos/min.bmp", bmp}});
  std::string error;
  CHECK_FALSE(render::loadLogo(tree, "logos/min.bmp", 120, 120, error));
  CHECK(error == "is 16x2147483647 pixels, over the 4096 px limit; not decoded");
}
