// SPDX-License-Identifier: Apache-2.0
// Every text on every band, in both themes, at least 4.5:1 (WCAG AA for
// body text): computed from the theme's colours, and measured on painted
// cards, headers and crawl strips from the pixels.
#include <doctest/doctest.h>

#include <algorithm>

#include "RealFonts.hpp"
#include "content/DemoFeed.hpp"
#include "content/FeedLoader.hpp"
#include "render/CardPainter.hpp"
#include "render/CardRenderer.hpp"
#include "render/Contrast.hpp"
#include "render/CrawlStrip.hpp"
#include "render/ScreenLayout.hpp"

using namespace newsticker;

namespace {

render::Color pixelAt(const SDL_Surface& s, int x, int y) {
  x = std::clamp(x, 0, s.w - 1);
  y = std::clamp(y, 0, s.h - 1);
  const Uint32 p = *reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(s.pixels) + y * s.pitch + x * 4);
  return render::Color{static_cast<std::uint8_t>(p >> 16), static_cast<std::uint8_t>(p >> 8),
                       static_cast<std::uint8_t>(p), 255};
}

// The contrast of `run` as painted in `surface`: its most contrasting ink
// pixel (a glyph's stem, fully covered) against the band just left of it.
double paintedContrast(const SDL_Surface& surface, const render::TextRun& run) {
  const render::FontMetrics m = realFonts().metrics(run.font);
  const int width = std::min(realFonts().width(run.text, run.font), surface.w - run.x);
  const render::Color band = pixelAt(surface, run.x - std::max(2, run.font.px / 8), run.baseline - run.font.px / 3);
  double best = 1;
  for (int y = run.baseline - m.ascent; y < run.baseline + m.descent; ++y) {
    for (int x = run.x; x < run.x + width; ++x)
      best = std::max(best, render::contrastRatio(pixelAt(surface, x, y), band));
  }
  return best;
}

// Checks every text run of `list` painted in `surface`; returns how many.
int checkRuns(const render::DrawList& list, const SDL_Surface& surface, int max_x) {
  int checked = 0;
  for (const render::DrawCommand& command : list.commands) {
    const auto* run = std::get_if<render::TextRun>(&command);
    if (run == nullptr || run->text.empty() || run->x < 4 || run->x + run->font.px > max_x) continue;
    CAPTURE(run->text);
    CHECK(paintedContrast(surface, *run) >= 4.5);
    ++checked;
  }
  return checked;
}

}  // namespace

TEST_CASE("contrast: WCAG luminance and ratio") {
  CHECK(render::relativeLuminance({0, 0, 0}) == doctest::Approx(0));
  CHECK(render::relativeLuminance({255, 255, 255}) == doctest::Approx(1));
  CHECK(render::contrastRatio({0, 0, 0}, {255, 255, 255}) == doctest::Approx(21));
  CHECK(render::contrastRatio({255, 255, 255}, {0, 0, 0}) == doctest::Approx(21));
  CHECK(render::contrastRatio({118, 118, 118}, {255, 255, 255}) == doctest::Approx(4.54).epsilon(0.01));
}

TEST_CASE("contrast: every text on every band at least 4.5:1 in both themes, from the theme's colours") {
  for (const std::string name : {"dark", "light"}) {
    CAPTURE(name);
    const render::Theme theme = *render::themeNamed(name);
    const std::vector<render::TextOnBand> pairs = render::textOnBands(theme);
    CHECK(pairs.size() >= 20);
    for (const render::TextOnBand& pair : pairs) {
      CAPTURE(pair.what);
      CHECK(render::contrastRatio(pair.text, pair.band) >= 4.5);
    }
  }
  // The old light crawl (flat grey band, accent source) would fail.
  render::Theme grey = render::lightTheme();
  grey.crawl_band = {124, 128, 132};
  grey.crawl_source = grey.accent;
  const auto pairs = render::textOnBands(grey);
  CHECK(std::any_of(pairs.begin(), pairs.end(),
                    [](const render::TextOnBand& p) { return render::contrastRatio(p.text, p.band) < 4.5; }));
}

TEST_CASE("contrast: measured from the pixels of painted cards, header and crawl, both themes") {
  const content::Feed feed = content::loadFeed(content::demoFeed());
  for (const std::string name : {"dark", "light"}) {
    CAPTURE(name);
    const render::Theme theme = *render::themeNamed(name);
    render::CardRenderer renderer(realFonts(), theme, "en");
    int checked = 0;
    for (std::size_t i = 0; i < feed.posts.size(); i += 3) {
      CAPTURE(feed.posts[i].file);
      std::vector<std::string> warnings;
      render::DrawList list;
      render::SurfacePtr card = renderer.render(feed.posts[i], content::demoFeed(), {1280, 720}, warnings, &list);
      REQUIRE(card);
      checked += checkRuns(list, *card, card->w);
    }
    // The header and the crawl, as the screen draws them.
    const render::ScreenStyle style = render::screenStyleFor(theme);
    const render::ScreenGeometry geometry = render::layoutScreen(1280, 720, {});
    render::HeaderContent header;
    header.feed_name = "Harbor City Commons";
    header.position = "3 / 16";
    header.time = "14:05";
    header.date = "Tue 24 Nov";
    header.language = "en";
    render::LineBreaker breaker;
    const render::DrawList header_list = render::layoutHeader(header, geometry, style, realFonts(), breaker);
    render::SurfacePtr header_pixels = render::paintDrawList(header_list, realFonts(), {});
    REQUIRE(header_pixels);
    CHECK(checkRuns(header_list, *header_pixels, header_pixels->w) == 4);
    render::CrawlStyle crawl = render::crawlStyleFor(720, theme);
    crawl.background = style.crawl_background;
    crawl.headline = style.crawl_headline;
    crawl.source = style.crawl_source;
    const render::CrawlLayout strip =
        render::layoutCrawl({{"Night buses return to the harbour line", "Riverline Transit", "en"},
                             {"Library hours", "Harbor Library", "en"}},
                            crawl, 1280, realFonts());
    render::SurfacePtr tile = render::paintCrawlTile(strip, realFonts(), 0);
    REQUIRE(tile);
    CHECK(checkRuns(strip.list, *tile, tile->w) >= 4);
    CHECK(checked >= 30);
  }
}
