// SPDX-License-Identifier: Apache-2.0
// The screen around the cards: where the header (feed name and logo, card
// position, clock), the progress track and the crawl go, and what the card
// leaves free for them. Pure geometry over TextMeasurer; no SDL.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "render/CardLayout.hpp"
#include "render/DrawList.hpp"
#include "render/LineBreaker.hpp"
#include "render/TextMeasurer.hpp"
#include "render/Theme.hpp"

namespace newsticker::render {

struct ScreenOptions {
  bool header = true;        // the band at the top: feed name and logo, position, clock
  bool clock = true;         // time and date in the header
  bool progress = true;      // "3 / 11" in the header and the track above the crawl
  bool crawl = true;         // the scrolling headlines at the bottom
  bool crawl_others = true;  // the crawl carries the stories not on the cards (see crawlItemsFor)
  double safe_area = 0;      // fraction of each side kept clear for overscan (0 to 0.2)
};

// Colours of the screen around the card, derived from the card's theme.
struct ScreenStyle {
  Color header_background, header_text, header_meta;
  Color track, track_done, track_current;
  Color crawl_background, crawl_hairline, crawl_headline, crawl_source, crawl_mark;
  int margin_units = 44;  // the card panel's margin (Theme::margin): the header's ends line up with the panel
};

struct ScreenGeometry {
  int width = 0, height = 0;  // the scene, rotation already applied
  Rect header;                // h == 0 when there is no header
  Rect progress;              // the track; h == 0 when there is none
  Rect crawl;                 // h == 0 when there is no crawl
  Insets card_insets;         // what the card's panel leaves free
};

// The colours for `theme`'s screen: header on the theme's background, the
// theme's crawl band and text, the accent for progress.
ScreenStyle screenStyleFor(const Theme& theme);

// Places the header, progress track and crawl on a `width` x `height` scene.
// Sizes are fractions of the short side; the safe area is kept clear on
// every side. Parts that are off get empty rectangles.
ScreenGeometry layoutScreen(int width, int height, const ScreenOptions& options);

struct HeaderContent {
  std::string feed_name;          // may be empty
  std::string feed_logo;          // path in the content folder; empty = none
  std::string position;           // "3 / 11"; empty = none
  std::string time;               // "14:05"; empty = no clock
  std::string date;               // "Tue 24 Nov"
  std::string date_short;         // "24 Nov": the date without the weekday, for a narrow header; empty = none
  content::LanguageTag language;  // for the feed name's face
};

// The header band as a draw list of geometry.header's size, in the band's own
// coordinates: logo and feed name on the left, position, date and time on the
// right, both ends in line with the card panel's edges. When space runs out
// the venue's name stays whole: first the position is left out, then the
// date shows without its weekday (content.date_short), then not at all; only
// beside the time alone is the name shortened (never the time).
DrawList layoutHeader(const HeaderContent& content, const ScreenGeometry& geometry, const ScreenStyle& style,
                      TextMeasurer& measurer, LineBreaker& breaker);

struct ProgressMarks {
  std::vector<Rect> done;     // cards already shown in this round
  std::vector<Rect> pending;  // cards still to come
  Rect current;               // the current card's segment
  Rect current_fill;          // the part of it already elapsed
};

// Up to this many cards the progress track has a segment per card.
constexpr std::size_t kSegmentedCards = 20;

// The progress track for card `index` of `count` with `fraction` (0..1) of
// its hold elapsed: one segment per card with small gaps for up to
// kSegmentedCards cards (while a segment is at least 6 px wide, else the
// current card's span on one track); for more, the whole track is the
// current card's hold, filling as it runs.
ProgressMarks layoutProgress(const Rect& track, std::size_t index, std::size_t count, double fraction);

// "3 / 11" for the card at `index` (0-based) of `count`.
std::string positionLabel(std::size_t index, std::size_t count);

}  // namespace newsticker::render
