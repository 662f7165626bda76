// SPDX-License-Identifier: Apache-2.0
// The --check report: what loaded, what was rejected and why.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "content/ContentTree.hpp"
#include "content/FeedLoader.hpp"
#include "firmware/ShowReport.hpp"
#include "render/CardLayout.hpp"
#include "render/LogoLoader.hpp"
#include "render/TextMeasurer.hpp"
#include "render/Theme.hpp"

namespace newsticker::firmware {

// Post file -> characters no configured font can draw (see GlyphCoverage).
using MissingGlyphs = std::map<std::string, std::vector<char32_t>>;

// What each post's card cuts at one card size (see render::CardFit).
struct CardCuts {
  int width = 0, height = 0;                       // 0 x 0: not measured
  std::map<std::string, render::CardFit> by_file;  // post file -> its card's fit
  std::vector<content::Diagnostic> soft_photos;    // photos enlarged more than kMaxPhotoEnlargement
};

// A photo scaled up more than this to cover its slot looks soft.
constexpr double kMaxPhotoEnlargement = 1.5;

// Lays out every post of `posts` on a card of `size` with `measurer`'s
// fonts and records what each card cuts. With `tree`, each post's photo's
// size is read from its header (its aspect picks its slot, as on screen) and
// a photo enlarged more than kMaxPhotoEnlargement in its slot is a warning in
// soft_photos: "photo images/p.jpg is 640x427 pixels, enlarged 2.1 times in
// its 1345x757 slot at 1920x1080; it will look soft (at least 897x505 stays
// sharp)". Throws only what the measurer throws.
CardCuts measureCardCuts(const std::vector<content::Post>& posts, render::TextMeasurer& measurer,
                         const render::CardSize& size, const render::Theme& theme,
                         const content::LanguageTag& fallback_language, const content::ContentTree* tree = nullptr);

// " | summary cut after 41 of 58 words at 1920x1080" for each text of the
// card of `file` that `cuts` says is cut; "" when none is (or it was not measured).
std::string cutNotes(const CardCuts& cuts, const std::string& file);

// Decodes every post's logo and photo from `tree` as the screen does
// (render::loadLogo / loadPhoto with `limits`, into a small box; each file
// once) and returns a warning for each that fails, with the reason:
// "posts/x.md: logo logos/bad.png is not a PNG, JPEG, GIF, BMP or SVG image;
// the card shows a monogram instead". Needs no window; never throws.
std::vector<content::Diagnostic> checkPostImages(const std::vector<content::Post>& posts,
                                                 const content::ContentTree& tree,
                                                 const render::LogoLimits& limits = {});

// The front matter keys of `feed` that newsticker does not read, most posts
// first (then by name), in one line: "13 keys newsticker does not use:
// version (90 posts), layout (12 posts), ... and 3 more", at most `listed`
// keys by name; "no front matter key that newsticker does not use" when
// there is none. Control characters in a key are escaped as in the report.
std::string unusedKeysSummary(const content::Feed& feed, std::size_t listed = 10);

// Writes one line per post (file, title, source, date, logo, draft, the
// characters no font draws, what its card cuts: "summary cut after 41 of
// 58 words at 1920x1080", and when it shows: "shows from 2026-12-24 09:00
// until 2027-01-31 24:00") and one per rejected file or warning
// ("file:line: reason"), with `verbose` the unusedKeysSummary line, with
// --at (show.at) the cycle then ("cycle at 2026-12-24 09:00: 3 cards" and a
// line per slot), then a summary line.
void writeCheckReport(const content::Feed& feed, const MissingGlyphs& missing, std::ostream& out,
                      const CardCuts& cuts = {}, bool verbose = false, const ShowFacts& show = {});

// File names and all other text are escaped so that nothing reaches a
// terminal as a control sequence and a name cannot forge a line: "\n",
// "\t", "\r", "\x1B", a byte that is not UTF-8 as "\xFF", C1 controls as
// "\u009B"; in file names a backslash is written "\\", so names are lossless.
//
// Writes the same as one JSON document: {"posts": [...], "rejected": [...],
// "warnings": [...], "unused_keys": [{"key": "layout", "posts": 12}, ...]}
// (every counted key, in unusedKeysSummary's order), with --at also
// "cycle_at": {"at": "2026-12-24 09:00", "cards": [{"file": ..., "title": ...,
// "urgent": false}, ...]}; each post has "shows": "shows from ..." (null
// without show rules) and "cut": {"title": false, "summary": true,
// "size": "1920x1080", "title_words": [shown, total], "summary_words": [shown,
// total]}, null when not measured; other absent values are null. The JSON is
// valid UTF-8 whatever the names hold: in "file" and "logo" a byte that is not
// UTF-8 is the four characters \xFF (JSON "\\xFF") and a backslash of the
// name is doubled, so the name's bytes can be recovered exactly.
void writeCheckJson(const content::Feed& feed, const MissingGlyphs& missing, std::ostream& out,
                    const CardCuts& cuts = {}, const ShowFacts& show = {});

}  // namespace newsticker::firmware
