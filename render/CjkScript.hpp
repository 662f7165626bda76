// SPDX-License-Identifier: Apache-2.0
// Which CJK script a character belongs to: what picks a CJK face for it, and
// what an ellipsis after it should look like.
#pragma once

namespace newsticker::render {

enum class CjkScript { None, Space, Punctuation, Han, Kana, Hangul };

// The CJK script of `c`: Space for U+0020 and U+00A0; Kana, Hangul, Han;
// Punctuation for ideographic space and punctuation, CJK brackets and
// fullwidth forms (their shape and position differ between the CJK faces);
// None for everything else (Latin, digits, other scripts). Pure.
CjkScript cjkScriptOf(char32_t c);

}  // namespace newsticker::render
