// SPDX-License-Identifier: Apache-2.0
#include "render/CrawlStrip.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <set>
#include <string_view>

#include "render/CardPainter.hpp"
#include "render/LineBreaker.hpp"
#include "render/TextDirection.hpp"

namespace newsticker::render {
namespace {

// Where text sits in the strip, in ems above the baseline: the middle of the
// CJK ideographic em box (0.88 up, 0.12 down), which is also within a few
// hundredths of the middle of Latin capitals; and the middle of Noto Sans's
// x-height (0.54), where the dots between items sit.
constexpr double kTextMiddleEm = 0.38;
constexpr double kXHeightMiddleEm = 0.27;

// The length of the line or paragraph separator, control character or
// space starting at text[pos], or 0. `breaks` is set for anything but a
// plain space.
std::size_t spaceLength(std::string_view text, std::size_t pos, bool& breaks) {
  const auto c = static_cast<unsigned char>(text[pos]);
  breaks = false;
  if (c == ' ') return 1;
  if (c < 0x20 || c == 0x7F) {
    breaks = true;
    return 1;
  }
  // U+0085 NEXT LINE, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR.
  if (text.compare(pos, 2, "\xC2\x85") == 0) {
    breaks = true;
    return 2;
  }
  if (text.compare(pos, 3, "\xE2\x80\xA8") == 0 || text.compare(pos, 3, "\xE2\x80\xA9") == 0) {
    breaks = true;
    return 3;
  }
  return 0;
}

// `text` on one line: each stretch of white space holding a newline, tab or
// other control character becomes one space; plain spaces stay as written;
// white space at either end goes.
std::string singleLine(std::string_view text) {
  std::string line;
  line.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    bool breaks = false;
    std::size_t length = spaceLength(text, pos, breaks);
    if (length == 0) {
      line += text[pos++];
      continue;
    }
    const std::size_t start = pos;
    bool any_break = false;
    while (pos < text.size() && (length = spaceLength(text, pos, breaks)) > 0) {
      any_break = any_break || breaks;
      pos += length;
    }
    if (line.empty() || pos == text.size()) continue;  // leading or trailing
    if (any_break) {
      line += ' ';
    } else {
      line.append(text.substr(start, pos - start));
    }
  }
  return line;
}

std::string_view trimEndSpaces(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

struct MeasuredText {
  std::string text;
  int width = 0;
};

// `text` (one line) as it is when it fits in `limit` px, else its longest
// prefix of whole grapheme clusters that fits with an ellipsis appended. The
// work is bounded by `limit`, not by the length of `text`.
MeasuredText shortenToWidth(std::string text, int limit, const FontSpec& font, TextMeasurer& measurer,
                            std::optional<LineBreaker>& breaker) {
  // No glyph is narrower than an eighth of an em and a character is at most
  // 4 bytes; the factor 2 leaves room for combining marks.
  const std::size_t max_bytes =
      2 * 4 * 8 * static_cast<std::size_t>(std::max(limit, 1)) / static_cast<std::size_t>(std::max(font.px, 1)) + 64;
  bool cut = false;
  if (text.size() > max_bytes) {
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // a code point's start
    text.resize(end);
    cut = true;
  }
  const int width = measurer.width(text, font);
  if (!cut && width <= limit) return {std::move(text), width};

  // Noto Sans CJK's U+2026 is full-width and centred: right after CJK text,
  // odd after Latin letters, which get three full stops.
  const std::string ellipsis = font.language.isCjk() && measurer.hasEllipsis(font) ? "\xE2\x80\xA6" : "...";
  if (!breaker) breaker.emplace();
  const std::vector<std::size_t> bounds = breaker->graphemeBoundaries(text);
  const auto withEllipsis = [&](std::size_t bound) {
    return std::string(trimEndSpaces(std::string_view(text).substr(0, bounds[bound]))) + ellipsis;
  };
  std::size_t lo = 0, hi = bounds.size() - 1;  // withEllipsis(lo) fits (or lo is 0)
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    if (measurer.width(withEllipsis(mid), font) <= limit) lo = mid;
    else hi = mid - 1;
  }
  std::string shortened = withEllipsis(lo);
  const int shortened_width = measurer.width(shortened, font);
  return {std::move(shortened), shortened_width};
}

// One item as it will be set: texts final, widths measured.
struct SetItem {
  MeasuredText headline;
  MeasuredText source;  // empty text: none
  FontSpec headline_font, source_font;
  int source_gap = 0;
  int width() const { return source.text.empty() ? headline.width : headline.width + source_gap + source.width; }
};

// SDL's blended blit can leave text pixels at alpha 254 on an opaque
// surface; a tile is opaque everywhere, so the compositor may draw it
// without blending.
void makeOpaque(SDL_Surface& surface) {
  for (int y = 0; y < surface.h; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(surface.pixels) +
                                                 static_cast<std::ptrdiff_t>(y) * surface.pitch);
    for (int x = 0; x < surface.w; ++x) row[x] |= 0xFF000000u;
  }
}

}  // namespace

CrawlLayout layoutCrawl(const std::vector<CrawlItem>& items, const CrawlStyle& style, int min_period,
                        TextMeasurer& measurer, int max_period) {
  CrawlLayout layout;
  layout.height = std::max(style.height, 0);
  layout.list.height = layout.height;
  const int gap = std::max(style.gap, 1);
  max_period = std::max(max_period, 0);
  const int headline_limit = std::min(style.max_headline_width > 0 ? style.max_headline_width
                                      : min_period > 0             ? 2 * min_period
                                                                   : max_period / 2,
                                      max_period / 2);
  const int source_limit = std::max(headline_limit / 4, 1);

  // Take items while the sequence stays within max_period; each is measured
  // once, and nothing after the first that does not fit.
  std::vector<SetItem> kept;
  std::optional<LineBreaker> breaker;  // made only when a text has to be cut
  long long sequence = 0;              // width of one pass over the kept items, gaps included
  std::size_t considered = 0;
  for (; considered < items.size(); ++considered) {
    const CrawlItem& item = items[considered];
    std::string headline = singleLine(item.headline);
    if (headline.empty()) continue;
    SetItem set;
    set.source_gap = std::max(style.source_gap, 0);
    set.headline_font =
        FontSpec{style.headline_weight, style.text_px, item.language, false, runsRightToLeft(headline, item.language)};
    set.headline =
        shortenToWidth(std::move(headline), std::max(headline_limit, 1), set.headline_font, measurer, breaker);
    std::string source = singleLine(item.source);
    if (!source.empty()) {
      set.source_font = FontSpec{style.source_weight, style.source_px > 0 ? style.source_px : style.text_px,
                                 item.language, false, runsRightToLeft(source, item.language)};
      set.source = shortenToWidth(std::move(source), source_limit, set.source_font, measurer, breaker);
    }
    const long long with_item = sequence + set.width() + gap;
    if (with_item > max_period) break;
    sequence = with_item;
    kept.push_back(std::move(set));
  }
  layout.items_shown = considered;
  layout.rtl = style.rtl;
  if (kept.empty()) return layout;

  // Repeat the sequence until it covers the screen, within max_period.
  int repeats = 1;
  while (sequence * repeats < min_period && sequence * (repeats + 1) <= max_period) ++repeats;
  layout.repeats = repeats;
  layout.period = static_cast<int>(sequence * repeats);
  layout.list.width = layout.period;

  // Vertical: the text's middle on the strip's middle; the dots on the
  // middle of the x-height.
  const int baseline = static_cast<int>(std::lround(layout.height / 2.0 + kTextMiddleEm * style.text_px));
  const int mark_size = std::min(std::max(style.mark_size, 0), gap - 2);
  const int mark_middle = baseline - static_cast<int>(std::lround(kXHeightMiddleEm * style.text_px));
  // The first item starts a little after x = 0, so the seam (the gap after the
  // last item) falls between that gap's dot and the first item: blank on
  // both sides.
  const int first_x = std::max(gap - std::max(mark_size, 0), 0) / 4;

  auto& commands = layout.list.commands;
  commands.reserve(1 + kept.size() * 3 * static_cast<std::size_t>(repeats));
  commands.emplace_back(FillShape{Rect{0, 0, layout.period, layout.height}, 0, style.background, style.background, 0});
  if (style.hairline_px > 0) {
    commands.emplace_back(FillShape{Rect{0, 0, layout.period, std::min(style.hairline_px, layout.height)}, 0,
                                    style.hairline, style.hairline, 0});
  }
  int x = first_x;
  for (int pass = 0; pass < repeats; ++pass) {
    for (const SetItem& item : kept) {
      commands.emplace_back(TextRun{item.headline.text, item.headline_font, x, baseline, style.headline});
      if (!item.source.text.empty()) {
        commands.emplace_back(TextRun{item.source.text, item.source_font, x + item.headline.width + item.source_gap,
                                      baseline, style.source});
      }
      const int end = x + item.width();
      if (mark_size > 0) {
        const Rect dot{end + (gap - mark_size) / 2, mark_middle - mark_size / 2, mark_size, mark_size};
        commands.emplace_back(FillShape{dot, mark_size / 5, style.mark, style.mark, 1});
      }
      x = end + gap;
    }
  }
  // Right to left: the strip in a mirror (each headline right of its source,
  // the next item to the left); the loop stays seamless.
  if (style.rtl) mirrorDrawList(layout.list, measurer);
  return layout;
}

int crawlTileCount(const CrawlLayout& layout, int max_tile_width) {
  if (layout.period <= 0 || layout.height <= 0) return 0;
  max_tile_width = std::max(max_tile_width, 1);
  return (layout.period + max_tile_width - 1) / max_tile_width;
}

SurfacePtr paintCrawlTile(const CrawlLayout& layout, FontCache& fonts, int index, int max_tile_width) {
  max_tile_width = std::max(max_tile_width, 1);
  if (index < 0 || index >= crawlTileCount(layout, max_tile_width)) return nullptr;
  const int left = index * max_tile_width;
  const int width = std::min(max_tile_width, layout.period - left);
  DrawList tile{width, layout.height, {}};
  // paintDrawList's shape filler expects a shape's right edge inside the
  // surface: a rounded shape crossing the tile's right edge is painted on
  // a wider surface that is then cropped; a square, sharp one is clipped.
  int overflow = 0;
  for (const DrawCommand& original : layout.list.commands) {
    // The command's horizontal reach in strip coordinates, ink overhang included.
    int begin = 0, end = 0;
    if (const auto* run = std::get_if<TextRun>(&original)) {
      const int overhang = run->font.px / 2 + 1;
      if (run->x - overhang >= left + width) continue;
      begin = run->x - overhang;
      end = run->x + fonts.width(run->text, run->font) + overhang;
    } else if (const auto* shape = std::get_if<FillShape>(&original)) {
      const int grow = std::max(shape->feather, 0) + 1;
      begin = shape->rect.x - grow;
      end = shape->rect.x + shape->rect.w + grow;
    }
    if (end <= left || begin >= left + width) continue;  // (the strip has no images)
    DrawCommand command = original;
    if (auto* run = std::get_if<TextRun>(&command)) {
      run->x -= left;
    } else if (auto* shape = std::get_if<FillShape>(&command)) {
      Rect& r = shape->rect;
      r.x -= left;
      if (shape->radius == 0 && shape->feather == 0) {
        const int x0 = std::max(r.x, 0), x1 = std::min(r.x + r.w, width);
        r.x = x0;
        r.w = std::max(x1 - x0, 0);
      } else {
        overflow = std::max(overflow, r.x + r.w + std::max(shape->feather, 0) + 1 - width);
      }
    }
    tile.commands.push_back(std::move(command));
  }
  tile.width = width + overflow;
  SurfacePtr painted = paintDrawList(tile, fonts, LogoSurfaces{});
  if (!painted) return nullptr;
  if (overflow > 0) {
    SurfacePtr cropped(SDL_CreateRGBSurfaceWithFormat(0, width, layout.height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!cropped) return nullptr;
    SDL_SetSurfaceBlendMode(painted.get(), SDL_BLENDMODE_NONE);
    SDL_Rect source{0, 0, width, layout.height};
    if (SDL_BlitSurface(painted.get(), &source, cropped.get(), nullptr) != 0) return nullptr;
    painted = std::move(cropped);
  }
  makeOpaque(*painted);
  return painted;
}

std::vector<SurfacePtr> paintCrawlTiles(const CrawlLayout& layout, FontCache& fonts, int max_tile_width) {
  std::vector<SurfacePtr> tiles;
  const int count = crawlTileCount(layout, max_tile_width);
  for (int k = 0; k < count; ++k) {
    SurfacePtr tile = paintCrawlTile(layout, fonts, k, max_tile_width);
    if (!tile) return {};
    tiles.push_back(std::move(tile));
  }
  return tiles;
}

CrawlStyle crawlStyleFor(int screen_short_side, const Theme& theme) {
  const double unit = std::max(screen_short_side, 1) / 1080.0;  // theme units, as Theme uses them
  const auto scaled = [unit](double units, int at_least) {
    return std::max(static_cast<int>(std::lround(units * unit)), at_least);
  };
  CrawlStyle style;
  style.text_px = scaled(40, 12);
  style.source_px = std::max(12, static_cast<int>(std::lround(style.text_px * 0.82)));
  style.height = std::max(static_cast<int>(std::lround(style.text_px * 1.9)), style.text_px + 4);
  style.gap = scaled(96, 16);
  style.source_gap = scaled(24, 4);
  style.mark_size = scaled(9, 4);
  style.hairline_px = scaled(2, 1);
  style.background = theme.crawl_band;
  style.hairline = theme.crawl_hairline;
  style.headline = theme.crawl_text;
  style.source = theme.crawl_source;
  style.mark = theme.accent;
  return style;
}

std::vector<CrawlItem> crawlItemsFor(const std::vector<const content::Post*>& posts, bool others,
                                     const std::string& feed_name, const content::LanguageTag& fallback_language) {
  const auto item = [&](const std::string& headline, const std::string& source, const content::Post& post) {
    return CrawlItem{headline, source == feed_name ? "" : source,
                     post.language.empty() ? fallback_language : post.language};
  };
  std::vector<CrawlItem> items;
  if (others) {
    std::set<std::string> seen;
    for (const content::Post* post : posts) seen.insert(post->title);  // a card's headline is not "other"
    for (const content::Post* post : posts) {
      for (const content::RelatedHeadline& related : post->related) {
        if (seen.insert(related.title).second) items.push_back(item(related.title, related.source, *post));
      }
    }
    if (items.size() >= 3) return items;
    items.clear();
  }
  for (const content::Post* post : posts) {
    items.push_back(item(post->title, post->source, *post));
    for (const content::RelatedHeadline& related : post->related) {
      items.push_back(item(related.title, related.source, *post));
    }
  }
  return items;
}

}  // namespace newsticker::render
