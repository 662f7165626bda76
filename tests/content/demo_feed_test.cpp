// The built-in demo feed (content/demo/, embedded at build time).
#include <doctest/doctest.h>

#include <string>

#include "ContentTestSupport.hpp"
#include "content/DemoFeed.hpp"
#include "content/FeedLoader.hpp"
#include "content/Playlist.hpp"

using namespace newsticker::content;
using content_test::countOf;
using content_test::startsWith;

TEST_CASE("demo feed: loads without errors and has enough posts") {
  const ContentTree& tree = demoFeed();
  CHECK(tree.describe() == "built-in demo feed");
  const Feed feed = loadFeed(tree);
  for (const auto& d : feed.diagnostics) MESSAGE(formatDiagnostic(d));
  CHECK(countOf(feed.diagnostics, Severity::Error) == 0);
  CHECK(feed.rejected_files == 0);
  CHECK(feed.posts.size() >= 6);
  CHECK(feed.posts_folder == "posts");
}

TEST_CASE("demo feed: shows Japanese, Korean, a Chinese second language and related headlines") {
  const Feed feed = loadFeed(demoFeed());
  bool ja = false, ko = false, zh_secondary = false, related = false;
  for (const Post& post : feed.posts) {
    ja = ja || post.language == "ja";
    ko = ko || post.language == "ko";
    if (startsWith(post.secondary_language, "zh")) {
      zh_secondary = true;
      CHECK_FALSE(post.secondary_title.empty());
      CHECK_FALSE(post.secondary_summary.empty());
    }
    related = related || !post.related.empty();
  }
  CHECK(ja);
  CHECK(ko);
  CHECK(zh_secondary);
  CHECK(related);
}

TEST_CASE("demo feed: every post has a logo that exists or a source for the monogram") {
  const ContentTree& tree = demoFeed();
  const Feed feed = loadFeed(tree);
  REQUIRE_FALSE(feed.posts.empty());
  for (const Post& post : feed.posts) {
    CAPTURE(post.file);
    CHECK_FALSE(post.title.empty());
    CHECK((!post.logo.empty() || !post.source.empty()));
    if (!post.logo.empty()) CHECK(tree.hasFile(post.logo));
    CHECK(post.duration_seconds > 0);
  }
}

TEST_CASE("demo feed: the playlist shows something") {
  const Feed feed = loadFeed(demoFeed());
  const auto playlist = buildPlaylist(feed.posts, feed.defaults.show_drafts);
  CHECK(playlist.size() >= 6);
  for (std::size_t i = 1; i < playlist.size(); ++i) {
    if (!playlist[i].date.empty()) CHECK(playlist[i - 1].date >= playlist[i].date);
  }
}
