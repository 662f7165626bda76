// SPDX-License-Identifier: Apache-2.0
// buildPlaylist: drafts, duplicates, order.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "content/FeedLoader.hpp"
#include "content/MemoryTree.hpp"
#include "content/Playlist.hpp"

using namespace newsticker::content;

namespace {

Post make(const std::string& file, const std::string& title, const std::string& date = "", const std::string& url = "",
          const std::string& source = "", bool draft = false) {
  Post p;
  p.file = file;
  p.title = title;
  p.date = date;
  p.url = url;
  p.source = source;
  p.draft = draft;
  return p;
}

std::vector<std::string> filesOf(const std::vector<Post>& posts) {
  std::vector<std::string> files;
  for (const auto& p : posts) files.push_back(p.file);
  return files;
}

}  // namespace

TEST_CASE("playlist: drafts are left out unless show_drafts") {
  const std::vector<Post> posts = {make("posts/a.md", "A", "2026-01-01"),
                                   make("posts/b.md", "B", "2026-01-02", "", "", true)};
  CHECK(filesOf(buildPlaylist(posts, false)) == std::vector<std::string>{"posts/a.md"});
  CHECK(filesOf(buildPlaylist(posts, true)) == std::vector<std::string>{"posts/b.md", "posts/a.md"});
}

TEST_CASE("playlist: the same url is shown once") {
  const std::vector<Post> posts = {
      make("posts/a.md", "Story", "2026-01-01", "https://example.org/s", "Wire"),
      make("posts/b.md", "Story, reworded", "2026-01-01", "https://example.org/s", "Other")};
  const auto playlist = buildPlaylist(posts, false);
  CHECK(filesOf(playlist) == std::vector<std::string>{"posts/a.md"});
}

TEST_CASE("playlist: the same title and source is shown once; same title, other source is kept") {
  const std::vector<Post> posts = {make("posts/a.md", "Pier reopens", "", "https://a.example/1", "Courier"),
                                   make("posts/b.md", "Pier reopens", "", "https://b.example/2", "Courier"),
                                   make("posts/c.md", "Pier reopens", "", "", "Gazette"),
                                   make("posts/d.md", "Pier reopens", "", "", "Gazette")};
  CHECK(filesOf(buildPlaylist(posts, false)) == std::vector<std::string>{"posts/a.md", "posts/c.md"});
}

TEST_CASE("playlist: posts without a url are not duplicates of each other by url") {
  const std::vector<Post> posts = {make("posts/a.md", "One"), make("posts/b.md", "Two")};
  CHECK(buildPlaylist(posts, false).size() == 2);
}

TEST_CASE("playlist: a skipped draft does not hide a later published copy") {
  const std::vector<Post> posts = {make("posts/a.md", "Story", "2026-01-01", "https://example.org/s", "Wire", true),
                                   make("posts/b.md", "Story", "2026-01-01", "https://example.org/s", "Wire")};
  CHECK(filesOf(buildPlaylist(posts, false)) == std::vector<std::string>{"posts/b.md"});
  CHECK(filesOf(buildPlaylist(posts, true)) == std::vector<std::string>{"posts/a.md"});
}

TEST_CASE("playlist: newest first, undated after dated in file-name order, ties keep file order") {
  const std::vector<Post> posts = {make("posts/z-undated.md", "Z"),
                                   make("posts/old.md", "Old", "2025-12-31"),
                                   make("posts/tie-1.md", "Tie 1", "2026-02-01T10:00:00Z"),
                                   make("posts/a-undated.md", "A"),
                                   make("posts/new.md", "New", "2026-03-01"),
                                   make("posts/tie-2.md", "Tie 2", "2026-02-01T10:00:00Z"),
                                   make("posts/m-undated.md", "M")};
  CHECK(filesOf(buildPlaylist(posts, false)) ==
        std::vector<std::string>{"posts/new.md", "posts/tie-1.md", "posts/tie-2.md", "posts/old.md",
                                 "posts/a-undated.md", "posts/m-undated.md", "posts/z-undated.md"});
}

TEST_CASE("playlist: a later time on the same day sorts first") {
  const std::vector<Post> posts = {make("posts/a.md", "Morning", "2026-02-01T08:00:00Z"),
                                   make("posts/b.md", "Evening", "2026-02-01T20:00:00Z")};
  CHECK(filesOf(buildPlaylist(posts, false)) == std::vector<std::string>{"posts/b.md", "posts/a.md"});
}

TEST_CASE("playlist: empty in, empty out; the input is not changed") {
  CHECK(buildPlaylist({}, false).empty());
  const std::vector<Post> posts = {make("posts/b.md", "B"), make("posts/a.md", "A", "2026-01-01")};
  const auto playlist = buildPlaylist(posts, true);
  CHECK(posts[0].file == "posts/b.md");
  CHECK(filesOf(playlist) == std::vector<std::string>{"posts/a.md", "posts/b.md"});
}

TEST_CASE("playlist: over a loaded feed, offsets compare in UTC") {
  const MemoryTree tree("t", {{"posts/a.md", "---\ntitle: Tokyo morning\ndate: 2026-02-01T09:00:00+09:00\n---\n"},
                              {"posts/b.md", "---\ntitle: London midnight\ndate: 2026-02-01T01:00:00Z\n---\n"},
                              {"posts/c.md", "---\ntitle: Draft\ndate: 2027-01-01\npublished: false\n---\n"}});
  const Feed feed = loadFeed(tree);
  REQUIRE(feed.posts.size() == 3);
  // 09:00 in Tokyo is 00:00 UTC, an hour before the London post.
  CHECK(filesOf(buildPlaylist(feed.posts, false)) == std::vector<std::string>{"posts/b.md", "posts/a.md"});
}
