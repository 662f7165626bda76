// SPDX-License-Identifier: Apache-2.0
// A content memory budget over all posts (300 posts of 0.9 MiB each took
// 288 MB): past the budget the oldest are left out with one warning. Scaled
// down here (64 KiB posts, a 4 MiB budget) to keep the test quick.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "content/FeedLoader.hpp"
#include "content/MemoryTree.hpp"

using namespace newsticker::content;

TEST_CASE("posts past the content memory budget are left out, oldest first, with one warning") {
  std::map<std::string, std::string> files;
  const std::string long_excerpt(64 * 1024, 'a');  // one 64 KiB word: kept whole in the summary
  for (int i = 0; i < 300; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "posts/2026-%02d-%02d-post-%03d.md", 1 + i / 28, 1 + i % 28, i);
    files[name] = "---\ntitle: Post " + std::to_string(i) + "\nexcerpt: " + long_excerpt + "\n---\n";
  }
  MemoryTree tree("big", files);
  LoadLimits limits;
  limits.max_content_bytes = 4u << 20;
  const Feed feed = loadFeed(tree, limits);
  std::size_t total = 0;
  for (const Post& post : feed.posts) total += postBytes(post);
  CHECK(total <= limits.max_content_bytes);
  CHECK(feed.posts.size() >= 50);  // 4 MiB holds ~60 of them
  CHECK(feed.posts.size() < 300);
  // The newest stay: the last file (latest date) is in, the first is not.
  CHECK(feed.posts.back().title == "Post 299");
  CHECK(feed.posts.front().title != "Post 0");
  int warnings = 0;
  for (const Diagnostic& d : feed.diagnostics) {
    if (d.message.find("content memory budget of 4 MiB") != std::string::npos) {
      ++warnings;
      CHECK(d.severity == Severity::Warning);
      CHECK(d.message.rfind(std::to_string(300 - feed.posts.size()) + " posts left out", 0) == 0);
    }
  }
  CHECK(warnings == 1);
  CHECK(feed.rejected_files == 0);
}
