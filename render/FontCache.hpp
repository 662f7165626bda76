// SPDX-License-Identifier: Apache-2.0
// Opens SDL_ttf fonts on demand, splits text into runs by glyph coverage along
// the font chain, and measures text. One TTF_Font per face of the chain, for
// measuring and drawing alike, its size switched as needed: memory stays
// bounded by the faces a feed uses, however many sizes the cards try.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "fonts/FontChain.hpp"
#include "render/LineBreaker.hpp"
#include "render/MappedFile.hpp"
#include "render/SdlHandles.hpp"
#include "render/TextMeasurer.hpp"
#include "render/TextShaper.hpp"

namespace newsticker::render {

// A stretch of text drawn with one face of the chain.
struct FaceRun {
  std::size_t begin = 0, end = 0;  // byte range in the text
  std::size_t face = 0;            // index into FontChain::faces(language); 0 is the main face
  // The language whose main CJK face draws the run: the spec's, or for
  // Chinese, Japanese or Korean text under a spec that picks no CJK face
  // ("en", ""), the run's own ("ja", "ko", "zh-Hans", "zh-Hant").
  content::LanguageTag language;
};

// A piece of a line set in one face, placed `x` pixels right of the line's
// start (before any scaling of bitmap faces, which FontCache::faceWidth and
// the painter both apply).
struct PlacedRun {
  std::size_t begin = 0, end = 0;  // byte range in the text
  std::size_t face = 0;            // as in FaceRun
  content::LanguageTag language;   // as in FaceRun
  int x = 0;
  bool rtl = false;  // shaped and drawn right to left (Arabic, Hebrew)
};

// A line as FontCache sets it: its pieces and its advance width. What
// FontCache::width measures and what the painter draws, so the two agree
// to the pixel.
struct LineLayout {
  std::vector<PlacedRun> runs;
  int width = 0;
};

class FontCache final : public TextMeasurer {
 public:
  // TTF_Init must have succeeded, and must outlive the cache. Fonts open
  // lazily; check fonts::missingFontFiles(chain) up front.
  explicit FontCache(fonts::FontChain chain);

  // Splits `utf8` into runs: each grapheme cluster goes to the first face of
  // the chain that has glyphs for all of it (emoji-presentation clusters try
  // the emoji face first); clusters no face covers stay with the main face.
  // A symbol or mark the main face lacks takes the face of the script around
  // it when that face draws it (preferSurroundingScript).
  // When spec.language picks no CJK face (LanguageTag::isCjk), each stretch
  // of CJK text gets the face of its own script: kana -> "ja", hangul -> "ko",
  // Han only -> what content::detectLanguage makes of all the text's CJK
  // letters ("ja" beside enough kana, "ko" beside hangul, else "zh-Hans" or
  // "zh-Hant" by the characters only one of them has). Adjacent clusters with
  // the same face and language form one run. Draw and measure a run with
  // spec.language replaced by the run's language.
  std::vector<FaceRun> runs(std::string_view utf8, const FontSpec& spec);

  // The font to draw face `face` at `spec`, opened on first use (a
  // bitmap-only face opens at its own size). Valid until the next call.
  // Throws std::runtime_error naming the file when it cannot be opened.
  // `rtl` sets the direction HarfBuzz shapes the next text in (each call
  // sets it, since runs of both directions share the font).
  TTF_Font& font(const FontSpec& spec, std::size_t face = 0, bool rtl = false);

  // How many TTF_Fonts are open (for tests and the benchmark).
  std::size_t openFonts() const { return fonts_.size(); }

  // How much face `face`'s rendering must be scaled to match `spec` (1 for
  // outline fonts).
  double scale(const FontSpec& spec, std::size_t face);

  // The code points of `utf8` that no face of the chain can draw, in order
  // of first appearance, each once.
  std::vector<char32_t> missingCodePoints(std::string_view utf8, const content::LanguageTag& language);

  // Width of `utf8` set entirely in face `face` (scaled for bitmap faces),
  // shaped right to left when `rtl`: the advance layoutLine gives it,
  // rounded up to whole pixels (a lone U+202F: 7/64 em).
  int faceWidth(std::string_view utf8, const FontSpec& spec, std::size_t face, bool rtl = false);

  // `utf8` set on one line: the face runs, each split where CJK punctuation
  // spacing is trimmed, the way Chromium's default `text-spacing-trim:
  // normal` sets Japanese and Chinese (not Korean):
  //  - adjacent pairs: a full-width closing mark or full stop/comma
  //    (」』）】〕〉》”, 。、，．) whose ink is in its left half loses its blank
  //    right half before another closing mark, full stop or opening mark
  //    ("。」", "），", "」「" advance 1.5 em, not 2 em); otherwise an opening
  //    mark whose ink is in its right half (「『（【“) loses its blank left half
  //    after an opening, closing or centred mark ("、「" in Traditional Chinese,
  //    whose centred 、。，． are never trimmed, "（（");
  //  - line end (CSS allow-end): a closing bracket or quote that ends the text
  //    loses its blank right half, so a line fits when only that half would
  //    overflow (Chromium does this for brackets, not for 。、).
  // With spec.autospace, 1/8 em (rounded as the gaps add up) goes between
  // a CJK letter and a directly adjacent letter or digit of another script
  // (render/TextAutospace.hpp), like CSS text-autospace: normal.
  // Bidirectional text (right-to-left letters, or spec.rtl: a paragraph
  // that runs right to left) is split where ICU's bidi algorithm changes
  // level; each piece is shaped in its direction and the pieces are placed
  // left to right in display order (UAX #9 rule L2), so Arabic words read
  // right to left and a Latin name or number inside keeps its own order.
  // The levels are the paragraph's: spec.bidi_before + utf8 + spec.bidi_after
  // is resolved (ubidi_setPara) and the line's part taken (ubidi_setLine),
  // so a number starting a line after Arabic words reads as in the paragraph.
  // The width is the same in any order.
  // Text without CJK punctuation, gaps or right-to-left text gets its face
  // runs at their measured offsets, nothing more.
  // Pieces are measured in 1/64 pixel (TextShaper) and each is placed at the
  // nearest whole pixel, so a line of many runs is as wide as its glyphs'
  // advances add up to, as a browser sets it; the line's width is that sum
  // rounded up (it fits a width in whole pixels exactly when the sum does).
  // A narrow no-break space (U+202F) is a piece of its own, 7/64 em wide in
  // any face (faceAdvance).
  LineLayout layoutLine(std::string_view utf8, const FontSpec& spec);

  // layoutLine(utf8, font).width, remembered.
  int width(std::string_view utf8, const FontSpec& font) override;
  FontMetrics metrics(const FontSpec& font) override;
  bool hasEllipsis(const FontSpec& font) override;

 private:
  const std::vector<fonts::FontFace>& faces(const FontSpec& spec);
  TTF_Font& measuringFont(const FontSpec& spec, std::size_t face);
  FontPtr open(const fonts::FontFace& face, int px);
  const MappedFile& mapped(const std::string& file);
  // faceWidth's advance in 1/64 pixel, unrounded: HarfBuzz's for outline
  // faces, the scaled SDL_ttf width for bitmap faces.
  std::int64_t faceAdvance(std::string_view utf8, const FontSpec& spec, std::size_t face, bool rtl);
  bool covers(const FontSpec& spec, std::size_t face, std::string_view cluster);
  // For each cluster of `utf8` (between `bounds`) with no script of its own
  // (a symbol, punctuation, a combining mark) that the main face cannot draw:
  // the face of the nearest letter before it (else after it) when that is a
  // script's own face and draws it, instead of the chain's first fallback
  // (₪ in Hebrew from Noto Sans Hebrew, ₹ in Hindi from Noto Sans Devanagari,
  // not DejaVu Sans). `chosen` holds each cluster's face and is updated.
  void preferSurroundingScript(std::string_view utf8, const std::vector<std::size_t>& bounds,
                               const std::vector<content::LanguageTag>& languages, const FontSpec& spec,
                               std::vector<std::size_t>& chosen);
  enum class PunctuationSide { Other, Open, Close, Dot, Middle };
  PunctuationSide punctuationSide(const FontSpec& spec, std::size_t face, char32_t c, int* half);

  fonts::FontChain chain_;
  LineBreaker graphemes_;
  // Each font file mapped once; declared before the fonts that read from it.
  std::map<std::string, std::unique_ptr<MappedFile>> files_;
  TextShaper shaper_;  // reads the mapped files: declared after them
  std::map<std::pair<std::string, fonts::Weight>, std::vector<fonts::FontFace>> faces_;
  struct SizedFont {
    FontPtr font;
    int px = 0;  // the size it is set to now
  };
  std::map<std::pair<std::string, long>, SizedFont> fonts_;  // one per face (file, index)
  // Shortcuts past the maps above, whose keys hold font paths: the chain
  // faces_ gave last, and each chain entry's font (entries never move).
  const std::vector<fonts::FontFace>* last_faces_ = nullptr;
  fonts::Weight last_weight_ = fonts::Weight::Regular;
  content::LanguageTag last_language_;
  std::unordered_map<const fonts::FontFace*, SizedFont*> by_face_;
  // Widths already measured, by weight, size, language and text: fitting
  // and balancing measure the same candidate lines again and again, and each
  // size switch above empties SDL_ttf's glyph cache. Emptied when full.
  std::unordered_map<std::string, int> widths_;
  // punctuationSide's answers by face file, index, size and character.
  std::map<std::tuple<std::string, long, int, char32_t>, std::pair<PunctuationSide, int>> sides_;
};

}  // namespace newsticker::render
