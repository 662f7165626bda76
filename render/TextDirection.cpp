// SPDX-License-Identifier: Apache-2.0
#include "render/TextDirection.hpp"

#include <unicode/ubidi.h>
#include <unicode/unistr.h>

namespace newsticker::render {

bool runsRightToLeft(std::string_view utf8, const content::LanguageTag& language) {
  if (language.runsRightToLeft()) return true;
  bool ascii = true;
  for (const char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return false;
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  return ubidi_getBaseDirection(text.getBuffer(), text.length()) == UBIDI_RTL;
}

}  // namespace newsticker::render
