// SPDX-License-Identifier: Apache-2.0
// readHtmlText: feed HTML reduced to the text of a card.
#include <doctest/doctest.h>

#include "content/HtmlText.hpp"

using newsticker::content::readHtmlText;

TEST_CASE("tags dropped, blocks become word breaks, whitespace collapsed") {
  CHECK(readHtmlText("<p>One <b>bold</b> word.</p><p>Two</p>").text == "One bold word. Two");
  CHECK(readHtmlText("  line\n\n  break\t<br/>after  ").text == "line break after");
  CHECK(readHtmlText("<ul><li>a</li><li>b</li></ul>").text == "a b");
  CHECK(readHtmlText("in<span>line</span>").text == "inline");
  CHECK(readHtmlText("").text.empty());
}

TEST_CASE("character references decoded; unknown ones kept as written") {
  CHECK(readHtmlText("Fish &amp; chips &lt;3 &quot;fresh&quot;").text == "Fish & chips <3 \"fresh\"");
  CHECK(readHtmlText("caf&eacute; &#233; &#xE9; &hellip;").text == "café é é …");
  CHECK(readHtmlText("&#146;quoted&#148;").text == "\u2019quoted\u201D");  // windows-1252 numbers, as HTML reads them
  CHECK(readHtmlText("&#0; &#xD800; &#x110000;").text == "\uFFFD \uFFFD \uFFFD");
  CHECK(readHtmlText("&madeup; & alone &amp").text == "&madeup; & alone &amp");
  CHECK(readHtmlText("a&nbsp;b").text == "a\u00A0b");
}

TEST_CASE("script, style and comments leave nothing; a lone '<' is text") {
  CHECK(readHtmlText("a<script>var x = '<p>';</script>b<style>p{}</style>c").text == "a b c");
  CHECK(readHtmlText("x<!-- hidden <b>bold</b> -->y").text == "xy");
  CHECK(readHtmlText("1 < 2 and 3 <= 4").text == "1 < 2 and 3 <= 4");
  CHECK(readHtmlText("<![CDATA[raw <b>]]>").text == "raw <b>");
  CHECK(readHtmlText("unterminated <b").text == "unterminated");
  CHECK(readHtmlText("bell\a and nul\x01").text == "bell and nul");
}

TEST_CASE("the first <img> src, entities decoded, however the attribute is quoted") {
  CHECK(readHtmlText("<p>x</p><img alt='a > b' src=\"/a.png?x=1&amp;y=2\"><img src=b.png>").first_image ==
        "/a.png?x=1&y=2");
  CHECK(readHtmlText("<IMG SRC=plain.jpg width=3>").first_image == "plain.jpg");
  CHECK(readHtmlText("<img data-src=x.png>").first_image.empty());
  CHECK(readHtmlText("no image").first_image.empty());
}

TEST_CASE("all of HTML5's named references: Greek letters, math symbols, two-code-point names") {
  CHECK(readHtmlText("&alpha; &Omega; &forall;x &isin; &real; &there4; &sum;").text == "α Ω ∀x ∈ ℜ ∴ ∑");
  CHECK(readHtmlText("&NotEqualTilde; &fjlig; &CounterClockwiseContourIntegral;").text == "\u2242\u0338 fj \u2233");
  CHECK(readHtmlText("&Alpha; is not &ALPHA;").text == "Α is not &ALPHA;");  // names are case-sensitive
}

TEST_CASE("C1 controls, written or as references, are read as windows-1252 or dropped, never drawn") {
  CHECK(readHtmlText("\xC2\x80 5, \xC2\x85 and \xC2\x99").text == "\u20AC 5, \u2026 and \u2122");
  CHECK(readHtmlText("a\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D"
                     "b &#129;&#x9D;c")
            .text == "ab c");
  CHECK(readHtmlText("\xC2\xA9 stays").text == "\u00A9 stays");  // U+00A9 is no C1 control
}
