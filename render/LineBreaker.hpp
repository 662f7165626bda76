// SPDX-License-Identifier: Apache-2.0
// Line break opportunities (UAX #14, from ICU) and grapheme cluster
// boundaries, with the per-language corrections a reader expects.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

#include "content/LanguageTag.hpp"
#include "render/Hyphenator.hpp"

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace newsticker::render {

struct BreakOpportunity {
  std::size_t offset;  // byte offset where a new line may start
  bool mandatory;      // a hard line break (newline) ends the line here
};

class LineBreaker {
 public:
  LineBreaker();
  ~LineBreaker();
  LineBreaker(const LineBreaker&) = delete;
  LineBreaker& operator=(const LineBreaker&) = delete;

  // Opportunities in `utf8` for `language`, ascending, the last one at
  // utf8.size(). Japanese uses ICU's strict rules (kinsoku: no line starts
  // with 。、」ー or small kana); Korean breaks only where words are separated
  // (CSS word-break: keep-all). Web addresses, numbers with their units and
  // words joined by a slash follow render/UrlUnitBreaks.hpp's rules (an
  // address breaks only after '/' or before '.' of its path; 100 km, 25 %
  // and km/h stay whole). « never ends and » never starts a line (German
  // and Danish the other way round), a Korean line never starts with a
  // middle dot, a Hebrew word breaks after a maqaf (U+05BE) before another
  // (Unicode 15.1) and ה-Hackathon stays whole. Iterators are created once
  // per language.
  std::vector<BreakOpportunity> opportunities(std::string_view utf8, const content::LanguageTag& language);

  // Phrase mode (for headlines): Chinese and Japanese break only where a word
  // ends (ICU's dictionary word break) and never between a number and its
  // counter (11月, 3件), among the opportunities above; other languages as
  // without it. Off by default; see PhraseBreaks.
  void setPhrases(bool on) { phrases_ = on; }
  bool phrases() const { return phrases_; }

  // Grapheme cluster boundaries of `utf8`, ascending, from 0 to utf8.size():
  // where text may be cut without splitting a character as the reader sees it.
  std::vector<std::size_t> graphemeBoundaries(std::string_view utf8);

  // Where a hyphen may break the words of `utf8` by the patterns of
  // `language` (render/Hyphenator.hpp): byte offsets, ascending; none for a
  // language without a dictionary.
  std::vector<std::size_t> hyphenationPoints(std::string_view utf8, const content::LanguageTag& language) {
    return hyphenator_.points(utf8, language);
  }

 private:
  icu::BreakIterator& lineIterator(const content::LanguageTag& language);
  icu::BreakIterator& wordIterator(const content::LanguageTag& language);
  // Keeps of `found` the opportunities at the end of a word of `utf8`, not between a number and its counter.
  void keepPhraseBreaks(std::string_view utf8, const content::LanguageTag& language,
                        std::vector<BreakOpportunity>& found);
  std::map<std::string, std::unique_ptr<icu::BreakIterator>> line_iterators_;
  std::map<std::string, std::unique_ptr<icu::BreakIterator>> word_iterators_;
  bool phrases_ = false;
  std::unique_ptr<icu::BreakIterator> grapheme_iterator_;
  Hyphenator hyphenator_;
};

// Phrase mode on `breaker` for as long as it lives, then as it was.
class PhraseBreaks {
 public:
  explicit PhraseBreaks(LineBreaker& breaker) : breaker_(breaker), was_(breaker.phrases()) { breaker.setPhrases(true); }
  ~PhraseBreaks() { breaker_.setPhrases(was_); }
  PhraseBreaks(const PhraseBreaks&) = delete;
  PhraseBreaks& operator=(const PhraseBreaks&) = delete;

 private:
  LineBreaker& breaker_;
  bool was_;
};

}  // namespace newsticker::render
