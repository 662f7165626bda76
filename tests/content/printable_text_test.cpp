// SPDX-License-Identifier: Apache-2.0
// Issue 27, item 7: one printable-and-shorten function for every channel.
// STATUS= cut titles inside a UTF-8 sequence (3 of 3 datagrams invalid for
// Japanese and emoji titles), --check printed U+2028, U+0085 and U+202E raw,
// and a byte 0xFF reached the journal raw.
#include <doctest/doctest.h>

#include <string>

#include "content/PrintableText.hpp"
#include "content/Utf8.hpp"

using newsticker::content::firstInvalidUtf8;
using newsticker::content::printableText;

TEST_CASE("titles are shortened between grapheme clusters: whole UTF-8, emoji ZWJ sequences kept whole") {
  const std::string japanese =
      "港の図書館が夜間開館を始めます。港の図書館が夜間開館を始めます。港の図書館が夜間開館を始めます。";
  const std::string family =
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";  // 👨‍👩‍👧
  std::string emoji;
  for (int i = 0; i < 50; ++i) emoji += family;
  for (const std::string& title : {japanese, emoji, "e\xCC\x81t\xC3\xA9 " + japanese}) {
    CAPTURE(title);
    // The old cut: 80 bytes, inside a sequence.
    CHECK(firstInvalidUtf8(title.substr(0, 80)).has_value());
    const std::string cut = printableText(title, 20);
    CHECK_FALSE(firstInvalidUtf8(cut).has_value());
    CHECK(cut.size() < title.size());
    CHECK(cut.substr(cut.size() - 3) == "\u2026");
  }
  CHECK(printableText(emoji, 2) == family + family + "\u2026");  // two whole families, not a split one
  CHECK(printableText("short", 80) == "short");
}

TEST_CASE("line breaks, C1 controls, bidi overrides and bytes that are not UTF-8 are escaped") {
  CHECK(printableText("a\u2028b\u2029c") == "a\\u2028b\\u2029c");
  CHECK(printableText("a\xC2\x85"
                      "b") == "a\\u0085b");
  CHECK(printableText("evil\u202Etxt.exe") == "evil\\u202Etxt.exe");
  CHECK(printableText("caf\xFF") == "caf\\xFF");
  CHECK(printableText("one\ntwo\x1B[2J") == "one\\ntwo\\x1B[2J");
  CHECK(printableText("a\\b") == "a\\b");
  CHECK(printableText("a\\b", 0, true) == "a\\\\b");
}
