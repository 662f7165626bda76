// SPDX-License-Identifier: Apache-2.0
// The band an urgent notice's card wears across the top of its panel: the
// signal colour, an alert icon (a disc with an exclamation mark) and the word
// "URGENT" in the post's language, sized to be read across a room. Pure
// geometry over a TextMeasurer, like CardLayout, which calls it.
#pragma once

#include "content/LanguageTag.hpp"
#include "render/DrawList.hpp"
#include "render/LineBreaker.hpp"
#include "render/TextMeasurer.hpp"
#include "render/Theme.hpp"

namespace newsticker::render {

// Adds the band's commands to `list`, across the top of `panel` (whose
// corners have `panel_radius`), its icon `pad_x` in from the panel's left
// edge; `unit` is the screen's short side / 1080. Returns the band's height
// in pixels (the panel's content starts below it). Throws only what the
// measurer throws.
int addUrgentBand(DrawList& list, const Rect& panel, int panel_radius, int pad_x, double unit, const Theme& theme,
                  const content::LanguageTag& language, TextMeasurer& measurer, LineBreaker& breaker);

}  // namespace newsticker::render
