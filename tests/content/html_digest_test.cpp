// SPDX-License-Identifier: Apache-2.0
// digestHtml: the first paragraph and picture of a post written in HTML.
#include <doctest/doctest.h>

#include <string>

#include "content/HtmlDigest.hpp"

using newsticker::content::digestHtml;

TEST_CASE("html post: the first <p> with text, entities decoded, tags and scripts left out") {
  const auto digest = digestHtml(
      "<script>var p = '<p>not this</p>';</script>\n<P class=\"lead\"></P>\n"
      "<div><img src=\"/assets/images/bench.png\" alt=\"Bench\">\n"
      "<p>Doors open at <em>six</em> &amp; tea\nis free.</p></div>\n<p>Second paragraph.\n<p>Third, unclosed");
  CHECK(digest.first_paragraph == "Doors open at six & tea is free.");
  CHECK(digest.lead_paragraphs == "Doors open at six & tea is free. Second paragraph. Third, unclosed");
  CHECK(digest.first_image == "/assets/images/bench.png");
  CHECK(digest.images == std::vector<std::string>{"/assets/images/bench.png"});
  CHECK_FALSE(digest.has_rule);
}

TEST_CASE("html post: without <p>, the blocks between blank lines are the paragraphs") {
  const auto digest = digestHtml("<h2></h2>\n\n<div>First <b>block</b>\nof text.</div>\r\n\r\n<div>Second.</div>");
  CHECK(digest.first_paragraph == "First block of text.");
  CHECK(digest.lead_paragraphs == "First block of text. Second.");
  CHECK(digest.first_image.empty());
  CHECK(digestHtml("").first_paragraph.empty());
  CHECK(digestHtml("<p").first_paragraph.empty());
}
