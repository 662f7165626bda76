// SPDX-License-Identifier: Apache-2.0
#include "render/ScreenLayout.hpp"

#include <algorithm>
#include <cmath>

#include "render/TextFitter.hpp"

namespace newsticker::render {
namespace {

Color mix(const Color& a, const Color& b, double t) {
  const auto m = [t](std::uint8_t x, std::uint8_t y) {
    return static_cast<std::uint8_t>(std::lround(x + (y - x) * t));
  };
  return Color{m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), 255};
}

// A line of text fitted to `width` at exactly `px`, baseline centred in a
// band of height `band_h` starting at `top`.
TextRun bandText(const std::string& text, int px, fonts::Weight weight, const content::LanguageTag& language, int x,
                 int width, int top, int band_h, Color color, TextMeasurer& measurer, LineBreaker& breaker) {
  TextBox box;
  box.width = std::max(1, width);
  box.max_lines = 1;
  box.min_px = box.max_px = px;
  box.weight = weight;
  box.language = language;
  const FittedText fitted = fitText(text, box, measurer, breaker);
  const FontMetrics m = measurer.metrics(fitted.font);
  const int baseline = top + (band_h + m.ascent - m.descent) / 2;
  return TextRun{fitted.lines.empty() ? "" : fitted.lines.front(), fitted.lineFont(0), x, baseline, color};
}

}  // namespace

ScreenStyle screenStyleFor(const Theme& theme) {
  ScreenStyle s;
  s.header_background = theme.background_top;
  s.header_text = theme.headline;
  s.header_meta = theme.summary;
  s.track = mix(theme.background_top, theme.meta, 0.35);
  s.track_done = mix(theme.background_top, theme.meta, 0.7);
  s.track_current = theme.accent;
  s.crawl_background = theme.crawl_band;
  s.crawl_hairline = theme.crawl_hairline;
  s.crawl_headline = theme.crawl_text;
  s.crawl_source = theme.crawl_source;
  s.crawl_mark = theme.accent;
  s.margin_units = theme.margin;
  return s;
}

ScreenGeometry layoutScreen(int width, int height, const ScreenOptions& options) {
  ScreenGeometry g;
  g.width = width;
  g.height = height;
  const double unit = std::min(width, height) / 1080.0;
  const auto u = [unit](double design_px) { return std::max(1, static_cast<int>(std::lround(design_px * unit))); };
  const double safe = std::clamp(options.safe_area, 0.0, 0.2);
  const int sx = static_cast<int>(std::lround(width * safe));
  const int sy = static_cast<int>(std::lround(height * safe));
  const int inner_w = width - 2 * sx;

  int top = sy;
  if (options.header) {
    g.header = Rect{sx, top, inner_w, u(88)};
    top += g.header.h;
  }
  int bottom = height - sy;
  if (options.crawl) {
    g.crawl = Rect{sx, bottom - u(80), inner_w, u(80)};
    bottom = g.crawl.y;
  }
  // The track runs along the top of the crawl (or the bottom edge), so what
  // moves between card changes stays in one band.
  if (options.progress) {
    g.progress = Rect{sx, bottom - u(6), inner_w, u(6)};
    bottom = g.progress.y;
  }
  // The card's own margin separates its panel from the header and the crawl;
  // the band it would leave above the panel is halved against the header.
  g.card_insets.left = sx;
  g.card_insets.right = sx;
  g.card_insets.top = top > 0 ? std::max(0, top - u(24)) : 0;
  g.card_insets.bottom = height - bottom > 0 ? std::max(0, height - bottom - u(16)) : 0;
  return g;
}

DrawList layoutHeader(const HeaderContent& content, const ScreenGeometry& geometry, const ScreenStyle& style,
                      TextMeasurer& measurer, LineBreaker& breaker) {
  const Rect& band = geometry.header;
  DrawList list;
  list.width = band.w;
  list.height = band.h;
  if (band.w <= 0 || band.h <= 0) return list;
  const double unit = std::min(geometry.width, geometry.height) / 1080.0;
  const auto u = [unit](double design_px) { return std::max(1, static_cast<int>(std::lround(design_px * unit))); };
  list.commands.push_back(FillShape{{0, 0, band.w, band.h}, 0, style.header_background, style.header_background, 0});

  // In line with the panel below (its margin, as the card reckons it at this size).
  const int pad = chromePixels(style.margin_units, geometry.width, geometry.height);
  const int gap = u(28);
  const FontSpec time_font{fonts::Weight::Bold, u(44), content.language};
  const FontSpec meta_font{fonts::Weight::Regular, u(34), content.language};
  const FontSpec name_font{fonts::Weight::Bold, u(36), content.language};
  int left = pad;
  if (!content.feed_logo.empty()) {
    const int tile = band.h * 62 / 100;
    const Rect box{left, (band.h - tile) / 2, tile, tile};
    list.commands.push_back(FillShape{box, tile / 5, Color{246, 248, 251}, Color{246, 248, 251}, 1});
    const int inset = tile / 8;
    list.commands.push_back(
        Logo{content.feed_logo, {box.x + inset, box.y + inset, tile - 2 * inset, tile - 2 * inset}});
    left += tile + u(20);
  }
  // What the right end shows, most first: the clock, the date, the position.
  // The venue's name goes first of all: the position, then the weekday, then
  // the date make way for it; only beside the clock alone is it shortened.
  const int name_w = content.feed_name.empty() ? 0 : measurer.width(content.feed_name, name_font) + u(40);
  const auto widthOf = [&](const std::string& text, const FontSpec& font) {
    return text.empty() ? 0 : measurer.width(text, font) + gap;
  };
  const int time_w = widthOf(content.time, time_font);
  const std::string short_date = content.date_short.empty() ? "" : content.date_short;
  struct Choice {
    std::string date, position;
  };
  const Choice choices[] = {{content.date, content.position}, {content.date, ""}, {short_date, ""}, {"", ""}};
  Choice shown = choices[3];
  for (const Choice& c : choices) {
    const int w = time_w + widthOf(c.date, meta_font) + (c.position.empty() ? 0 : widthOf(c.position, meta_font) + gap);
    if (left + name_w + w <= band.w - pad + gap) {
      shown = c;
      break;
    }
  }
  int right = band.w - pad;
  const auto placeRight = [&](const std::string& text, const FontSpec& font, Color color) {
    if (text.empty()) return;
    const int w = measurer.width(text, font);
    list.commands.push_back(
        bandText(text, font.px, font.weight, content.language, right - w, w + 1, 0, band.h, color, measurer, breaker));
    right -= w + gap;
  };
  placeRight(content.time, time_font, style.header_text);
  placeRight(shown.date, meta_font, style.header_meta);
  if (!shown.position.empty()) {
    right -= gap;  // a wider pause between the clock and the position
    placeRight(shown.position, meta_font, style.header_meta);
  }
  if (!content.feed_name.empty() && right - left > u(40)) {
    list.commands.push_back(bandText(content.feed_name, name_font.px, name_font.weight, content.language, left,
                                     right - left, 0, band.h, style.header_text, measurer, breaker));
  }
  return list;
}

ProgressMarks layoutProgress(const Rect& track, std::size_t index, std::size_t count, double fraction) {
  ProgressMarks marks;
  if (track.w <= 0 || track.h <= 0 || count == 0) return marks;
  index = std::min(index, count - 1);
  fraction = std::clamp(fraction, 0.0, 1.0);
  const int gap = std::max(2, track.h);
  const long segment =
      (static_cast<long>(track.w) - static_cast<long>(gap) * static_cast<long>(count - 1)) / static_cast<long>(count);
  if (count > kSegmentedCards) {
    // Too many cards for segments to read: the track is the current card's
    // hold alone (the header's "14 / 60" says where the cycle stands).
    marks.current = track;
  } else if (segment >= 6) {
    // One segment per card; the leftover pixels go to the last one.
    for (std::size_t i = 0; i < count; ++i) {
      const int x = track.x + static_cast<int>(i * (segment + gap));
      const int w = i + 1 == count ? track.x + track.w - x : static_cast<int>(segment);
      const Rect r{x, track.y, w, track.h};
      if (i < index) marks.done.push_back(r);
      else if (i > index) marks.pending.push_back(r);
      else marks.current = r;
    }
  } else {
    // Too many cards for segments: one track, the current card's span on it.
    const auto at = [&](double share) { return track.x + static_cast<int>(std::lround(track.w * share)); };
    const int x0 = at(static_cast<double>(index) / count);
    const int x1 = std::max(x0 + 2, at(static_cast<double>(index + 1) / count));
    if (x0 > track.x) marks.done.push_back(Rect{track.x, track.y, x0 - track.x, track.h});
    marks.current = Rect{x0, track.y, x1 - x0, track.h};
    if (x1 < track.x + track.w) marks.pending.push_back(Rect{x1, track.y, track.x + track.w - x1, track.h});
  }
  marks.current_fill = marks.current;
  marks.current_fill.w = static_cast<int>(std::lround(marks.current.w * fraction));
  return marks;
}

std::string positionLabel(std::size_t index, std::size_t count) {
  if (count == 0) return "";
  return std::to_string(index + 1) + " / " + std::to_string(count);
}

}  // namespace newsticker::render
