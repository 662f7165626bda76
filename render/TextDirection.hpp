// SPDX-License-Identifier: Apache-2.0
// Which way text runs: the base direction of a paragraph (Unicode bidi),
// from its language or, failing that, from its first strong letter; and the
// part of a paragraph around one of its lines that the bidi algorithm needs.
#pragma once

#include <string>
#include <string_view>

#include "content/LanguageTag.hpp"

namespace newsticker::render {

// The base direction of the paragraph `utf8` in `language`: right to left
// when the language is (LanguageTag::runsRightToLeft), else when its first strong
// letter is Hebrew, Arabic or another right-to-left script (as HTML's
// dir=auto decides); left to right otherwise. Pure.
bool runsRightToLeft(std::string_view utf8, const content::LanguageTag& language);

// True when `utf8` needs the bidi algorithm: its paragraph runs right to
// left (`rtl`), or it holds right-to-left letters, Arabic digits or bidi
// controls. Pure.
bool needsBidi(std::string_view utf8, bool rtl);

// The text around a line, as FontSpec::bidi_before and bidi_after carry it.
struct BidiContext {
  std::string before, after;
};

// What lineContext needs to know of a whole paragraph, found once per
// paragraph: whether it needs bidi at all (needsBidi), and whether it has
// explicit embeddings, overrides or isolates (which span lines).
struct BidiParagraph {
  bool rtl = false;  // the paragraph's base direction
  bool bidi = false;
  bool explicit_controls = false;
};
BidiParagraph bidiParagraph(std::string_view paragraph, bool rtl);

// The context of the line paragraph[begin, end) that decides its bidi levels
// as the whole paragraph resolves them (UAX #9 rules W1-W7 and N1-N2 look
// back to the nearest strong letter and ahead to the next one): the text
// before the line from its last strong letter (L, R or AL) on, and the text
// after it up to and including its first strong letter (with no strong
// letter after, the rest when it has digits, else nothing). With explicit
// embeddings, overrides or isolates in the paragraph, all the text before and
// after. Each side is at most 512 bytes, the end nearest the line kept (a
// strong letter further away is not seen: the levels are those of the
// paragraph cut there). Empty when the paragraph needs no bidi. `info` is
// bidiParagraph(paragraph, ...); offsets are bytes, begin <= end <=
// paragraph.size() (else empty). Reads at most about 1 KiB of the paragraph.
BidiContext lineContext(std::string_view paragraph, const BidiParagraph& info, std::size_t begin, std::size_t end);

}  // namespace newsticker::render
