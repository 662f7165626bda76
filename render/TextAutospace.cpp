// SPDX-License-Identifier: Apache-2.0
#include "render/TextAutospace.hpp"

#include <initializer_list>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace newsticker::render {
namespace {

enum class AutospaceClass { Ideograph, Alphanumeric, Other };

bool isLetterOrNumber(int8_t type) {
  return type == U_UPPERCASE_LETTER || type == U_LOWERCASE_LETTER || type == U_TITLECASE_LETTER ||
         type == U_MODIFIER_LETTER || type == U_OTHER_LETTER || type == U_LETTER_NUMBER ||
         type == U_DECIMAL_DIGIT_NUMBER;
}

AutospaceClass classOf(char32_t c) {
  const auto code = static_cast<UChar32>(c);
  const int8_t type = u_charType(code);
  if (!isLetterOrNumber(type)) return AutospaceClass::Other;
  const auto width = static_cast<UEastAsianWidth>(u_getIntPropertyValue(code, UCHAR_EAST_ASIAN_WIDTH));
  // By script extensions: ー (Common) is used with kana, 〆 (Common) with Han.
  bool cjk_script = false;
  for (const UScriptCode script : {USCRIPT_HAN, USCRIPT_HIRAGANA, USCRIPT_KATAKANA, USCRIPT_BOPOMOFO, USCRIPT_HANGUL}) {
    cjk_script = cjk_script || uscript_hasScript(code, script);
  }
  if (cjk_script) {
    // Half-width katakana and hangul are set like Latin, yet get no gap.
    return width == U_EA_HALFWIDTH ? AutospaceClass::Other : AutospaceClass::Ideograph;
  }
  if (width == U_EA_FULLWIDTH || width == U_EA_HALFWIDTH || width == U_EA_WIDE) return AutospaceClass::Other;
  if (type == U_LETTER_NUMBER) return AutospaceClass::Other;  // Roman numerals Ⅻ
  if (type != U_DECIMAL_DIGIT_NUMBER) {
    const UCharDirection direction = u_charDirection(code);
    if (direction == U_RIGHT_TO_LEFT || direction == U_RIGHT_TO_LEFT_ARABIC) return AutospaceClass::Other;
  }
  return AutospaceClass::Alphanumeric;
}

}  // namespace

bool autospaceBetween(char32_t before, char32_t after) {
  const AutospaceClass a = classOf(before), b = classOf(after);
  return (a == AutospaceClass::Ideograph && b == AutospaceClass::Alphanumeric) ||
         (a == AutospaceClass::Alphanumeric && b == AutospaceClass::Ideograph);
}

}  // namespace newsticker::render
