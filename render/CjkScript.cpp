// SPDX-License-Identifier: Apache-2.0
#include "render/CjkScript.hpp"

namespace newsticker::render {

CjkScript cjkScriptOf(char32_t c) {
  if (c == ' ' || c == 0x00A0) return CjkScript::Space;
  if (c < 0x1100) return CjkScript::None;
  if ((c >= 0x3041 && c <= 0x3096) || (c >= 0x3099 && c <= 0x309F) || (c >= 0x30A1 && c <= 0x30FA) ||
      (c >= 0x30FC && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F)) {
    return CjkScript::Kana;
  }
  if ((c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3131 && c <= 0x318E)) {
    return CjkScript::Hangul;
  }
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x3134F) || (c >= 0x3005 && c <= 0x3007)) {
    return CjkScript::Han;
  }
  // Ideographic space and punctuation, brackets, fullwidth forms: their shape
  // and position differ between the faces (a TC full stop is centred).
  if ((c >= 0x3000 && c <= 0x303F) || c == 0x30A0 || c == 0x30FB || (c >= 0xFE30 && c <= 0xFE4F) ||
      (c >= 0xFF00 && c <= 0xFF65)) {
    return CjkScript::Punctuation;
  }
  return CjkScript::None;
}

}  // namespace newsticker::render
