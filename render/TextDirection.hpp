// Which way text runs: the base direction of a paragraph (Unicode bidi),
// from its language or, failing that, from its first strong letter.
#pragma once

#include <string>
#include <string_view>

namespace newsticker::render {

// True for languages written right to left: Arabic, Hebrew, Persian, Urdu,
// Yiddish, Pashto, Sindhi, Uyghur, Dhivehi, Kurdish (Sorani), Syriac, by the
// primary subtag of `language` ("ar", "ar-EG", "he", "iw", "fa"...). Pure.
bool isRightToLeftLanguage(const std::string& language);

// The base direction of the paragraph `utf8` in `language`: right to left
// when the language is (isRightToLeftLanguage), else when its first strong
// letter is Hebrew, Arabic or another right-to-left script (as HTML's
// dir=auto decides); left to right otherwise. Pure.
bool runsRightToLeft(std::string_view utf8, const std::string& language);

}  // namespace newsticker::render
