// SPDX-License-Identifier: Apache-2.0
#include "content/LanguageTag.hpp"

#include <array>
#include <cctype>
#include <ostream>

namespace newsticker::content {

LanguageTag::LanguageTag(std::string_view tag) {
  std::string lower;
  for (const char c : tag) {
    if (c == ' ' || c == '\t') continue;
    lower += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const auto dash = lower.find('-');
  const std::string primary = lower.substr(0, dash);
  const std::string rest = dash == std::string::npos ? "" : lower.substr(dash + 1);
  if (primary == "zh") {
    const bool traditional = rest.find("hant") != std::string::npos || rest == "tw" || rest == "hk" || rest == "mo";
    tag_ = traditional ? "zh-Hant" : "zh-Hans";
  } else {
    tag_ = primary;
  }
}

LanguageTag::Cjk LanguageTag::cjk() const {
  if (tag_ == "ja") return Cjk::Japanese;
  if (tag_ == "ko") return Cjk::Korean;
  if (tag_ == "zh-Hans") return Cjk::SimplifiedChinese;
  if (tag_ == "zh-Hant") return Cjk::TraditionalChinese;
  return Cjk::None;
}

bool LanguageTag::trimsCjkPunctuation() const {
  const Cjk kind = cjk();
  return kind == Cjk::Japanese || kind == Cjk::SimplifiedChinese || kind == Cjk::TraditionalChinese;
}

bool LanguageTag::runsRightToLeft() const {
  static constexpr std::array<const char*, 14> kRightToLeft = {"ar", "he", "iw", "fa", "ur",  "yi",  "ji",
                                                               "ps", "sd", "ug", "dv", "ckb", "syr", "arc"};
  for (const char* tag : kRightToLeft) {
    if (tag_ == tag) return true;
  }
  return false;
}

std::string LanguageTag::icuLocale() const {
  std::string locale = tag_;
  for (char& c : locale) c = c == '-' ? '_' : c;
  return locale;
}

bool LanguageTag::matches(std::string_view range) const {
  const std::string wanted(range);
  if (wanted.find_first_of("-_") == std::string::npos) {
    std::string lower;
    for (const char c : wanted) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return !tag_.empty() && primary() == lower;
  }
  return LanguageTag(wanted) == *this;
}

std::ostream& operator<<(std::ostream& out, const LanguageTag& language) { return out << language.str(); }

}  // namespace newsticker::content
