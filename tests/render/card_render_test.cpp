// SPDX-License-Identifier: Apache-2.0
// Headless card rendering with the real fonts, SDL and SDL_image: pixel
// checks at known places, and golden images compared with a tolerance.
#include <doctest/doctest.h>

#include <SDL_image.h>

#include <algorithm>

#include "GoldenImage.hpp"
#include "RealFonts.hpp"
#include "content/DemoFeed.hpp"
#include "content/FeedLoader.hpp"
#include "content/MemoryTree.hpp"
#include "render/CardCaption.hpp"
#include "render/CardRenderer.hpp"

using namespace newsticker;

namespace {

struct Rgb {
  int r, g, b;
};

Rgb pixelAt(SDL_Surface& s, int x, int y) {
  const Uint32 p = *reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(s.pixels) + y * s.pitch + x * 4);
  return Rgb{static_cast<int>((p >> 16) & 0xFF), static_cast<int>((p >> 8) & 0xFF), static_cast<int>(p & 0xFF)};
}

bool near(const Rgb& a, const render::Color& b, int tolerance = 6) {
  return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance && std::abs(a.b - b.b) <= tolerance;
}

// Pixels in `rect` brighter than the panel: the ink of text.
int brightPixels(SDL_Surface& s, const render::Rect& rect, int threshold = 200) {
  int count = 0;
  for (int y = rect.y; y < rect.y + rect.h; ++y) {
    for (int x = rect.x; x < rect.x + rect.w; ++x) {
      const Rgb p = pixelAt(s, x, y);
      count += (p.r + p.g + p.b) / 3 > threshold;
    }
  }
  return count;
}

}  // namespace

TEST_CASE("a card without a logo: background, panel, monogram badge and headline ink where the layout put them") {
  const render::Theme theme;
  render::CardRenderer renderer(realFonts(), theme, "en");
  content::Post post;
  post.file = "posts/test.md";
  post.title = "Night buses return to the harbour line";
  post.summary = "From Friday the N4 runs every twenty minutes between midnight and five.";
  post.source = "Riverline Transit";
  post.date = "2026-11-02";
  content::MemoryTree empty("empty", {});
  std::vector<std::string> warnings;
  const render::CardSize size{1280, 720};
  render::SurfacePtr card = renderer.render(post, empty, size, warnings);
  REQUIRE(card);
  CHECK(warnings.empty());
  CHECK(card->w == 1280);
  CHECK(card->h == 720);

  CHECK(near(pixelAt(*card, 2, 2), theme.background_top, 4));  // screen corner
  const render::DrawList list = renderer.layout(post, size);
  // The panel's inside, right of the headline's end and below the logo row.
  const auto& panel = std::get<render::FillShape>(list.commands[2]);
  CHECK(near(pixelAt(*card, panel.rect.x + panel.rect.w - 20, panel.rect.y + 20), theme.panel_top, 6));
  // The monogram badge: the first rounded shape after the panel, in a badge colour (not the panel's).
  const auto& badge = std::get<render::FillShape>(list.commands[3]);
  const Rgb badge_pixel = pixelAt(*card, badge.rect.x + 4, badge.rect.y + badge.rect.h / 2);
  CHECK(near(badge_pixel, badge.top, 3));
  CHECK_FALSE(near(badge_pixel, theme.panel_top, 20));
  // "RT" in the badge is drawn in white.
  CHECK(brightPixels(*card, badge.rect) > 100);

  // Headline: its first run has ink (near-white) on its line, and none above the panel.
  const render::TextRun* headline = nullptr;
  for (const auto& command : list.commands) {
    if (const auto* run = std::get_if<render::TextRun>(&command);
        run && run->font.weight == fonts::Weight::Bold && run->text.find("Night") == 0) {
      headline = run;
    }
  }
  REQUIRE(headline != nullptr);
  const int width = realFonts().width(headline->text, headline->font);
  const render::Rect ink{headline->x, headline->baseline - headline->font.px, width, headline->font.px};
  CHECK(brightPixels(*card, ink) > width);  // a line of bold text at this size
  CHECK(brightPixels(*card, {0, 0, 1280, panel.rect.y}) == 0);
}

TEST_CASE("a logo that cannot be decoded falls back to the monogram with a warning") {
  render::CardRenderer renderer(realFonts(), render::Theme{}, "en");
  content::Post post;
  post.file = "posts/broken-logo.md";
  post.title = "Broken logos never blank a card";
  post.source = "Harbor Library";
  post.logo = "logos/broken.png";
  content::MemoryTree tree("test", {{"logos/broken.png", "this is not a PNG"}});
  std::vector<std::string> warnings;
  render::SurfacePtr card = renderer.render(post, tree, {960, 540}, warnings);
  REQUIRE(card);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("posts/broken-logo.md") == 0);
  CHECK(warnings[0].find("monogram") != std::string::npos);
}

// "2026-11-02-riverline-live-arrivals" for "posts/2026-11-02-riverline-live-arrivals.md".
std::string postName(const content::Post& post) {
  std::string name = post.file.substr(post.file.find_last_of('/') + 1);
  return name.substr(0, name.find_last_of('.'));
}

TEST_CASE("golden: every demo card at 800x480, 1280x720, 1920x1080 and 1080x1920, a few at 3840x2160") {
  // Named card-<size>-<post>.png; NEWSTICKER_UPDATE_GOLDEN=1 rewrites them.
  IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
  const content::Feed feed = content::loadFeed(content::demoFeed());
  REQUIRE(feed.posts.size() >= 9);
  render::CardRenderer renderer(realFonts(), render::Theme{}, "en");
  const std::vector<std::string> at_4k = {"tidewater-opens-community-hardware-lab", "aurora-planetarium-renewal",
                                          "riverline-late-night-ferry-trial"};
  for (const render::CardSize size :
       {render::CardSize{800, 480}, render::CardSize{1280, 720}, render::CardSize{1920, 1080},
        render::CardSize{1080, 1920}, render::CardSize{3840, 2160}}) {
    const std::string size_name = std::to_string(size.width) + "x" + std::to_string(size.height);
    for (const content::Post& post : feed.posts) {
      if (size.width == 3840 && std::none_of(at_4k.begin(), at_4k.end(), [&](const std::string& part) {
            return post.file.find(part) != std::string::npos;
          })) {
        continue;
      }
      const std::string golden = "card-" + size_name + "-" + postName(post);
      CAPTURE(golden);
      std::vector<std::string> warnings;
      render::SurfacePtr card = renderer.render(post, content::demoFeed(), size, warnings);
      REQUIRE(card);
      CHECK(warnings.empty());
      const GoldenResult result = compareWithGolden(*card, golden);
      INFO(result.message);
      CHECK(result.matches);
    }
  }
}

TEST_CASE("golden images catch wrong text: a month one off, a word changed, a source renamed") {
  // The smallest card, where a word is fewest pixels: each change must fail
  // the comparison with the committed golden of the right card.
  IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
  const content::Feed feed = content::loadFeed(content::demoFeed());
  const content::Post* tidewater = nullptr;
  for (const content::Post& post : feed.posts) {
    if (post.file.find("tidewater-opens-community-hardware-lab") != std::string::npos) tidewater = &post;
  }
  REQUIRE(tidewater != nullptr);
  REQUIRE(tidewater->date == "2026-10-05");
  render::CardRenderer renderer(realFonts(), render::Theme{}, "en");
  const std::string golden = "card-800x480-" + postName(*tidewater);
  std::vector<std::string> warnings;
  {
    render::SurfacePtr same = renderer.render(*tidewater, content::demoFeed(), {800, 480}, warnings);
    REQUIRE(same);
    CHECK(compareWithGolden(*same, golden).matches);  // the unchanged card matches
  }
  content::Post wrong_month = *tidewater;
  wrong_month.date = "2026-11-05";  // "5 Nov" for "5 Oct"
  content::Post changed_word = *tidewater;
  const std::size_t lab = changed_word.title.find("Lab");
  REQUIRE(lab != std::string::npos);
  changed_word.title.replace(lab, 3, "Hub");
  content::Post renamed = *tidewater;
  renamed.source += "s";
  for (const content::Post* wrong : {&wrong_month, &changed_word, &renamed}) {
    CAPTURE(wrong->date);
    CAPTURE(wrong->title);
    CAPTURE(wrong->source);
    render::SurfacePtr card = renderer.render(*wrong, content::demoFeed(), {800, 480}, warnings);
    REQUIRE(card);
    const GoldenResult result = compareWithGolden(*card, golden);
    INFO(result.message);
    CHECK_FALSE(result.matches);
  }
}

TEST_CASE("open fonts stay bounded however many sizes the cards try") {
  // Fitting tries many sizes per text box; before the bound every one stayed
  // open (about 2.7 MB each for Noto Sans CJK).
  realFonts();  // starts SDL_ttf for the process
  render::FontCache fonts(fonts::defaultFontChain());
  render::CardRenderer renderer(fonts, render::Theme{}, "en");
  const content::Feed feed = content::loadFeed(content::demoFeed());
  std::vector<std::string> warnings;
  for (const render::CardSize size : {render::CardSize{1920, 1080}, render::CardSize{1080, 1920},
                                      render::CardSize{1280, 720}, render::CardSize{800, 480}}) {
    for (const auto& post : feed.posts) REQUIRE(renderer.render(post, content::demoFeed(), size, warnings));
  }
  // One font per face used, whatever the sizes: JP, KR, SC, TC in two
  // weights, plus emoji and symbol fallbacks (each Noto CJK face holds about
  // 2.5 MB of tables, so a font per size would not do).
  INFO("open fonts: " << fonts.openFonts());
  CHECK(fonts.openFonts() <= 12);
  CHECK(fonts.openFonts() >= 4);
}

TEST_CASE("an urgent notice's card: the red band across the panel's top, its alert sign, URGENT in its language") {
  render::CardRenderer renderer(realFonts(), render::Theme{}, "en");
  content::MemoryTree tree("test", {});
  content::Post post;
  post.file = "posts/drill.md";
  post.title = "Fire drill now: leave by the nearest stairs";
  post.source = "Facilities";
  post.language = "en";
  std::vector<std::string> warnings;
  render::SurfacePtr calm = renderer.render(post, tree, {960, 540}, warnings);
  post.show.urgent = true;
  render::SurfacePtr urgent = renderer.render(post, tree, {960, 540}, warnings);
  REQUIRE(calm);
  REQUIRE(urgent);
  CHECK(warnings.empty());
  const render::Theme theme;
  // At 960x540 the panel starts 17 px in (the screen's chrome), the band is
  // 75 px (150 units at 0.5 px) tall, the icon 46 px, 34 px in (measured on
  // the card, looked at).
  int band = 0, panel = 0;
  for (int x = 40; x < 920; x += 8) {
    band += near(pixelAt(*urgent, x, 30), theme.urgent_top, 24);
    panel += near(pixelAt(*calm, x, 30), theme.urgent_top, 24);
  }
  CHECK(band > 90);
  CHECK(panel == 0);
  // The alert sign: a white disc with the band's red exclamation mark in it; the word in white after it.
  const int icon_left = 17 + 34, icon = 46, icon_top = 17 + (75 - icon) / 2;
  CHECK(near(pixelAt(*urgent, icon_left + 8, icon_top + icon / 2), theme.urgent_text, 8));
  CHECK(near(pixelAt(*urgent, icon_left + icon / 2, icon_top + icon / 3), theme.urgent_top, 40));      // the bar
  CHECK(near(pixelAt(*urgent, icon_left + icon / 2, icon_top + icon * 3 / 4), theme.urgent_top, 40));  // the dot
  CHECK(brightPixels(*urgent, {icon_left + icon + 10, 17 + 10, 200, 55}, 230) > 300);
  // Everything below gives way to the band: a short headline stays centred in
  // the room left, so its first ink is half the band (37 px) lower than on the
  // calm card.
  const auto firstInk = [](SDL_Surface& s, int from) {
    for (int y = from; y < 540; ++y) {
      if (brightPixels(s, {120, y, 500, 1}, 180) > 5) return y;
    }
    return 540;
  };
  CHECK(firstInk(*urgent, 17 + 75 + 1) - firstInk(*calm, 18) == doctest::Approx(75 / 2.0).epsilon(0.1));

  CHECK(render::urgentLabel("ja") == "緊急");
  CHECK(render::urgentLabel("de") == "DRINGEND");
  CHECK(render::urgentLabel("zh-Hant") == "緊急");
  CHECK(render::urgentLabel("xx") == "URGENT");
}
