// SPDX-License-Identifier: Apache-2.0
// HTML from a feed (an item's description or content) reduced to the plain
// text a card shows.
#pragma once

#include <string>
#include <string_view>

namespace newsticker::content {

struct HtmlText {
  std::string text;         // tags dropped, entities decoded, whitespace collapsed to single spaces, trimmed
  std::string first_image;  // the src of the first <img>, entities decoded, as written (maybe relative); "" when none
};

// Reduces `html` (UTF-8) to text: tags and comments dropped, the content of
// script, style, template and head left out, block elements (p, br, li, h1...)
// become word breaks, character references (&amp; &#233; &#x4E2D; and all of
// HTML5's names, HtmlEntities.hpp) decoded when written with their ';'; an
// unknown named reference stays as written. A
// '<' that starts no tag is text. Control characters other than whitespace
// are dropped, but a C1 control (U+0080 to U+009F, written or as &#150;) is
// read as HTML reads it, as windows-1252 (U+0096 is "–"), or dropped where
// windows-1252 has nothing. Pure; never throws; linear in the input.
HtmlText readHtmlText(std::string_view html);

}  // namespace newsticker::content
