// SPDX-License-Identifier: Apache-2.0
// writeNewsItem: what PostReader reads back is exactly what was written.
#include <doctest/doctest.h>

#include "content/NewsItemWriter.hpp"
#include "content/PostReader.hpp"

using namespace newsticker::content;

TEST_CASE("a written news item reads back field for field, without diagnostics") {
  NewsItem item;
  item.title = "Quay: \"yes\" # not a comment - and 'quotes' \\ too";
  item.excerpt = "Line one.\nLine two: 100% & more, {braces} [brackets] *stars* &anchor";
  item.published = "2026-10-06T07:30:00Z";
  item.web_url = "https://gazette.example/news/ferry-winter?x=1&y=2#top";
  item.provider_name = "Harbor Town Gazette";
  item.provider_domain = "gazette.example";
  item.language = "en";
  item.logo = "gazette.png";
  item.images.push_back({"/images/feeds/gazette/0123456789abcdef.jpg", 640, 400});
  const std::string text = writeNewsItem(item);
  CHECK(text.rfind("---\n", 0) == 0);
  CHECK(text.size() > 8);
  CHECK(text.compare(text.size() - 5, 5, "\n---\n") == 0);

  const PostReadResult read = readPost("posts/feeds/gazette/0123456789abcdef.md", text, FeedDefaults{});
  CHECK(read.diagnostics.empty());
  REQUIRE(read.post.has_value());
  CHECK(read.post->title == item.title);
  CHECK(read.post->summary == item.excerpt);
  CHECK(read.post->date == "2026-10-06T07:30:00Z");
  CHECK(read.post->url == item.web_url);
  CHECK(read.post->source == "Harbor Town Gazette");
  CHECK(read.post->language == "en");
  CHECK(read.logo_hints.front_matter == "gazette.png");
  CHECK(read.logo_hints.provider_domain == "gazette.example");
  REQUIRE(read.photo_hints.candidates.size() == 1);
  CHECK(read.photo_hints.candidates[0].reference == "/images/feeds/gazette/0123456789abcdef.jpg");
  CHECK(read.photo_hints.candidates[0].width == 640);
  CHECK(read.photo_hints.candidates[0].height == 400);
}

TEST_CASE("CJK text is written as UTF-8, not escaped; empty fields are left out; output is deterministic") {
  NewsItem item;
  item.title = "駅前に新しい図書館が開館";
  item.provider_name = "湊町だより";
  const std::string text = writeNewsItem(item);
  CHECK(text.find("駅前に新しい図書館が開館") != std::string::npos);
  CHECK(text.find("excerpt") == std::string::npos);
  CHECK(text.find("images") == std::string::npos);
  CHECK(text.find("language") == std::string::npos);
  CHECK(writeNewsItem(item) == text);
  const PostReadResult read = readPost("posts/a.md", text, FeedDefaults{});
  CHECK(read.diagnostics.empty());
  REQUIRE(read.post.has_value());
  CHECK(read.post->title == item.title);
  CHECK(read.post->language == "ja");  // detected from the text
}
