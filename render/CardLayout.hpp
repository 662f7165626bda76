// SPDX-License-Identifier: Apache-2.0
// Places a post's identity (logo, source, date, topics), headline, summary,
// photo and QR code on a card: pure geometry over a TextMeasurer, the same
// result for the same inputs.
#pragma once

#include <cstddef>
#include <string>

#include "content/Post.hpp"
#include "render/CardDate.hpp"
#include "render/DrawList.hpp"
#include "render/LineBreaker.hpp"
#include "render/TextMeasurer.hpp"
#include "render/Theme.hpp"

namespace newsticker::render {

// Pixels at the screen's edges that the card leaves free for what the screen
// draws around it (header, crawl, an overscan safe area).
struct Insets {
  int top = 0, right = 0, bottom = 0, left = 0;
  bool operator==(const Insets& o) const {
    return top == o.top && right == o.right && bottom == o.bottom && left == o.left;
  }
};

struct CardSize {
  CardSize() = default;
  CardSize(int w, int h, Insets i = {}) : width(w), height(h), insets(i) {}
  int width = 1920;
  int height = 1080;
  Insets insets;  // the card's panel stays inside these; its background fills the whole size
};

// What the layout cannot know from the post: facts about its image files.
struct CardAssets {
  double logo_aspect = 1.0;  // the logo's width / height; 1 when unknown
};

// How much of a text the card shows. Words are the pieces a line may break
// between (in Chinese and Japanese, characters).
struct TextCut {
  bool cut = false;     // the text ends with an ellipsis (or is not shown at all)
  int words_shown = 0;  // words shown whole
  int words_total = 0;
};

// What a card shows of its post's text, and at which sizes.
struct CardFit {
  TextCut title, summary;
  int headline_px = 0;  // the headline's size (the cycle's unless it had to shrink)
  int summary_px = 0;   // 0 when there is no summary
  int text_bottom = 0;  // y where the text column ends (the panel's bottom padding below)
};

// Lays out `post` on a card of `size`. `fallback_language` is used when the
// post has none. Text is fitted (never overflows its box); the type sizes are
// the theme's for every card, smaller only where the text needs it. Top left:
// the logo tile (wide for a wide logo), else a monogram badge of the source,
// else nothing, with the source and date beside it and the topics as chips.
// A photo takes the right part of the panel (landscape) or its top
// (portrait); a QR code to post.url sits at the bottom right with a caption.
// A headline that runs right to left (Arabic, Hebrew) mirrors all of this:
// logo and byline at the top right, lines right-aligned, QR code bottom left.
// When `fit` is not null it receives what was cut. Throws only what the
// measurer throws.
DrawList layoutCard(const content::Post& post, const CardSize& size, const Theme& theme,
                    const content::LanguageTag& fallback_language, TextMeasurer& measurer, LineBreaker& breaker,
                    const CardAssets& assets = {}, CardFit* fit = nullptr);

// Letters for a monogram badge: the initials of the first `max_letters` words
// of `name` (upper-cased Latin), or its first character for CJK; "N" when
// the name has neither.
std::string monogramLetters(const std::string& name, std::size_t max_letters = 2);

// A topic as a chip shows it: a slug ("call-for-talks", "open_data") as
// words ("call for talks"); anything else unchanged.
std::string topicLabel(const std::string& topic);

// Modules per side (quiet zone excluded) of the smallest QR code, error
// correction level M, that holds `bytes` bytes in byte mode (177, version 40,
// when none does). The layout sizes the code's box with it; a painter using
// level L needs at most as many.
int qrModulesFor(std::size_t bytes);

}  // namespace newsticker::render
