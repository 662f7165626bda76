// SPDX-License-Identifier: Apache-2.0
// Guesses a post's language from its script, to pick the matching CJK face.
#pragma once

#include <string>
#include <string_view>

#include "content/LanguageTag.hpp"

namespace newsticker::content {

// "ja" when the text has kana, "ko" when it has hangul, "zh-Hant" or "zh-Hans"
// when it has Han characters (Traditional when traditional-only forms outnumber
// simplified-only ones), otherwise empty (no opinion: use the feed default).
LanguageTag detectLanguage(std::string_view utf8);

}  // namespace newsticker::content
