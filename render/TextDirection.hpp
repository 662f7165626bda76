// SPDX-License-Identifier: Apache-2.0
// Which way text runs: the base direction of a paragraph (Unicode bidi),
// from its language or, failing that, from its first strong letter.
#pragma once

#include <string>
#include <string_view>

#include "content/LanguageTag.hpp"

namespace newsticker::render {

// The base direction of the paragraph `utf8` in `language`: right to left
// when the language is (LanguageTag::runsRightToLeft), else when its first strong
// letter is Hebrew, Arabic or another right-to-left script (as HTML's
// dir=auto decides); left to right otherwise. Pure.
bool runsRightToLeft(std::string_view utf8, const content::LanguageTag& language);

}  // namespace newsticker::render
