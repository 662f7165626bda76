// SPDX-License-Identifier: Apache-2.0
// The front matter keys newsticker does not read are counted once per feed
// (for --check --verbose): a site's and a plain folder's alike, while the
// per-file warnings stay as they were (typos only for a site, every unknown
// key for a plain folder).
#include <doctest/doctest.h>

#include <string>

#include "ContentTestSupport.hpp"
#include "content/FeedLoader.hpp"
#include "content/MemoryTree.hpp"
#include "content/PostReader.hpp"

using namespace newsticker::content;
namespace {

std::size_t messagesContaining(const std::vector<Diagnostic>& diagnostics, const std::string& text) {
  std::size_t count = 0;
  for (const Diagnostic& d : diagnostics) count += d.message.find(text) != std::string::npos;
  return count;
}

std::string post(const std::string& title, const std::string& extra) {
  return "---\ntitle: \"" + title + "\"\n" + extra + "---\nBody text.\n";
}

}  // namespace

TEST_CASE("unused keys: a plain folder's are counted per post and still warned per file") {
  const MemoryTree tree("t", {{"posts/a.md", post("Ferry moves to the north pier", "layout: post\nmood: calm\n")},
                              {"posts/b.md", post("Library hours", "layout: post\ntags: [books]\n")},
                              {"posts/c.md", post("Night market", "mood: busy\nlayout: wide\nheat: 3\n")}});
  const Feed feed = loadFeed(tree);
  REQUIRE(feed.posts.size() == 3);
  CHECK(feed.unused_keys == std::map<std::string, std::size_t>{{"layout", 3}, {"mood", 2}});
  // `layout` is a generator's key (never warned); `mood` is unknown: one warning per file.
  CHECK(messagesContaining(feed.diagnostics, "unknown key 'mood' ignored") == 2);
  CHECK(messagesContaining(feed.diagnostics, "layout") == 0);
}

TEST_CASE("unused keys: a site's are counted, only a typo is warned") {
  const MemoryTree tree("t", {{"_config.yml", "title: Tidewater Tinkerers\n"},
                              {"_posts/2026-04-02-a.md", post("Solder night", "layout: post\nversion: 2\n")},
                              {"_posts/2026-04-09-b.md", post("Lending shelf", "layout: post\ntitel: Shelf\n")}});
  const Feed feed = loadFeed(tree);
  REQUIRE(feed.posts.size() == 2);
  CHECK(feed.unused_keys == std::map<std::string, std::size_t>{{"layout", 2}, {"titel", 1}, {"version", 1}});
  REQUIRE(feed.diagnostics.size() == 1);
  CHECK(feed.diagnostics[0].message == "unknown key 'titel' ignored; did you mean 'title'?");
}

TEST_CASE("unused keys: each post lists at most 64 keys, each cut to 64 bytes at a character, once") {
  std::string extra;
  for (int i = 0; i < 70; ++i) extra += "k" + std::to_string(100 + i) + ": 1\n";
  const std::string long_key = std::string(63, 'x') + "\xC3\xA9" + "tail";  // é straddles byte 64
  extra += long_key + ": 1\n";
  FeedDefaults jekyll;
  jekyll.site = SiteKind::Jekyll;
  const PostReadResult many = readPost("_posts/a.md", post("Harbour notes", extra), jekyll);
  REQUIRE(many.post);
  REQUIRE(many.unused_keys.size() == kMaxUnusedKeysPerPost);
  CHECK(many.unused_keys.front() == "k100");

  const PostReadResult cut = readPost("_posts/b.md", post("Harbour notes", long_key + ": 1\nlayout: a\n"), jekyll);
  REQUIRE(cut.unused_keys.size() == 2);
  CHECK(cut.unused_keys[0] == std::string(63, 'x'));
  CHECK(cut.unused_keys[1] == "layout");
}

TEST_CASE("unused keys: a feed counts at most 1000 different keys") {
  std::map<std::string, std::string> files;
  for (int p = 0; p < 20; ++p) {
    std::string extra;
    for (int k = 0; k < 60; ++k) extra += "key" + std::to_string(p * 60 + k) + ": 1\n";
    extra += "layout: post\n";
    files["_posts/2026-01-" + std::to_string(10 + p) + "-p.md"] = post("Post " + std::to_string(p), extra);
  }
  files["_config.yml"] = "title: Harbour\n";
  const Feed feed = loadFeed(MemoryTree("t", files));
  REQUIRE(feed.posts.size() == 20);
  CHECK(feed.unused_keys.size() == kMaxUnusedKeysCounted);
  CHECK(feed.unused_keys.at("layout") == 20);  // a key already counted keeps being counted
}
