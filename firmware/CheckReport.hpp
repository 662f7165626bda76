// The --check report: what loaded, what was rejected and why.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "content/FeedLoader.hpp"
#include "render/CardLayout.hpp"
#include "render/TextMeasurer.hpp"
#include "render/Theme.hpp"

namespace newsticker::firmware {

// Post file -> characters no configured font can draw (see GlyphCoverage).
using MissingGlyphs = std::map<std::string, std::vector<char32_t>>;

// What each post's card cuts at one card size (see render::CardFit).
struct CardCuts {
  int width = 0, height = 0;                       // 0 x 0: not measured
  std::map<std::string, render::CardFit> by_file;  // post file -> its card's fit
};

// Lays out every post of `posts` on a card of `size` with `measurer`'s
// fonts and records what each card cuts. Throws only what the measurer throws.
CardCuts measureCardCuts(const std::vector<content::Post>& posts, render::TextMeasurer& measurer,
                         const render::CardSize& size, const render::Theme& theme,
                         const std::string& fallback_language);

// Writes one line per post (file, title, source, date, logo, draft, the
// characters no font draws, and what its card cuts: "summary cut after 41 of
// 58 words at 1920x1080") and one per rejected file or warning
// ("file:line: reason"), then a summary line.
void writeCheckReport(const content::Feed& feed, const MissingGlyphs& missing, std::ostream& out,
                      const CardCuts& cuts = {});

// Writes the same as one JSON document: {"posts": [...], "rejected": [...],
// "warnings": [...]}; each post has "cut": {"title": false, "summary": true,
// "size": "1920x1080", "title_words": [shown, total], "summary_words": [shown,
// total]}, null when not measured; other absent values are null.
void writeCheckJson(const content::Feed& feed, const MissingGlyphs& missing, std::ostream& out,
                    const CardCuts& cuts = {});

}  // namespace newsticker::firmware
