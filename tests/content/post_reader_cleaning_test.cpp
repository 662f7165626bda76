// SPDX-License-Identifier: Apache-2.0
// Issue 10, case 5: a title is checked after control characters are removed,
// and a raw NUL byte is named with its offset (not yaml-cpp's "unknown escape
// character").
#include <doctest/doctest.h>

#include <string>

#include "ContentTestSupport.hpp"
#include "content/PostReader.hpp"

using namespace newsticker::content;
using content_test::contains;
using content_test::countOf;

TEST_CASE("a title of control characters only is rejected once they are removed") {
  for (const std::string title : {"\"\\x01\\x02\\x7F\"", "\"\\0\"", "\" \\x1B \\x07 \"", "\"\\r\\x08\""}) {
    CAPTURE(title);
    const auto result =
        readPost("posts/blank.md", "---\nlayout: post\ntitle: " + title + "\n---\nBody.\n", FeedDefaults{});
    CHECK_FALSE(result.post.has_value());
    REQUIRE(countOf(result.diagnostics, Severity::Error) == 1);
    CHECK(result.diagnostics[0].message == "title is empty once control characters are removed");
    CHECK(result.diagnostics[0].line == 3);
  }
  // A title with text left after cleaning still loads, with the warning.
  const auto kept = readPost("posts/kept.md", "---\ntitle: \"\\x01Kept\"\n---\n", FeedDefaults{});
  REQUIRE(kept.post.has_value());
  CHECK(kept.post->title == "Kept");
  CHECK(countOf(kept.diagnostics, Severity::Warning) == 1);
}

TEST_CASE("a raw NUL byte in the front matter is named with its byte offset") {
  const std::string text("---\ntitle: nul\0inside\n---\nBody.\n", 32);
  const auto result = readPost("posts/nul.md", text, FeedDefaults{});
  CHECK_FALSE(result.post.has_value());
  REQUIRE(countOf(result.diagnostics, Severity::Error) == 1);
  CHECK(result.diagnostics[0].message == "NUL byte at byte 14 in the front matter; remove it (a post is UTF-8 text)");
  CHECK(result.diagnostics[0].line == 2);
  CHECK_FALSE(contains(result.diagnostics[0].message, "escape"));

  // A NUL in a quoted value too (yaml-cpp's "unknown escape character").
  const std::string quoted("---\ntitle: \"a\0b\"\n---\n", 21);
  const auto q = readPost("posts/nul.md", quoted, FeedDefaults{});
  REQUIRE(countOf(q.diagnostics, Severity::Error) == 1);
  CHECK(q.diagnostics[0].message == "NUL byte at byte 13 in the front matter; remove it (a post is UTF-8 text)");
}

TEST_CASE("a raw NUL byte in the body is named with its offset and left out of the text") {
  const std::string text("---\ntitle: Fine\n---\nFirst\0 para\0graph.\n", 39);
  const auto result = readPost("posts/body.md", text, FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.post->summary == "First paragraph.");
  REQUIRE(countOf(result.diagnostics, Severity::Warning) == 1);
  CHECK(result.diagnostics[0].message == "2 NUL bytes, the first at byte 25 in the body; left out of the text");
  CHECK(result.diagnostics[0].line == 4);
}
