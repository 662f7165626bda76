// SPDX-License-Identifier: Apache-2.0
// Utf8: validation with the offset of the first bad byte, decoding, encoding.
#include <doctest/doctest.h>

#include <string>

#include "content/Utf8.hpp"

using namespace newsticker::content;

TEST_CASE("utf8: well-formed text has no invalid byte") {
  CHECK_FALSE(firstInvalidUtf8("").has_value());
  CHECK_FALSE(firstInvalidUtf8("plain ASCII").has_value());
  CHECK_FALSE(firstInvalidUtf8("caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x9A\x8B").has_value());
  CHECK_FALSE(firstInvalidUtf8("\xEF\xBB\xBF"
                               "bom")
                  .has_value());
}

TEST_CASE("utf8: the offset of the first ill-formed byte") {
  CHECK(firstInvalidUtf8("abc\xFF").value() == 3);
  CHECK(firstInvalidUtf8("ab\xC3(").value() == 2);               // lead byte without continuation
  CHECK(firstInvalidUtf8("\xC0\xAF").value() == 0);              // overlong '/'
  CHECK(firstInvalidUtf8("x\xE0\x80\xAF").value() == 1);         // overlong 3-byte
  CHECK(firstInvalidUtf8("ok\xED\xA0\x80").value() == 2);        // UTF-16 surrogate D800
  CHECK(firstInvalidUtf8("\xF4\x90\x80\x80").value() == 0);      // above U+10FFFF
  CHECK(firstInvalidUtf8("\xE4\xB8\xAD\xE4\xB8").value() == 3);  // truncated at the end
  CHECK(firstInvalidUtf8("\x80").value() == 0);                  // lone continuation byte
}

TEST_CASE("utf8: decoding advances past each code point, bad bytes become U+FFFD") {
  const std::string text = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x9A\x8B\xFFz";
  std::size_t pos = 0;
  CHECK(nextCodePoint(text, pos) == U'a');
  CHECK(pos == 1);
  CHECK(nextCodePoint(text, pos) == U'\u00E9');
  CHECK(pos == 3);
  CHECK(nextCodePoint(text, pos) == U'\u4E2D');
  CHECK(pos == 6);
  CHECK(nextCodePoint(text, pos) == U'\U0001F68B');
  CHECK(pos == 10);
  CHECK(nextCodePoint(text, pos) == U'\uFFFD');
  CHECK(pos == 11);
  CHECK(nextCodePoint(text, pos) == U'z');
  CHECK(pos == text.size());
}

TEST_CASE("utf8: appendUtf8 round-trips through nextCodePoint") {
  for (char32_t cp : {U'A', U'\u00E9', U'\u07FF', U'\u0800', U'\u3042', U'\uFFFD', U'\U00010000', U'\U0010FFFF'}) {
    std::string encoded;
    appendUtf8(encoded, cp);
    CHECK_FALSE(firstInvalidUtf8(encoded).has_value());
    std::size_t pos = 0;
    CHECK(nextCodePoint(encoded, pos) == cp);
    CHECK(pos == encoded.size());
  }
}
