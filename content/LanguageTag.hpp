// SPDX-License-Identifier: Apache-2.0
// A language as newsticker acts on it. Tags come from front matter, a feed,
// the config or the script detector; this type normalises them once and is
// the one place that says what a language means for the CJK face, line
// breaking, punctuation spacing, direction and ICU locales (content, fonts
// and render share it instead of each comparing "ja" or "zh-Hant").
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

namespace newsticker::content {

class LanguageTag {
 public:
  // The CJK conventions a language follows (its face's Han glyphs, its line
  // breaking and punctuation).
  enum class Cjk { None, Japanese, Korean, SimplifiedChinese, TraditionalChinese };

  // No language: nothing declared and nothing detected.
  LanguageTag() = default;
  // Normalises a BCP 47 tag: lower case, '_' read as '-', region and other
  // subtags dropped ("en-US" -> "en", "ja-JP" -> "ja"), except that Chinese
  // keeps its script: "zh-TW"/"zh-HK"/"zh-MO"/"zh-Hant..." -> "zh-Hant",
  // any other "zh" -> "zh-Hans". Implicit, so a tag can be written "ja".
  LanguageTag(std::string_view tag);                                           // NOLINT(google-explicit-constructor)
  LanguageTag(const std::string& tag) : LanguageTag(std::string_view(tag)) {}  // NOLINT
  LanguageTag(const char* tag) : LanguageTag(std::string_view(tag)) {}         // NOLINT

  // The normalised tag ("", "en", "ja", "zh-Hans", "zh-Hant", "ar", ...).
  const std::string& str() const { return tag_; }
  bool empty() const { return tag_.empty(); }
  // The language subtag ("zh" for both Chinese scripts).
  std::string primary() const { return tag_.substr(0, tag_.find('-')); }

  Cjk cjk() const;
  // Japanese, Korean or Chinese: the language has a CJK face of its own.
  bool isCjk() const { return cjk() != Cjk::None; }
  // Japanese and Chinese trim the blank halves of full-width punctuation
  // where marks meet (CSS text-spacing-trim); Korean does not.
  bool trimsCjkPunctuation() const;
  // Korean breaks lines between words only (CSS word-break: keep-all).
  bool keepsWordsWhole() const { return cjk() == Cjk::Korean; }
  // Languages written right to left: Arabic, Hebrew, Persian, Urdu,
  // Yiddish, Pashto, Sindhi, Uyghur, Dhivehi, Kurdish (Sorani), Syriac,
  // Aramaic ("iw", "ji": the old codes of Hebrew and Yiddish).
  bool runsRightToLeft() const;
  // The ICU locale id ("zh_Hant", "ja", "en"; "" for no language).
  std::string icuLocale() const;
  // True when `range` (a tag or a bare language, as a config lists them)
  // covers this language: "zh" covers "zh-Hans" and "zh-Hant", "zh-Hant"
  // only itself (RFC 4647 basic filtering on normalised tags).
  bool matches(std::string_view range) const;

  friend bool operator==(const LanguageTag& a, const LanguageTag& b) { return a.tag_ == b.tag_; }
  friend bool operator!=(const LanguageTag& a, const LanguageTag& b) { return a.tag_ != b.tag_; }
  friend bool operator<(const LanguageTag& a, const LanguageTag& b) { return a.tag_ < b.tag_; }

 private:
  std::string tag_;
};

// Writes the normalised tag (for logs and test messages).
std::ostream& operator<<(std::ostream& out, const LanguageTag& language);

}  // namespace newsticker::content
