// SPDX-License-Identifier: Apache-2.0
// splitFrontMatter: where the YAML ends and the Markdown body starts.
#include <doctest/doctest.h>

#include <string>

#include "content/FrontMatter.hpp"
#include "content/MarkdownDigest.hpp"

using newsticker::content::splitFrontMatter;

TEST_CASE("front matter: yaml between the two '---' lines, body after, line numbers") {
  const std::string text = R"(---
title: Ferry timetable changes
author: Port desk
---
First body line.
Second body line.
)";
  const auto fm = splitFrontMatter(text);
  CHECK(fm.present);
  CHECK(fm.closed);
  CHECK(fm.yaml == "title: Ferry timetable changes\nauthor: Port desk\n");
  CHECK(fm.body == "First body line.\nSecond body line.\n");
  CHECK(fm.yaml_first_line == 2);
  CHECK(fm.body_first_line == 5);
}

TEST_CASE("front matter: a UTF-8 byte order mark before the opening line is skipped") {
  const std::string text = "\xEF\xBB\xBF---\ntitle: With a BOM\n---\nBody\n";
  const auto fm = splitFrontMatter(text);
  CHECK(fm.present);
  CHECK(fm.closed);
  CHECK(fm.yaml == "title: With a BOM\n");
  CHECK(fm.body == "Body\n");
  CHECK(fm.body_first_line == 4);
  CHECK(fm.yaml.find("\xEF\xBB\xBF") == std::string::npos);
}

TEST_CASE("front matter: CRLF line ends are accepted and come out as LF") {
  const std::string text = "---\r\ntitle: Windows editor\r\ntags: [a, b]\r\n---\r\nLine one\r\nLine two\r\n";
  const auto fm = splitFrontMatter(text);
  CHECK(fm.present);
  CHECK(fm.closed);
  CHECK(fm.yaml == "title: Windows editor\ntags: [a, b]\n");
  CHECK(fm.body == "Line one\nLine two\n");
  CHECK(fm.body.find('\r') == std::string::npos);
  CHECK(fm.body_first_line == 5);
}

TEST_CASE("front matter: BOM and CRLF together") {
  const std::string text = "\xEF\xBB\xBF---\r\ntitle: Both\r\n---\r\nBody\r\n";
  const auto fm = splitFrontMatter(text);
  CHECK(fm.present);
  CHECK(fm.closed);
  CHECK(fm.yaml == "title: Both\n");
  CHECK(fm.body == "Body\n");
  CHECK(fm.body_first_line == 4);
}

TEST_CASE("front matter: '...' also closes, and the closing line may carry trailing blanks") {
  SUBCASE("dots") {
    const auto fm = splitFrontMatter("---\ntitle: Dots\n...\nBody\n");
    CHECK(fm.closed);
    CHECK(fm.yaml == "title: Dots\n");
    CHECK(fm.body == "Body\n");
  }
  SUBCASE("trailing spaces") {
    const auto fm = splitFrontMatter("---  \ntitle: Spaces\n--- \t\nBody\n");
    CHECK(fm.present);
    CHECK(fm.closed);
    CHECK(fm.yaml == "title: Spaces\n");
    CHECK(fm.body == "Body\n");
  }
  SUBCASE("'...' cannot open front matter") {
    const auto fm = splitFrontMatter("...\ntitle: no\n...\n");
    CHECK_FALSE(fm.present);
  }
}

TEST_CASE("front matter: a later '---' in the body is a Markdown rule, not a second fence") {
  const std::string text = R"(---
title: Two parts
---

Part one of the story.

---

Part two of the story.
)";
  const auto fm = splitFrontMatter(text);
  REQUIRE(fm.closed);
  CHECK(fm.yaml == "title: Two parts\n");
  CHECK(fm.body == "\nPart one of the story.\n\n---\n\nPart two of the story.\n");
  CHECK(fm.body_first_line == 4);

  const auto digest = newsticker::content::digestMarkdown(fm.body);
  CHECK(digest.has_rule);
  CHECK(digest.first_paragraph == "Part one of the story.");
  CHECK(digest.after_rule_title == "Part two of the story.");
}

TEST_CASE("front matter: opening line without a closing line is unclosed") {
  const std::string text = "---\ntitle: Forgot to close\nauthor: Someone\n\nBody text that is really YAML now\n";
  const auto fm = splitFrontMatter(text);
  CHECK(fm.present);
  CHECK_FALSE(fm.closed);
  CHECK(fm.body.empty());
  CHECK(fm.yaml == "title: Forgot to close\nauthor: Someone\n\nBody text that is really YAML now\n");
}

TEST_CASE("front matter: without an opening '---' the whole text is body") {
  SUBCASE("plain text") {
    const std::string text = "Just a note\nwith two lines\n";
    const auto fm = splitFrontMatter(text);
    CHECK_FALSE(fm.present);
    CHECK_FALSE(fm.closed);
    CHECK(fm.yaml.empty());
    CHECK(fm.body == text);
    CHECK(fm.body_first_line == 1);
  }
  SUBCASE("'---' not on the first line") {
    const std::string text = "\n---\ntitle: late\n---\n";
    const auto fm = splitFrontMatter(text);
    CHECK_FALSE(fm.present);
    CHECK(fm.body == text);
  }
  SUBCASE("four dashes are not a fence") {
    const auto fm = splitFrontMatter("----\ntitle: x\n----\n");
    CHECK_FALSE(fm.present);
  }
  SUBCASE("CRLF body is normalised") {
    const auto fm = splitFrontMatter("a\r\nb\r\n");
    CHECK_FALSE(fm.present);
    CHECK(fm.body == "a\nb\n");
  }
}

TEST_CASE("front matter: empty front matter and a file that ends at the closing line") {
  SUBCASE("empty yaml") {
    const auto fm = splitFrontMatter("---\n---\nBody\n");
    CHECK(fm.present);
    CHECK(fm.closed);
    CHECK(fm.yaml.empty());
    CHECK(fm.body == "Body\n");
    CHECK(fm.body_first_line == 3);
  }
  SUBCASE("no newline after the closing line") {
    const auto fm = splitFrontMatter("---\ntitle: Short\n---");
    CHECK(fm.closed);
    CHECK(fm.yaml == "title: Short\n");
    CHECK(fm.body.empty());
    CHECK(fm.body_first_line == 4);
  }
}
