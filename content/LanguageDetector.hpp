// Guesses a post's language from its script, to pick the matching CJK face.
#pragma once

#include <string>
#include <string_view>

namespace newsticker::content {

// "ja" when the text has kana, "ko" when it has hangul, "zh-Hant" or "zh-Hans"
// when it has Han characters (Traditional when traditional-only forms outnumber
// simplified-only ones), otherwise empty (no opinion: use the feed default).
std::string detectLanguage(std::string_view utf8);

// Normalises a language tag from front matter or config: "zh-CN"/"zh-SG"/"zh"
// -> "zh-Hans", "zh-TW"/"zh-HK"/"zh-MO" -> "zh-Hant", "ja-JP" -> "ja",
// "ko-KR" -> "ko", others lower-cased primary subtag ("en-US" -> "en").
std::string normaliseLanguageTag(std::string_view tag);

}  // namespace newsticker::content
