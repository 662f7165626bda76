// SPDX-License-Identifier: Apache-2.0
// End to end through the program's own code: the demo feed and the sample
// posts rendered headless to PNG files, and the --check report.
#include <doctest/doctest.h>

#include <SDL_image.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include "firmware/CheckReport.hpp"
#include "firmware/ContentSession.hpp"
#include "firmware/ScreenshotRun.hpp"
#include "firmware/SdlRuntime.hpp"
#include "render/SdlHandles.hpp"

#include "TestFolders.hpp"
using namespace newsticker;
namespace fs = std::filesystem;

namespace {

// Mean brightness of the centre of the image: a card is never black there.
double centreBrightness(SDL_Surface& s) {
  render::SurfacePtr argb(SDL_ConvertSurfaceFormat(&s, SDL_PIXELFORMAT_ARGB8888, 0));
  double sum = 0;
  int count = 0;
  for (int y = argb->h / 3; y < 2 * argb->h / 3; y += 3) {
    for (int x = argb->w / 3; x < 2 * argb->w / 3; x += 3) {
      const Uint32 p =
          *reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(argb->pixels) + y * argb->pitch + x * 4);
      sum += (((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) + (p & 0xFF)) / 3.0;
      ++count;
    }
  }
  return sum / count;
}

// Pixels in the header band (the top 8 %, left quarter) within 12 of `rgb` on every channel.
int headerPixelsOf(SDL_Surface& s, int r, int g, int b) {
  render::SurfacePtr argb(SDL_ConvertSurfaceFormat(&s, SDL_PIXELFORMAT_ARGB8888, 0));
  int count = 0;
  for (int y = 0; y < argb->h * 8 / 100; ++y) {
    for (int x = 0; x < argb->w / 4; ++x) {
      const auto* row = static_cast<const Uint8*>(argb->pixels) + y * argb->pitch;
      const Uint32 p = *reinterpret_cast<const Uint32*>(row + x * 4);
      const auto near = [](Uint32 value, int wanted) {
        return std::abs(static_cast<int>(value & 0xFF) - wanted) <= 12;
      };
      count += near(p >> 16, r) && near(p >> 8, g) && near(p, b);
    }
  }
  return count;
}

}  // namespace

TEST_CASE("--screenshot of a Hugo site: the header shows the logo its configuration names, from static/") {
  firmware::SdlRuntime sdl("dummy");
  const std::string sites = std::string(NEWSTICKER_SOURCE_DIR) + "/tests/content/sites/";
  firmware::Options options;
  options.width = 960;
  options.height = 540;
  for (const char* site : {"hugo", "zola"}) {
    CAPTURE(site);
    firmware::ContentSession content = firmware::openContent(sites + site, false);
    const fs::path out = freshFolder(std::string("site-logo-") + site);
    REQUIRE(firmware::runScreenshots(options, content, out.string()) == 0);
    render::SurfacePtr png(IMG_Load((out / "card-001.png").c_str()));
    REQUIRE(png);
    // static/images/harbour-lab-mark.png is one blue (30, 90, 200); Zola's site names no logo.
    const int blue = headerPixelsOf(*png, 30, 90, 200);
    if (std::string(site) == "hugo") {
      CHECK(blue > 200);
    } else {
      CHECK(blue == 0);
    }
    fs::remove_all(out);
  }
}

TEST_CASE("--screenshot writes one PNG per demo card, in order, at the requested size") {
  firmware::SdlRuntime sdl("dummy");
  firmware::ContentSession content = firmware::openContent("", false);
  REQUIRE(content.playlist.size() >= 6);
  firmware::Options options;
  options.width = 800;
  options.height = 450;
  options.at = "2026-11-24T09:41:30";  // the cycle then: every demo post but the past urgent notice (and standby)
  options.scene.clock.time_zone = "UTC";
  const std::size_t cards = content.playlist.size() - 2;
  const fs::path out = freshFolder("demo-shots");
  std::size_t written = 0;
  REQUIRE(firmware::runScreenshots(options, content, out.string(), &written) == 0);
  CHECK(written == cards);
  for (std::size_t i = 1; i <= cards; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "card-%03zu.png", i);
    render::SurfacePtr png(IMG_Load((out / name).c_str()));
    REQUIRE_MESSAGE(png, name);
    CHECK(png->w == 800);
    CHECK(png->h == 450);
    CHECK(centreBrightness(*png) > 20);  // the panel and text, not a black frame
  }
  CHECK_FALSE(fs::exists(out / "card-000.png"));
  char after_last[32];
  std::snprintf(after_last, sizeof after_last, "card-%03zu.png", cards + 1);
  CHECK_FALSE(fs::exists(out / after_last));
  fs::remove_all(out);
}

TEST_CASE("--screenshot --at: the cycle as it was during the demo's fire drill, its urgent notice first") {
  firmware::SdlRuntime sdl("dummy");
  firmware::ContentSession content = firmware::openContent("", false);
  firmware::Options options;
  options.width = 960;
  options.height = 540;
  options.scene.clock.time_zone = "UTC";
  const fs::path out = freshFolder("demo-drill-shots");
  options.at = "2026-11-12T10:15:00";  // the notice shows from 10:00 to 10:30 (the demo's posts of later dates
                                       // are not dated in the future: only Jekyll and Hugo sites wait for them)
  std::size_t during = 0;
  REQUIRE(firmware::runScreenshots(options, content, (out / "during").string(), &during) == 0);
  options.at = "2026-11-12T10:30:00";
  std::size_t after = 0;
  REQUIRE(firmware::runScreenshots(options, content, (out / "after").string(), &after) == 0);
  CHECK(during == after + 1);  // the notice, then the same cycle
  // The notice's red band across the top of the panel, below the header; not on the first card after.
  const auto redAcross = [](SDL_Surface& s) {
    int red = 0;
    for (int x = 100; x < 860; x += 10) {
      const Uint32 p = *reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(s.pixels) + 90 * s.pitch + x * 4);
      red += ((p >> 16) & 0xFF) > 170 && ((p >> 8) & 0xFF) < 70 && (p & 0xFF) < 70;
    }
    return red;
  };
  render::SurfacePtr first(IMG_Load((out / "during" / "card-001.png").c_str()));
  render::SurfacePtr usual(IMG_Load((out / "after" / "card-001.png").c_str()));
  REQUIRE(first);
  REQUIRE(usual);
  render::SurfacePtr first_argb(SDL_ConvertSurfaceFormat(first.get(), SDL_PIXELFORMAT_ARGB8888, 0));
  render::SurfacePtr usual_argb(SDL_ConvertSurfaceFormat(usual.get(), SDL_PIXELFORMAT_ARGB8888, 0));
  CHECK(redAcross(*first_argb) > 30);
  CHECK(redAcross(*usual_argb) == 0);
  fs::remove_all(out);
}

TEST_CASE("an empty or missing folder shows the 'no news' card instead of a black screen") {
  firmware::SdlRuntime sdl("dummy");
  const fs::path empty = freshFolder("empty-feed");
  fs::create_directories(empty);
  firmware::ContentSession content = firmware::openContent(empty.string(), false);
  REQUIRE(content.playlist.size() == 1);
  CHECK(content.playlist[0].title == "No news to show yet");
  CHECK(content.feed.rejected_files == 0);

  firmware::ContentSession missing = firmware::openContent((empty / "nowhere").string(), false);
  REQUIRE(missing.playlist.size() == 1);
  CHECK(missing.feed.rejected_files == 1);

  firmware::Options options;
  options.width = 640;
  options.height = 360;
  const fs::path out = freshFolder("empty-shots");
  REQUIRE(firmware::runScreenshots(options, content, out.string()) == 0);
  render::SurfacePtr png(IMG_Load((out / "card-001.png").c_str()));
  REQUIRE(png);
  CHECK(centreBrightness(*png) > 20);
  fs::remove_all(out);
  fs::remove_all(empty);
}

TEST_CASE("--check on the sample posts lists all five with their exact titles") {
  const fs::path seeds = NEWSTICKER_SEEDS_DIR;
  REQUIRE_MESSAGE(fs::is_directory(seeds), "seeds folder " << seeds << " not found: this test needs ../shared/seeds");
  firmware::ContentSession content = firmware::openContent(seeds.string(), false);
  std::ostringstream report;
  firmware::writeCheckReport(content.feed, {}, report);
  const std::string text = report.str();
  CHECK(content.feed.posts.size() == 5);
  CHECK(content.feed.rejected_files == 0);
  for (const char* title : {"\"Huawei Joins the PyTorch Foundation as a Premier Member\"",
                            "\"Intel Joins the PyTorch Foundation as a Premier Member\"",
                            "\"Announcing the PyTorch Foundation to Accelerate Progress in AI Research\"",
                            "\"Graphcore Joins the PyTorch Foundation as a General Member\""}) {
    CHECK_MESSAGE(text.find(title) != std::string::npos, title);
  }
  CHECK(text.find("5 posts loaded (2 drafts), 0 files rejected") != std::string::npos);
  CHECK(text.find("secured") == std::string::npos);
  // Drafts are checked but not shown: the playlist has the three blog posts.
  CHECK(content.playlist.size() == 3);

  std::ostringstream json;
  firmware::writeCheckJson(content.feed, {}, json);
  CHECK(json.str().find("\"secondary_title\": \"华为成为PyTorch基金会Premier会员\"") != std::string::npos);
  CHECK(json.str().find("kqg6vzvn") == std::string::npos);  // the opaque blob never leaks
}
