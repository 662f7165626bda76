// SPDX-License-Identifier: Apache-2.0
// A folder that mixes good posts with every kind of bad file: each good post
// loads, each bad file is rejected with its reason, and nothing hostile gets
// as far as building a big YAML tree (ctest's time limit bounds the run).
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "ContentTestSupport.hpp"
#include "content/DiskTree.hpp"
#include "content/FeedLoader.hpp"

using namespace newsticker::content;
using content_test::contains;

namespace {

std::string nestedList(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// "Billion laughs": nine levels of nine aliases each.
std::string aliasBomb() {
  std::string yaml =
      "---\ntitle: bomb\nl0: &l0 [\"ha\", \"ha\", \"ha\", \"ha\", \"ha\", \"ha\", \"ha\", \"ha\", \"ha\"]\n";
  for (int level = 1; level < 10; ++level) {
    const std::string previous = "*l" + std::to_string(level - 1);
    yaml += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int i = 0; i < 9; ++i) yaml += (i ? ", " : "") + previous;
    yaml += "]\n";
  }
  return yaml + "---\n";
}

const Diagnostic* errorFor(const Feed& feed, const std::string& file) {
  return content_test::findDiagnostic(feed.diagnostics, file, Severity::Error);
}

}  // namespace

TEST_CASE("hostile folder: good posts load, every bad file is named with its reason") {
  content_test::TempDir dir("hostile");
  dir.write("posts/2026-05-01-good.md", "---\ntitle: \"Tram timetable changes\"\n---\nNew times from May.\n");
  dir.write("posts/good-news.md", "---\ntitle: Ferry pier reopens\npublishedDateTime: 2026-05-02T08:00:00Z\n---\n");
  dir.write("posts/huge.md", "---\ntitle: huge\n---\n" + std::string(20 * 1024 * 1024, 'x'));
  dir.write("posts/deep-list.md", "---\ntitle: deep\ntags: " + nestedList(10000) + "\n---\n");
  dir.write("posts/alias-bomb.md", aliasBomb());
  std::string many = "x";
  for (int i = 0; i < 30000; ++i) many += ",x";
  dir.write("posts/many-values.md", "---\ntitle: many\ntags: [" + many + "]\n---\n");
  dir.write("posts/utf16.md", std::string("\xFF\xFE-\0-\0-\0\n\0", 10));
  dir.write("posts/bad-utf8.md", "---\ntitle: caf\xE9\n---\n");
  dir.write("posts/list-title.md", "---\ntitle:\n  - one\n  - two\n---\n");
  dir.write("posts/no-front-matter.md", "Just a note with no header.\n");
  dir.write("posts/broken-yaml.md", "---\ntitle: [unclosed, list\n---\n");

  const Feed feed = loadFeed(DiskTree(dir.path()));
  REQUIRE(feed.posts.size() == 2);
  CHECK(feed.rejected_files == 9);

  const auto reason = [&](const std::string& file) {
    const Diagnostic* d = errorFor(feed, "posts/" + file);
    return d == nullptr ? std::string("(no error)") : d->message;
  };
  CHECK(contains(reason("huge.md"), "over the 1.0 MiB limit"));
  CHECK(contains(reason("deep-list.md"), "nested more than 32 levels"));
  CHECK(contains(reason("alias-bomb.md"), "not allowed"));
  CHECK(contains(reason("many-values.md"), "more than 20000 values"));
  CHECK(contains(reason("utf16.md"), "UTF-16LE"));
  CHECK(contains(reason("bad-utf8.md"), "invalid UTF-8 at byte 14"));
  CHECK(contains(reason("list-title.md"), "title must be text, found a list"));
  CHECK(contains(reason("no-front-matter.md"), "no front matter"));
  CHECK(contains(reason("broken-yaml.md"), "not valid YAML"));
  // Each bad file is reported once.
  for (const Diagnostic& d : feed.diagnostics) {
    int same = 0;
    for (const Diagnostic& other : feed.diagnostics) same += other.file == d.file && other.severity == Severity::Error;
    CHECK(same <= 1);
  }
}
