// SPDX-License-Identifier: Apache-2.0
// Contrast of text on what it is drawn on, as WCAG 2 measures it, and the
// list of every text/band pair a theme draws (card, header, crawl). Pure.
#pragma once

#include <string>
#include <vector>

#include "render/DrawList.hpp"
#include "render/Theme.hpp"

namespace newsticker::render {

// WCAG 2 relative luminance of an opaque sRGB colour: 0 (black) to 1 (white).
double relativeLuminance(const Color& c);

// WCAG 2 contrast ratio of two opaque colours: 1 to 21, the same either way round.
double contrastRatio(const Color& a, const Color& b);

// A text colour on a band colour, and where the screen draws it.
struct TextOnBand {
  std::string what;  // "card summary on panel bottom", "crawl source on crawl band", ...
  Color text, band;
};

// Every pair of a text colour and the colour under it that a screen in
// `theme` draws: the card's texts on both ends of the panel's gradient, chip
// text on chips, the QR caption on its tile, monogram letters on each badge
// colour, the header's texts on the header, the crawl's on its band.
std::vector<TextOnBand> textOnBands(const Theme& theme);

}  // namespace newsticker::render
