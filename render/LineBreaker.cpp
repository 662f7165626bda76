// SPDX-License-Identifier: Apache-2.0
#include "render/LineBreaker.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "render/UrlUnitBreaks.hpp"

namespace newsticker::render {
namespace {

struct UTextCloser {
  void operator()(UText* text) const { utext_close(text); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

UTextPtr openUtf8(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU utext_openUTF8: ") + u_errorName(status));
  return UTextPtr(text);
}

// Japanese breaks by the strict rules (kinsoku: no line starts with small
// kana or ー); other languages by their own locale's rules.
std::string localeFor(const content::LanguageTag& language) {
  if (language.cjk() == content::LanguageTag::Cjk::Japanese) return "ja@lb=strict";
  return language.empty() ? "en" : language.icuLocale();
}

// Korean keeps words whole (CSS word-break: keep-all): ICU allows a break
// between any two Hangul syllables, which is wrong for Korean text.
bool isWordLetter(UChar32 c) { return c >= 0 && u_isalnum(c); }

bool isHebrewLetter(UChar32 c) { return c >= 0x05D0 && c <= 0x05F2; }
bool isBreakSpace(UChar32 c) { return c == ' ' || c == '\t'; }

// The code points just before and just after byte `pos` of `utf8` (-1 at an end).
std::pair<UChar32, UChar32> around(std::string_view utf8, std::size_t pos) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  UChar32 before = -1, after = -1;
  auto i = static_cast<int32_t>(pos);
  if (i > 0) U8_PREV(bytes, 0, i, before);
  i = static_cast<int32_t>(pos);
  if (i < length) U8_NEXT(bytes, i, length, after);
  return {before, after};
}

// Corrects `found` (ICU's opportunities for `utf8` in `language`) where a
// reader's rules differ from ICU's:
//  - an opening guillemet never ends a line and a closing one never starts
//    one, also across an ordinary space ("« Bonjour »"; German and Danish
//    quote »so«, the other way round);
//  - a Korean line never starts with a middle dot (남·북, 3·1절);
//  - a Hebrew word breaks after a maqaf (U+05BE) before another Hebrew
//    word, as UAX #14 allows since Unicode 15.1 (ICU 72 keeps it whole);
//    a Hebrew letter, a hyphen and a Latin word (ה-Hackathon) stay whole.
void applyQuoteAndMarkRules(std::string_view utf8, const content::LanguageTag& language,
                            std::vector<BreakOpportunity>& found) {
  const bool reversed = language.primary() == "de" || language.primary() == "da";
  const UChar32 opening = reversed ? 0x00BB : 0x00AB, closing = reversed ? 0x00AB : 0x00BB;
  const bool korean = language.cjk() == content::LanguageTag::Cjk::Korean;
  std::vector<BreakOpportunity> kept;
  for (const BreakOpportunity& o : found) {
    if (o.mandatory || o.offset >= utf8.size()) {
      kept.push_back(o);
      continue;
    }
    // The last character before the spaces that end the line, the first of the next line.
    std::size_t end = o.offset;
    while (end > 0 && isBreakSpace(static_cast<unsigned char>(utf8[end - 1]))) --end;
    const UChar32 last = around(utf8, end).first, next = around(utf8, o.offset).second;
    if (last == opening || next == closing) continue;
    if (korean && (next == 0x00B7 || next == 0x30FB)) continue;
    const auto [before, after] = around(utf8, o.offset);
    if (before == '-' && isHebrewLetter(around(utf8, o.offset - 1).first) && !isHebrewLetter(after)) continue;
    kept.push_back(o);
  }
  // After a maqaf between Hebrew letters.
  for (std::size_t pos = utf8.find("\u05BE"); pos != std::string_view::npos; pos = utf8.find("\u05BE", pos + 2)) {
    const auto [before, maqaf] = around(utf8, pos);
    const UChar32 after = around(utf8, pos + 2).second;
    if (isHebrewLetter(before) && isHebrewLetter(after) && maqaf == 0x05BE) kept.push_back({pos + 2, false});
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [](const BreakOpportunity& a, const BreakOpportunity& b) { return a.offset < b.offset; });
  kept.erase(std::unique(kept.begin(), kept.end(),
                         [](const BreakOpportunity& a, const BreakOpportunity& b) { return a.offset == b.offset; }),
             kept.end());
  found = std::move(kept);
}

}  // namespace

LineBreaker::LineBreaker() = default;
LineBreaker::~LineBreaker() = default;

icu::BreakIterator& LineBreaker::lineIterator(const content::LanguageTag& language) {
  const std::string locale = localeFor(language);
  auto it = line_iterators_.find(locale);
  if (it == line_iterators_.end()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> iterator(
        icu::BreakIterator::createLineInstance(icu::Locale(locale.c_str()), status));
    if (U_FAILURE(status) || !iterator) {
      throw std::runtime_error("ICU line iterator for " + locale + ": " + u_errorName(status));
    }
    it = line_iterators_.emplace(locale, std::move(iterator)).first;
  }
  return *it->second;
}

icu::BreakIterator& LineBreaker::wordIterator(const content::LanguageTag& language) {
  const std::string locale = language.empty() ? "en" : language.icuLocale();
  auto it = word_iterators_.find(locale);
  if (it == word_iterators_.end()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> iterator(
        icu::BreakIterator::createWordInstance(icu::Locale(locale.c_str()), status));
    if (U_FAILURE(status) || !iterator) {
      throw std::runtime_error("ICU word iterator for " + locale + ": " + u_errorName(status));
    }
    it = word_iterators_.emplace(locale, std::move(iterator)).first;
  }
  return *it->second;
}

void LineBreaker::keepPhraseBreaks(std::string_view utf8, const content::LanguageTag& language,
                                   std::vector<BreakOpportunity>& found) {
  icu::BreakIterator& words = wordIterator(language);
  UTextPtr text = openUtf8(utf8);
  UErrorCode status = U_ZERO_ERROR;
  words.setText(text.get(), status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU setText: ") + u_errorName(status));
  std::vector<std::size_t> word_ends;
  for (int32_t pos = words.next(); pos != icu::BreakIterator::DONE; pos = words.next()) {
    word_ends.push_back(static_cast<std::size_t>(pos));
  }
  words.setText(icu::UnicodeString());
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  const bool japanese = language.cjk() == content::LanguageTag::Cjk::Japanese;
  std::vector<BreakOpportunity> kept;
  for (const BreakOpportunity& o : found) {
    if (o.mandatory || o.offset >= utf8.size()) {
      kept.push_back(o);
      continue;
    }
    if (!std::binary_search(word_ends.begin(), word_ends.end(), o.offset)) continue;
    UChar32 before, after;
    int32_t i = static_cast<int32_t>(o.offset);
    U8_PREV(bytes, 0, i, before);
    i = static_cast<int32_t>(o.offset);
    U8_NEXT(bytes, i, length, after);
    // A number keeps its counter or unit: 11月, 3件, 30分.
    const int script = u_getIntPropertyValue(after, UCHAR_SCRIPT);
    if (u_isdigit(before) &&
        (u_hasBinaryProperty(after, UCHAR_IDEOGRAPHIC) || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA)) {
      continue;
    }
    // Japanese: particles and okurigana stay with the word before them
    // (新しい投影機で | 11月に), a phrase as a reader groups it.
    const bool word_before = u_hasBinaryProperty(before, UCHAR_IDEOGRAPHIC) || u_isalnum(before) ||
                             u_getIntPropertyValue(before, UCHAR_SCRIPT) == USCRIPT_KATAKANA;
    if (japanese && script == USCRIPT_HIRAGANA && word_before) continue;
    kept.push_back(o);
  }
  found = std::move(kept);
}

std::vector<BreakOpportunity> LineBreaker::opportunities(std::string_view utf8, const content::LanguageTag& language) {
  std::vector<BreakOpportunity> result;
  if (utf8.empty()) {
    result.push_back({0, false});
    return result;
  }
  icu::BreakIterator& iterator = lineIterator(language);
  UTextPtr text = openUtf8(utf8);
  UErrorCode status = U_ZERO_ERROR;
  iterator.setText(text.get(), status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU setText: ") + u_errorName(status));
  const bool keep_all = language.keepsWordsWhole();
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t pos = iterator.next(); pos != icu::BreakIterator::DONE; pos = iterator.next()) {
    const int status_value = iterator.getRuleStatus();
    const bool mandatory = status_value >= UBRK_LINE_HARD && status_value < UBRK_LINE_HARD_LIMIT;
    if (keep_all && !mandatory && pos < length) {
      UChar32 before, after;
      int32_t i = pos;
      U8_PREV(bytes, 0, i, before);
      i = pos;
      U8_NEXT(bytes, i, length, after);
      if (isWordLetter(before) && isWordLetter(after)) continue;
    }
    result.push_back({static_cast<std::size_t>(pos), mandatory});
  }
  // The iterator keeps a shallow clone of `text`; detach it before the bytes go.
  iterator.setText(icu::UnicodeString());
  applyUrlAndUnitRules(utf8, result);
  applyQuoteAndMarkRules(utf8, language, result);
  const auto cjk = language.cjk();
  if (phrases_ && (cjk == content::LanguageTag::Cjk::Japanese || cjk == content::LanguageTag::Cjk::SimplifiedChinese ||
                   cjk == content::LanguageTag::Cjk::TraditionalChinese)) {
    keepPhraseBreaks(utf8, language, result);
  }
  return result;
}

std::vector<std::size_t> LineBreaker::graphemeBoundaries(std::string_view utf8) {
  std::vector<std::size_t> result{0};
  if (utf8.empty()) return result;
  if (!grapheme_iterator_) {
    UErrorCode status = U_ZERO_ERROR;
    grapheme_iterator_.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !grapheme_iterator_) {
      throw std::runtime_error(std::string("ICU character iterator: ") + u_errorName(status));
    }
  }
  UTextPtr text = openUtf8(utf8);
  UErrorCode status = U_ZERO_ERROR;
  grapheme_iterator_->setText(text.get(), status);
  for (int32_t pos = grapheme_iterator_->next(); pos != icu::BreakIterator::DONE; pos = grapheme_iterator_->next()) {
    result.push_back(static_cast<std::size_t>(pos));
  }
  grapheme_iterator_->setText(icu::UnicodeString());
  return result;
}

}  // namespace newsticker::render
