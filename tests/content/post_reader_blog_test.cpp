// SPDX-License-Identifier: Apache-2.0
// readPost on Jekyll-style blog posts: title, summary, date, source, second language.
#include <doctest/doctest.h>

#include <string>

#include "ContentTestSupport.hpp"
#include "content/PostReader.hpp"

using namespace newsticker::content;
using content_test::countOf;

namespace {

const char* const kLanternPost = R"(---
layout: post
title: "Night  Market &amp; Lantern   Walk Returns"
author: Harbour Events Desk
tags: [events, harbour]
---

![Lantern logo](/assets/images/lantern.svg){:style="max-width:200px;float:right;margin: 10px;"}

## Quick facts

<hr class="divider-thin" />

This paragraph comes after the rule.
)";

// The blog post used by most cases below: image first, a heading, prose, HTML.
const char* const kBlogPost = R"(---
layout: post
title: "Night  Market &amp; Lantern   Walk Returns"
author: Harbour Events Desk
tags: [events, harbour]
---

![Lantern logo](/assets/images/lantern.svg){:style="max-width:200px;float:right;margin: 10px;"}

## Quick facts

<div class="note">Sponsored by the quay traders</div>

The lantern walk comes back to the old quay this spring, with   food stalls
and music from the R&amp;D Brass band &#8217;til late. <em>Entry</em> is free.

A second paragraph that must not be the summary.

## About the organisers

The events desk runs the quay programme.
)";

}  // namespace

TEST_CASE("blog post: title is exactly as written, inner spaces and entities kept") {
  const auto result = readPost("posts/2026-03-04-lantern-walk.md", kBlogPost, FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.post->title == "Night  Market &amp; Lantern   Walk Returns");
  CHECK(countOf(result.diagnostics, Severity::Error) == 0);
}

TEST_CASE("blog post: summary is the first prose paragraph as plain text") {
  const auto result = readPost("posts/2026-03-04-lantern-walk.md", kBlogPost, FeedDefaults{});
  REQUIRE(result.post.has_value());
  const std::string& summary = result.post->summary;
  CHECK(summary ==
        "The lantern walk comes back to the old quay this spring, with food stalls and music from the "
        "R&D Brass band \xE2\x80\x99til late. Entry is free.");
  CHECK(summary.find("{:") == std::string::npos);
  CHECK(summary.find("Lantern logo") == std::string::npos);
  CHECK(summary.find("Quick facts") == std::string::npos);
  CHECK(summary.find("Sponsored") == std::string::npos);
  CHECK(summary.find("  ") == std::string::npos);
}

TEST_CASE("blog post: date from the Jekyll file name, author as source, tags as topics, url empty") {
  const auto result = readPost("posts/2026-03-04-lantern-walk.md", kBlogPost, FeedDefaults{});
  REQUIRE(result.post.has_value());
  const Post& post = *result.post;
  CHECK(post.file == "posts/2026-03-04-lantern-walk.md");
  CHECK(post.date == "2026-03-04");
  CHECK(post.source == "Harbour Events Desk");
  CHECK(post.topics == std::vector<std::string>{"events", "harbour"});
  CHECK(post.url.empty());
  CHECK_FALSE(post.draft);
  CHECK(post.related.empty());
  CHECK(post.secondary_title.empty());
  CHECK(result.logo_hints.body_image == "/assets/images/lantern.svg");
  CHECK(result.logo_hints.front_matter.empty());
}

TEST_CASE("blog post: no prose before the rule gives an empty summary, never a heading") {
  // Only an image and a heading come before the raw <hr>.
  const auto result = readPost("posts/lantern.md", kLanternPost, FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.post->summary.empty());
  CHECK(result.post->date.empty());             // no Jekyll date in this file name
  CHECK(result.post->secondary_title.empty());  // English after the rule: no second language
}

TEST_CASE("blog post: a date in front matter wins over the file name") {
  const auto result =
      readPost("_posts/2026-03-04-moved.md", "---\ntitle: Moved event\ndate: 2026-03-07 18:30:00 +0100\n---\nText.\n",
               FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.post->date == "2026-03-07T17:30:00Z");
}

TEST_CASE("blog post: the feed's name is the source when the post names none") {
  FeedDefaults defaults;
  defaults.name = "Harbour Weekly";
  SUBCASE("no author") {
    const auto result = readPost("posts/a.md", "---\ntitle: Quay cleanup\n---\nBring gloves.\n", defaults);
    REQUIRE(result.post.has_value());
    CHECK(result.post->source == "Harbour Weekly");
  }
  SUBCASE("source key") {
    const auto result =
        readPost("posts/a.md", "---\ntitle: Quay cleanup\nsource: Quay Council\n---\nBring gloves.\n", defaults);
    REQUIRE(result.post.has_value());
    CHECK(result.post->source == "Quay Council");
  }
  SUBCASE("no feed name either") {
    const auto result = readPost("posts/a.md", "---\ntitle: Quay cleanup\n---\nBring gloves.\n", FeedDefaults{});
    REQUIRE(result.post.has_value());
    CHECK(result.post->source.empty());
  }
}

TEST_CASE("blog post: author given as a map uses its name") {
  const auto result =
      readPost("posts/a.md", "---\ntitle: Map author\nauthor:\n  name: Jane Roe\n  email: jr@example.org\n---\nHi.\n",
               FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.post->source == "Jane Roe");
  CHECK(countOf(result.diagnostics, Severity::Warning) == 0);
}

TEST_CASE("blog post: summary / description keys win over the body") {
  const auto result = readPost(
      "posts/a.md", "---\ntitle: Keyed summary\ndescription: Written by hand.\n---\nBody paragraph.\n", FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.post->summary == "Written by hand.");
}

TEST_CASE("blog post: duration and draft flags from front matter") {
  const auto result =
      readPost("posts/a.md", "---\ntitle: Timed\nduration: 12.5\ndraft: true\n---\nText.\n", FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.post->duration_seconds == doctest::Approx(12.5));
  CHECK(result.post->draft);
}

// ---------------------------------------------------------------------------
// Second language after a horizontal rule.

namespace {

const char* const kBilingualPost = R"(---
layout: post
title: "Harbour Library Opens a Maker Corner"
---

The harbour library has opened a maker corner with two 3D printers and a sewing machine for anyone with a card.

Sessions are free and can be booked at the front desk.

<hr class="mt-5 mb-5" />

港湾图书馆开设创客角

港湾图书馆开设了一个创客角，配有两台三维打印机和一台缝纫机，持卡读者都可以使用。

活动免费，可以在服务台预约。
)";

}  // namespace

TEST_CASE("second language: English, <hr>, Chinese title line and paragraphs") {
  const auto result = readPost("posts/maker-corner.md", kBilingualPost, FeedDefaults{});
  REQUIRE(result.post.has_value());
  const Post& post = *result.post;
  CHECK(post.title == "Harbour Library Opens a Maker Corner");
  CHECK(post.summary ==
        "The harbour library has opened a maker corner with two 3D printers and a sewing machine for anyone with a "
        "card.");
  CHECK(post.secondary_title == "港湾图书馆开设创客角");
  CHECK(post.secondary_summary == "港湾图书馆开设了一个创客角，配有两台三维打印机和一台缝纫机，持卡读者都可以使用。");
  CHECK(post.secondary_language == "zh-Hans");
  CHECK(post.language != "zh-Hans");
}

TEST_CASE("second language: same with an 'en' feed default") {
  FeedDefaults defaults;
  defaults.language = "en";
  const auto result = readPost("posts/maker-corner.md", kBilingualPost, defaults);
  REQUIRE(result.post.has_value());
  CHECK(result.post->language == "en");
  CHECK(result.post->secondary_language == "zh-Hans");
  CHECK(result.post->secondary_title == "港湾图书馆开设创客角");
}

TEST_CASE("second language: English post whose feed default is zh-Hans keeps its Chinese section") {
  FeedDefaults defaults;
  defaults.language = "zh-Hans";
  const auto result = readPost("posts/maker-corner.md", kBilingualPost, defaults);
  REQUIRE(result.post.has_value());
  CHECK(result.post->secondary_title == "港湾图书馆开设创客角");
  CHECK(result.post->secondary_language == "zh-Hans");
}

TEST_CASE("second language: a rule followed by more English is not a second language") {
  FeedDefaults defaults;
  SUBCASE("no feed language") {}
  SUBCASE("feed language en") { defaults.language = "en"; }
  SUBCASE("feed language ja") { defaults.language = "ja"; }
  const auto result = readPost("posts/two-parts.md", R"(---
title: "Ferry Pier Repairs"
---

The east pier closes for repairs in May.

<hr class="mt-5 mb-5" />

Update

The works finished a week early and the pier is open again.
)",
                               defaults);
  REQUIRE(result.post.has_value());
  CHECK(result.post->language == defaults.language);
  CHECK(result.post->summary == "The east pier closes for repairs in May.");
  CHECK(result.post->secondary_title.empty());
  CHECK(result.post->secondary_summary.empty());
  CHECK(result.post->secondary_language.empty());
}

TEST_CASE("second language: a Chinese post followed by more Chinese is not a second language") {
  const auto result = readPost("posts/zh.md", R"(---
title: "港口渡轮码头维修"
---

东码头五月关闭维修。

---

维修提前一周完成，码头已经重新开放。
)",
                               FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.post->language == "zh-Hans");
  CHECK(result.post->secondary_title.empty());
}

TEST_CASE("second language: Japanese post with a Korean section after the rule") {
  const auto result = readPost("posts/ja-ko.md", R"(---
title: "図書館のメーカーコーナーがオープンしました"
---

図書館にメーカーコーナーができました。だれでも使えます。

---

도서관 메이커 코너 개장

도서관에 메이커 코너가 생겼습니다. 누구나 이용할 수 있습니다.
)",
                               FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.post->language == "ja");
  CHECK(result.post->secondary_language == "ko");
  CHECK(result.post->secondary_title == "도서관 메이커 코너 개장");
  CHECK(result.post->secondary_summary == "도서관에 메이커 코너가 생겼습니다. 누구나 이용할 수 있습니다.");
}

TEST_CASE("second language: a Chinese post with its English version after the rule") {
  const auto result = readPost("posts/zh-en.md", R"(---
title: "港湾图书馆开设创客角"
---

港湾图书馆开设了一个创客角，持卡读者都可以使用。

<hr />

Harbour Library Opens a Maker Corner

The harbour library has opened a maker corner for anyone with a card.
)",
                               FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.post->language == "zh-Hans");
  CHECK(result.post->secondary_title == "Harbour Library Opens a Maker Corner");
}

TEST_CASE("a front matter key that looks like a typo of a known one is a warning that names both") {
  const auto result =
      readPost("posts/typo.md", "---\ntitle: Lantern walk\ntittle: Lantern walk\nlayout: post\n---\nBring a lantern.\n",
               FeedDefaults{});
  REQUIRE(result.post.has_value());
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].severity == Severity::Warning);
  CHECK(result.diagnostics[0].line == 3);
  CHECK(result.diagnostics[0].message == "unknown key 'tittle' ignored; did you mean 'title'?");
}

TEST_CASE("weight: quality when present, else heat") {
  const auto quality = readPost("a.md", "---\ntitle: A\nquality: 36\nheat: -1\n---\n", FeedDefaults{});
  const auto heat = readPost("b.md", "---\ntitle: B\nheat: 12\n---\n", FeedDefaults{});
  REQUIRE(quality.post.has_value());
  REQUIRE(heat.post.has_value());
  CHECK(quality.post->weight == doctest::Approx(36));
  CHECK(heat.post->weight == doctest::Approx(12));
}
