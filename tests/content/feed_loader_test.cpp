// SPDX-License-Identifier: Apache-2.0
// loadFeed: which files are posts, feed.yaml defaults, bad files reported and left out.
#include <doctest/doctest.h>

#include <string>

#include "ContentTestSupport.hpp"
#include "content/DiskTree.hpp"
#include "content/FeedLoader.hpp"
#include "content/MemoryTree.hpp"

using namespace newsticker::content;
using content_test::contains;
using content_test::countOf;
using content_test::findPostByFile;

namespace {

std::string post(const std::string& title, const std::string& extra = "", const std::string& body = "Body text.\n") {
  return "---\ntitle: \"" + title + "\"\n" + extra + "---\n" + body;
}

std::vector<std::string> titlesOf(const Feed& feed) {
  std::vector<std::string> titles;
  for (const auto& p : feed.posts) titles.push_back(p.title);
  return titles;
}

}  // namespace

TEST_CASE("feed: posts/ is used when present, before _posts/ and the top") {
  const MemoryTree tree(
      "t", {{"posts/a.md", post("From posts")}, {"_posts/b.md", post("From _posts")}, {"c.md", post("From the top")}});
  const Feed feed = loadFeed(tree);
  CHECK(feed.posts_folder == "posts");
  CHECK(titlesOf(feed) == std::vector<std::string>{"From posts"});
  CHECK(feed.posts[0].file == "posts/a.md");
}

TEST_CASE("feed: a Jekyll site's _posts/ with file-name dates") {
  const MemoryTree tree("t", {{"_posts/2026-03-04-first.md", post("First")},
                              {"_posts/2026-03-11-second.markdown", post("Second")},
                              {"index.md", post("Site index")},
                              {"assets/images/logo.svg", "<svg/>"}});
  const Feed feed = loadFeed(tree);
  CHECK(feed.posts_folder == "_posts");
  REQUIRE(feed.posts.size() == 2);
  CHECK(feed.posts[0].file == "_posts/2026-03-04-first.md");
  CHECK(feed.posts[0].date == "2026-03-04");
  CHECK(feed.posts[1].date == "2026-03-11");
  CHECK(feed.rejected_files == 0);
}

TEST_CASE("feed: post files at the top; non-post files ignored") {
  const MemoryTree tree("t", {{"a.md", post("Alpha")},
                              {"b.txt", post("Bravo")},
                              {"c.markdown", post("Charlie")},
                              {"README.json", "{\"not\": \"a post\"}"},
                              {".hidden.md", "garbage that would be rejected"},
                              {"_draft.md", "garbage that would be rejected"},
                              {"#autosave.md#", "garbage"},
                              {"notes.md~", "garbage"},
                              {"image.png", "\x89PNG"},
                              {"feed.yaml", "name: Top Feed\n"},
                              {"logos/x.svg", "<svg/>"},
                              {"logos/readme.md", "not a post either"}});
  const Feed feed = loadFeed(tree);
  CHECK(feed.posts_folder == "");
  CHECK(titlesOf(feed) == std::vector<std::string>{"Alpha", "Bravo", "Charlie"});
  CHECK(feed.posts[0].file == "a.md");
  CHECK(feed.rejected_files == 0);
  CHECK(feed.diagnostics.empty());
}

TEST_CASE("feed: feed.yaml defaults apply to posts that say nothing") {
  const MemoryTree tree(
      "t", {{"feed.yaml", "name: Harbour Weekly\nlanguage: zh-TW\nduration: 9.5\nlogo: house.svg\n"},
            {"logos/house.svg", "<svg/>"},
            {"logos/own.svg", "<svg/>"},
            {"posts/a.md", post("Plain English headline")},
            {"posts/b.md", post("Own fields", "author: Quay Council\nlang: en\nduration: 20\nlogo: own.svg\n")}});
  const Feed feed = loadFeed(tree);
  CHECK(feed.defaults.name == "Harbour Weekly");
  CHECK(feed.defaults.language == "zh-Hant");
  CHECK(feed.defaults.duration_seconds == doctest::Approx(9.5));
  CHECK(feed.defaults.logo == "house.svg");
  CHECK(feed.diagnostics.empty());

  const Post* a = findPostByFile(feed.posts, "posts/a.md");
  REQUIRE(a != nullptr);
  CHECK(a->source == "Harbour Weekly");
  CHECK(a->language == "zh-Hant");
  CHECK(a->duration_seconds == doctest::Approx(9.5));
  CHECK(a->logo == "logos/house.svg");

  const Post* b = findPostByFile(feed.posts, "posts/b.md");
  REQUIRE(b != nullptr);
  CHECK(b->source == "Quay Council");
  CHECK(b->language == "en");
  CHECK(b->duration_seconds == doctest::Approx(20));
  CHECK(b->logo == "logos/own.svg");
}

TEST_CASE("feed: feed.yaml 'source' is the name when 'name' is absent; show_drafts is read") {
  const MemoryTree tree("t", {{"feed.yaml", "source: Lobby Screen\nshow_drafts: true\n"}, {"posts/a.md", post("A")}});
  const Feed feed = loadFeed(tree);
  CHECK(feed.defaults.name == "Lobby Screen");
  CHECK(feed.defaults.show_drafts);
  REQUIRE(feed.posts.size() == 1);
  CHECK(feed.posts[0].source == "Lobby Screen");
}

TEST_CASE("feed: a broken feed.yaml is reported, posts still load without defaults") {
  SUBCASE("syntax error") {
    const MemoryTree tree("t", {{"feed.yaml", "name: Broken\n  language: [en\n"}, {"posts/a.md", post("Still here")}});
    const Feed feed = loadFeed(tree);
    REQUIRE(feed.posts.size() == 1);
    CHECK(feed.posts[0].source.empty());
    const auto* error = content_test::findDiagnostic(feed.diagnostics, "feed.yaml", Severity::Error);
    REQUIRE(error != nullptr);
    CHECK(error->line >= 1);
    CHECK(contains(error->message, "ignored"));
  }
  SUBCASE("bad duration and missing logo are warnings") {
    const MemoryTree tree(
        "t", {{"feed.yaml", "name: Lobby\nduration: forever\nlogo: gone.svg\n"}, {"posts/a.md", post("A")}});
    const Feed feed = loadFeed(tree);
    CHECK(feed.defaults.name == "Lobby");
    CHECK(feed.defaults.duration_seconds == 0);
    CHECK(countOf(feed.diagnostics, Severity::Error) == 0);
    CHECK(countOf(feed.diagnostics, Severity::Warning) == 2);
    REQUIRE(feed.posts.size() == 1);
    CHECK(feed.posts[0].source == "Lobby");
    CHECK(feed.posts[0].logo.empty());
  }
  SUBCASE("aliases in feed.yaml are refused too") {
    const MemoryTree tree("t", {{"feed.yaml", "name: &n Lobby\nsource: *n\n"}, {"posts/a.md", post("A")}});
    const Feed feed = loadFeed(tree);
    CHECK(feed.defaults.name.empty());
    REQUIRE(content_test::findDiagnostic(feed.diagnostics, "feed.yaml", Severity::Error) != nullptr);
    CHECK(feed.posts.size() == 1);
  }
}

TEST_CASE("feed: good and bad posts mixed: every good one loads, every bad one is reported once") {
  const MemoryTree tree("t", {{"posts/01-good.md", post("Good one")},
                              {"posts/02-no-title.md", "---\nlayout: post\n---\nBody.\n"},
                              {"posts/03-good.txt", post("Good two", "published: false\n")},
                              {"posts/04-bad-utf8.md", "---\ntitle: Caf\xE9\n---\n"},
                              {"posts/05-unclosed.md", "---\ntitle: Never closed\n"},
                              {"posts/06-bad-yaml.md", "---\ntitle: x\n  bad: indent\n---\n"},
                              {"posts/07-good.md", post("Good three", "date: not a date\n")},
                              {"posts/08-alias.md", "---\ntitle: &t Anchor\n---\n"},
                              {"posts/09-no-front-matter.txt", "Just text.\n"},
                              {"posts/10-title-list.md", "---\ntitle: [a, b]\n---\n"},
                              {"posts/11-good.md", post("Good four")}});
  const Feed feed = loadFeed(tree);
  CHECK(titlesOf(feed) == std::vector<std::string>{"Good one", "Good two", "Good three", "Good four"});
  CHECK(feed.rejected_files == 7);
  CHECK(countOf(feed.diagnostics, Severity::Error) == 7);
  CHECK(countOf(feed.diagnostics, Severity::Warning) == 1);  // the bad date

  const char* bad[] = {"posts/02-no-title.md",  "posts/04-bad-utf8.md", "posts/05-unclosed.md",
                       "posts/06-bad-yaml.md",  "posts/08-alias.md",    "posts/09-no-front-matter.txt",
                       "posts/10-title-list.md"};
  for (const char* file : bad) {
    CAPTURE(file);
    std::size_t errors = 0;
    for (const auto& d : feed.diagnostics) errors += d.file == file && d.severity == Severity::Error;
    CHECK(errors == 1);
    CHECK(findPostByFile(feed.posts, file) == nullptr);
  }
  // Diagnostics come in file order.
  for (std::size_t i = 1; i < feed.diagnostics.size(); ++i)
    CHECK(feed.diagnostics[i - 1].file <= feed.diagnostics[i].file);
  // Drafts are loaded (the playlist decides whether to show them).
  const Post* draft = findPostByFile(feed.posts, "posts/03-good.txt");
  REQUIRE(draft != nullptr);
  CHECK(draft->draft);
  const Post* undated = findPostByFile(feed.posts, "posts/07-good.md");
  REQUIRE(undated != nullptr);
  CHECK(undated->date.empty());
}

TEST_CASE("feed: an empty or missing folder is no posts and no errors") {
  const MemoryTree empty("empty", {});
  const Feed feed = loadFeed(empty);
  CHECK(feed.posts.empty());
  CHECK(feed.diagnostics.empty());
  CHECK(feed.rejected_files == 0);
  CHECK(feed.posts_folder == "");
}

TEST_CASE("feed: on disk, with hidden files, a symlink out and a too-large post") {
  content_test::TempDir temp("feed-disk");
  temp.write("outside.md", post("Outside the folder"));
  temp.write("feed/feed.yaml", "name: Disk Feed\n");
  temp.write("feed/posts/2026-01-10-a.md", post("Disk A"));
  temp.write("feed/posts/2026-01-11-b.txt", post("Disk B", "lang: ko\n"));
  temp.write("feed/posts/.hidden.md", "broken");
  temp.write("feed/posts/README.json", "{}");
  temp.write("feed/posts/huge.md", post("Huge", "", std::string(9000, 'z') + "\n"));
  std::filesystem::create_symlink(temp.path() / "outside.md", temp.path() / "feed" / "posts" / "leak.md");
  std::filesystem::create_directories(temp.path() / "feed" / "posts" / "folder.md");

  LoadLimits limits;
  limits.max_post_bytes = 8192;
  const Feed feed = loadFeed(DiskTree(temp.path() / "feed"), limits);
  CHECK(feed.posts_folder == "posts");
  CHECK(titlesOf(feed) == std::vector<std::string>{"Disk A", "Disk B"});
  CHECK(feed.posts[0].source == "Disk Feed");
  CHECK(feed.posts[0].date == "2026-01-10");
  CHECK(feed.posts[1].language == "ko");
  // The link out is not read, and said so (issue 10).
  CHECK(feed.rejected_files == 2);
  REQUIRE(feed.diagnostics.size() == 2);
  CHECK(feed.diagnostics[0].file == "posts/leak.md");
  CHECK(feed.diagnostics[0].message == "is a link that leads outside the content folder; not read");
  CHECK(feed.diagnostics[1].file == "posts/huge.md");
  CHECK(contains(feed.diagnostics[1].message, "limit"));
}

TEST_CASE("feed: posts in sub-folders of posts/ are read (posts/feeds/<feed>/ of newsticker fetch)") {
  const MemoryTree tree("t", {{"posts/a.md", post("Top")},
                              {"posts/feeds/news-example-org/1f.md", post("Fetched one")},
                              {"posts/feeds/news-example-org/.fetch-state.yaml", "etag: x\n"},
                              {"posts/2026/11/b.md", post("Year folder")},
                              {"posts/.git/c.md", post("Hidden folder")},
                              {"posts/_drafts/d.md", post("Underscore folder")},
                              {"posts/1/2/3/4/e.md", post("Four deep")},
                              {"posts/1/2/3/4/5/f.md", post("Five deep")},
                              {"logos/x/g.md", post("Not in posts")}});
  const Feed feed = loadFeed(tree);
  CHECK(titlesOf(feed) ==
        std::vector<std::string>{"Four deep", "Year folder", "Top", "Fetched one"});  // file order: byte-wise paths
  CHECK(findPostByFile(feed.posts, "posts/feeds/news-example-org/1f.md") != nullptr);
  CHECK(feed.rejected_files == 0);
  REQUIRE(feed.diagnostics.size() == 1);  // the folder past the depth limit, said once
  CHECK(feed.diagnostics[0].file == "posts");
  CHECK(feed.diagnostics[0].severity == Severity::Warning);
  CHECK(contains(feed.diagnostics[0].message, "deeper than 4 levels"));
}

TEST_CASE("feed: a folder of posts at the top does not read its sub-folders") {
  const MemoryTree tree("t", {{"a.md", post("Top")}, {"notes/b.md", post("Notes")}});
  CHECK(titlesOf(loadFeed(tree)) == std::vector<std::string>{"Top"});
}

TEST_CASE("feed: on disk, sub-folders of posts/ are read; a link to a folder is not followed (no loop)") {
  content_test::TempDir temp("subfolders");
  temp.write("posts/a.md", post("Top"));
  temp.write("posts/feeds/one/b.md", post("Fetched"));
  std::filesystem::create_symlink(temp.path() / "posts", temp.path() / "posts/feeds/loop");
  std::filesystem::create_symlink("/etc", temp.path() / "posts/outside");
  const Feed feed = loadFeed(DiskTree(temp.path()));
  CHECK(titlesOf(feed) == std::vector<std::string>{"Top", "Fetched"});
  CHECK(feed.rejected_files == 0);
}
