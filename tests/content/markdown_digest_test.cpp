// SPDX-License-Identifier: Apache-2.0
// digestMarkdown: first prose paragraph, first image, second-language section.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "content/MarkdownDigest.hpp"

using newsticker::content::digestMarkdown;

TEST_CASE("markdown: image paragraph with a kramdown attribute list is not prose") {
  const std::string body = R"(
![Harbour logo](/assets/images/harbour.svg){:style="max-width:200px;float:right;margin: 12px;"}

The harbour office reopens after the winter works.
)";
  const auto digest = digestMarkdown(body);
  CHECK(digest.first_image == "/assets/images/harbour.svg");
  CHECK(digest.first_paragraph == "The harbour office reopens after the winter works.");
  CHECK_FALSE(digest.has_rule);
}

TEST_CASE("markdown: headings, HTML blocks, lists and code are skipped") {
  const std::string body = R"(## Key dates

<div class="banner">Sponsored block</div>

- a list item that is not prose
- another one

    indented code block

```
fenced code
```

Volunteers will   paint
the fence on Sunday.
)";
  const auto digest = digestMarkdown(body);
  CHECK(digest.first_paragraph == "Volunteers will paint the fence on Sunday.");
  CHECK(digest.first_image.empty());
  CHECK(digest.lead_text.find("Key dates") != std::string::npos);
  CHECK(digest.lead_text.find("Sponsored") == std::string::npos);
  CHECK(digest.lead_text.find("fenced code") == std::string::npos);
}

TEST_CASE("markdown: entities decoded, inline HTML tags dropped, links keep their text") {
  const std::string body =
      "Tickets &amp; maps are at the <b>front</b> desk &#8217;til six, see the "
      "[visitor page](https://example.org/visit) &mdash; or ask &quot;staff&quot;.\n";
  const auto digest = digestMarkdown(body);
  CHECK(
      digest.first_paragraph ==
      "Tickets & maps are at the front desk \xE2\x80\x99til six, see the visitor page \xE2\x80\x94 or ask \"staff\".");
}

TEST_CASE("markdown: kramdown block attribute list after a paragraph is removed") {
  const auto digest = digestMarkdown("A lead paragraph for the card.\n{: .lead}\n\nNext one.\n");
  CHECK(digest.first_paragraph == "A lead paragraph for the card.");
}

TEST_CASE("markdown: a line break between CJK characters vanishes, between words it is a space") {
  SUBCASE("CJK") {
    const auto digest = digestMarkdown("市民图书馆周末\n延长开放时间。\n");
    CHECK(digest.first_paragraph == "市民图书馆周末延长开放时间。");
  }
  SUBCASE("Latin") {
    const auto digest = digestMarkdown("weekend\nopening hours\n");
    CHECK(digest.first_paragraph == "weekend opening hours");
  }
}

TEST_CASE("markdown: rules split the body (Markdown and raw <hr>)") {
  SUBCASE("*** rule") {
    const auto digest = digestMarkdown("Before the rule.\n\n***\n\nAfter title\n\nAfter summary text.\n");
    CHECK(digest.has_rule);
    CHECK(digest.first_paragraph == "Before the rule.");
    CHECK(digest.after_rule_title == "After title");
    CHECK(digest.after_rule_summary == "After summary text.");
  }
  SUBCASE("<hr class> raw HTML block") {
    const auto digest =
        digestMarkdown("Before.\n\n<hr class=\"mt-5 mb-5\" />\n\n第二语言标题\n\n第二语言的第一段。\n\n第二段。\n");
    CHECK(digest.has_rule);
    CHECK(digest.first_paragraph == "Before.");
    CHECK(digest.after_rule_title == "第二语言标题");
    CHECK(digest.after_rule_summary == "第二语言的第一段。");
  }
  SUBCASE("title line and summary in one block") {
    const auto digest = digestMarkdown("Before.\n\n---\n\nTitle line\nrest of the block\nwraps here.\n");
    CHECK(digest.after_rule_title == "Title line");
    CHECK(digest.after_rule_summary == "rest of the block wraps here.");
  }
  SUBCASE("heading after the rule is the title, the next paragraph the summary") {
    const auto digest = digestMarkdown("Before.\n\n---\n\n## Heading after\n\nParagraph after.\n");
    CHECK(digest.after_rule_title == "Heading after");
    CHECK(digest.after_rule_summary == "Paragraph after.");
  }
  SUBCASE("no rule") {
    const auto digest = digestMarkdown("Only one part.\n");
    CHECK_FALSE(digest.has_rule);
    CHECK(digest.after_rule_title.empty());
    CHECK(digest.after_rule_summary.empty());
  }
}

TEST_CASE("markdown: first image is the first one, as written, even with a title") {
  const auto digest =
      digestMarkdown("Intro text.\n\n![first](logos/one.png \"One\")\n\n![second](https://cdn.example.com/two.png)\n");
  CHECK(digest.first_image == "logos/one.png");
  CHECK(digest.first_paragraph == "Intro text.");
}

TEST_CASE("markdown: never throws on odd input") {
  CHECK(digestMarkdown("").first_paragraph.empty());
  CHECK(digestMarkdown("\n\n\n").first_paragraph.empty());
  const auto digest = digestMarkdown("[unclosed link(\n**bold *mixed\n<div>\n");
  CHECK(digest.first_paragraph.find("unclosed link") != std::string::npos);
  CHECK(digestMarkdown(std::string("a\0b", 3)).first_paragraph ==
        "a\xEF\xBF\xBD"
        "b");
}

TEST_CASE("markdown: every image's src, in order, at most 32") {
  const std::string body = R"(![Logo](/assets/images/logo.svg){:style="max-width:250px"}

Text with an inline ![icon](icons/dot.png) image.

- ![in a list](/assets/images/list.jpg)

![Scene](https://cdn.example.com/scene.jpg?w=1200 "A title")
)";
  const auto digest = digestMarkdown(body);
  CHECK(digest.images == std::vector<std::string>{"/assets/images/logo.svg", "icons/dot.png", "/assets/images/list.jpg",
                                                  "https://cdn.example.com/scene.jpg?w=1200"});
  CHECK(digest.first_image == "/assets/images/logo.svg");

  std::string many;
  for (int i = 0; i < 40; ++i) many += "![x](/i/" + std::to_string(i) + ".png)\n\n";
  const auto capped = digestMarkdown(many);
  REQUIRE(capped.images.size() == 32);
  CHECK(capped.images.front() == "/i/0.png");
  CHECK(capped.images.back() == "/i/31.png");
  CHECK(digestMarkdown("No pictures here.\n").images.empty());
}

TEST_CASE("markdown: footnote marks and footnote definitions are left out, fenced code kept as written") {
  const std::string body =
      "The oven reaches 240 degrees[^1] in four minutes[^long-note].\n\n"
      "[^1]: Measured with the bench thermocouple,\n"
      "lazily continued.\n\n"
      "    An indented second paragraph of the note.\n\n"
      "[^long-note]: Second note.\n\n"
      "```\n[^1]: in code\n```\n\n"
      "After the notes, [^ a bracket] and [^] stay.\n";
  const auto digest = digestMarkdown(body);
  CHECK(digest.first_paragraph == "The oven reaches 240 degrees in four minutes.");
  CHECK(digest.lead_paragraphs ==
        "The oven reaches 240 degrees in four minutes. After the notes, [^ a bracket] and [^] stay.");
}

TEST_CASE("markdown: reference links read with definitions given apart or past the 64 KiB read") {
  const std::string lead = "Our reflow build was [on Hacker News][hn] and [in the newsletter][].\n";
  CHECK(digestMarkdown(lead).first_paragraph == "Our reflow build was [on Hacker News][hn] and [in the newsletter][].");
  const std::string definitions = newsticker::content::linkDefinitions(
      "Text.\n\n[hn]: https://news.example.com/item?id=1\n   [In the Newsletter]: /news \"The newsletter\"\n"
      "```\n[code]: /not-a-definition\n```\n[^1]: a footnote\n    [indented]: /code-block\n");
  CHECK(definitions == "[hn]: https://news.example.com/item?id=1\n   [In the Newsletter]: /news \"The newsletter\"\n");
  CHECK(digestMarkdown(lead, definitions).first_paragraph ==
        "Our reflow build was on Hacker News and in the newsletter.");
  // A lead that ends in an open paragraph: the definitions are not read as its text.
  CHECK(digestMarkdown("Open [hn] paragraph", definitions).first_paragraph == "Open hn paragraph");

  std::string long_body = lead + "\n";
  while (long_body.size() < 70 * 1024) long_body += "Filler paragraph for the long post.\n\n";
  long_body += "[hn]: https://news.example.com/item?id=1\n[in the newsletter]: /news\n";
  CHECK(digestMarkdown(long_body).first_paragraph == "Our reflow build was on Hacker News and in the newsletter.");
}
