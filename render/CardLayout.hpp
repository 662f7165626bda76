// Places a post's logo, headline, summary and source line on a card: pure
// geometry over a TextMeasurer, the same result for the same inputs.
#pragma once

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

// Lays out `post` on a card of `size`. `fallback_language` is used when the
// post has none. Text is fitted (never overflows its box) and the logo, or a
// monogram badge drawn from the source name when the post has no logo, sits
// top left. Throws only what the measurer throws.
DrawList layoutCard(const content::Post& post, const CardSize& size, const Theme& theme,
                    const std::string& fallback_language, TextMeasurer& measurer, LineBreaker& breaker);

// Letters for a monogram badge: the initials of the first `max_letters` words
// of `name` (upper-cased Latin), or its first character for CJK; "N" when
// the name has neither.
std::string monogramLetters(const std::string& name, std::size_t max_letters = 2);

}  // namespace newsticker::render
