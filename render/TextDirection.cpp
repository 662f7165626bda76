#include "render/TextDirection.hpp"

#include <unicode/ubidi.h>
#include <unicode/unistr.h>

#include <array>

namespace newsticker::render {

bool isRightToLeftLanguage(const std::string& language) {
  const std::string primary = language.substr(0, language.find_first_of("-_"));
  static constexpr std::array<const char*, 14> kRightToLeft = {"ar", "he", "iw", "fa", "ur", "yi", "ji",
                                                               "ps", "sd", "ug", "dv", "ckb", "syr", "arc"};
  for (const char* tag : kRightToLeft) {
    if (primary == tag) return true;
  }
  return false;
}

bool runsRightToLeft(std::string_view utf8, const std::string& language) {
  if (isRightToLeftLanguage(language)) return true;
  bool ascii = true;
  for (const char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return false;
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  return ubidi_getBaseDirection(text.getBuffer(), text.length()) == UBIDI_RTL;
}

}  // namespace newsticker::render
