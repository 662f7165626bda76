// SPDX-License-Identifier: Apache-2.0
// The crawl strip: layout with the real fonts (order, text, languages, the
// loop seam, repetition, bounds) and its tiles painted with real SDL surfaces.
#include <doctest/doctest.h>

#include <SDL_image.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "RealFonts.hpp"
#include "render/CardPainter.hpp"
#include "render/CrawlStrip.hpp"

using namespace newsticker;

namespace {

std::vector<const render::TextRun*> runsOf(const render::CrawlLayout& layout) {
  std::vector<const render::TextRun*> runs;
  for (const auto& command : layout.list.commands) {
    if (const auto* run = std::get_if<render::TextRun>(&command)) runs.push_back(run);
  }
  return runs;
}

// The marks between items: every shape after the background and the hairline.
std::vector<const render::FillShape*> marksOf(const render::CrawlLayout& layout) {
  std::vector<const render::FillShape*> marks;
  for (std::size_t i = 1; i < layout.list.commands.size(); ++i) {
    const auto* shape = std::get_if<render::FillShape>(&layout.list.commands[i]);
    if (shape != nullptr && !(shape->rect.y == 0 && shape->rect.w == layout.period)) marks.push_back(shape);
  }
  return marks;
}

int runEnd(const render::TextRun& run) { return run.x + realFonts().width(run.text, run.font); }

Uint32 pixelAt(const SDL_Surface& s, int x, int y) {
  return *reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(s.pixels) + y * s.pitch + x * 4);
}

Uint32 argb(const render::Color& c) { return 0xFF000000u | (Uint32{c.r} << 16) | (Uint32{c.g} << 8) | c.b; }

// A pixel clearly different from the background: ink of text or a mark.
bool isInk(Uint32 pixel, const render::Color& background) {
  const int dr = std::abs(static_cast<int>((pixel >> 16) & 0xFF) - background.r);
  const int dg = std::abs(static_cast<int>((pixel >> 8) & 0xFF) - background.g);
  const int db = std::abs(static_cast<int>(pixel & 0xFF) - background.b);
  return std::max({dr, dg, db}) > 40;
}

render::CrawlStyle testStyle() { return render::crawlStyleFor(1080, render::Theme{}); }

// Below the hairline along the top (2 px at 1080p).
bool columnHasInk(const SDL_Surface& s, int x, const render::Color& background) {
  for (int y = testStyle().hairline_px; y < s.h; ++y) {
    if (isInk(pixelAt(s, x, y), background)) return true;
  }
  return false;
}

// The tiles side by side in one surface.
render::SurfacePtr stitch(const std::vector<render::SurfacePtr>& tiles) {
  int width = 0;
  for (const auto& tile : tiles) width += tile->w;
  render::SurfacePtr whole(SDL_CreateRGBSurfaceWithFormat(0, width, tiles.at(0)->h, 32, SDL_PIXELFORMAT_ARGB8888));
  int x = 0;
  for (const auto& tile : tiles) {
    SDL_SetSurfaceBlendMode(tile.get(), SDL_BLENDMODE_NONE);
    SDL_Rect at{x, 0, tile->w, tile->h};
    SDL_BlitSurface(tile.get(), nullptr, whole.get(), &at);
    x += tile->w;
  }
  return whole;
}

std::filesystem::path testOutput() {
  const char* env = std::getenv("NEWSTICKER_TEST_OUTPUT");
  const std::filesystem::path output =
      env != nullptr ? std::filesystem::path(env) : std::filesystem::temp_directory_path() / "newsticker-test-output";
  std::filesystem::create_directories(output);
  return output;
}

const std::vector<render::CrawlItem> kMixedItems = {
    {"Night buses return to the harbour line", "Riverline Transit", "en"},
    {"プラネタリウムが春にリニューアル開館", "NHK", "ja"},
    {"港口社区硬件实验室正式开放", "新华社", "zh-Hans"},
    {"청소년 코딩 캠프 참가자 모집", "연합뉴스", "ko"},
    {"Library opens late on Fridays", "", "en"},
    {"臺北捷運延長營運時間", "中央社", "zh-Hant"},
};

}  // namespace

TEST_CASE("crawl layout: runs in reading order with the exact text, each item's language, a dot after every item") {
  const render::CrawlStyle style = testStyle();
  const render::CrawlLayout layout = render::layoutCrawl(kMixedItems, style, 0, realFonts());
  CHECK(layout.items_shown == kMixedItems.size());
  CHECK(layout.repeats == 1);
  CHECK(layout.height == style.height);
  CHECK(layout.list.width == layout.period);
  CHECK(layout.list.height == style.height);

  const auto runs = runsOf(layout);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"Night buses return to the harbour line", "en"},
      {"Riverline Transit", "en"},
      {"プラネタリウムが春にリニューアル開館", "ja"},
      {"NHK", "ja"},
      {"港口社区硬件实验室正式开放", "zh-Hans"},
      {"新华社", "zh-Hans"},
      {"청소년 코딩 캠프 참가자 모집", "ko"},
      {"연합뉴스", "ko"},
      {"Library opens late on Fridays", "en"},  // no source: the headline alone
      {"臺北捷運延長營運時間", "zh-Hant"},
      {"中央社", "zh-Hant"},
  };
  REQUIRE(runs.size() == expected.size());
  for (std::size_t i = 0; i < runs.size(); ++i) {
    CAPTURE(i);
    CHECK(runs[i]->text == expected[i].first);
    CHECK(runs[i]->font.language == expected[i].second);
    CHECK(runs[i]->font.px == (runs[i]->color == style.source ? style.source_px : style.text_px));
    CHECK(runs[i]->baseline == runs[0]->baseline);  // one baseline
    if (i > 0) CHECK(runs[i]->x > runs[i - 1]->x);
  }
  // Headlines regular in the crawl's text colour (quieter than the card's
  // bold headline), sources a step smaller in the dimmer one.
  CHECK(runs[0]->font.weight == fonts::Weight::Regular);
  CHECK(runs[0]->color == style.headline);
  CHECK(runs[1]->font.weight == fonts::Weight::Regular);
  CHECK(runs[1]->color == style.source);
  CHECK(style.source_px < style.text_px);
  CHECK(runs[1]->x == runEnd(*runs[0]) + style.source_gap);

  // One dot per item, each in the middle of the gap after it, all within the period.
  const auto marks = marksOf(layout);
  REQUIRE(marks.size() == kMixedItems.size());
  const std::vector<std::size_t> item_last_run = {1, 3, 5, 7, 8, 10};
  for (std::size_t i = 0; i < marks.size(); ++i) {
    CAPTURE(i);
    const int end = runEnd(*runs[item_last_run[i]]);
    const int middle = marks[i]->rect.x + marks[i]->rect.w / 2;
    CHECK(std::abs(middle - (end + style.gap / 2)) <= 1);
    CHECK(marks[i]->top == style.mark);
    CHECK(marks[i]->rect.x + marks[i]->rect.w < layout.period);
  }
  // Everything lies in [0, period).
  for (const auto* run : runs) CHECK(run->x >= 0);
  CHECK(runEnd(*runs.back()) < layout.period);
  // The background covers the strip.
  const auto& background = std::get<render::FillShape>(layout.list.commands.at(0));
  CHECK(background.rect.w == layout.period);
  CHECK(background.rect.h == layout.height);
  CHECK(background.top == style.background);
  // A hairline along the top, as wide; the marks are small squares, not dots.
  const auto& hairline = std::get<render::FillShape>(layout.list.commands.at(1));
  CHECK(hairline.rect.y == 0);
  CHECK(hairline.rect.w == layout.period);
  CHECK(hairline.rect.h == style.hairline_px);
  CHECK(hairline.top == style.hairline);
  for (const auto* mark : marks) CHECK(mark->radius * 4 < mark->rect.w);
}

TEST_CASE("crawl layout: the gap at the loop seam equals the gap between items") {
  const render::CrawlStyle style = testStyle();
  const render::CrawlLayout layout = render::layoutCrawl(kMixedItems, style, 0, realFonts());
  const auto runs = runsOf(layout);
  REQUIRE(runs.size() == 11);
  // Between items: from the end of one item's last run to the next headline.
  const std::vector<std::pair<std::size_t, std::size_t>> item_end_to_next = {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {8, 9}};
  for (const auto& pair : item_end_to_next) {
    const std::size_t end_run = pair.first, next_run = pair.second;  // not bindings: CAPTURE takes them in a lambda
    CAPTURE(end_run);
    CHECK(runs[next_run]->x - runEnd(*runs[end_run]) == style.gap);
  }
  // Across the seam: the last item's end to x = period, then x = 0 to the first headline.
  CHECK((layout.period - runEnd(*runs.back())) + runs.front()->x == style.gap);
  // The seam lies in blank space: after the last dot, before the first headline.
  CHECK(runs.front()->x > 0);
  const auto marks = marksOf(layout);
  CHECK(marks.back()->rect.x + marks.back()->rect.w + 1 < layout.period);
}

TEST_CASE("crawl layout: a short list repeats until the period covers the screen") {
  const render::CrawlStyle style = testStyle();
  const std::vector<render::CrawlItem> items = {{"Short news", "Desk", "en"}, {"短信", "", "ja"}};
  const render::CrawlLayout once = render::layoutCrawl(items, style, 0, realFonts());
  REQUIRE(once.period > 0);
  REQUIRE(once.period < 1920);
  const render::CrawlLayout layout = render::layoutCrawl(items, style, 1920, realFonts());
  CHECK(layout.period >= 1920);
  CHECK(layout.period - once.period < 1920);  // not one repetition more than needed
  CHECK(layout.period == once.period * layout.repeats);
  CHECK(layout.repeats > 1);
  CHECK(layout.items_shown == 2);
  const auto runs = runsOf(layout);
  REQUIRE(runs.size() == 3 * static_cast<std::size_t>(layout.repeats));
  for (std::size_t i = 0; i < runs.size(); ++i) {
    CAPTURE(i);
    CHECK(runs[i]->text == (i % 3 == 0 ? "Short news" : i % 3 == 1 ? "Desk" : "短信"));
    CHECK(runs[i]->x == runsOf(once)[i % 3]->x + once.period * static_cast<int>(i / 3));
  }
  CHECK(marksOf(layout).size() == 2 * static_cast<std::size_t>(layout.repeats));
  // The seam keeps the same gap.
  CHECK((layout.period - runEnd(*runs.back())) + runs.front()->x == style.gap);
}

namespace {

// Counts what layout asks of the real fonts.
struct CountingMeasurer final : render::TextMeasurer {
  int widths = 0;
  int width(std::string_view utf8, const render::FontSpec& font) override {
    ++widths;
    return realFonts().width(utf8, font);
  }
  render::FontMetrics metrics(const render::FontSpec& font) override { return realFonts().metrics(font); }
  bool hasEllipsis(const render::FontSpec& font) override { return realFonts().hasEllipsis(font); }
};

}  // namespace

TEST_CASE("crawl layout: 10,000 items stay within max_period, and only the kept ones are measured") {
  const render::CrawlStyle style = testStyle();
  std::vector<render::CrawlItem> items;
  for (int i = 0; i < 10000; ++i) {
    items.push_back({"Headline number " + std::to_string(i) + " about the harbour line and the night buses",
                     "Source " + std::to_string(i % 7), i % 2 == 0 ? "en" : "ja"});
  }
  render::layoutCrawl({items[0], items[1]}, style, 1920, realFonts());  // fonts opened outside the timing
  CountingMeasurer measurer;
  const auto start = std::chrono::steady_clock::now();
  const render::CrawlLayout layout = render::layoutCrawl(items, style, 1920, measurer);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() < 100);
  const int max_period = 32 * 2048;
  CHECK(layout.period <= max_period);
  CHECK(layout.period > max_period / 2);
  CHECK(layout.repeats == 1);
  REQUIRE(layout.items_shown > 10);
  REQUIRE(layout.items_shown < items.size());
  CHECK(runsOf(layout).size() == 2 * layout.items_shown);
  CHECK(runsOf(layout).back()->text == "Source " + std::to_string((layout.items_shown - 1) % 7));
  // Headline and source of each kept item, and of the first one left out.
  CHECK(measurer.widths == 2 * static_cast<int>(layout.items_shown + 1));
  // The first item left out really would not have fitted.
  const render::CrawlLayout with_next = render::layoutCrawl(
      std::vector<render::CrawlItem>(items.begin(), items.begin() + static_cast<long>(layout.items_shown) + 1), style,
      1920, realFonts(), 1 << 30);
  CHECK(with_next.period > max_period);

  // With room for all of them, all are in.
  const render::CrawlLayout all = render::layoutCrawl(items, style, 1920, realFonts(), 1 << 30);
  CHECK(all.items_shown == items.size());
  CHECK(runsOf(all).size() == 2 * items.size());
}

TEST_CASE("crawl layout: no items, or only blank headlines, give an empty strip and no tiles") {
  const render::CrawlStyle style = testStyle();
  const render::CrawlLayout empty = render::layoutCrawl({}, style, 1920, realFonts());
  CHECK(empty.period == 0);
  CHECK(empty.items_shown == 0);
  CHECK(empty.list.commands.empty());
  CHECK(render::paintCrawlTiles(empty, realFonts()).empty());

  const render::CrawlLayout blank =
      render::layoutCrawl({{"", "Desk", "en"}, {" \n\t ", "", "ja"}}, style, 1920, realFonts());
  CHECK(blank.period == 0);
  CHECK(blank.items_shown == 2);
  CHECK(runsOf(blank).empty());
  CHECK(render::paintCrawlTiles(blank, realFonts()).empty());

  // A blank item among others is skipped.
  const render::CrawlLayout mixed =
      render::layoutCrawl({{"First", "", "en"}, {"\n", "Desk", "en"}, {"Third", "", "en"}}, style, 0, realFonts());
  REQUIRE(runsOf(mixed).size() == 2);
  CHECK(runsOf(mixed)[1]->text == "Third");
  CHECK(marksOf(mixed).size() == 2);
}

TEST_CASE("crawl layout: newlines and tabs become a space; an overlong headline ends with an ellipsis") {
  const render::CrawlStyle style = testStyle();
  const render::CrawlLayout layout =
      render::layoutCrawl({{"  Line one\nline two\r\n\tend  of it\n", " Desk\n", "en"}}, style, 0, realFonts());
  REQUIRE(runsOf(layout).size() == 2);
  CHECK(runsOf(layout)[0]->text == "Line one line two end  of it");
  CHECK(runsOf(layout)[1]->text == "Desk");

  std::string long_latin;
  for (int i = 0; i < 2000; ++i) long_latin += "harbour ";
  std::string long_japanese;
  for (int i = 0; i < 2000; ++i) long_japanese += "港の夜行バス";
  const render::CrawlLayout shortened =
      render::layoutCrawl({{long_latin, "Desk", "en"}, {long_japanese, "", "ja"}}, style, 1920, realFonts());
  const auto runs = runsOf(shortened);
  REQUIRE(runs.size() == 3);
  const int latin_width = realFonts().width(runs[0]->text, runs[0]->font);
  CHECK(latin_width <= 2 * 1920);
  CHECK(latin_width > 2 * 1920 - 3 * style.text_px);
  CHECK(runs[0]->text.size() >= 3);
  CHECK(runs[0]->text.compare(runs[0]->text.size() - 3, 3, "...") == 0);
  CHECK(runs[0]->text[runs[0]->text.size() - 4] != ' ');  // no space before the ellipsis
  const int japanese_width = realFonts().width(runs[2]->text, runs[2]->font);
  CHECK(japanese_width <= 2 * 1920);
  CHECK(japanese_width > 2 * 1920 - 3 * style.text_px);
  CHECK(runs[2]->text.compare(runs[2]->text.size() - 3, 3, "\xE2\x80\xA6") == 0);
  CHECK(shortened.period <= 2 * (2 * 1920 + style.gap) + 400);
}

TEST_CASE("crawl style: sizes follow the screen's short side, strip about 1.9 times the text") {
  const render::Theme theme;
  const render::CrawlStyle hd = render::crawlStyleFor(1080, theme);
  CHECK(hd.text_px == 40);
  CHECK(hd.height == 76);
  CHECK(hd.gap > hd.mark_size);
  CHECK(hd.background == theme.crawl_band);
  CHECK(hd.headline == theme.crawl_text);
  CHECK(hd.source == theme.crawl_source);
  CHECK(hd.hairline == theme.crawl_hairline);
  CHECK(hd.headline_weight == fonts::Weight::Regular);
  CHECK(hd.source_px == 33);
  CHECK(hd.hairline_px == 2);
  const render::CrawlStyle uhd = render::crawlStyleFor(2160, theme);
  CHECK(uhd.text_px == 80);
  CHECK(uhd.height == 152);
  const render::CrawlStyle small = render::crawlStyleFor(480, theme);
  CHECK(small.text_px == 18);
  CHECK(small.height >= small.text_px + 4);
}

TEST_CASE("crawl tiles: widths sum to the period, none wider than the limit, every pixel opaque") {
  const render::CrawlStyle style = testStyle();
  const render::CrawlLayout layout = render::layoutCrawl(kMixedItems, style, 5000, realFonts());
  REQUIRE(layout.period > 2 * 2048);
  const auto tiles = render::paintCrawlTiles(layout, realFonts());
  REQUIRE(tiles.size() == static_cast<std::size_t>((layout.period + 2047) / 2048));
  int total = 0;
  for (const auto& tile : tiles) {
    REQUIRE(tile);
    CHECK(tile->w <= 2048);
    CHECK(tile->h == layout.height);
    CHECK(tile->format->format == SDL_PIXELFORMAT_ARGB8888);
    total += tile->w;
    int translucent = 0;
    for (int y = 0; y < tile->h; ++y) {
      for (int x = 0; x < tile->w; ++x) translucent += (pixelAt(*tile, x, y) >> 24) != 0xFF;
    }
    CHECK(translucent == 0);
    CHECK(pixelAt(*tile, 0, tile->h - 1) == argb(style.background));
    CHECK(pixelAt(*tile, 0, 0) == argb(style.hairline));
  }
  CHECK(total == layout.period);
  CHECK(tiles[0]->w == 2048);
}

TEST_CASE("crawl tiles: side by side they equal the strip painted whole, seams through glyphs and dots") {
  const render::CrawlStyle style = testStyle();
  const render::CrawlLayout layout = render::layoutCrawl(kMixedItems, style, 0, realFonts());
  render::SurfacePtr whole = render::paintDrawList(layout.list, realFonts(), {});
  REQUIRE(whole);
  // The last width cuts the first dot through its middle.
  const auto& dot = *marksOf(layout).at(0);
  for (const int tile_width : {2048, 257, 64, dot.rect.x + dot.rect.w / 2}) {
    CAPTURE(tile_width);
    const auto tiles = render::paintCrawlTiles(layout, realFonts(), tile_width);
    REQUIRE(!tiles.empty());
    render::SurfacePtr stitched = stitch(tiles);
    REQUIRE(stitched->w == whole->w);
    REQUIRE(stitched->h == whole->h);
    int different = 0;
    for (int y = 0; y < whole->h; ++y) {
      for (int x = 0; x < whole->w; ++x) {
        different += (pixelAt(*stitched, x, y) & 0xFFFFFF) != (pixelAt(*whole, x, y) & 0xFFFFFF);
      }
    }
    CHECK(different == 0);
  }
  // The narrow tiles' seams do cut through ink (so the comparison above
  // covers runs and dots drawn in two tiles).
  int seams_through_ink = 0;
  for (int x = 64; x < whole->w; x += 64) seams_through_ink += columnHasInk(*whole, x, style.background);
  CHECK(seams_through_ink > 10);
  bool seam_through_dot = false;
  for (const auto* mark : marksOf(layout)) {
    seam_through_dot = seam_through_dot || mark->rect.x / 64 != (mark->rect.x + mark->rect.w - 1) / 64;
  }
  CHECK(seam_through_dot);
}

TEST_CASE("crawl tiles: the loop seam (x = period - 1, then x = 0) cuts no glyph") {
  const render::CrawlStyle style = testStyle();
  for (const int min_period : {0, 1920}) {
    CAPTURE(min_period);
    const render::CrawlLayout layout = render::layoutCrawl(kMixedItems, style, min_period, realFonts());
    const auto tiles = render::paintCrawlTiles(layout, realFonts(), 2048);
    REQUIRE(!tiles.empty());
    render::SurfacePtr strip = stitch(tiles);
    CHECK_FALSE(columnHasInk(*strip, 0, style.background));
    CHECK_FALSE(columnHasInk(*strip, strip->w - 1, style.background));
    // Ink is near on both sides: the first headline and the last dot.
    bool ink_after = false, ink_before = false;
    for (int x = 0; x < style.gap; ++x) {
      ink_after = ink_after || columnHasInk(*strip, x, style.background);
      ink_before = ink_before || columnHasInk(*strip, strip->w - 1 - x, style.background);
    }
    CHECK(ink_after);
    CHECK(ink_before);
  }
}

TEST_CASE("crawl sample strip: mixed scripts centred in the strip, written to a PNG") {
  const render::CrawlStyle style = testStyle();
  const render::CrawlLayout layout = render::layoutCrawl(kMixedItems, style, 1920, realFonts());
  const auto tiles = render::paintCrawlTiles(layout, realFonts());
  REQUIRE(!tiles.empty());
  render::SurfacePtr strip = stitch(tiles);
  const std::filesystem::path png = testOutput() / "crawl-strip-sample.png";
  CHECK(IMG_SavePNG(strip.get(), png.c_str()) == 0);
  MESSAGE("sample crawl strip: " << png.string());

  // Each CJK headline's ink is centred in the strip within a few pixels; the
  // ink stays inside the strip with a margin.
  const auto runs = runsOf(layout);
  for (std::size_t i : {2u, 4u, 9u}) {
    CAPTURE(runs[i]->text);
    int top = strip->h, bottom = -1;
    const int end = runEnd(*runs[i]);
    for (int y = style.hairline_px; y < strip->h; ++y) {
      for (int x = runs[i]->x; x < end; ++x) {
        if (isInk(pixelAt(*strip, x, y), style.background)) {
          top = std::min(top, y);
          bottom = std::max(bottom, y);
        }
      }
    }
    REQUIRE(bottom > top);
    CHECK(std::abs((top + bottom + 1) - strip->h) <= 6);  // twice the offset of the ink's middle
    CHECK(top >= style.height / 6);
    CHECK(bottom < strip->h - style.height / 6);
  }
  // Each dot is drawn: its centre pixel is the mark colour.
  for (const auto* mark : marksOf(layout)) {
    const Uint32 centre = pixelAt(*strip, mark->rect.x + mark->rect.w / 2, mark->rect.y + mark->rect.h / 2);
    CHECK(centre == argb(style.mark));
  }
}

TEST_CASE(
    "crawl layout: a right-to-left strip is the mirror: each source left of its headline, the next item further left") {
  // Arabic and Hebrew headlines with their sources, and one English item.
  const std::vector<render::CrawlItem> items = {
      {"مكتبة الواجهة البحرية تفتح مساء الجمعة", "مكتبات مدينة هاربور", "ar"},
      {"מעבדת החומרה מוסיפה 20 עמדות עבודה", "Tidewater", "he"},
      {"Night buses return to the harbour line", "Riverline Transit", "en"},
  };
  render::CrawlStyle style = testStyle();
  const render::CrawlLayout ltr = render::layoutCrawl(items, style, 0, realFonts());
  style.rtl = true;
  const render::CrawlLayout rtl = render::layoutCrawl(items, style, 0, realFonts());
  CHECK(rtl.rtl);
  CHECK_FALSE(ltr.rtl);
  CHECK(rtl.period == ltr.period);
  const auto runs = runsOf(rtl);
  const auto ltr_runs = runsOf(ltr);
  REQUIRE(runs.size() == 6);
  REQUIRE(ltr_runs.size() == 6);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    CAPTURE(i);
    CHECK(runs[i]->text == ltr_runs[i]->text);               // still in reading order
    CHECK(runs[i]->x == rtl.period - runEnd(*ltr_runs[i]));  // exactly mirrored
    if (i > 0) CHECK(runEnd(*runs[i]) < runs[i - 1]->x);     // each left of the one before
  }
  CHECK(runEnd(*runs[1]) + style.source_gap == runs[0]->x);  // the source, then the gap, then the headline
  // Each text keeps its own direction.
  CHECK(runs[0]->font.rtl);
  CHECK(runs[1]->font.rtl);
  CHECK(runs[3]->font.rtl);  // "Tidewater", a Latin source of a Hebrew item, in the item's direction
  CHECK_FALSE(runs[4]->font.rtl);
  // The dots and the background stay inside the period.
  for (const auto* mark : marksOf(rtl)) {
    CHECK(mark->rect.x > 0);
    CHECK(mark->rect.x + mark->rect.w < rtl.period);
  }
}

TEST_CASE("crawl items: the stories not on the cards, each once; every headline when there are too few") {
  content::Post a, b, c;
  a.title = "Night buses return";
  a.source = "Riverline Transit";
  a.language = "en";
  a.related = {{"Bus shelters get live times", "Metro Desk"}, {"Night buses return", "Metro Desk"}};
  b.title = "Library opens late";
  b.source = "Harbor City Commons";  // the feed's own name: shown in the header, not again
  b.related = {{"Reading hour in Arabic", "Harbor City Commons"}, {"Bus shelters get live times", "Metro Desk"}};
  c.title = "Repair café";
  c.related = {{"Soldering class", ""}};
  const auto items = render::crawlItemsFor({&a, &b, &c}, true, "Harbor City Commons", "fr");
  REQUIRE(items.size() == 3);
  CHECK(items[0].headline == "Bus shelters get live times");
  CHECK(items[0].source == "Metro Desk");
  CHECK(items[0].language == "en");
  CHECK(items[1].headline == "Reading hour in Arabic");
  CHECK(items[1].source.empty());
  CHECK(items[1].language == "fr");
  CHECK(items[2].headline == "Soldering class");
  // Fewer than three other stories, or `others` off: every card's headline, then its related ones.
  const auto all = render::crawlItemsFor({&a, &b, &c}, false, "Harbor City Commons", "fr");
  REQUIRE(all.size() == 8);
  CHECK(all[0].headline == "Night buses return");
  CHECK(all[0].source == "Riverline Transit");
  CHECK(all[3].headline == "Library opens late");
  CHECK(all[3].source.empty());
  c.related.clear();
  b.related.pop_back();
  CHECK(render::crawlItemsFor({&a, &b, &c}, true, "", "en").size() == 6);
}
