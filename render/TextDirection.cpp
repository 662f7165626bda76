// SPDX-License-Identifier: Apache-2.0
#include "render/TextDirection.hpp"

#include <algorithm>

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "content/Utf8.hpp"

namespace newsticker::render {
namespace {

bool isAscii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool isExplicit(UCharDirection d) {
  return d == U_LEFT_TO_RIGHT_EMBEDDING || d == U_LEFT_TO_RIGHT_OVERRIDE || d == U_RIGHT_TO_LEFT_EMBEDDING ||
         d == U_RIGHT_TO_LEFT_OVERRIDE || d == U_POP_DIRECTIONAL_FORMAT || d == U_LEFT_TO_RIGHT_ISOLATE ||
         d == U_RIGHT_TO_LEFT_ISOLATE || d == U_FIRST_STRONG_ISOLATE || d == U_POP_DIRECTIONAL_ISOLATE;
}

bool isStrong(UCharDirection d) { return d == U_LEFT_TO_RIGHT || d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC; }

bool isNumber(UCharDirection d) { return d == U_EUROPEAN_NUMBER || d == U_ARABIC_NUMBER; }

UCharDirection directionOf(char32_t c) { return u_charDirection(static_cast<UChar32>(c)); }

constexpr std::size_t kMaxContextBytes = 512;

}  // namespace

bool runsRightToLeft(std::string_view utf8, const content::LanguageTag& language) {
  if (language.runsRightToLeft()) return true;
  if (isAscii(utf8)) return false;
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  return ubidi_getBaseDirection(text.getBuffer(), text.length()) == UBIDI_RTL;
}

bool needsBidi(std::string_view utf8, bool rtl) {
  if (rtl) return true;
  if (isAscii(utf8)) return false;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t c = content::nextCodePoint(utf8, pos);
    if (c < 0x0590) continue;
    const UCharDirection d = directionOf(c);
    if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC || d == U_ARABIC_NUMBER || isExplicit(d)) return true;
  }
  return false;
}

BidiParagraph bidiParagraph(std::string_view paragraph, bool rtl) {
  BidiParagraph info;
  info.rtl = rtl;
  info.bidi = needsBidi(paragraph, rtl);
  if (!info.bidi || isAscii(paragraph)) return info;
  for (std::size_t pos = 0; pos < paragraph.size() && !info.explicit_controls;) {
    info.explicit_controls = isExplicit(directionOf(content::nextCodePoint(paragraph, pos)));
  }
  return info;
}

BidiContext lineContext(std::string_view paragraph, const BidiParagraph& info, std::size_t begin, std::size_t end) {
  BidiContext context;
  if (!info.bidi || begin > end || end > paragraph.size()) return context;
  // The windows of at most kMaxContextBytes on each side, cut at code points.
  std::size_t window_begin = begin > kMaxContextBytes ? begin - kMaxContextBytes : 0;
  while (window_begin < begin && (static_cast<unsigned char>(paragraph[window_begin]) & 0xC0) == 0x80) ++window_begin;
  std::size_t window_end = std::min(paragraph.size(), end + kMaxContextBytes);
  while (window_end > end && window_end < paragraph.size() &&
         (static_cast<unsigned char>(paragraph[window_end]) & 0xC0) == 0x80) {
    --window_end;
  }
  std::size_t from = window_begin, to = window_end;
  if (!info.explicit_controls) {
    for (std::size_t pos = window_begin; pos < begin;) {
      const std::size_t at = pos;
      if (isStrong(directionOf(content::nextCodePoint(paragraph, pos)))) from = at;
    }
    bool digits = false, strong = false;
    for (std::size_t pos = end; pos < window_end && !strong;) {
      const UCharDirection d = directionOf(content::nextCodePoint(paragraph, pos));
      digits = digits || isNumber(d);
      strong = isStrong(d);
      to = pos;
    }
    if (!strong && !digits) to = end;
  }
  context.before = std::string(paragraph.substr(from, begin - from));
  context.after = std::string(paragraph.substr(end, to - end));
  return context;
}

}  // namespace newsticker::render
