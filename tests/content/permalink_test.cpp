// SPDX-License-Identifier: Apache-2.0
// A blog post's URL from feed.yaml's base_url and permalink (Jekyll's rules).
#include "content/Permalink.hpp"

#include <doctest/doctest.h>

#include <string>

#include "ContentTestSupport.hpp"
#include "content/FeedLoader.hpp"
#include "content/MemoryTree.hpp"

using namespace newsticker::content;
using content_test::contains;
using content_test::findPostByFile;

namespace {

const std::string kBase = "https://news.example.org";

std::string url(const std::string& pattern, const PermalinkFields& fields) {
  return permalinkUrl(kBase, pattern, fields).value_or("(none)");
}

PermalinkFields fields(const std::string& day, const std::string& title, std::vector<std::string> categories = {}) {
  return PermalinkFields{day, title, std::move(categories)};
}

// The URL loadFeed gives the post at `file` in a folder with this feed.yaml.
std::string loadedUrl(const std::string& feed_yaml, const std::string& file, const std::string& text) {
  const Feed feed = loadFeed(MemoryTree("t", {{"feed.yaml", feed_yaml}, {file, text}}));
  const Post* post = findPostByFile(feed.posts, file);
  REQUIRE(post != nullptr);
  return post->url;
}

}  // namespace

TEST_CASE("permalink: the default pattern, filled like Jekyll") {
  const FeedDefaults defaults;
  CHECK(defaults.permalink == "/:year/:month/:day/:title/");
  CHECK(url(defaults.permalink, fields("2026-11-25", "brightforge-electronics-bench")) ==
        "https://news.example.org/2026/11/25/brightforge-electronics-bench/");
}

TEST_CASE("permalink: every placeholder") {
  const auto f = fields("2026-03-04", "Bench Day_2", {"Makers", "Harbor City"});
  CHECK(url("/:year/:month/:day/", f) == "https://news.example.org/2026/03/04/");
  CHECK(url("/:short_year/:i_month/:i_day/", f) == "https://news.example.org/26/3/4/");
  CHECK(url("/:year/:y_day/", f) == "https://news.example.org/2026/063/");
  CHECK(url("/:title/", f) == "https://news.example.org/Bench-Day_2/");
  CHECK(url("/:slug/", f) == "https://news.example.org/bench-day-2/");
  CHECK(url("/:categories/:slug:output_ext", f) == "https://news.example.org/makers/harbor%20city/bench-day-2.html");
  CHECK(url("/:slugified_categories/:slug/", f) == "https://news.example.org/makers/harbor-city/bench-day-2/");
  // Jekyll keeps each category once after lower-casing it.
  CHECK(url("/:categories/:slug/", fields("2026-03-04", "x", {"Releases", "tools", "releases"})) ==
        "https://news.example.org/releases/tools/x/");
  CHECK(url("/:year/:y_day/", fields("2028-12-31", "x")) == "https://news.example.org/2028/366/");
  // A ':' that starts no placeholder is text.
  CHECK(url("/a:/:slug/", f) == "https://news.example.org/a:/bench-day-2/");
}

TEST_CASE("permalink: Jekyll's named styles") {
  CHECK(permalinkPattern("pretty") == "/:categories/:year/:month/:day/:title/");
  CHECK(permalinkPattern("date") == "/:categories/:year/:month/:day/:title:output_ext");
  CHECK(permalinkPattern("ordinal") == "/:categories/:year/:y_day/:title:output_ext");
  CHECK(permalinkPattern("none") == "/:categories/:title:output_ext");
  CHECK(permalinkPattern("/blog/:slug/") == "/blog/:slug/");
  CHECK(permalinkPattern("blog/:slug") == "/blog/:slug");
  // No categories: the empty segment leaves no "//".
  CHECK(url(permalinkPattern("date"), fields("2026-10-05", "lab-opens")) ==
        "https://news.example.org/2026/10/05/lab-opens.html");
  CHECK(url(permalinkPattern("pretty"), fields("2026-10-05", "lab-opens", {"news"})) ==
        "https://news.example.org/news/2026/10/05/lab-opens/");
}

TEST_CASE("permalink: letters beyond ASCII are kept and percent-encoded; odd characters become '-'") {
  CHECK(url("/:title/", fields("2026-11-30", "musée-aurora")) == "https://news.example.org/mus%C3%A9e-aurora/");
  // Letters, marks and digits of any script are kept; other characters (a dash, an
  // ellipsis, curly quotes) are runs like any other, and Unicode letters are lower-cased.
  CHECK(url("/:title/", fields("2026-11-30", "Musée\u2014Nuit\u2026")) == "https://news.example.org/Mus%C3%A9e-Nuit/");
  CHECK(url("/:slug/", fields("2026-11-30", "\u201cÉté\u201d \u2014 Größe 2")) ==
        "https://news.example.org/%C3%A9t%C3%A9-gr%C3%B6%C3%9Fe-2/");
  CHECK(url("/:categories/:slug/", fields("2026-11-30", "x", {"Été", "été"})) ==
        "https://news.example.org/%C3%A9t%C3%A9/x/");
  CHECK(url("/:slug/", fields("2026-11-30", "  What's   new?  ")) == "https://news.example.org/what-s-new/");
  CHECK(url("/:title/", fields("2026-11-30", "What's new?")) == "https://news.example.org/What's-new/");
}

TEST_CASE("permalink: no URL without what the pattern needs") {
  CHECK_FALSE(permalinkUrl(kBase, "/:year/:title/", fields("", "undated")));
  CHECK(url("/:title/", fields("", "undated")) == "https://news.example.org/undated/");
  CHECK_FALSE(permalinkUrl(kBase, "/:title/", fields("2026-01-01", "")));
  CHECK_FALSE(permalinkUrl(kBase, "/:title/", fields("2026-01-01", "---")));
  CHECK_FALSE(permalinkUrl(kBase, "/:hour/:title/", fields("2026-01-01", "x")));
}

TEST_CASE("permalink: unknown placeholders are named") {
  CHECK(unknownPermalinkPlaceholder("/:year/:month/:day/:title/") == "");
  CHECK(unknownPermalinkPlaceholder("/:categories/:slug:output_ext") == "");
  CHECK(unknownPermalinkPlaceholder("/:year/:hour/:title/") == ":hour");
  CHECK(unknownPermalinkPlaceholder("/:Title/") == "");  // ':' then no lower-case name: text
}

TEST_CASE("blog URL: base_url + permalink for blog posts without an address of their own") {
  const std::string feed_yaml = "name: Harbour\nbase_url: https://news.harbor-city.example/\n";
  SUBCASE("a Jekyll file name gives date and slug") {
    CHECK(loadedUrl(feed_yaml, "posts/2026-11-25-bench-day.md", "---\ntitle: Bench day\n---\nText.\n") ==
          "https://news.harbor-city.example/2026/11/25/bench-day/");
  }
  SUBCASE("the day as written in date:, not its UTC day") {
    CHECK(
        loadedUrl(feed_yaml, "posts/2026-10-12-late.md", "---\ntitle: Late\ndate: 2026-10-12 22:30:00 -0400\n---\n") ==
        "https://news.harbor-city.example/2026/10/12/late/");
  }
  SUBCASE("date: wins over the file name's date") {
    CHECK(loadedUrl(feed_yaml, "posts/2026-10-12-moved.md", "---\ntitle: Moved\ndate: 2026-10-14\n---\n") ==
          "https://news.harbor-city.example/2026/10/14/moved/");
  }
  SUBCASE("a plain file name is the slug") {
    CHECK(loadedUrl(feed_yaml, "posts/notes.md", "---\ntitle: Notes\ndate: 2026-01-02\n---\n") ==
          "https://news.harbor-city.example/2026/01/02/notes/");
  }
  SUBCASE("slug: in the front matter wins") {
    CHECK(loadedUrl(feed_yaml, "posts/2026-01-02-x.md", "---\ntitle: X\nslug: Winter Hours\n---\n") ==
          "https://news.harbor-city.example/2026/01/02/Winter-Hours/");
  }
  SUBCASE("categories, when the pattern asks for them") {
    const std::string pretty = feed_yaml + "permalink: pretty\n";
    CHECK(loadedUrl(pretty, "posts/2026-01-02-x.md", "---\ntitle: X\ncategories: [News, Lab]\n---\n") ==
          "https://news.harbor-city.example/news/lab/2026/01/02/x/");
    CHECK(loadedUrl(pretty, "posts/2026-01-02-x.md", "---\ntitle: X\ncategory: Events\n---\n") ==
          "https://news.harbor-city.example/events/2026/01/02/x/");
  }
  SUBCASE("an address of its own wins") {
    CHECK(loadedUrl(feed_yaml, "posts/2026-01-02-x.md", "---\ntitle: X\nurl: https://elsewhere.example/x\n---\n") ==
          "https://elsewhere.example/x");
  }
  SUBCASE("undated with a dated pattern: none, never invented") {
    CHECK(loadedUrl(feed_yaml, "posts/notes.md", "---\ntitle: Notes\n---\n").empty());
  }
  SUBCASE("news items are other sites' stories: none") {
    CHECK(loadedUrl(feed_yaml, "posts/2026-01-02-n.md", "---\ntitle: N\nprovider:\n  name: Wire\n---\n").empty());
    CHECK(loadedUrl(feed_yaml, "posts/2026-01-02-n.md", "---\ntitle: N\npublishedDateTime: 2026-01-02T10:00:00Z\n---\n")
              .empty());
  }
  SUBCASE("no base_url: none") {
    CHECK(loadedUrl("name: Harbour\n", "posts/2026-11-25-bench-day.md", "---\ntitle: Bench day\n---\n").empty());
  }
}

TEST_CASE("feed.yaml: base_url and permalink are read, and a malformed one is reported with its line") {
  SUBCASE("good values") {
    const Feed feed = loadFeed(MemoryTree(
        "t", {{"feed.yaml", "name: H\nbase_url: HTTPS://News.Example.org:8443/blog//\npermalink: /:slug.html\n"}}));
    CHECK(feed.defaults.base_url == "HTTPS://News.Example.org:8443/blog");
    CHECK(feed.defaults.permalink == "/:slug.html");
    CHECK(feed.diagnostics.empty());
  }
  SUBCASE("malformed values") {
    for (const char* bad :
         {"news.example.org", "ftp://news.example.org", "https://", "https:///path", "https://news example.org",
          "https://news.example.org/?page=2", "https://user@news.example.org", "https://news.example.org:port",
          "javascript:alert(1)", "[https://news.example.org]"}) {
      CAPTURE(bad);
      const Feed feed =
          loadFeed(MemoryTree("t", {{"feed.yaml", std::string("name: H\nlanguage: en\nbase_url: \"") + bad + "\"\n"},
                                    {"posts/2026-01-02-x.md", "---\ntitle: X\n---\n"}}));
      CHECK(feed.defaults.base_url.empty());
      REQUIRE(feed.diagnostics.size() == 1);
      const Diagnostic& d = feed.diagnostics[0];
      CHECK(d.file == "feed.yaml");
      CHECK(d.line == 3);
      CHECK(d.severity == Severity::Warning);
      CHECK(contains(d.message, "base_url"));
      CHECK(contains(d.message, bad));
      CHECK(formatDiagnostic(d).rfind("feed.yaml:3: warning: base_url", 0) == 0);
      REQUIRE(feed.posts.size() == 1);
      CHECK(feed.posts[0].url.empty());
    }
  }
  SUBCASE("a list is not an address") {
    const Feed feed = loadFeed(MemoryTree("t", {{"feed.yaml", "name: H\n\nbase_url:\n  - https://a.example\n"}}));
    CHECK(feed.defaults.base_url.empty());
    REQUIRE(feed.diagnostics.size() == 1);
    CHECK(feed.diagnostics[0].line == 4);
  }
  SUBCASE("an unknown placeholder keeps the default pattern") {
    const Feed feed = loadFeed(MemoryTree("t", {{"feed.yaml", "name: H\npermalink: /:year/:hour/:title/\n"}}));
    CHECK(feed.defaults.permalink == "/:year/:month/:day/:title/");
    REQUIRE(feed.diagnostics.size() == 1);
    CHECK(feed.diagnostics[0].line == 2);
    CHECK(contains(feed.diagnostics[0].message, ":hour"));
  }
}
