// SPDX-License-Identifier: Apache-2.0
#include "content/Utf8.hpp"

namespace newsticker::content {
namespace {

// Length of the well-formed sequence at `pos`, or 0 when ill-formed (RFC 3629).
std::size_t sequenceLength(std::string_view s, std::size_t pos, char32_t* out) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) {
    *out = b0;
    return 1;
  }
  std::size_t length;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (pos + length > s.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char b = byte(pos + i);
    if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  *out = cp;
  return length;
}

}  // namespace

std::optional<std::size_t> firstInvalidUtf8(std::string_view bytes) {
  std::size_t pos = 0;
  char32_t cp;
  while (pos < bytes.size()) {
    const std::size_t length = sequenceLength(bytes, pos, &cp);
    if (length == 0) return pos;
    pos += length;
  }
  return std::nullopt;
}

char32_t nextCodePoint(std::string_view text, std::size_t& pos) {
  char32_t cp = 0;
  const std::size_t length = sequenceLength(text, pos, &cp);
  if (length == 0) {
    ++pos;
    return 0xFFFD;
  }
  pos += length;
  return cp;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace newsticker::content
