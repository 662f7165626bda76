// SPDX-License-Identifier: Apache-2.0
// The crawl strip: the ticker band along the bottom of the screen that
// scrolls every headline of the cycle. layoutCrawl is pure layout over
// TextMeasurer (one seamless loop of runs and marks); paintCrawlTile turns
// a stretch of that loop into a surface no wider than a texture may be, for
// the main loop to upload as it comes on screen and move each frame.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "content/Post.hpp"
#include "render/DrawList.hpp"
#include "render/FontCache.hpp"
#include "render/SdlHandles.hpp"
#include "render/TextMeasurer.hpp"
#include "render/Theme.hpp"

namespace newsticker::render {

struct CrawlItem {
  std::string headline;
  std::string source;             // empty: the headline is shown alone
  content::LanguageTag language;  // picks the CJK face: "en", "ja", "ko", "zh-Hans", "zh-Hant", ...
};

// Sizes in px. The defaults suit a 1080p screen; crawlStyleFor derives a
// style from a Theme and the screen size.
struct CrawlStyle {
  int height = 76;    // of the strip, px
  int text_px = 40;   // em size of headlines
  int source_px = 0;  // em size of sources; 0: text_px
  Color background{22, 34, 56};
  Color hairline{47, 72, 115};  // a line along the strip's top edge
  int hairline_px = 0;          // its thickness; 0: none
  Color headline{245, 247, 251};
  Color source{134, 148, 172};
  Color mark{110, 168, 255};
  fonts::Weight headline_weight = fonts::Weight::Regular;
  fonts::Weight source_weight = fonts::Weight::Regular;
  int gap = 80;                // px from the end of one item to the start of the next; the mark sits in its middle
  int source_gap = 24;         // px between a headline and its source
  int mark_size = 10;          // side of the small square between items (a shape, never a character of a text), px
  int max_headline_width = 0;  // px; a longer headline ends with an ellipsis. 0: twice min_period (if > 0)
  // The strip reads right to left (Arabic, Hebrew feeds): the loop is laid
  // out mirrored, each source left of its headline, the next item further
  // left, and it scrolls towards the right.
  bool rtl = false;
};

struct CrawlLayout {
  int period = 0;  // width of one seamless loop, px: x = period continues with x = 0
  int height = 0;
  // list.commands[0] is the background (a square FillShape over the whole
  // strip), then the hairline along its top when the style has one (a
  // square FillShape as wide), then the runs and marks in strip coordinates, x in [0, period),
  // in reading order (right to left when style.rtl). list.width == period.
  DrawList list;
  // The first `items_shown` items of the input are in the loop (those whose
  // headline is blank are skipped, but counted); the rest did not fit in
  // max_period.
  std::size_t items_shown = 0;
  int repeats = 1;   // how many times the shown items follow each other in one period
  bool rtl = false;  // laid out right to left (CrawlStyle::rtl): scrolled towards the right
};

// Sets `items` on one baseline, vertically centred in style.height: each
// headline (style.headline_weight) then, after style.source_gap, its source
// (style.source_weight and source_px, calmer colour), a small square in the
// middle of the gap after every item, each run's FontSpec.language the item's language and its rtl
// the text's own direction (runsRightToLeft). Newlines and
// tabs in a headline become one space; a headline wider than
// style.max_headline_width is cut with an ellipsis. The loop's seam falls in
// the gap after the last item, so that gap equals the others. When the items
// are shorter than `min_period` (the screen width) the sequence repeats
// until the period reaches it; items that would take the period beyond
// `max_period` are left out, and only the kept ones are measured. No items:
// period 0 and an empty list. Throws only what `measurer` throws, or
// std::runtime_error when ICU cannot segment a text that must be cut.
CrawlLayout layoutCrawl(const std::vector<CrawlItem>& items, const CrawlStyle& style, int min_period,
                        TextMeasurer& measurer, int max_period = 32 * 2048);

// Paints `layout` into opaque ARGB8888 surfaces, layout.height tall, each at
// most `max_tile_width` (> 0) wide, together exactly layout.period wide: tile
// k covers [k * max_tile_width, ...). Runs and marks that cross a tile edge
// are drawn in both tiles, so the seam is invisible. The caller owns the
// surfaces. Returns an empty vector when the period is 0, or when SDL cannot
// allocate a surface (SDL_GetError says why); throws what FontCache::font
// throws.
std::vector<SurfacePtr> paintCrawlTiles(const CrawlLayout& layout, FontCache& fonts, int max_tile_width = 2048);

// How many tiles of at most `max_tile_width` px cover one period of `layout`
// (0 when the period or height is 0).
int crawlTileCount(const CrawlLayout& layout, int max_tile_width = 2048);

// Tile `index` of paintCrawlTiles alone (the strip is painted tile by tile
// as it scrolls, so only the tiles on screen and the next are in memory).
// Null when `index` is out of range or SDL cannot allocate (SDL_GetError).
SurfacePtr paintCrawlTile(const CrawlLayout& layout, FontCache& fonts, int index, int max_tile_width = 2048);

// The strip's style for a screen whose shorter side is `screen_short_side`
// px, in `theme`'s crawl colours: regular headlines about 40 px at 1080
// (readable at lobby distance, quieter than the card), sources a step
// smaller, the strip 1.9 times the text size with a hairline on top. Pure;
// never fails.
CrawlStyle crawlStyleFor(int screen_short_side, const Theme& theme);

// What the crawl carries for a cycle of `posts` (borrowed, in the cycle's order). With `others` (the
// default), the stories that are not on the cards: the posts' related
// headlines, each once, leaving out any that is a card's own headline;
// when there are fewer than three of those, every card's headline then
// its related ones, as with `others` false. A source equal to `feed_name`
// (shown in the header already) is left out. Each item in its post's
// language, else `fallback_language`. Pure.
std::vector<CrawlItem> crawlItemsFor(const std::vector<const content::Post*>& posts, bool others,
                                     const std::string& feed_name, const content::LanguageTag& fallback_language);

}  // namespace newsticker::render
