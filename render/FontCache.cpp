// SPDX-License-Identifier: Apache-2.0
#include "render/FontCache.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include "content/LanguageDetector.hpp"
#include "content/Utf8.hpp"
#include "render/CjkScript.hpp"
#include "render/TextAutospace.hpp"
#include "render/TextDirection.hpp"

namespace newsticker::render {
namespace {

// Code points that combine with their neighbours and need no glyph of their
// own: zero-width joiner, variation selectors, emoji tag characters.
bool isJoiningMark(char32_t c) {
  return c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0020 && c <= 0xE007F) ||
         (c >= 0xE0100 && c <= 0xE01EF);
}

// A cluster that asks for emoji presentation: an explicit VS16, or a
// pictograph from the emoji blocks.
bool wantsEmoji(std::string_view cluster) {
  std::size_t pos = 0;
  const char32_t first = content::nextCodePoint(cluster, pos);
  if (first >= 0x1F000 && first <= 0x1FAFF) return true;
  while (pos < cluster.size()) {
    if (content::nextCodePoint(cluster, pos) == 0xFE0F) return true;
  }
  return false;
}

// U+202F NARROW NO-BREAK SPACE, the space French sets before ; : ! ? » and
// inside « », and between a number's thousands.
constexpr std::string_view kNarrowSpace = "\xE2\x80\xAF";

// Its advance in 1/64 pixel: 7/64 em (0.11 em, the fine space of French
// typesetting), whatever face holds it (DejaVu Sans gives 0.2 em).
std::int64_t narrowSpaceAdvance(int px) { return std::int64_t{px} * 7; }

// The size a bitmap-only face is opened at (SDL_ttf picks its nearest strike).
constexpr int kBitmapOpenPx = 109;

bool isAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// The CJK face language of each cluster of `text` (between `bounds`) under a
// spec whose language picks no CJK face: a stretch of CJK characters (with
// the punctuation and spaces inside it) is "ja" when it has kana, "ko" when
// it has hangul, else what content::detectLanguage makes of all the CJK
// letters of the text (Han beside kana elsewhere is Japanese; Han alone is
// Simplified or Traditional Chinese). Other clusters keep `fallback`.
std::vector<content::LanguageTag> clusterLanguages(std::string_view text, const std::vector<std::size_t>& bounds,
                                                   const content::LanguageTag& fallback) {
  const std::size_t count = bounds.empty() ? 0 : bounds.size() - 1;
  std::vector<CjkScript> scripts(count, CjkScript::None);
  std::string letters;  // the text's Han, kana and hangul, for the detector
  for (std::size_t i = 0; i < count; ++i) {
    std::size_t pos = bounds[i];
    scripts[i] = cjkScriptOf(content::nextCodePoint(text, pos));
    if (scripts[i] == CjkScript::Han || scripts[i] == CjkScript::Kana || scripts[i] == CjkScript::Hangul) {
      letters.append(text.substr(bounds[i], bounds[i + 1] - bounds[i]));
    }
  }
  std::vector<content::LanguageTag> languages(count, fallback);
  if (letters.empty()) return languages;
  const content::LanguageTag text_language = content::detectLanguage(letters);
  for (std::size_t begin = 0; begin < count;) {
    if (scripts[begin] == CjkScript::None || scripts[begin] == CjkScript::Space) {
      ++begin;
      continue;
    }
    // A stretch of CJK clusters; spaces join it only when CJK follows them.
    std::size_t end = begin + 1;
    bool kana = false, hangul = false;
    for (std::size_t i = begin; i < count; ++i) {
      if (scripts[i] == CjkScript::None) break;
      if (scripts[i] == CjkScript::Space) continue;
      kana = kana || scripts[i] == CjkScript::Kana;
      hangul = hangul || scripts[i] == CjkScript::Hangul;
      end = i + 1;
    }
    const content::LanguageTag language = kana                    ? content::LanguageTag("ja")
                                          : hangul                ? content::LanguageTag("ko")
                                          : text_language.empty() ? fallback
                                                                  : text_language;
    for (std::size_t i = begin; i < end; ++i) languages[i] = language;
    begin = end;
  }
  return languages;
}

// Splits `runs` where the bidi embedding level of `utf8` changes, and gives
// each run its level in `levels`. `utf8` is a line of a paragraph whose base
// direction is `spec.rtl`, with spec.bidi_before and bidi_after around it:
// the paragraph is resolved (ubidi_setPara) and the line's levels taken from
// it (ubidi_setLine, which also sets trailing spaces to the paragraph's level,
// rule L1). On an ICU failure every run gets the paragraph's level.
void splitAtLevels(std::string_view utf8, const FontSpec& spec, std::vector<FaceRun>& runs,
                   std::vector<unsigned char>& levels) {
  const bool rtl = spec.rtl;
  const auto utf16 = [](std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  };
  const icu::UnicodeString before = utf16(spec.bidi_before), text = utf16(utf8);
  icu::UnicodeString paragraph = before;
  paragraph.append(text).append(utf16(spec.bidi_after));
  using BidiPtr = std::unique_ptr<UBiDi, decltype(&ubidi_close)>;
  UErrorCode status = U_ZERO_ERROR;
  BidiPtr bidi(ubidi_openSized(paragraph.length(), 0, &status), &ubidi_close);
  BidiPtr line(ubidi_openSized(text.length(), 0, &status), &ubidi_close);
  if (U_SUCCESS(status)) {
    ubidi_setPara(bidi.get(), paragraph.getBuffer(), paragraph.length(), rtl ? 1 : 0, nullptr, &status);
  }
  if (U_SUCCESS(status)) {
    ubidi_setLine(bidi.get(), before.length(), before.length() + text.length(), line.get(), &status);
  }
  const UBiDiLevel* unit_levels = U_SUCCESS(status) ? ubidi_getLevels(line.get(), &status) : nullptr;
  std::vector<FaceRun> split;
  std::vector<unsigned char> split_levels;
  std::size_t unit = 0;  // UTF-16 index of the code point at `pos`
  for (const FaceRun& run : runs) {
    for (std::size_t pos = run.begin; pos < run.end;) {
      const std::size_t begin = pos;
      const char32_t c = content::nextCodePoint(utf8, pos);
      const unsigned char level =
          unit_levels != nullptr && unit < static_cast<std::size_t>(text.length()) ? unit_levels[unit] : (rtl ? 1 : 0);
      unit += c > 0xFFFF ? 2 : 1;
      if (begin != run.begin && split_levels.back() == level) {
        split.back().end = pos;
      } else {
        split.push_back(FaceRun{begin, pos, run.face, run.language});
        split_levels.push_back(level);
      }
    }
  }
  runs = std::move(split);
  levels = std::move(split_levels);
}

// What a CJK punctuation mark is, before its glyph is looked at (JLREQ
// classes): opening brackets and quotes (cl-01), closing ones (cl-02), full
// stops and commas (cl-06, cl-07) with the colon and semicolon, which sit
// like a full stop in some faces (SC) and centred in others, and the
// centred middle dot (cl-05).
enum class MarkKind { None, Open, Close, Dot, Middle };

MarkKind markKind(char32_t c) {
  switch (c) {
    case 0x300C:
    case 0x300E:
    case 0xFF08:
    case 0x3014:
    case 0x3010:
    case 0x3008:
    case 0x300A:
    case 0x201C:
    case 0x2018:
    case 0xFF3B:
    case 0xFF5B:
    case 0xFF5F:
    case 0x3018:
    case 0x3016:
    case 0x301D:
      return MarkKind::Open;
    case 0x300D:
    case 0x300F:
    case 0xFF09:
    case 0x3015:
    case 0x3011:
    case 0x3009:
    case 0x300B:
    case 0x201D:
    case 0x2019:
    case 0xFF3D:
    case 0xFF5D:
    case 0xFF60:
    case 0x3019:
    case 0x3017:
    case 0x301E:
    case 0x301F:
      return MarkKind::Close;
    case 0x3001:
    case 0x3002:
    case 0xFF0C:
    case 0xFF0E:
    case 0xFF1A:
    case 0xFF1B:
      return MarkKind::Dot;
    case 0x30FB:
      return MarkKind::Middle;
    default:
      return MarkKind::None;
  }
}

}  // namespace

FontCache::FontCache(fonts::FontChain chain) : chain_(std::move(chain)) {}

const std::vector<fonts::FontFace>& FontCache::faces(const FontSpec& spec) {
  // Runs of a line ask for the same chain again and again: the last answer
  // first, without building a key.
  if (last_faces_ != nullptr && last_weight_ == spec.weight && last_language_ == spec.language) return *last_faces_;
  const auto key = std::make_pair(spec.language.str(), spec.weight);
  auto it = faces_.find(key);
  if (it == faces_.end()) it = faces_.emplace(key, chain_.faces(spec.language, spec.weight)).first;
  last_faces_ = &it->second;
  last_weight_ = spec.weight;
  last_language_ = spec.language;
  return it->second;
}

const MappedFile& FontCache::mapped(const std::string& path) {
  auto file = files_.find(path);
  if (file == files_.end()) {
    try {
      file = files_.emplace(path, std::make_unique<MappedFile>(path)).first;
    } catch (const std::runtime_error& error) {
      throw std::runtime_error("cannot open font " + std::string(error.what()));
    }
  }
  return *file->second;
}

FontPtr FontCache::open(const fonts::FontFace& face, int px) {
  const MappedFile& file = mapped(face.file);
  SDL_RWops* bytes = SDL_RWFromConstMem(file.data(), static_cast<int>(file.size()));
  FontPtr opened(bytes != nullptr ? TTF_OpenFontIndexRW(bytes, 1, px, face.index) : nullptr);
  if (!opened) {
    throw std::runtime_error("cannot open font " + face.file + " (face " + std::to_string(face.index) +
                             "): " + TTF_GetError());
  }
  TTF_SetFontHinting(opened.get(), TTF_HINTING_LIGHT);
  // A script's own face shapes its runs as that script: without it HarfBuzz
  // leaves a Devanagari vowel sign after its consonant ("अधकि", not "अधिक").
  if (!face.script.empty()) TTF_SetFontScriptName(opened.get(), face.script.c_str());
  return opened;
}

TTF_Font& FontCache::font(const FontSpec& spec, std::size_t face_index, bool rtl) {
  // One TTF_Font per face, switched to the size asked for: a Noto CJK face
  // costs ~2.5 MB of tables once opened, whatever its size, while switching
  // only empties SDL_ttf's glyph cache (texts are measured, then drawn, box
  // by box, so the sizes seldom interleave). Measuring and drawing share it,
  // so what was measured is exactly what is drawn.
  const fonts::FontFace& face = faces(spec).at(face_index);
  // A bitmap-only face has one size: open it once, whatever the spec asks.
  const int px = face.bitmap_height_em > 0 ? kBitmapOpenPx : spec.px;
  SizedFont* sized = nullptr;
  if (const auto known = by_face_.find(&face); known != by_face_.end()) {
    sized = known->second;
  } else {
    const auto key = std::make_pair(face.file, face.index);
    auto it = fonts_.find(key);
    if (it == fonts_.end()) it = fonts_.emplace(key, SizedFont{open(face, px), px}).first;
    sized = &it->second;
    by_face_.emplace(&face, sized);
  }
  if (sized->px != px) {
    TTF_SetFontSize(sized->font.get(), px);
    sized->px = px;
  }
  // Every use says its direction: the font is shared by runs of both.
  TTF_SetFontDirection(sized->font.get(), rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
  return *sized->font;
}

TTF_Font& FontCache::measuringFont(const FontSpec& spec, std::size_t face_index) { return font(spec, face_index); }

double FontCache::scale(const FontSpec& spec, std::size_t face_index) {
  const fonts::FontFace& face = faces(spec).at(face_index);
  if (face.bitmap_height_em <= 0) return 1.0;
  const int native_height = TTF_FontHeight(&measuringFont(spec, face_index));
  return native_height > 0 ? spec.px * face.bitmap_height_em / native_height : 1.0;
}

bool FontCache::covers(const FontSpec& spec, std::size_t face, std::string_view cluster) {
  TTF_Font& f = measuringFont(spec, face);
  for (std::size_t pos = 0; pos < cluster.size();) {
    const char32_t c = content::nextCodePoint(cluster, pos);
    if (isJoiningMark(c)) continue;
    if (!TTF_GlyphIsProvided32(&f, c)) return false;
  }
  return true;
}

void FontCache::preferSurroundingScript(std::string_view utf8, const std::vector<std::size_t>& bounds,
                                        const std::vector<content::LanguageTag>& languages, const FontSpec& spec,
                                        std::vector<std::size_t>& chosen) {
  const std::size_t count = chosen.size();
  // Each cluster's script, by its first code point: Common and Inherited
  // (symbols, punctuation, digits, combining marks) have none of their own.
  std::vector<char> neutral(count, 0);
  for (std::size_t b = 0; b < count; ++b) {
    std::size_t pos = bounds[b];
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(content::nextCodePoint(utf8, pos)), &status);
    neutral[b] = script == USCRIPT_COMMON || script == USCRIPT_INHERITED ? 1 : 0;
  }
  FontSpec cluster_spec = spec;
  for (std::size_t b = 0; b < count; ++b) {
    if (!neutral[b] || chosen[b] == 0) continue;  // a letter, or drawn by the main face as Chromium draws it
    cluster_spec.language = languages[b];
    const auto& chain = faces(cluster_spec);
    if (chain[chosen[b]].emoji) continue;
    // The nearest letter before the cluster, else after it, set in a script's own face.
    std::size_t script_face = 0;
    for (std::size_t i = b; i-- > 0 && script_face == 0;) {
      if (!neutral[i]) script_face = chosen[i] == 0 || chain[chosen[i]].script.empty() ? count : chosen[i];
    }
    for (std::size_t i = b + 1; i < count && script_face == 0; ++i) {
      if (!neutral[i]) script_face = chosen[i] == 0 || chain[chosen[i]].script.empty() ? count : chosen[i];
    }
    if (script_face == 0 || script_face == count || script_face == chosen[b]) continue;
    if (covers(cluster_spec, script_face, utf8.substr(bounds[b], bounds[b + 1] - bounds[b]))) chosen[b] = script_face;
  }
}

std::vector<FaceRun> FontCache::runs(std::string_view utf8, const FontSpec& spec) {
  std::vector<FaceRun> result;
  if (utf8.empty()) return result;
  // Fast path: ASCII is always in the main face.
  if (isAscii(utf8)) return {FaceRun{0, utf8.size(), 0, spec.language}};
  const std::size_t count = faces(spec).size();  // the fallbacks are the same for every language
  std::size_t emoji_face = count;
  for (std::size_t i = 1; i < count; ++i) {
    if (faces(spec)[i].emoji) {
      emoji_face = i;
      break;
    }
  }
  const std::vector<std::size_t> bounds = graphemes_.graphemeBoundaries(utf8);
  const std::vector<content::LanguageTag> languages =
      spec.language.isCjk() ? std::vector<content::LanguageTag>(bounds.size(), spec.language)
                            : clusterLanguages(utf8, bounds, spec.language);
  FontSpec cluster_spec = spec;
  std::vector<std::size_t> chosen(bounds.size() - 1, 0);  // when no face has it: the main face's .notdef
  for (std::size_t b = 0; b + 1 < bounds.size(); ++b) {
    const std::string_view cluster = utf8.substr(bounds[b], bounds[b + 1] - bounds[b]);
    cluster_spec.language = languages[b];
    if (emoji_face < count && wantsEmoji(cluster) && covers(cluster_spec, emoji_face, cluster)) {
      chosen[b] = emoji_face;
      continue;
    }
    std::size_t first_pos = 0;
    const char32_t first = content::nextCodePoint(cluster, first_pos);
    for (std::size_t face = 0; face < count; ++face) {
      if (face > 0 && !faces(cluster_spec)[face].serves(first)) continue;  // another script's face: left closed
      if (covers(cluster_spec, face, cluster)) {
        chosen[b] = face;
        break;
      }
    }
  }
  preferSurroundingScript(utf8, bounds, languages, spec, chosen);
  for (std::size_t b = 0; b + 1 < bounds.size(); ++b) {
    // A narrow no-break space is a run of its own: it has its own width (faceAdvance).
    const bool narrow = utf8.substr(bounds[b], bounds[b + 1] - bounds[b]) == kNarrowSpace;
    const bool after_narrow = b > 0 && utf8.substr(bounds[b - 1], bounds[b] - bounds[b - 1]) == kNarrowSpace;
    if (!narrow && !after_narrow && !result.empty() && result.back().face == chosen[b] &&
        result.back().language == languages[b] && result.back().end == bounds[b]) {
      result.back().end = bounds[b + 1];
    } else {
      result.push_back(FaceRun{bounds[b], bounds[b + 1], chosen[b], languages[b]});
    }
  }
  return result;
}

std::vector<char32_t> FontCache::missingCodePoints(std::string_view utf8, const content::LanguageTag& language) {
  std::vector<char32_t> missing;
  const FontSpec spec{fonts::Weight::Regular, 32, language};
  const std::size_t count = faces(spec).size();
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t c = content::nextCodePoint(utf8, pos);
    if (c <= 0x20 || isJoiningMark(c)) continue;
    bool drawn = false;
    for (std::size_t face = 0; face < count && !drawn; ++face) {
      if (face > 0 && !faces(spec)[face].serves(c)) continue;
      drawn = TTF_GlyphIsProvided32(&measuringFont(spec, face), c) != 0;
    }
    if (!drawn && std::find(missing.begin(), missing.end(), c) == missing.end()) missing.push_back(c);
  }
  return missing;
}

std::int64_t FontCache::faceAdvance(std::string_view utf8, const FontSpec& spec, std::size_t face_index, bool rtl) {
  if (utf8 == kNarrowSpace) return narrowSpaceAdvance(spec.px);
  const fonts::FontFace& face = faces(spec).at(face_index);
  if (face.bitmap_height_em > 0) {
    // Colour emoji: drawn as SDL_ttf renders them at their own size, scaled.
    const std::string text(utf8);
    int w = 0, h = 0;
    if (TTF_SizeUTF8(&font(spec, face_index, rtl), text.c_str(), &w, &h) != 0) return 0;
    return std::llround(w * scale(spec, face_index)) * 64;
  }
  const MappedFile& file = mapped(face.file);
  return shaper_.advance(face.file, file.data(), file.size(), face.index, spec.px, utf8, face.script, rtl);
}

int FontCache::faceWidth(std::string_view utf8, const FontSpec& spec, std::size_t face, bool rtl) {
  return static_cast<int>((faceAdvance(utf8, spec, face, rtl) + 63) / 64);
}

// Which half of the mark is blank is read from the glyph's ink bounds
// (TTF_GlyphMetrics32), not from the font's `halt` feature: SDL_ttf 2.20
// cannot apply OpenType features, and the bounds are what tells a Japanese or
// Simplified Chinese 。 (ink in the left half: trimmable) from the
// Traditional Chinese one (centred: never trimmed, its ink would be cut).
// Noto Sans CJK's `halt` removes exactly the blank half the bounds show.
// Proportional glyphs (the Japanese face's “ ” are half width) are Other.
FontCache::PunctuationSide FontCache::punctuationSide(const FontSpec& spec, std::size_t face_index, char32_t c,
                                                      int* half) {
  *half = 0;
  const MarkKind kind = markKind(c);
  if (kind == MarkKind::None) return PunctuationSide::Other;
  const fonts::FontFace& face = faces(spec).at(face_index);
  if (face.bitmap_height_em > 0) return PunctuationSide::Other;
  const auto key = std::make_tuple(face.file, face.index, spec.px, c);
  if (const auto known = sides_.find(key); known != sides_.end()) {
    *half = known->second.second;
    return known->second.first;
  }
  TTF_Font& f = font(spec, face_index);
  int min_x = 0, max_x = 0, min_y = 0, max_y = 0, advance = 0;
  PunctuationSide side = PunctuationSide::Other;
  if (TTF_GlyphIsProvided32(&f, c) && TTF_GlyphMetrics32(&f, c, &min_x, &max_x, &min_y, &max_y, &advance) == 0 &&
      advance * 10 >= spec.px * 9) {  // full width
    *half = advance / 2;
    const bool ink_left = max_x <= advance - *half;
    const bool ink_right = min_x >= *half;
    if (kind == MarkKind::Open) side = ink_right ? PunctuationSide::Open : PunctuationSide::Middle;
    else if (kind == MarkKind::Close) side = ink_left ? PunctuationSide::Close : PunctuationSide::Middle;
    else if (kind == MarkKind::Dot) side = ink_left ? PunctuationSide::Dot : PunctuationSide::Middle;
    else side = PunctuationSide::Middle;
    if (side == PunctuationSide::Middle) *half = 0;
  }
  if (sides_.size() >= 4096) sides_.clear();
  sides_.emplace(key, std::make_pair(side, *half));
  return side;
}

LineLayout FontCache::layoutLine(std::string_view utf8, const FontSpec& spec) {
  std::vector<FaceRun> face_runs = runs(utf8, spec);
  // Bidi embedding level of each run (even: left to right, odd: right to left).
  std::vector<unsigned char> levels(face_runs.size(), 0);
  const bool bidi = needsBidi(utf8, spec.rtl);
  if (bidi) splitAtLevels(utf8, spec, face_runs, levels);
  FontSpec run_spec = spec;
  // Fast path: nothing to trim (all Latin, Korean, or no CJK punctuation).
  bool may_trim = false;
  if (!isAscii(utf8)) {
    for (const FaceRun& run : face_runs) {
      if (!run.language.trimsCjkPunctuation()) continue;
      for (std::size_t pos = run.begin; pos < run.end && !may_trim;) {
        may_trim = markKind(content::nextCodePoint(utf8, pos)) != MarkKind::None;
      }
      if (may_trim) break;
    }
  }
  // Autospace needs a CJK letter and a letter or digit of another script.
  bool may_space = false;
  if (spec.autospace && !isAscii(utf8)) {
    bool ideograph = false, other = false;
    for (std::size_t pos = 0; pos < utf8.size() && !(ideograph && other);) {
      const char32_t c = content::nextCodePoint(utf8, pos);
      const CjkScript script = cjkScriptOf(c);
      if (script == CjkScript::Han || script == CjkScript::Kana || script == CjkScript::Hangul) ideograph = true;
      else if (c >= 0x80 || (c >= '0' && c <= '9') || (c | 0x20) - 'a' < 26u) other = true;
    }
    may_space = ideograph && other;
  }

  // The line's pieces in logical order: each a box `advance` wide whose text
  // is drawn `lead` right of the box's left edge, both in 1/64 pixel.
  struct Piece {
    PlacedRun run;
    std::int64_t lead = 0, advance = 0;
    unsigned char level = 0;
  };
  std::vector<Piece> pieces;
  if (!may_trim && !may_space) {
    for (std::size_t r = 0; r < face_runs.size(); ++r) {
      const FaceRun& run = face_runs[r];
      run_spec.language = run.language;
      const bool rtl = (levels[r] & 1) != 0;
      const std::int64_t w = faceAdvance(utf8.substr(run.begin, run.end - run.begin), run_spec, run.face, rtl);
      pieces.push_back(Piece{PlacedRun{run.begin, run.end, run.face, run.language, 0, rtl}, 0, w, levels[r]});
    }
  } else {
    struct Point {
      std::size_t begin, run;
      char32_t c;
      PunctuationSide side;
      int half;
    };
    std::vector<Point> points;
    for (std::size_t r = 0; r < face_runs.size(); ++r) {
      run_spec.language = face_runs[r].language;
      const bool trims = face_runs[r].language.trimsCjkPunctuation();
      for (std::size_t pos = face_runs[r].begin; pos < face_runs[r].end;) {
        const std::size_t begin = pos;
        const char32_t c = content::nextCodePoint(utf8, pos);
        int half = 0;
        const PunctuationSide side =
            trims ? punctuationSide(run_spec, face_runs[r].face, c, &half) : PunctuationSide::Other;
        points.push_back(Point{begin, r, c, side, half});
      }
    }
    // How much each mark loses: after it (its right half) or before it (its
    // left half, drawn that much to the left). In a pair the first mark is
    // trimmed when it can be ("。」", "），"), else the opening mark that
    // follows ("、「" with a centred 、): the pair advances 1.5 em either way,
    // and its ink lands in the same place.
    const std::size_t n = points.size();
    std::vector<int> cut_after(n, 0), cut_before(n, 0);
    for (std::size_t i = 1; i < n; ++i) {
      const PunctuationSide last = points[i - 1].side, current = points[i].side;
      const bool last_closes = last == PunctuationSide::Close || last == PunctuationSide::Dot;
      const bool current_punctuation = current != PunctuationSide::Other;
      if (last_closes && current_punctuation) {
        cut_after[i - 1] = points[i - 1].half;
      } else if (current == PunctuationSide::Open && last != PunctuationSide::Other) {
        cut_before[i] = points[i].half;
      }
    }
    // Line end (allow-end): a closing bracket or quote ending the line.
    if (n > 0 && points[n - 1].side == PunctuationSide::Close) cut_after[n - 1] = points[n - 1].half;

    // Autospace: 1/8 em before each point that follows a CJK letter and is a
    // letter or digit of another script, or the other way round. Gaps are
    // rounded as they add up, so k gaps take round(k * px / 8) pixels.
    std::vector<char> spaced(n, 0);
    if (may_space) {
      for (std::size_t i = 1; i < n; ++i) spaced[i] = autospaceBetween(points[i - 1].c, points[i].c) ? 1 : 0;
    }
    int gaps = 0;
    const auto gapPixels = [&spec](int k) { return (k * spec.px + 4) / 8; };

    // Pieces: split at run changes, at every trimmed mark and every gap.
    std::size_t piece = 0;  // first point of the current piece
    for (std::size_t i = 1; i <= n; ++i) {
      if (i < n && points[i].run == points[piece].run && cut_before[i] == 0 && cut_after[i - 1] == 0 && !spaced[i]) {
        continue;
      }
      const std::size_t r = points[piece].run;
      const FaceRun& run = face_runs[r];
      const std::size_t begin = points[piece].begin;
      const std::size_t end = i < n ? points[i].begin : utf8.size();
      run_spec.language = run.language;
      int gap = 0;
      if (spaced[piece]) {
        gap = gapPixels(gaps + 1) - gapPixels(gaps);
        ++gaps;
      }
      const bool rtl = (levels[r] & 1) != 0;
      const std::int64_t w = faceAdvance(utf8.substr(begin, end - begin), run_spec, run.face, rtl);
      const std::int64_t lead = std::int64_t{gap - cut_before[piece]} * 64;
      pieces.push_back(Piece{PlacedRun{begin, end, run.face, run.language, 0, rtl}, lead,
                             lead + w - std::int64_t{cut_after[i - 1]} * 64, levels[r]});
      piece = i;
    }
  }

  // Placed left to right in display order: the logical order, or with
  // right-to-left text the order the bidi algorithm gives (rule L2).
  std::vector<int32_t> order(pieces.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int32_t>(i);
  if (bidi && !pieces.empty()) {
    std::vector<UBiDiLevel> piece_levels;
    for (const Piece& p : pieces) piece_levels.push_back(p.level);
    ubidi_reorderVisual(piece_levels.data(), static_cast<int32_t>(pieces.size()), order.data());
  }
  // Each piece at the whole pixel nearest its exact start.
  const auto nearestPixel = [](std::int64_t x) { return static_cast<int>(x >= 0 ? (x + 32) / 64 : -((-x + 31) / 64)); };
  LineLayout line;
  std::int64_t x = 0;
  for (const int32_t index : order) {
    Piece& p = pieces[static_cast<std::size_t>(index)];
    p.run.x = nearestPixel(x + p.lead);
    x += p.advance;
    line.runs.push_back(p.run);
  }
  line.width = x > 0 ? static_cast<int>((x + 63) / 64) : 0;
  return line;
}

int FontCache::width(std::string_view utf8, const FontSpec& spec) {
  constexpr std::size_t kMaxRememberedWidths = 16384;
  std::string key;
  key.reserve(utf8.size() + spec.language.str().size() + 12);
  key += std::to_string(static_cast<int>(spec.weight));
  key += ' ';
  key += std::to_string(spec.px);
  key += ' ';
  key += spec.language.str();
  key += spec.autospace ? " autospace" : "";
  key += spec.rtl ? " rtl" : "";
  // The bidi context's lengths in the first line, so no two keys are alike.
  if (!spec.bidi_before.empty() || !spec.bidi_after.empty()) {
    key += " context " + std::to_string(spec.bidi_before.size()) + ' ' + std::to_string(spec.bidi_after.size());
  }
  key += '\n';
  key += spec.bidi_before;
  key += spec.bidi_after;
  key += utf8;
  if (const auto known = widths_.find(key); known != widths_.end()) return known->second;
  if (widths_.size() >= kMaxRememberedWidths) widths_.clear();
  const int total = layoutLine(utf8, spec).width;
  widths_.emplace(std::move(key), total);
  return total;
}

FontMetrics FontCache::metrics(const FontSpec& spec) {
  TTF_Font& f = measuringFont(spec, 0);
  return FontMetrics{TTF_FontAscent(&f), -TTF_FontDescent(&f)};
}

bool FontCache::hasEllipsis(const FontSpec& spec) {
  return TTF_GlyphIsProvided32(&measuringFont(spec, 0), 0x2026) != 0;
}

}  // namespace newsticker::render
