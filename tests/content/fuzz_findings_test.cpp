// SPDX-License-Identifier: Apache-2.0
// Inputs the fuzzers and size probes found (tests/fuzz): each once hung or
// misbehaved; ctest's time limit catches a return of the hangs.
#include <doctest/doctest.h>

#include <string>

#include "content/MarkdownDigest.hpp"
#include "content/PostDate.hpp"
#include "content/PostReader.hpp"

using namespace newsticker::content;

TEST_CASE("a 1 MiB body of brackets is digested from its first 64 KiB (md4c 0.4.8 is quadratic on it)") {
  // Took 15 s before the cap; the first paragraph still comes out.
  std::string body = "A first paragraph that the card shows.\n\n";
  for (int i = 0; i < 262000; ++i) body += "]([\n";
  const MarkdownDigest digest = digestMarkdown(body);
  CHECK(digest.first_paragraph == "A first paragraph that the card shows.");
  const auto result = readPost("posts/brackets.md", "---\ntitle: t\n---\n" + body, FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.post->summary == "A first paragraph that the card shows.");
}

TEST_CASE("control characters never reach a card; the title's are named in a warning") {
  const std::string yaml = std::string("---\ntitle: \"Visible\\0Hidden\\x07 part\"\nsummary: \"one\\x01two\"\n---\n");
  const auto result = readPost("posts/nul.md", yaml, FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.post->title == "VisibleHidden part");
  CHECK(result.post->summary == "onetwo");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].severity == Severity::Warning);
  CHECK(result.diagnostics[0].line == 2);
  CHECK(result.diagnostics[0].message.find("control characters") != std::string::npos);
}

TEST_CASE("dates before year 1 are not dates") {
  CHECK_FALSE(parsePostDate("0000-01-01"));
  CHECK_FALSE(parsePostDate("0001-01-01T00:30+01:00"));  // would be year 0 in UTC
  CHECK(parsePostDate("0001-01-01T00:30Z") == std::string("0001-01-01T00:30:00Z"));
}
