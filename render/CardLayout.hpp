// Places a post's logo, headline, summary and source line on a card: pure
// geometry over a TextMeasurer, the same result for the same inputs.
#pragma once

#include "content/Post.hpp"
#include "render/DrawList.hpp"
#include "render/LineBreaker.hpp"
#include "render/TextMeasurer.hpp"
#include "render/Theme.hpp"

namespace newsticker::render {

struct CardSize {
  int width = 1920;
  int height = 1080;
};

// Lays out `post` on a card of `size`. `fallback_language` is used when the
// post has none. Text is fitted (never overflows its box) and the logo, or a
// monogram badge drawn from the source name when the post has no logo, sits
// top left. Throws only what the measurer throws.
DrawList layoutCard(const content::Post& post, const CardSize& size, const Theme& theme,
                    const std::string& fallback_language, TextMeasurer& measurer, LineBreaker& breaker);

// The date as a reader of `language` writes it: "12 Sep 2022", "2022年9月12日",
// "2022년 9월 12일"; "" when `iso_date` is empty or malformed.
std::string formatCardDate(const std::string& iso_date, const std::string& language);

// Letters for a monogram badge: the initials of the first `max_letters` words
// of `name` (upper-cased Latin), or its first character for CJK; "N" when
// the name has neither.
std::string monogramLetters(const std::string& name, std::size_t max_letters = 2);

}  // namespace newsticker::render
