// SPDX-License-Identifier: Apache-2.0
// Unicode normalisation of text as it is read: every later step (fonts, line
// breaking, matching) sees one spelling of each character.
#pragma once

#include <string>
#include <string_view>

namespace newsticker::content {

// `utf8` in Normalization Form C (ICU's NFC): decomposed letters such as
// Vietnamese typed as "e" + U+0302 + U+0301 become the precomposed "ế", as
// fonts, line breaking and search expect. Text already in NFC (the common
// case, found by a quick check) comes back unchanged; so does text ICU cannot
// normalise (ill-formed UTF-8 is replaced by U+FFFD by the conversion, so
// callers validate first). Line breaks and everything else ASCII are kept.
std::string toNfc(std::string_view utf8);

}  // namespace newsticker::content
