// SPDX-License-Identifier: Apache-2.0
// QR codes: the encoder's matrix, and the painted code read back by a real
// decoder (zbar's zbarimg, Debian zbar-tools) from a PNG file.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdio>
#include <set>

#include "RealFonts.hpp"
#include "TestImages.hpp"
#include "content/DemoFeed.hpp"
#include "content/FeedLoader.hpp"
#include "render/CardPainter.hpp"
#include "render/CardRenderer.hpp"
#include "render/QrCode.hpp"

using namespace newsticker;

namespace {

struct Decoded {
  int status = -1;
  std::string text;
};

// What zbarimg reads from the image file at `path` (its raw bytes, no
// charset conversion), and its exit status (127: zbarimg is not installed).
Decoded decodeWithZbar(const std::string& path) {
  Decoded result;
  const std::string command = "zbarimg --raw -q '" + path + "' 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.text.append(buffer, n);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (!result.text.empty() && result.text.back() == '\n') result.text.pop_back();
  return result;
}

// Paints a QR code for `text` into `box` on a dark card and writes it out.
render::SurfacePtr paintQr(const std::string& text, const render::Rect& box, int canvas, const std::string& name,
                           std::string& png_path) {
  render::DrawList list;
  list.width = canvas;
  list.height = canvas;
  const render::Color card{24, 28, 38};
  list.commands.push_back(render::FillShape{{0, 0, canvas, canvas}, 0, card, card, 0});
  list.commands.push_back(render::QrCode{text, box, render::Color{16, 20, 30}, render::Color{250, 250, 246}});
  render::SurfacePtr surface = render::paintDrawList(list, realFonts(), {});
  REQUIRE(surface);
  png_path = writeTestPng(*surface, name);
  return surface;
}

}  // namespace

TEST_CASE("encodeQr: a square module grid with finder patterns; empty when the text cannot be encoded") {
  const render::QrMatrix m = render::encodeQr("https://example.org/news/2026/harbour-line");
  REQUIRE_FALSE(m.empty());
  CHECK((m.size - 21) % 4 == 0);  // versions grow by 4 modules
  CHECK(m.size >= 25);
  CHECK(m.dark.size() == static_cast<std::size_t>(m.size) * m.size);
  // The three finder patterns: a dark ring, a light ring, a dark 3x3 centre.
  for (const auto& [fx, fy] : {std::pair{0, 0}, std::pair{m.size - 7, 0}, std::pair{0, m.size - 7}}) {
    CHECK(m.isDark(fx, fy));
    CHECK(m.isDark(fx + 6, fy + 6));
    CHECK_FALSE(m.isDark(fx + 1, fy + 1));
    CHECK(m.isDark(fx + 3, fy + 3));
  }
  CHECK(render::encodeQr("").empty());
  CHECK(render::encodeQr(std::string(2400, 'a')).empty());  // more than level M holds
  CHECK_FALSE(render::encodeQr(std::string(2000, 'a')).empty());
}

TEST_CASE("a painted QR code decodes to the URL, ASCII or not") {
  const std::string urls[] = {
      "https://news.example.org/2026/11/24/harbour-line-night-buses?utm_source=lobby",
      "https://例え.jp/ニュース/2026/港の夜行バス?q=café&城=北京",
  };
  int index = 0;
  for (const std::string& url : urls) {
    CAPTURE(url);
    const render::QrMatrix matrix = render::encodeQr(url);
    REQUIRE_FALSE(matrix.empty());
    const render::Rect box{30, 40, 300, 300};
    std::string path;
    render::SurfacePtr surface = paintQr(url, box, 380, "qr-" + std::to_string(index++), path);
    const Decoded decoded = decodeWithZbar(path);
    INFO("zbarimg exit status " << decoded.status << " (127: install zbar-tools)");
    CHECK(decoded.status == 0);
    CHECK(decoded.text == url);

    // Whole-pixel modules, quiet zone of 4 included, centred, two colours only.
    const int module = 300 / (matrix.size + 8);
    const int side = module * (matrix.size + 8);
    const int left = box.x + (box.w - side) / 2, top = box.y + (box.h - side) / 2;
    std::set<Uint32> colours;
    for (int y = top; y < top + side; ++y) {
      for (int x = left; x < left + side; ++x) {
        const Argb p = argbAt(*surface, x, y);
        colours.insert((static_cast<Uint32>(p.r) << 16) | (p.g << 8) | p.b);
      }
    }
    CHECK(colours == std::set<Uint32>{0x10141Eu, 0xFAFAF6u});
    const Argb outside = argbAt(*surface, left - 1, top + side / 2);
    CHECK(outside.r == 24);
    const Argb quiet = argbAt(*surface, left + 4 * module - 1, top + 4 * module - 1);
    CHECK(quiet.r == 250);
    const Argb finder = argbAt(*surface, left + 4 * module, top + 4 * module);
    CHECK(finder.r == 16);
    const Argb finder_end = argbAt(*surface, left + 11 * module - 1, top + 4 * module);
    CHECK(finder_end.r == 16);
    const Argb after_finder = argbAt(*surface, left + 11 * module, top + 4 * module);
    CHECK(after_finder.r == 250);
  }
}

TEST_CASE("a QR box too small for one pixel per module draws nothing") {
  std::string path;
  render::SurfacePtr surface = paintQr("https://example.org/", {10, 10, 20, 20}, 40, "qr-too-small", path);
  int drawn = 0;
  for (int y = 0; y < 40; ++y) {
    for (int x = 0; x < 40; ++x) drawn += argbAt(*surface, x, y).r != 24;
  }
  CHECK(drawn == 0);
}

TEST_CASE("the QR code on a rendered demo card decodes to the post's URL") {
  const content::Feed feed = content::loadFeed(content::demoFeed());
  render::CardRenderer renderer(realFonts(), render::Theme{}, "en");
  int with_url = 0;
  for (const content::Post& post : feed.posts) {
    if (post.url.empty()) continue;
    ++with_url;
    // Every post at the smallest screen (the smallest modules); two of them
    // also at 1080p in landscape and portrait.
    std::vector<render::CardSize> sizes{render::CardSize{800, 480}};
    if (with_url <= 2) sizes.insert(sizes.end(), {render::CardSize{1920, 1080}, render::CardSize{1080, 1920}});
    for (const render::CardSize& size : sizes) {
      CAPTURE(post.file);
      CAPTURE(size.width);
      std::vector<std::string> warnings;
      render::SurfacePtr card = renderer.render(post, content::demoFeed(), size, warnings);
      REQUIRE(card);
      const std::string path = writeTestPng(*card, "qr-card-" + std::to_string(size.width) + "x" +
                                                       std::to_string(size.height) + "-" + std::to_string(with_url));
      const Decoded decoded = decodeWithZbar(path);
      INFO("zbarimg exit status " << decoded.status << " (127: install zbar-tools)");
      CHECK(decoded.text == post.url);
    }
  }
  CHECK(with_url > 0);
}
