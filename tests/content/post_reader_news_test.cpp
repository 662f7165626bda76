// SPDX-License-Identifier: Apache-2.0
// readPost on aggregator-style news items: front matter only.
#include <doctest/doctest.h>

#include <string>

#include "ContentTestSupport.hpp"
#include "content/PostReader.hpp"

using namespace newsticker::content;
using content_test::contains;
using content_test::countOf;

namespace {

const char* const kNewsItem = R"(---
category: news
title: "Coastal Rail Adds Late Trains on Weekends"
excerpt: "Two extra evening departures will run to the coast on Fridays and Saturdays from March, the operator said."
publishedDateTime: 2022-09-12T13:00:00Z
originalUrl: "https://origin.example.com/rail/late-trains"
webUrl: "https://news.example.com/2022/09/coastal-rail-late-trains"
type: article
quality: 42.5
heat: -1
published: false

provider:
  name: Coastal Courier
  domain: coastal.example

topics:
  - Transport
  - Travel
  - Coast

images:
  - url: "https://img.example.com/media/coastal-train.png?w=600"
    width: 600
    height: 400
    isCached: true

related:
  - title: "Commuters Welcome Later Departures"
    excerpt: "Riders say the change was overdue."
    publishedDateTime: 2022-09-12T15:41:00Z
    webUrl: "https://gazette.example.org/later-departures"
    provider:
      name: Metro Gazette
      domain: gazette.example.org
    quality: 71
  - title: "Timetable Changes Explained"
    webUrl: "https://example.org/timetable"
  - excerpt: "An entry with no title is not a headline."
    provider:
      name: Nobody
  - just a string

secured: "ZmFrZS1zZWNyZXQtYmxvYi1mb3ItdGVzdHM=;c2VjcmV0LXNhbHQ="
---
)";

}  // namespace

TEST_CASE("news item: title, excerpt, provider, date, url, topics, draft, weight") {
  const auto result = readPost("posts/coastal-rail.txt", kNewsItem, FeedDefaults{});
  REQUIRE(result.post.has_value());
  const Post& post = *result.post;
  CHECK(post.title == "Coastal Rail Adds Late Trains on Weekends");
  CHECK(post.summary ==
        "Two extra evening departures will run to the coast on Fridays and Saturdays from March, the operator said.");
  CHECK(post.source == "Coastal Courier");
  CHECK(post.date == "2022-09-12T13:00:00Z");
  CHECK(post.url == "https://news.example.com/2022/09/coastal-rail-late-trains");
  CHECK(post.topics == std::vector<std::string>{"Transport", "Travel", "Coast"});
  CHECK(post.draft);
  CHECK(post.weight == doctest::Approx(42.5));
  CHECK(countOf(result.diagnostics, Severity::Error) == 0);
}

TEST_CASE("news item: related headlines keep title and provider name, untitled ones dropped") {
  const auto result = readPost("posts/coastal-rail.txt", kNewsItem, FeedDefaults{});
  REQUIRE(result.post.has_value());
  const auto& related = result.post->related;
  REQUIRE(related.size() == 2);
  CHECK(related[0].title == "Commuters Welcome Later Departures");
  CHECK(related[0].source == "Metro Gazette");
  CHECK(related[1].title == "Timetable Changes Explained");
  CHECK(related[1].source.empty());
}

TEST_CASE("news item: logo hints from images[].url and provider.domain") {
  const auto result = readPost("posts/coastal-rail.txt", kNewsItem, FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.logo_hints.image_urls ==
        std::vector<std::string>{"https://img.example.com/media/coastal-train.png?w=600"});
  CHECK(result.logo_hints.provider_domain == "coastal.example");
  CHECK(result.logo_hints.body_image.empty());
  CHECK(result.logo_hints.front_matter.empty());
}

TEST_CASE("news item: the secured blob never appears in any Post field") {
  const auto result = readPost("posts/coastal-rail.txt", kNewsItem, FeedDefaults{});
  REQUIRE(result.post.has_value());
  for (const std::string& text : content_test::allTextOf(*result.post)) {
    CHECK_FALSE(contains(text, "ZmFrZS1zZWNyZXQtYmxvYi1mb3ItdGVzdHM"));
    CHECK_FALSE(contains(text, "c2VjcmV0LXNhbHQ"));
  }
  for (const auto& diagnostic : result.diagnostics) CHECK_FALSE(contains(diagnostic.message, "ZmFrZS1z"));
}

TEST_CASE("news item: publishedDateTime with an offset is converted to UTC") {
  const auto result = readPost(
      "posts/n.txt", "---\ntitle: Offset news\npublishedDateTime: 2022-09-12T15:00:00+02:00\n---\n", FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.post->date == "2022-09-12T13:00:00Z");
}

TEST_CASE("news item: publishedDateTime wins over date") {
  const auto result = readPost(
      "posts/n.txt", "---\ntitle: Both dates\ndate: 2020-01-01\npublishedDateTime: 2022-09-12T13:00:00Z\n---\n",
      FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.post->date == "2022-09-12T13:00:00Z");
}

TEST_CASE("news item: url falls back from webUrl to originalUrl to url") {
  SUBCASE("originalUrl") {
    const auto result = readPost(
        "posts/n.txt", "---\ntitle: A\noriginalUrl: https://origin.example.com/a\nurl: /a\n---\n", FeedDefaults{});
    REQUIRE(result.post.has_value());
    CHECK(result.post->url == "https://origin.example.com/a");
  }
  SUBCASE("url") {
    const auto result = readPost("posts/n.txt", "---\ntitle: A\nurl: https://example.org/a\n---\n", FeedDefaults{});
    REQUIRE(result.post.has_value());
    CHECK(result.post->url == "https://example.org/a");
  }
}

TEST_CASE("news item: published true or absent is not a draft") {
  for (const char* flag : {"published: true\n", "published: yes\n", ""}) {
    CAPTURE(flag);
    const auto result = readPost("posts/n.txt", std::string("---\ntitle: Live\n") + flag + "---\n", FeedDefaults{});
    REQUIRE(result.post.has_value());
    CHECK_FALSE(result.post->draft);
  }
}

TEST_CASE("news item: provider name wins over author and feed name") {
  FeedDefaults defaults;
  defaults.name = "Feed Name";
  const auto result = readPost(
      "posts/n.txt", "---\ntitle: A\nauthor: Someone\nprovider:\n  name: Wire Service\n  domain: wire.example\n---\n",
      defaults);
  REQUIRE(result.post.has_value());
  CHECK(result.post->source == "Wire Service");
}

TEST_CASE("news item: a non-numeric quality is a warning, not an error") {
  const auto result = readPost("posts/n.txt", "---\ntitle: A\nquality: high\n---\n", FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.post->weight == 0);
  const auto* warning = content_test::findDiagnostic(result.diagnostics, "posts/n.txt", Severity::Warning);
  REQUIRE(warning != nullptr);
  CHECK(contains(warning->message, "quality"));
  CHECK(warning->line == 3);
}
