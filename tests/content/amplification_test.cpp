// SPDX-License-Identifier: Apache-2.0
// Issue 27, item 3: small files that asked for much memory or time. Site
// values put into a post are bounded, unclosed shortcodes cost linear time,
// the content budget holds while the posts are read, and the parse cache is
// capped.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>

#include "content/FeedLoader.hpp"
#include "content/MemoryTree.hpp"
#include "content/TemplateTags.hpp"

using namespace newsticker::content;
namespace fs = std::filesystem;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string repeated(const std::string& piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("{{ site.big }} 4000 times with a 200 KiB big: at most 64 KiB put in, with a warning (840 MB before)") {
  const std::string big(200 * 1024, 'b');
  const MemoryTree tree(
      "t", {{"_config.yml", "title: T\nbig: " + big + "\n"},
            {"_posts/2026-03-02-big.md", "---\ntitle: Big\nexcerpt: \"" + repeated("{{ site.big }} ", 4000) +
                                             "\"\n---\n" + repeated("{{ site.big }} ", 4000) + "\n"},
            {"_posts/2026-03-01-small.md", "---\ntitle: Small\n---\nA short body.\n"}});
  const auto start = std::chrono::steady_clock::now();
  const Feed feed = loadFeed(tree);
  CHECK(secondsSince(start) < 1.0);
  REQUIRE(feed.posts.size() == 2);
  std::size_t warnings = 0;
  for (const Post& post : feed.posts) CHECK(post.summary.size() <= kMaxSiteValueBytes + 4000 * 2);
  for (const Diagnostic& d : feed.diagnostics) {
    if (d.message.find("values past 64 KiB together are left out") != std::string::npos) ++warnings;
  }
  CHECK(warnings == 2);  // the excerpt and the body
  bool cut = false;
  const std::string body = removeTemplateTags(repeated("{{ site.big }}", 4000), {{"big", big}}, &cut);
  CHECK(cut);
  CHECK(body.size() == 0);  // 200 KiB is over the 64 KiB on its own
}

TEST_CASE("20,000 Liquid assigns over a 20,000-item _data list: the work is bounded, with the cut said") {
  std::string list;
  for (int i = 0; i < 20000; ++i) list += "- {v: '" + std::to_string(i) + "'}\n";
  std::map<std::string, YAML::Node> data = {{"big", YAML::Load(list)}};
  const std::map<std::string, std::string> values;
  LiquidScope scope;
  scope.site_values = &values;
  scope.site_data = &data;
  const std::string text =
      repeated("{% assign x = site.data.big | where: 'v', '19999' | first %}", 20000) + "Found {{ x.v }}.";
  bool cut = false;
  const auto start = std::chrono::steady_clock::now();
  const std::string clean = removeTemplateTags(text, scope, &cut);
  const double took = secondsSince(start);
  CHECK(took < 1.0);
  CHECK(cut);
  CHECK(clean == "Found .");  // past the cap values are left out, and no sentence is taken out for them
  MESSAGE("20,000 assigns over 20,000 items: " << took * 1000 << " ms");
}

TEST_CASE("50,000 unclosed Hugo shortcodes are removed in linear time (91 s before)") {
  const std::string text = "Lead paragraph.\n\n" + repeated("{{< highlight go >}}x := 1\n", 50000);
  const auto start = std::chrono::steady_clock::now();
  const std::string clean = removeTemplateTags(text, {});
  const double took = secondsSince(start);
  CHECK(took < 0.5);
  CHECK(clean.rfind("Lead paragraph.", 0) == 0);
  CHECK(clean.find("{{<") == std::string::npos);
  MESSAGE("50,000 unclosed shortcodes: " << took * 1000 << " ms");
}

TEST_CASE("the content budget holds while reading: a post older than one left out is left out too") {
  // Read in name order: a (2026-02), b (2026-03), c (2026-01); each 40 KiB, a 100 KiB budget.
  const std::string text(40 * 1024, 't');
  const MemoryTree tree("t", {{"posts/a.md", "---\ntitle: A\ndate: 2026-02-01\nexcerpt: " + text + "\n---\n"},
                              {"posts/b.md", "---\ntitle: B\ndate: 2026-03-01\nexcerpt: " + text + "\n---\n"},
                              {"posts/c.md", "---\ntitle: C\ndate: 2026-01-01\nexcerpt: " + text + "\n---\n"},
                              {"posts/d.md", "---\ntitle: D\ndate: 2026-04-01\nexcerpt: " + text + "\n---\n"}});
  LoadLimits limits;
  limits.max_content_bytes = 100 * 1024;
  const Feed feed = loadFeed(tree, limits);
  REQUIRE(feed.posts.size() == 2);
  CHECK(feed.posts[0].title == "B");
  CHECK(feed.posts[1].title == "D");
  REQUIRE_FALSE(feed.diagnostics.empty());
  CHECK(feed.diagnostics.back().message.rfind("2 posts left out, the oldest first", 0) == 0);
}

TEST_CASE("the parse cache is capped: posts past the cap are parsed again, the cache file stays small") {
  const fs::path dir = fs::temp_directory_path() / "newsticker-cache-cap";
  fs::remove_all(dir);
  std::map<std::string, std::string> files;
  const std::string title(90 * 1024, 'T');
  for (int i = 0; i < 30; ++i) {
    files["posts/p" + std::to_string(100 + i) + ".md"] = "---\ntitle: " + title + std::to_string(i) + "\n---\n";
  }
  const MemoryTree tree("t", files);
  LoadLimits limits;
  limits.cache_file = (dir / "posts.cache").string();
  limits.max_cache_bytes = 1 << 20;  // 30 posts of 90 KiB would take 2.7 MB
  const Feed first = loadFeed(tree, limits);
  CHECK(first.posts.size() == 30);
  REQUIRE(fs::exists(limits.cache_file));
  CHECK(fs::file_size(limits.cache_file) <= (1u << 20) + 4096);
  const Feed second = loadFeed(tree, limits);
  CHECK(second.posts.size() == 30);
  CHECK(second.cached_files > 0);
  CHECK(second.cached_files < 30);
  fs::remove_all(dir);
}
