// SPDX-License-Identifier: Apache-2.0
// Where a word may be hyphenated, by its language's patterns: libhyphen with
// the hyphen-* dictionaries LibreOffice uses (Debian's hyphen-de, hyphen-en-us,
// hyphen-ta...), for words wider than a line.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "content/LanguageTag.hpp"

extern "C" {
struct _HyphenDict;
}

namespace newsticker::render {

class Hyphenator {
 public:
  // Reads dictionaries from `folder` (hyph_<language>[_<REGION>].dic), each
  // on first use, once for the whole process.
  explicit Hyphenator(std::string folder = "/usr/share/hyphen");
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  // Byte offsets into `text` where a hyphen may break each of its words (a
  // run of letters and combining marks of at least 5 letters), by the
  // patterns of `language` (for "de" hyph_de.dic, else the first
  // hyph_de_*.dic: LanguageTag keeps no region), ascending; offsets inside a grapheme are
  // never given. Words are lowercased for the patterns. Empty when the
  // language has no dictionary (e.g. Finnish: Debian ships none), when the
  // dictionary cannot be read (said once on stderr) or when a word has a
  // letter the dictionary's encoding cannot hold. Non-standard breaks that
  // change letters (German "Schiff=fahrt") are left out.
  std::vector<std::size_t> points(std::string_view text, const content::LanguageTag& language);

  // The dictionary file for `language` in the folder, or "" when none.
  std::string dictionaryFor(const content::LanguageTag& language) const;

 private:
  struct Dictionary;
  Dictionary* dictionary(const content::LanguageTag& language);
  std::string folder_;
  // By file ("" when none), each shared by every Hyphenator of the process.
  std::map<std::string, std::shared_ptr<Dictionary>> dictionaries_;
};

}  // namespace newsticker::render
