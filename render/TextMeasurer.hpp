// SPDX-License-Identifier: Apache-2.0
// What text layout needs to know about fonts, without knowing SDL.
#pragma once

#include <string>
#include <string_view>

#include "content/LanguageTag.hpp"
#include "fonts/FontChain.hpp"

namespace newsticker::render {

struct FontSpec {
  fonts::Weight weight = fonts::Weight::Regular;
  int px = 16;                    // em size in pixels
  content::LanguageTag language;  // picks the CJK face, line breaking, punctuation spacing
  // 1/8 em between CJK and Latin letters or digits (CSS text-autospace:
  // normal; render/TextAutospace.hpp says where).
  bool autospace = false;
  // The paragraph runs right to left (render/TextDirection.hpp): its
  // neutral characters and its order follow that base direction.
  bool rtl = false;
  // Where the line stands in its paragraph, for the bidi algorithm (UAX #9
  // resolves a paragraph, not a line): the paragraph's text just before the
  // line and just after it, as render/TextDirection.hpp's lineContext cuts
  // them. Empty for a line set on its own or a paragraph that needs no bidi.
  std::string bidi_before{}, bidi_after{};

  bool operator==(const FontSpec& o) const {
    return weight == o.weight && px == o.px && language == o.language && autospace == o.autospace && rtl == o.rtl &&
           bidi_before == o.bidi_before && bidi_after == o.bidi_after;
  }
};

struct FontMetrics {
  int ascent = 0;   // pixels above the baseline
  int descent = 0;  // pixels below the baseline (positive)
};

class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  // Width in pixels of `utf8` set on one line in `font`.
  virtual int width(std::string_view utf8, const FontSpec& font) = 0;
  // Ascent and descent of `font`.
  virtual FontMetrics metrics(const FontSpec& font) = 0;
  // True when `font` has a glyph for U+2026 HORIZONTAL ELLIPSIS.
  virtual bool hasEllipsis(const FontSpec& font) = 0;
};

}  // namespace newsticker::render
