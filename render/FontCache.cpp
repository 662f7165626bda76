#include "render/FontCache.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "content/LanguageDetector.hpp"
#include "content/Utf8.hpp"
#include "render/CjkScript.hpp"

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
std::vector<std::string> clusterLanguages(std::string_view text, const std::vector<std::size_t>& bounds,
                                          const std::string& fallback) {
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
  std::vector<std::string> languages(count, fallback);
  if (letters.empty()) return languages;
  const std::string text_language = content::detectLanguage(letters);
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
    const std::string language = kana ? "ja" : hangul ? "ko" : text_language.empty() ? fallback : text_language;
    for (std::size_t i = begin; i < end; ++i) languages[i] = language;
    begin = end;
  }
  return languages;
}

}  // namespace

FontCache::FontCache(fonts::FontChain chain) : chain_(std::move(chain)) {}

const std::vector<fonts::FontFace>& FontCache::faces(const FontSpec& spec) {
  const auto key = std::make_pair(spec.language, spec.weight);
  auto it = faces_.find(key);
  if (it == faces_.end()) it = faces_.emplace(key, chain_.faces(spec.language, spec.weight)).first;
  return it->second;
}

FontPtr FontCache::open(const fonts::FontFace& face, int px) {
  auto file = files_.find(face.file);
  if (file == files_.end()) {
    try {
      file = files_.emplace(face.file, std::make_unique<MappedFile>(face.file)).first;
    } catch (const std::runtime_error& error) {
      throw std::runtime_error("cannot open font " + std::string(error.what()));
    }
  }
  SDL_RWops* bytes = SDL_RWFromConstMem(file->second->data(), static_cast<int>(file->second->size()));
  FontPtr opened(bytes != nullptr ? TTF_OpenFontIndexRW(bytes, 1, px, face.index) : nullptr);
  if (!opened) {
    throw std::runtime_error("cannot open font " + face.file + " (face " + std::to_string(face.index) +
                             "): " + TTF_GetError());
  }
  TTF_SetFontHinting(opened.get(), TTF_HINTING_LIGHT);
  return opened;
}

TTF_Font& FontCache::font(const FontSpec& spec, std::size_t face_index) {
  // One TTF_Font per face, switched to the size asked for: a Noto CJK face
  // costs ~2.5 MB of tables once opened, whatever its size, while switching
  // only empties SDL_ttf's glyph cache (texts are measured, then drawn, box
  // by box, so the sizes seldom interleave). Measuring and drawing share it,
  // so what was measured is exactly what is drawn.
  const fonts::FontFace& face = faces(spec).at(face_index);
  // A bitmap-only face has one size: open it once, whatever the spec asks.
  const int px = face.bitmap_height_em > 0 ? kBitmapOpenPx : spec.px;
  const auto key = std::make_pair(face.file, face.index);
  auto it = fonts_.find(key);
  if (it == fonts_.end()) {
    it = fonts_.emplace(key, SizedFont{open(face, px), px}).first;
  } else if (it->second.px != px) {
    TTF_SetFontSize(it->second.font.get(), px);
    it->second.px = px;
  }
  return *it->second.font;
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
  const std::vector<std::string> languages =
      fonts::picksCjkFace(spec.language) ? std::vector<std::string>(bounds.size(), spec.language)
                                         : clusterLanguages(utf8, bounds, spec.language);
  FontSpec cluster_spec = spec;
  for (std::size_t b = 0; b + 1 < bounds.size(); ++b) {
    const std::string_view cluster = utf8.substr(bounds[b], bounds[b + 1] - bounds[b]);
    cluster_spec.language = languages[b];
    std::size_t chosen = 0;  // when no face has it: the main face's .notdef
    if (emoji_face < count && wantsEmoji(cluster) && covers(cluster_spec, emoji_face, cluster)) {
      chosen = emoji_face;
    } else {
      for (std::size_t face = 0; face < count; ++face) {
        if (covers(cluster_spec, face, cluster)) {
          chosen = face;
          break;
        }
      }
    }
    if (!result.empty() && result.back().face == chosen && result.back().language == languages[b] &&
        result.back().end == bounds[b]) {
      result.back().end = bounds[b + 1];
    } else {
      result.push_back(FaceRun{bounds[b], bounds[b + 1], chosen, languages[b]});
    }
  }
  return result;
}

std::vector<char32_t> FontCache::missingCodePoints(std::string_view utf8, const std::string& language) {
  std::vector<char32_t> missing;
  const FontSpec spec{fonts::Weight::Regular, 32, language};
  const std::size_t count = faces(spec).size();
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t c = content::nextCodePoint(utf8, pos);
    if (c <= 0x20 || isJoiningMark(c)) continue;
    bool drawn = false;
    for (std::size_t face = 0; face < count && !drawn; ++face) {
      drawn = TTF_GlyphIsProvided32(&measuringFont(spec, face), c) != 0;
    }
    if (!drawn && std::find(missing.begin(), missing.end(), c) == missing.end()) missing.push_back(c);
  }
  return missing;
}

int FontCache::faceWidth(std::string_view utf8, const FontSpec& spec, std::size_t face) {
  const std::string text(utf8);
  int w = 0, h = 0;
  if (TTF_SizeUTF8(&measuringFont(spec, face), text.c_str(), &w, &h) != 0) return 0;
  const double s = scale(spec, face);
  return s == 1.0 ? w : static_cast<int>(std::lround(w * s));
}

int FontCache::width(std::string_view utf8, const FontSpec& spec) {
  constexpr std::size_t kMaxRememberedWidths = 16384;
  std::string key;
  key.reserve(utf8.size() + spec.language.size() + 12);
  key += std::to_string(static_cast<int>(spec.weight));
  key += ' ';
  key += std::to_string(spec.px);
  key += ' ';
  key += spec.language;
  key += '\n';
  key += utf8;
  if (const auto known = widths_.find(key); known != widths_.end()) return known->second;
  if (widths_.size() >= kMaxRememberedWidths) widths_.clear();
  int total = 0;
  FontSpec run_spec = spec;
  for (const FaceRun& run : runs(utf8, spec)) {
    run_spec.language = run.language;
    total += faceWidth(utf8.substr(run.begin, run.end - run.begin), run_spec, run.face);
  }
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
