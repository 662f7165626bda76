// SPDX-License-Identifier: Apache-2.0
// Sets a paragraph into a box: wraps at break opportunities, picks the
// largest size that fits, ends what still does not fit with an ellipsis.
// Pure layout over TextMeasurer; no SDL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/LineBreaker.hpp"
#include "render/TextDirection.hpp"
#include "render/TextMeasurer.hpp"

namespace newsticker::render {

struct TextBox {
  int width = 0;             // pixels available for each line
  int max_lines = 1;         // never more lines than this
  int max_height = 0;        // pixels available for all lines; 0 = no limit
  int min_px = 16;           // smallest size to try
  int max_px = 16;           // largest size to try
  double line_height = 1.2;  // line advance as a multiple of the size
  fonts::Weight weight = fonts::Weight::Regular;
  content::LanguageTag language;
  bool autospace = false;  // FontSpec::autospace for every size tried
  // A cut-out at the box's lower right (something floats there, e.g. a QR
  // code): a line whose box reaches lower than `wide_height` px below the
  // top is at most `narrow_width` wide. narrow_width 0: no cut-out.
  int wide_height = 0;
  int narrow_width = 0;
  bool balance = false;  // even the lines out (CSS text-wrap: balance), keeping their count
  // No last line of one word (in Chinese and Japanese, of under four
  // characters) where narrowing the lines a little avoids it.
  bool avoid_widow = false;
};

struct FittedText {
  FontSpec font;
  int line_advance = 0;            // pixels from one baseline to the next
  std::vector<std::string> lines;  // the text of each line, trailing spaces removed
  bool ellipsised = false;         // the text was cut and ends with an ellipsis
  std::size_t shown_bytes = 0;     // bytes of the text shown before any ellipsis (all of it when whole)
  // Where each line stands in the paragraph, for the bidi algorithm: one per
  // line when the text needs bidi (render/TextDirection.hpp), else none.
  std::vector<BidiContext> contexts;
  int height() const { return static_cast<int>(lines.size()) * line_advance; }
  // The font to measure and draw line `i` in: `font` with the line's bidi
  // context. What fitText measured the line in, so measured = drawn.
  FontSpec lineFont(std::size_t i) const {
    FontSpec spec = font;
    if (i < contexts.size()) {
      spec.bidi_before = contexts[i].before;
      spec.bidi_after = contexts[i].after;
    }
    return spec;
  }
};

// Breaks `text` into lines no wider than `width` in `font`: at the last
// opportunity that fits; a token wider than the line is cut between grapheme
// clusters (and `*cut_token` is set). Leading spaces of a line are dropped,
// trailing ones trimmed. Each line is measured in its place in the paragraph
// (lineContexts gives the fonts' bidi contexts to measure or draw it again).
// Stops after `max_lines` lines (0: all). The work per line is bounded by
// what a line can hold, not by the length of the text.
std::vector<std::string> wrapText(std::string_view text, int width, const FontSpec& font, TextMeasurer& measurer,
                                  LineBreaker& breaker, bool* cut_token = nullptr, std::size_t max_lines = 0);

// The bidi context of each of `lines`, consecutive lines of the paragraph
// `text` as wrapText or fitText made them (trimmed; a cut word's part or a
// line broken at a soft hyphen with the hyphen the break added), whose base
// direction is `rtl`: what each line was measured in (FontSpec::bidi_before
// and bidi_after). The last line, when `ellipsis_start` is given, is the text
// from there on cut before an ellipsis: nothing after it. None when the text
// needs no bidi (render/TextDirection.hpp). A line not found in the text gets
// the context of where the previous one ended.
std::vector<BidiContext> lineContexts(std::string_view text, const std::vector<std::string>& lines, bool rtl,
                                      std::size_t ellipsis_start = std::string_view::npos);

// The largest size in [min_px, max_px] at which `text` wraps within the line
// and height limits (and around the box's cut-out), preferring sizes at which
// no word has to be cut; at min_px the overflow is cut and the last line ends
// with U+2026 (or "..." when the font lacks it). Then, when the box asks and
// nothing was cut, the lines are balanced or the one-word last line avoided,
// without adding a line. Empty text gives no lines. The font's `rtl` is the
// text's own base direction (runsRightToLeft of the text and box language);
// each line is measured in its place in the paragraph (FittedText::lineFont:
// the bidi algorithm resolves the whole paragraph, then each line's order).
FittedText fitText(std::string_view text, const TextBox& box, TextMeasurer& measurer, LineBreaker& breaker);

}  // namespace newsticker::render
