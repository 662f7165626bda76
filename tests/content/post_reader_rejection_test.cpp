// SPDX-License-Identifier: Apache-2.0
// readPost rejections (with the reason and line) and warnings that still load.
#include <doctest/doctest.h>

#include <string>

#include "ContentTestSupport.hpp"
#include "content/FeedLoader.hpp"
#include "content/MemoryTree.hpp"
#include "content/PostReader.hpp"

using namespace newsticker::content;
using content_test::contains;
using content_test::countOf;

namespace {

// Reads `text` and requires a rejection with exactly one error; returns it.
Diagnostic rejectionOf(const std::string& text, const YamlLimits& limits = {}) {
  const auto result = readPost("posts/bad.md", text, FeedDefaults{}, limits);
  CHECK_FALSE(result.post.has_value());
  REQUIRE(countOf(result.diagnostics, Severity::Error) == 1);
  const auto* error = content_test::findDiagnostic(result.diagnostics, "posts/bad.md", Severity::Error);
  REQUIRE(error != nullptr);
  return *error;
}

}  // namespace

TEST_CASE("reject: missing title") {
  const auto error = rejectionOf("---\nlayout: post\nauthor: Someone\n---\nText.\n");
  CHECK(contains(error.message, "title is missing"));
  CHECK(error.line == 2);
  CHECK(error.file == "posts/bad.md");
}

TEST_CASE("reject: title with no value counts as missing") {
  const auto error = rejectionOf("---\nlayout: post\ntitle:\n---\nText.\n");
  CHECK(contains(error.message, "title"));
}

TEST_CASE("reject: empty or blank title") {
  SUBCASE("empty string") {
    const auto error = rejectionOf("---\nlayout: post\ntitle: \"\"\n---\nText.\n");
    CHECK(contains(error.message, "title is empty"));
    CHECK(error.line == 3);
  }
  SUBCASE("only spaces") {
    const auto error = rejectionOf("---\ntitle: \"   \"\n---\nText.\n");
    CHECK(contains(error.message, "title is empty"));
    CHECK(error.line == 2);
  }
}

TEST_CASE("reject: title that is a list or a map") {
  SUBCASE("flow list") {
    const auto error = rejectionOf("---\ntitle: [Harbour, News]\n---\n");
    CHECK(contains(error.message, "title must be text, found a list"));
    CHECK(error.line == 2);
  }
  SUBCASE("block list") {
    const auto error = rejectionOf("---\nlayout: post\ntitle:\n  - Harbour\n  - News\n---\n");
    CHECK(contains(error.message, "title must be text, found a list"));
    CHECK(error.line >= 3);
    CHECK(error.line <= 4);
  }
  SUBCASE("map") {
    const auto error = rejectionOf("---\ntitle: {en: Harbour News}\n---\n");
    CHECK(contains(error.message, "title must be text, found a set of keys"));
  }
}

TEST_CASE("reject: invalid UTF-8 with its byte offset") {
  // "---\n" is 4 bytes, "title: Caf" 10 more: the bad byte is at offset 14, line 2.
  const auto error = rejectionOf("---\ntitle: Caf\xE9 opening\n---\nText.\n");
  CHECK(contains(error.message, "UTF-8"));
  CHECK(contains(error.message, "14"));
  CHECK(error.line == 2);
}

TEST_CASE("reject: invalid UTF-8 in the body is caught as well") {
  const std::string text = "---\ntitle: Fine\n---\nok\nbad \xC0\xAF here\n";
  const auto error = rejectionOf(text);
  CHECK(contains(error.message, "byte " + std::to_string(text.find('\xC0'))));
  CHECK(error.line == 5);
}

TEST_CASE("reject: UTF-16 and UTF-32 files name their encoding") {
  const std::string ascii = "---\ntitle: Wide\n---\n";
  SUBCASE("UTF-16LE with BOM") {
    std::string bytes = "\xFF\xFE";
    for (char c : ascii) {
      bytes += c;
      bytes += '\0';
    }
    const auto error = rejectionOf(bytes);
    CHECK(contains(error.message, "UTF-16LE"));
  }
  SUBCASE("UTF-16BE with BOM") {
    std::string bytes = "\xFE\xFF";
    for (char c : ascii) {
      bytes += '\0';
      bytes += c;
    }
    const auto error = rejectionOf(bytes);
    CHECK(contains(error.message, "UTF-16BE"));
  }
  SUBCASE("UTF-16LE without BOM") {
    std::string bytes;
    for (char c : ascii) {
      bytes += c;
      bytes += '\0';
    }
    const auto error = rejectionOf(bytes);
    CHECK(contains(error.message, "UTF-16LE"));
  }
  SUBCASE("UTF-32LE with BOM") {
    std::string bytes("\xFF\xFE\0\0", 4);
    for (char c : ascii) {
      bytes += c;
      bytes.append(3, '\0');
    }
    const auto error = rejectionOf(bytes);
    CHECK(contains(error.message, "UTF-32LE"));
  }
}

TEST_CASE("reject: YAML syntax error points at the file line") {
  SUBCASE("bad indentation on file line 4") {
    const auto error = rejectionOf("---\ntitle: Pier news\nlayout: post\n  extra: indented\n---\nText.\n");
    CHECK(contains(error.message, "YAML"));
    CHECK(error.line == 4);
  }
  SUBCASE("tab indentation on file line 3") {
    const auto error = rejectionOf("---\ntitle: Pier news\n\tlayout: post\n---\n");
    CHECK(contains(error.message, "YAML"));
    CHECK(error.line == 3);
  }
  SUBCASE("with a BOM and CRLF the line is the same") {
    const auto error =
        rejectionOf("\xEF\xBB\xBF---\r\ntitle: Pier news\r\nlayout: post\r\n  extra: indented\r\n---\r\n");
    CHECK(error.line == 4);
  }
  SUBCASE("unclosed flow list: the line is inside the front matter") {
    const auto error = rejectionOf("---\ntitle: Pier news\ntags: [a, b\n---\n");
    CHECK(contains(error.message, "YAML"));
    CHECK(error.line >= 3);
    CHECK(error.line <= 4);
  }
}

TEST_CASE("reject: YAML anchors and aliases") {
  SUBCASE("anchor and alias") {
    const auto error = rejectionOf("---\ntitle: Pier news\nbase: &b {a: 1}\ncopy: *b\n---\n");
    CHECK(contains(error.message, "anchor"));
    CHECK(error.line == 3);
  }
  SUBCASE("anchor on a scalar") {
    const auto error = rejectionOf("---\ntitle: &t Pier news\n---\n");
    CHECK(contains(error.message, "anchor"));
    CHECK(error.line == 2);
  }
  SUBCASE("billion laughs is stopped at the first anchor") {
    const auto error = rejectionOf(R"(---
title: Laughs
a: &a ["lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b]
---
)");
    CHECK(contains(error.message, "anchor"));
    CHECK(error.line == 3);
  }
}

TEST_CASE("reject: nesting deeper than the limit") {
  SUBCASE("default limit (32) against 40 nested lists") {
    const std::string deep = "---\ntitle: Deep\nx: " + std::string(40, '[') + std::string(40, ']') + "\n---\n";
    const auto error = rejectionOf(deep);
    CHECK(contains(error.message, "nested more than 32 levels"));
    CHECK(error.line == 3);
  }
  SUBCASE("a small limit") {
    YamlLimits limits;
    limits.max_depth = 3;
    const auto error = rejectionOf("---\ntitle: Deep\na:\n  b:\n    c:\n      d: 1\n---\n", limits);
    CHECK(contains(error.message, "nested more than 3 levels"));
    CHECK(error.line >= 4);
    // One level less loads.
    const auto ok = readPost("posts/ok.md", "---\ntitle: Flat enough\na:\n  b: 1\n---\n", FeedDefaults{}, limits);
    CHECK(ok.post.has_value());
  }
}

TEST_CASE("reject: more YAML values than the node limit") {
  YamlLimits limits;
  limits.max_nodes = 10;
  std::string text = "---\ntitle: Many\ntags:\n";
  for (int i = 0; i < 20; ++i) text += "  - tag" + std::to_string(i) + "\n";
  text += "---\n";
  const auto error = rejectionOf(text, limits);
  CHECK(contains(error.message, "more than 10 values"));
  CHECK(readPost("posts/ok.md", "---\ntitle: Few\ntags: [a, b]\n---\n", FeedDefaults{}, limits).post.has_value());
}

TEST_CASE("reject: no front matter, unclosed front matter, not a map") {
  SUBCASE("no front matter") {
    const auto error = rejectionOf("Just some notes, no front matter.\n");
    CHECK(contains(error.message, "no front matter"));
    CHECK(error.line == 1);
  }
  SUBCASE("unclosed") {
    const auto error = rejectionOf("---\ntitle: Open ended\n\nBody that never got a fence.\n");
    CHECK(contains(error.message, "not closed"));
  }
  SUBCASE("front matter is a list") {
    const auto error = rejectionOf("---\n- one\n- two\n---\n");
    CHECK(contains(error.message, "key: value"));
  }
  SUBCASE("empty front matter") {
    const auto error = rejectionOf("---\n---\nBody.\n");
    CHECK(error.message.size() > 0);
  }
}

TEST_CASE("reject: loadFeed rejects a post over the size limit unread") {
  LoadLimits limits;
  limits.max_post_bytes = 4096;
  const std::string big = "---\ntitle: Big one\n---\n" + std::string(6000, 'x') + "\n";
  const MemoryTree tree("size test", {{"posts/big.md", big}, {"posts/small.md", "---\ntitle: Small one\n---\nHi.\n"}});
  const Feed feed = loadFeed(tree, limits);
  REQUIRE(feed.posts.size() == 1);
  CHECK(feed.posts[0].title == "Small one");
  CHECK(feed.rejected_files == 1);
  const auto* error = content_test::findDiagnostic(feed.diagnostics, "posts/big.md", Severity::Error);
  REQUIRE(error != nullptr);
  CHECK(contains(error->message, "limit"));
  CHECK(contains(error->message, "is " + std::to_string(big.size()) + " bytes, over the 4096 bytes limit"));
}

TEST_CASE("reject: size message for limits under 1 KiB") {
  LoadLimits limits;
  limits.max_post_bytes = 512;
  const MemoryTree tree("size test", {{"posts/big.md", "---\ntitle: Big one\n---\n" + std::string(700, 'x')}});
  const Feed feed = loadFeed(tree, limits);
  CHECK(feed.posts.empty());
  CHECK(feed.rejected_files == 1);
  const auto* error = content_test::findDiagnostic(feed.diagnostics, "posts/big.md", Severity::Error);
  REQUIRE(error != nullptr);
  CHECK(contains(error->message, "limit"));
  CHECK_FALSE(contains(error->message, "is 0 KiB, over the 0 KiB limit"));
}

TEST_CASE("warnings are not errors: a bad date loads the post undated") {
  const auto result = readPost(
      "posts/undated.md", "---\ntitle: Spring fair\ndate: sometime next spring\n---\nCome along.\n", FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.post->date.empty());
  CHECK(result.post->title == "Spring fair");
  CHECK(countOf(result.diagnostics, Severity::Error) == 0);
  REQUIRE(countOf(result.diagnostics, Severity::Warning) == 1);
  const Diagnostic& warning = result.diagnostics.front();
  CHECK(warning.severity == Severity::Warning);
  CHECK(warning.line == 3);
  CHECK(contains(warning.message, "sometime next spring"));
  CHECK(contains(warning.message, "undated"));
}

TEST_CASE("warnings are not errors: an impossible day, bad duration, wrong shapes") {
  const auto result = readPost("posts/w.md", R"(---
title: Odd fields
date: 2026-02-30
duration: 99999
summary: [not, text]
topics: {a: b}
---
Body paragraph.
)",
                               FeedDefaults{});
  REQUIRE(result.post.has_value());
  CHECK(result.post->date.empty());
  CHECK(result.post->duration_seconds == 0);
  CHECK(result.post->summary == "Body paragraph.");
  CHECK(result.post->topics.empty());
  CHECK(countOf(result.diagnostics, Severity::Error) == 0);
  CHECK(countOf(result.diagnostics, Severity::Warning) == 4);
}

TEST_CASE("readPost never throws on hostile bytes") {
  const std::string inputs[] = {
      "",
      "---",
      "---\n",
      "---\n---",
      std::string("---\ntitle: nul\0inside\n---\n", sizeof "---\ntitle: nul\0inside\n---\n" - 1),
      "---\ntitle: !!binary aGVsbG8=\n---\n",
      "---\ntitle: x\n? [complex, key]\n: value\n---\n",
      "---\n{{{{\n---\n",
      "---\ntitle: \"unterminated\n---\n",
  };
  for (const auto& input : inputs) {
    CAPTURE(input);
    PostReadResult result;
    CHECK_NOTHROW(result = readPost("posts/h.md", input, FeedDefaults{}));
    CHECK((result.post.has_value() || countOf(result.diagnostics, Severity::Error) > 0));
  }
}
