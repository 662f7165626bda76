// SPDX-License-Identifier: Apache-2.0
// The parse cache: a warm load reads no post file yet gives exactly what a
// cold one gives; a changed, added or removed file, a changed feed.yaml or
// build, and a damaged cache file are all noticed. And the first look: a
// bounded number of files read, newest names first.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "ContentTestSupport.hpp"
#include "content/DiskTree.hpp"
#include "content/FeedLoader.hpp"

using namespace newsticker::content;
using content_test::findPostByFile;
using content_test::pngHeader;
using content_test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string blogPost(const std::string& title, const std::string& extra = "") {
  return "---\ntitle: " + title + "\nsource: Harbour Desk\n" + extra + "---\n\nBody text of " + title + ".\n";
}

std::string newsItem(const std::string& title) {
  return "---\ntitle: " + title +
         "\npublishedDateTime: 2026-11-20T08:00:00Z\nwebUrl: https://example.org/a\n"
         "provider:\n  name: Example Wire\n  domain: example.org\nimages:\n  - url: https://example.org/p.png\n"
         "    width: 800\n    height: 600\n---\n";
}

// Everything a card or a report shows of `feed`, as one text to compare.
std::string described(const Feed& feed) {
  std::string text;
  for (const Post& p : feed.posts) {
    text += p.file + "|" + p.title + "|" + p.summary + "|" + p.source + "|" + p.author + "|" + p.date + "|" + p.url +
            "|" + p.language.str() + "|" + p.logo + "|" + p.photo + "|" + std::to_string(p.duration_seconds) + "|" +
            (p.draft ? "d" : "") + "|" + p.secondary_title + "|" + std::to_string(p.related.size()) + "|" +
            std::to_string(p.topics.size()) + "\n";
  }
  for (const Diagnostic& d : feed.diagnostics) text += formatDiagnostic(d) + "\n";
  for (const auto& [key, posts] : feed.unused_keys) text += key + "=" + std::to_string(posts) + "\n";
  return text + std::to_string(feed.rejected_files);
}

LoadLimits cached(const fs::path& cache_file, const std::string& build = "build-1") {
  LoadLimits limits;
  limits.cache_file = cache_file.string();
  limits.cache_fingerprint = build;
  return limits;
}

}  // namespace

TEST_CASE("a warm load takes every post from the cache and gives what a cold load gives") {
  TempDir feed("cache-feed");
  TempDir cache("cache-dir");
  const fs::path cache_file = cache.path() / "sub" / "posts.cache";
  feed.write("feed.yaml", "name: Harbour Desk\nduration: 12\n");
  feed.write("posts/2026-11-01-ferry.md", blogPost("Ferry timetable changes", "tags: [transit]\n"));
  feed.write("posts/2026-11-02-library.md", blogPost("Library opens late", "draft: true\nlayout: post\n"));
  feed.write("posts/wire.md", newsItem("Wire item"));
  feed.write("posts/broken.md", "---\ntitle: [unclosed\n---\n");
  feed.write("posts/notitle.md", "---\nsource: x\n---\nbody\n");
  feed.write("logos/example.org.png", pngHeader(64, 64));

  const Feed plain = loadFeed(DiskTree(feed.path()));
  const Feed cold = loadFeed(DiskTree(feed.path()), cached(cache_file));
  CHECK(cold.cached_files == 0);
  REQUIRE(fs::exists(cache_file));
  const Feed warm = loadFeed(DiskTree(feed.path()), cached(cache_file));
  CHECK(warm.cached_files == 5);  // rejected files too: no YAML read again
  CHECK(described(cold) == described(plain));
  CHECK(described(warm) == described(plain));
  CHECK(warm.posts.size() == 3);
  CHECK(warm.rejected_files == 2);
  // The keys each post does not use come from the cache too.
  CHECK(warm.unused_keys == std::map<std::string, std::size_t>{{"layout", 1}});
  const Post* wire = findPostByFile(warm.posts, "posts/wire.md");
  REQUIRE(wire != nullptr);
  CHECK(wire->logo == "logos/example.org.png");  // resolved against the folder, not cached
}

TEST_CASE("the cache notices changed, added and removed files, logos, feed.yaml and a new build") {
  TempDir feed("cache-change");
  TempDir cache("cache-change-dir");
  const fs::path cache_file = cache.path() / "posts.cache";
  feed.write("posts/a.md", blogPost("First title"));
  feed.write("posts/b.md", blogPost("Second title"));
  feed.write("posts/c.md", blogPost("Third title"));
  loadFeed(DiskTree(feed.path()), cached(cache_file));

  feed.write("posts/a.md", blogPost("First title, corrected"));  // rewritten
  fs::remove(feed.path() / "posts" / "b.md");
  feed.write("posts/d.md", blogPost("Fourth title"));
  Feed next = loadFeed(DiskTree(feed.path()), cached(cache_file));
  CHECK(next.cached_files == 1);  // only c.md
  REQUIRE(findPostByFile(next.posts, "posts/a.md") != nullptr);
  CHECK(findPostByFile(next.posts, "posts/a.md")->title == "First title, corrected");
  CHECK(findPostByFile(next.posts, "posts/b.md") == nullptr);
  CHECK(findPostByFile(next.posts, "posts/d.md") != nullptr);
  CHECK(loadFeed(DiskTree(feed.path()), cached(cache_file)).cached_files == 3);

  // A logo that appears later is used, though the post came from the cache.
  feed.write("logos/harbour-desk.png", pngHeader(32, 32));
  feed.write("feed.yaml", "logo: harbour-desk.png\n");
  next = loadFeed(DiskTree(feed.path()), cached(cache_file));
  CHECK(next.cached_files == 0);  // feed.yaml's defaults changed: every post read again
  for (const Post& p : next.posts) CHECK(p.logo == "logos/harbour-desk.png");
  CHECK(loadFeed(DiskTree(feed.path()), cached(cache_file)).cached_files == 3);

  // Another build of the program, or other limits: read again.
  CHECK(loadFeed(DiskTree(feed.path()), cached(cache_file, "build-2")).cached_files == 0);
  LoadLimits smaller = cached(cache_file, "build-2");
  smaller.max_post_bytes = 40;
  const Feed limited = loadFeed(DiskTree(feed.path()), smaller);
  CHECK(limited.cached_files == 0);
  CHECK(limited.posts.empty());  // every post is over 40 bytes
}

TEST_CASE("a damaged or foreign cache file is ignored and replaced") {
  TempDir feed("cache-damage");
  TempDir cache("cache-damage-dir");
  const fs::path cache_file = cache.path() / "posts.cache";
  for (int i = 0; i < 5; ++i) feed.write("posts/p" + std::to_string(i) + ".md", blogPost("Title " + std::to_string(i)));
  const std::string expected = described(loadFeed(DiskTree(feed.path())));
  loadFeed(DiskTree(feed.path()), cached(cache_file));
  const std::string good = content_test::readFile(cache_file);
  REQUIRE(good.size() > 100);

  const std::string damages[] = {
      good.substr(0, good.size() / 2),                             // cut short
      good.substr(0, 40) + std::string(good.size() - 40, '\xff'),  // overwritten
      good + "trailing bytes",                                     // grown
      "not a cache at all",                                        // foreign
      std::string(),                                               // empty
  };
  for (const std::string& damaged : damages) {
    CAPTURE(damaged.size());
    feed.write("../" + cache.path().filename().string() + "/posts.cache", damaged);
    const Feed loaded = loadFeed(DiskTree(feed.path()), cached(cache_file));
    CHECK(described(loaded) == expected);
    CHECK(loadFeed(DiskTree(feed.path()), cached(cache_file)).cached_files == 5);  // rewritten whole
  }
  // Every single flipped byte: never a crash, never a wrong post.
  for (std::size_t at = 0; at < good.size(); at += 7) {
    std::string flipped = good;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x5A);
    std::ofstream(cache_file, std::ios::binary | std::ios::trunc) << flipped;
    const Feed loaded = loadFeed(DiskTree(feed.path()), cached(cache_file));
    CHECK(described(loaded) == expected);
    CHECK(loaded.cached_files == 0);  // the checksum gives the damage away
  }
}

TEST_CASE("a first look reads a bounded number of files, the newest names first, and says it stopped") {
  TempDir feed("first-look");
  for (int day = 1; day <= 9; ++day) {
    feed.write("posts/2026-11-0" + std::to_string(day) + "-item.md", blogPost("Day " + std::to_string(day)));
  }
  LoadLimits first;
  first.max_files_read = 3;
  const Feed partial = loadFeed(DiskTree(feed.path()), first);
  CHECK_FALSE(partial.complete);
  REQUIRE(partial.posts.size() == 3);
  CHECK(findPostByFile(partial.posts, "posts/2026-11-09-item.md") != nullptr);
  CHECK(findPostByFile(partial.posts, "posts/2026-11-08-item.md") != nullptr);
  CHECK(findPostByFile(partial.posts, "posts/2026-11-07-item.md") != nullptr);
  CHECK(loadFeed(DiskTree(feed.path())).complete);

  // With the cache warm, a first look is as short: cached files count too,
  // so 10,000 cached posts do not hold up the first card.
  TempDir cache("first-look-cache");
  const fs::path cache_file = cache.path() / "posts.cache";
  LoadLimits first_cached = cached(cache_file);
  first_cached.max_files_read = 3;
  CHECK_FALSE(loadFeed(DiskTree(feed.path()), first_cached).complete);
  CHECK_FALSE(fs::exists(cache_file));  // a partial load does not save (it would forget the rest)
  loadFeed(DiskTree(feed.path()), cached(cache_file));
  const Feed warm = loadFeed(DiskTree(feed.path()), first_cached);
  CHECK_FALSE(warm.complete);
  CHECK(warm.posts.size() == 3);
  CHECK(warm.cached_files == 3);
  CHECK(findPostByFile(warm.posts, "posts/2026-11-09-item.md") != nullptr);
}
