// SPDX-License-Identifier: Apache-2.0
// Jekyll, Hugo and Zola sites (tests/content/sites/, written for these tests)
// read as their readers know them: the site's name as source, the address
// the generator gives each post, the summary without template or Markdown
// syntax, the picture the post names.
#include <doctest/doctest.h>

#include <string>

#include "ContentTestSupport.hpp"
#include "content/DiskTree.hpp"
#include "content/FeedLoader.hpp"
#include "content/FrontMatter.hpp"
#include "content/FrontMatterMap.hpp"
#include "content/MemoryTree.hpp"
#include "content/PostReader.hpp"
#include "content/SiteConfig.hpp"
#include "content/TemplateTags.hpp"

using namespace newsticker::content;
using content_test::countOf;

namespace {

const std::string kSites = std::string(NEWSTICKER_SOURCE_DIR) + "/tests/content/sites/";

Feed loadSite(const std::string& name) { return loadFeed(DiskTree(kSites + name)); }

const Post& postOf(const Feed& feed, const std::string& file) {
  for (const Post& post : feed.posts) {
    if (post.file == file) return post;
  }
  FAIL("no post " << file);
  throw 0;
}

}  // namespace

TEST_CASE("jekyll site: _config.yml name, permalink, Liquid resolved or removed, authors.yml byline") {
  const Feed feed = loadSite("jekyll");
  CHECK(feed.posts_folder == "_posts");
  REQUIRE(feed.posts.size() == 8);
  CHECK(feed.diagnostics.empty());
  CHECK(feed.defaults.base_url == "https://tinkerers.example.org/blog");

  const Post& solder = postOf(feed, "_posts/2026-04-02-solder-night.md");
  CHECK(solder.title == "Solder night returns to the east bench");
  CHECK(solder.source == "Tidewater Tinkerers");
  CHECK(solder.author == "Mara Wren");
  CHECK(solder.date == "2026-04-02");
  CHECK(solder.url == "https://tinkerers.example.org/blog/events/2026/04/02/solder-night/");
  CHECK(solder.summary ==
        "Solder night is back on Thursday (#12), with Tidewater Tinkerers volunteers at every bench and tea for all.");
  CHECK(solder.photo == "assets/images/solder-bench.png");
  CHECK(solder.language == "en");

  const Post& shelf = postOf(feed, "_posts/2026-04-09-lending-shelf.md");
  CHECK(shelf.title == "The lending shelf has a new catalogue");
  CHECK(shelf.source == "Tidewater Tinkerers");
  CHECK(shelf.author == "Ines Hale");
  CHECK(shelf.date == "2026-04-09");
  CHECK(shelf.url == "https://tinkerers.example.org/blog/shelf/lending-shelf/");
  CHECK(shelf.summary ==
        "The shelf by the door now lists every tool in one place. Borrowing stays free; see the solder night "
        "notes for the irons.");
  CHECK(shelf.photo.empty());
}

TEST_CASE("jekyll site: reference links resolved from the whole body before the excerpt separator, footnotes out") {
  const Feed feed = loadSite("jekyll");
  const Post& reflow = postOf(feed, "_posts/2026-04-12-reflow-oven.md");
  // Jekyll builds the excerpt as "...was on Hacker News and in the club's newsletter" too (its footnote aside).
  CHECK(reflow.summary == "Our toaster-oven reflow build was on Hacker News and in the club's newsletter.");
  CHECK(reflow.url == "https://tinkerers.example.org/blog/2026/04/12/reflow-oven/");
}

TEST_CASE("jekyll site: a post written in HTML is read, its first paragraph through the HTML-to-text step") {
  const Feed feed = loadSite("jekyll");
  const Post& evening = postOf(feed, "_posts/2026-04-19-open-evening.html");
  // What Jekyll 4.3 builds: the same address, and an excerpt of the same text.
  CHECK(evening.title == "Open evening: bring a broken thing");
  CHECK(evening.date == "2026-04-19");
  CHECK(evening.url == "https://tinkerers.example.org/blog/2026/04/19/open-evening/");
  CHECK(evening.summary ==
        "On Friday the doors open at six: bring a broken lamp, radio or toaster & we look at it together.");
  CHECK(evening.logo == "assets/images/solder-bench.png");  // the body's first picture, as in a Markdown post
  // In a plain folder of posts an .html file is not a post.
  const MemoryTree folder(
      "t", {{"posts/a.html", "---\ntitle: A\n---\n<p>Text.</p>\n"}, {"posts/b.md", "---\ntitle: B\n---\nText.\n"}});
  REQUIRE(loadFeed(folder).posts.size() == 1);
  CHECK(loadFeed(folder).posts[0].file == "posts/b.md");
}

TEST_CASE("jekyll site: values from _data through assign/where/first; a sentence with a hole left out") {
  const Feed feed = loadSite("jekyll");
  const Post& kit = postOf(feed, "_posts/2026-04-26-kit-price.md");
  // Jekyll 4.3 builds "... sold out. It weighs grams. Its manual is online.": the sentence with the hole is left out.
  CHECK(kit.summary ==
        "Version 2.2 of the bench power supply kit costs 42 EUR. The kit from 2026-01-20 is sold out. "
        "Its manual is online.");
}

TEST_CASE("jekyll site: folders above _posts are categories, folders below are not, joined with the post's own") {
  const Feed feed = loadSite("jekyll");
  CHECK(feed.diagnostics.empty());
  // releases/ above _posts, then `categories: tools Releases`: "releases" once, as Jekyll lower-cases.
  const Post& kit = postOf(feed, "releases/_posts/2026-04-16-bench-power-supply.md");
  CHECK(kit.title == "Kit release: the bench power supply, version two");
  CHECK(kit.source == "Tidewater Tinkerers");
  CHECK(kit.author == "Mara Wren");
  CHECK(kit.date == "2026-04-16");
  CHECK(kit.url == "https://tinkerers.example.org/blog/releases/tools/2026/04/16/bench-power-supply/");
  // workshops/ below _posts is no category; `category:` is one, blanks and all.
  const Post& etching = postOf(feed, "_posts/workshops/2026-04-23-board-etching.md");
  CHECK(etching.date == "2026-04-23");
  CHECK(etching.url == "https://tinkerers.example.org/blog/evening%20classes/2026/04/23/board-etching/");
  // Two folders above _posts, then `categories`, then the `category` list.
  const Post& tinning = postOf(feed, "guides/soldering/_posts/2026-04-30-tinning-tips.md");
  CHECK(tinning.url == "https://tinkerers.example.org/blog/guides/soldering/quick%20reads/2026/04/30/tinning-tips/");
  CHECK(tinning.summary == "Clean the tip, tin it, and wipe it on brass rather than a wet sponge.");
}

TEST_CASE("jekyll site: _posts folders are found below the site's folders, not below hidden, '_' or vendor ones") {
  const MemoryTree tree("t", {{"_config.yml", "title: T\nurl: https://t.example.org\n"},
                              {"news/_posts/2026-01-02-a.md", "---\ntitle: A\n---\nText.\n"},
                              {"a/b/c/_posts/2026-01-03-deep.md", "---\ntitle: Deep\n---\nText.\n"},
                              {"a/b/c/d/_posts/2026-01-04-too-deep.md", "---\ntitle: Too deep\n---\nText.\n"},
                              {".git/_posts/2026-01-05-x.md", "---\ntitle: X\n---\nText.\n"},
                              {"_site/_posts/2026-01-06-y.md", "---\ntitle: Y\n---\nText.\n"},
                              {"vendor/_posts/2026-01-07-z.md", "---\ntitle: Z\n---\nText.\n"}});
  CHECK(jekyllPostFolders(tree) == std::vector<std::string>{"a/b/c/_posts", "news/_posts"});
  const Feed feed = loadFeed(tree);  // a Jekyll site although it has no top-level _posts/
  CHECK(feed.defaults.site == SiteKind::Jekyll);
  REQUIRE(feed.posts.size() == 2);
  CHECK(feed.posts[0].file == "a/b/c/_posts/2026-01-03-deep.md");
  CHECK(feed.posts[0].url == "https://t.example.org/a/b/c/2026/01/03/deep.html");
  CHECK(feed.posts[1].url == "https://t.example.org/news/2026/01/02/a.html");
}

TEST_CASE("hugo site: TOML, YAML and JSON front matter, a page bundle, <!--more-->, section files skipped") {
  const Feed feed = loadSite("hugo");
  CHECK(feed.posts_folder == "content");
  REQUIRE(feed.posts.size() == 6);  // the _index.md files are sections
  CHECK(feed.diagnostics.empty());

  const Post& kiln = postOf(feed, "content/posts/kiln-repair.md");
  CHECK(kiln.title == "The kiln is fixed, firing resumes");
  CHECK(kiln.source == "Harbour Lab Notes");
  CHECK(kiln.author == "rbeck");
  CHECK(kiln.date == "2026-06-03T07:30:00Z");
  // [permalinks] posts = "/:year/:month/:slug/": no slug, so the title.
  CHECK(kiln.url == "https://harbourlab.example.net/2026/06/the-kiln-is-fixed-firing-resumes/");
  CHECK(kiln.summary ==
        "A new element arrived on Monday and the kiln passed its test firing. Glaze night is on again from next week.");
  CHECK(kiln.photo == "static/images/kiln.png");
  CHECK(kiln.topics == std::vector<std::string>{"ceramics", "repairs"});
  CHECK(kiln.language == "en");  // languageCode "en-gb", as newsticker normalises tags

  const Post& paint = postOf(feed, "content/posts/paint-swap.md");
  CHECK(paint.title == "Paint swap on the quay");
  CHECK(paint.source == "Harbour Lab Notes");
  CHECK(paint.date == "2026-06-10");
  CHECK(paint.url == "https://harbourlab.example.net/2026/06/paint-swap-day/");
  CHECK(paint.summary == "Bring half-used tins and take home a new colour.");
  CHECK(paint.photo.empty());

  const Post& market = postOf(feed, "content/posts/night-market.md");
  CHECK(market.title == "Night market stall for the lab");
  CHECK(market.source == "Harbour Lab Notes");
  CHECK(market.date == "2026-06-17");
  CHECK(market.url == "https://harbourlab.example.net/2026/06/night-market-stall-for-the-lab/");
  CHECK(market.summary == "Our stall sells repaired lamps; every coin goes to new tools.");
  CHECK(market.photo.empty());

  const Post& loom = postOf(feed, "content/posts/loom-workshop/index.md");
  CHECK(loom.title == "Weaving on the lab's loom");
  CHECK(loom.source == "Harbour Lab Notes");
  CHECK(loom.date == "2026-06-24");
  CHECK(loom.url == "https://harbourlab.example.net/2026/06/weaving-on-the-labs-loom/");
  CHECK(loom.summary == "Four evenings of weaving on the lab's floor loom, for beginners.");
  CHECK(loom.photo == "content/posts/loom-workshop/cover.png");
}

TEST_CASE("hugo site: [permalinks.page] for a section with a nested section, and a page's own url with tokens") {
  const Feed feed = loadSite("hugo");
  CHECK(feed.diagnostics.empty());
  const std::map<std::string, std::string> patterns = {{"notes", "/:sections/:monthname/:title/"},
                                                       {"posts", "/:year/:month/:slug/"}};
  CHECK(feed.defaults.section_permalinks == patterns);
  // notes/harbour holds an _index.md: it is the page's section, as :sections says.
  const Post& clock = postOf(feed, "content/notes/harbour/tide-clock.md");
  CHECK(clock.title == "The tide clock is wound again");
  CHECK(clock.date == "2026-07-02");
  CHECK(clock.url == "https://harbourlab.example.net/notes/harbour/july/the-tide-clock-is-wound-again/");
  // The page's own url wins over [permalinks], with its tokens filled.
  const Post& queue = postOf(feed, "content/notes/printer-queue.md");
  CHECK(queue.url == "https://harbourlab.example.net/printer/2026/queue-rules/");
  CHECK(queue.summary == "Book a slot on the board by the door; prints over four hours run overnight.");
}

TEST_CASE("hugo site: the most specific [permalinks] section wins; an unknown token is warned at its line") {
  const MemoryTree tree("t", {{"hugo.toml",
                               "baseURL = \"https://h.example.org\"\n"
                               "[permalinks]\n"
                               "posts = \"/:year/:hour/:slug/\"\n"
                               "'posts/2026' = \"/archive/:slug/\"\n"
                               "'/' = \"/pages/:filename/\"\n"},
                              {"content/posts/ferry.md", "---\ntitle: Ferry Times\ndate: 2026-03-02\n---\nText.\n"},
                              {"content/posts/2026/quay.md", "---\ntitle: Quay Works\n---\nText.\n"},
                              {"content/Welcome Page.md", "---\ntitle: Welcome\n---\nText.\n"}});
  const Feed feed = loadFeed(tree);
  REQUIRE(feed.diagnostics.size() == 1);
  CHECK(feed.diagnostics[0].file == "hugo.toml");
  CHECK(feed.diagnostics[0].line == 3);
  CHECK(feed.diagnostics[0].message ==
        "permalinks for 'posts' uses :hour, which is not a token newsticker knows; "
        "its pages get Hugo's default address");
  REQUIRE(feed.posts.size() == 2);  // a page at the top is in no section, so not in the news (mainSections)
  CHECK(postOf(feed, "content/posts/ferry.md").url == "https://h.example.org/posts/ferry/");
  CHECK(postOf(feed, "content/posts/2026/quay.md").url == "https://h.example.org/archive/quay-works/");
  const PostReadResult welcome =
      readPost("content/Welcome Page.md", "---\ntitle: Welcome\n---\nText.\n", feed.defaults);
  REQUIRE(welcome.post);
  CHECK(welcome.post->url == "https://h.example.org/pages/welcome-page/");
}

TEST_CASE("zola site: dates from `path` and the file name, [extra] read, <!-- more -->") {
  const Feed feed = loadSite("zola");
  CHECK(feed.posts_folder == "content");
  REQUIRE(feed.posts.size() == 6);
  CHECK(feed.diagnostics.empty());

  const Post& river = postOf(feed, "content/blog/river-clean.md");
  CHECK(river.title == "River clean-up: forty bags in a morning");
  CHECK(river.source == "Lantern Post");
  CHECK(river.author == "Sol Arden");
  CHECK(river.date == "2026-05-01");
  CHECK(river.url == "https://lantern.example.com/2026/05/01/river-clean-up/");
  CHECK(river.summary == "Thirty neighbours and forty bags: the river bank is clear again.");
  CHECK(river.photo == "static/pictures/river.png");

  const Post& tides = postOf(feed, "content/blog/2026-05-08-tide-tables.md");
  CHECK(tides.title == "Tide tables for the summer workshops");
  CHECK(tides.source == "Lantern Post");
  CHECK(tides.date == "2026-05-08");
  CHECK(tides.url == "https://lantern.example.com/blog/tide-tables/");
  CHECK(tides.summary == "When the slipway is dry enough for the outdoor lantern builds.");
  CHECK(tides.topics == std::vector<std::string>{"tides", "workshops"});
  CHECK(tides.photo.empty());
}

TEST_CASE("zola site: an undated post's date from a YYYY/MM/DD in its path, its slug or its folders") {
  const Feed feed = loadSite("zola");
  // The Rust blog's pages: path = "inside-rust/2022/08/16/slug", no date.
  const Post& wick = postOf(feed, "content/inside-rust/wick-trimming.md");
  CHECK(wick.date == "2026-05-28");
  CHECK(wick.url == "https://lantern.example.com/inside-rust/2026/05/28/wick-trimming/");
  const Post& glass = postOf(feed, "content/inside-rust/glass-order.md");
  CHECK(glass.date == "2026-06-02");
  CHECK(glass.url == "https://lantern.example.com/inside-rust/2026-06-02-glass-order/");

  FeedDefaults zola;
  zola.site = SiteKind::Zola;
  zola.posts_root = "content";
  const auto dateOf = [&](const std::string& file, const std::string& front_matter) {
    const PostReadResult read = readPost(file, "+++\ntitle = \"T\"\n" + front_matter + "+++\nText.\n", zola);
    REQUIRE(read.post);
    return read.post->date;
  };
  CHECK(dateOf("content/news/2024/02/29/leap.md", "") == "2024-02-29");
  CHECK(dateOf("content/news/a.md", "path = \"/2026/03/26/\"\n") == "2026-03-26");
  CHECK(dateOf("content/news/a.md", "path = \"news/2026/13/26/x\"\n").empty());   // no month 13
  CHECK(dateOf("content/news/a.md", "path = \"news/12026/03/26/x\"\n").empty());  // not an element's start
  CHECK(dateOf("content/news/a.md", "path = \"news/2026/03/261/x\"\n").empty());  // not its end
  CHECK(dateOf("content/news/a.md", "path = \"2026/03/26/x\"\ndate = 2025-01-02\n") == "2025-01-02");
}

TEST_CASE("zola site: folders as written, the slug made by slugify \"on\", a date and '_' before the name") {
  const Feed feed = loadSite("zola");
  CHECK(feed.diagnostics.empty());
  const Post& glass = postOf(feed, "content/blog/Harbour-Walks/2026-05-20_glass-cutting.md");
  CHECK(glass.date == "2026-05-20");
  CHECK(glass.url == "https://lantern.example.com/blog/Harbour-Walks/glass-cutting/");
  const Post& night = postOf(feed, "content/blog/lantern-night.md");
  CHECK(night.title == "Lantern night at the café");
  CHECK(night.date == "2026-05-29");
  CHECK(night.url == "https://lantern.example.com/blog/lantern-night-cafe-co/");
}

TEST_CASE("zola site: slugify.paths safe and off, and a file name that starts with a date and time") {
  const auto site = [](const std::string& slugify) {
    return MemoryTree("t", {{"zola.toml", "base_url = \"https://z.example.org\"\n" + slugify},
                            {"content/Notes/2026-05-20T18:30:00Z_Sunset Walk.md", "+++\ntitle = \"Sunset\"\n+++\nT.\n"},
                            {"content/Notes/quay.md", "+++\ntitle = \"Quay\"\nslug = \"Quay: Old & New\"\n+++\nT.\n"}});
  };
  const Feed on = loadFeed(site(""));
  CHECK(postOf(on, "content/Notes/2026-05-20T18:30:00Z_Sunset Walk.md").url ==
        "https://z.example.org/Notes/sunset-walk/");
  CHECK(postOf(on, "content/Notes/quay.md").url == "https://z.example.org/Notes/quay-old-new/");
  const Feed safe = loadFeed(site("[slugify]\npaths = \"safe\"\n"));
  CHECK(safe.defaults.slugify_paths == "safe");
  CHECK(postOf(safe, "content/Notes/2026-05-20T18:30:00Z_Sunset Walk.md").url ==
        "https://z.example.org/Notes/Sunset%20Walk/");
  CHECK(postOf(safe, "content/Notes/quay.md").url == "https://z.example.org/Notes/Quay%20Old%20&%20New/");
  const Feed off = loadFeed(site("[slugify]\npaths = \"off\"\n"));
  CHECK(postOf(off, "content/Notes/quay.md").url == "https://z.example.org/Notes/Quay:%20Old%20&%20New/");
}

TEST_CASE("site logo: the site configuration's logo, found in assets/ or static/, is the feed's logo") {
  const Feed jekyll = loadSite("jekyll");
  CHECK(jekyll.defaults.logo == "tinkerers-mark.png");
  CHECK(jekyll.logo == "assets/images/tinkerers-mark.png");
  // A post naming no logo of its own shows the feed's.
  CHECK(postOf(jekyll, "_posts/2026-04-02-solder-night.md").logo == "assets/images/tinkerers-mark.png");
  CHECK(postOf(jekyll, "_posts/2026-04-02-solder-night.md").photo == "assets/images/solder-bench.png");

  const Feed hugo = loadSite("hugo");
  CHECK(hugo.defaults.logo == "/images/harbour-lab-mark.png");
  CHECK(hugo.logo == "static/images/harbour-lab-mark.png");
  CHECK(postOf(hugo, "content/posts/paint-swap.md").logo == "static/images/harbour-lab-mark.png");

  const Feed zola = loadSite("zola");  // its configuration names no logo
  CHECK(zola.logo.empty());
}

TEST_CASE("site logo: feed.yaml's logo wins over the site's; a site logo found nowhere is none") {
  const std::string png = content_test::pngHeader(64, 64);
  const std::map<std::string, std::string> hugo_site = {
      {"hugo.toml", "baseURL = \"https://h.example.org\"\n[params]\nlogo = \"mark.png\"\n"},
      {"static/mark.png", png},
      {"content/posts/a.md", "---\ntitle: Ferry\n---\nText.\n"}};
  CHECK(loadFeed(MemoryTree("t", hugo_site)).logo == "static/mark.png");
  std::map<std::string, std::string> with_feed_yaml = hugo_site;
  with_feed_yaml["feed.yaml"] = "logo: lobby.png\n";
  with_feed_yaml["logos/lobby.png"] = png;
  const Feed overridden = loadFeed(MemoryTree("t", with_feed_yaml));
  CHECK(overridden.logo == "logos/lobby.png");
  CHECK(overridden.posts.at(0).logo == "logos/lobby.png");

  const std::map<std::string, std::string> jekyll_site = {
      {"_config.yml", "title: T\nlogo: /assets/brand/mark.png\n"},
      {"assets/brand/mark.png", png},
      {"feed.yaml", "logo: lobby.png\n"},
      {"logos/lobby.png", png},
      {"_posts/2026-01-02-a.md", "---\ntitle: Shelf\n---\nText.\n"}};
  CHECK(loadFeed(MemoryTree("t", jekyll_site)).logo == "logos/lobby.png");
  std::map<std::string, std::string> site_only = jekyll_site;
  site_only.erase("feed.yaml");
  CHECK(loadFeed(MemoryTree("t", site_only)).logo == "assets/brand/mark.png");
  site_only.erase("assets/brand/mark.png");
  CHECK(loadFeed(MemoryTree("t", site_only)).logo.empty());
}

TEST_CASE("front matter: TOML between '+++' lines and a JSON object, with their lines") {
  const FrontMatter toml = splitFrontMatter("+++\ntitle = \"Kiln\"\n+++\nBody\n");
  CHECK(toml.format == FrontMatterFormat::Toml);
  CHECK(toml.closed);
  CHECK(toml.yaml == "title = \"Kiln\"\n");
  CHECK(toml.body == "Body\n");
  CHECK(toml.body_first_line == 4);

  const FrontMatter json = splitFrontMatter("{\n  \"title\": \"A } in text\"\n}\nBody\n");
  CHECK(json.format == FrontMatterFormat::Json);
  CHECK(json.closed);
  CHECK(json.yaml == "{\n  \"title\": \"A } in text\"\n}");
  CHECK(json.body == "Body\n");
  CHECK(json.body_first_line == 4);
}

TEST_CASE("front matter: TOML and JSON faults are rejected with file, line and reason") {
  const auto toml = readPost("content/a.md", "+++\ntitle = \"Kiln\"\ndate = = 3\n+++\nBody\n", FeedDefaults{});
  CHECK_FALSE(toml.post);
  REQUIRE(toml.diagnostics.size() == 1);
  CHECK(toml.diagnostics[0].file == "content/a.md");
  CHECK(toml.diagnostics[0].line == 3);
  CHECK(toml.diagnostics[0].message.rfind("front matter is not valid TOML: ", 0) == 0);

  const auto json = readPost("content/b.md", "{\n\"title\": \"Kiln\",\n\"date\": ,\n}\nBody\n", FeedDefaults{});
  CHECK_FALSE(json.post);
  REQUIRE(json.diagnostics.size() == 1);
  CHECK(json.diagnostics[0].line == 3);
  CHECK(json.diagnostics[0].message.rfind("front matter is not valid JSON: ", 0) == 0);

  const auto unclosed = readPost("content/c.md", "+++\ntitle = \"Kiln\"\n", FeedDefaults{});
  REQUIRE(unclosed.diagnostics.size() == 1);
  CHECK(unclosed.diagnostics[0].message == "front matter is not closed: add a line with only '+++' after it");
}

TEST_CASE("front matter: TOML and JSON keep the YAML limits on nesting and values") {
  YamlLimits limits;
  limits.max_depth = 3;
  limits.max_nodes = 10;
  const auto deep_json = readFrontMatter(FrontMatterFormat::Json, R"({"a": {"b": {"c": {"d": 1}}}})", limits);
  CHECK_FALSE(deep_json.ok);
  CHECK(deep_json.error == "front matter is nested more than 3 levels deep");
  const auto deep_toml = readFrontMatter(FrontMatterFormat::Toml, "[a.b.c]\nd = 1\n", limits);
  CHECK_FALSE(deep_toml.ok);
  CHECK(deep_toml.error == "front matter is nested more than 3 levels deep");
  const auto many = readFrontMatter(FrontMatterFormat::Toml, "list = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]\n", limits);
  CHECK_FALSE(many.ok);
  CHECK(many.error == "front matter has more than 10 values");
  const auto fine = readFrontMatter(FrontMatterFormat::Toml, "title = \"T\"\n[extra]\nimage = \"a.png\"\n", limits);
  REQUIRE(fine.ok);
  CHECK(fine.root["extra"]["image"].Scalar() == "a.png");
  CHECK(frontMatterLine(fine, fine.root["extra"]) == 1);
  CHECK(frontMatterLine(fine, fine.root["extra"]["image"]) == 2);
}

TEST_CASE("template tags: Liquid and Hugo shortcodes removed, site lookups resolved") {
  const std::map<std::string, std::string> site = {{"repository", "https://git.example.org/w"},
                                                   {"author.name", "Mara"}};
  CHECK(removeTemplateTags("([#5]({{ site.repository }}/issues/5))", site) ==
        "([#5](https://git.example.org/w/issues/5))");
  CHECK(removeTemplateTags("by {{site.author.name}}.", site) == "by Mara.");
  CHECK(removeTemplateTags("by {{site.author.name}}{{ site.missing }}. Next.", site) == "Next.");
  CHECK(removeTemplateTags("a{% if x %}b{% endif %}c", site) == "abc");
  CHECK(removeTemplateTags("a{% comment %}hidden{% endcomment %}c", site) == "ac");
  CHECK(removeTemplateTags("a{% highlight sh %}ls{% endhighlight %}c", site) == "ac");
  CHECK(removeTemplateTags("{% raw %}{{ kept }}{% endraw %}", site) == "{{ kept }}");
  CHECK(removeTemplateTags("a{{< figure src=\"x.png\" >}}b{{% note %}}c{{% /note %}}", site) == "abc");
  CHECK(removeTemplateTags("a{{< highlight go >}}code{{< /highlight >}}b", site) == "ab");
  CHECK(removeTemplateTags("left open {{ site.repository", site) == "left open ");
}

TEST_CASE("unknown keys: a site's own keys are not warned, a typo of a key newsticker reads is") {
  FeedDefaults jekyll;
  jekyll.site = SiteKind::Jekyll;
  const auto result =
      readPost("_posts/2026-01-02-a.md",
               "---\ntitle: A\nversion: 3\nfoo_bar: 1\npublised: false\ntitel: B\n---\nText.\n", jekyll);
  REQUIRE(result.post);
  REQUIRE(result.diagnostics.size() == 2);
  CHECK(result.diagnostics[0].line == 5);
  CHECK(result.diagnostics[0].message == "unknown key 'publised' ignored; did you mean 'published'?");
  CHECK(result.diagnostics[1].line == 6);
  CHECK(result.diagnostics[1].message == "unknown key 'titel' ignored; did you mean 'title'?");
}

TEST_CASE("jekyll site: the posts collection's permalink wins; timezone moves an address's date parts") {
  const std::map<std::string, std::string> site = {
      {"_config.yml",
       "title: T\nurl: https://t.example.org\npermalink: /:year/:title/\n"
       "collections:\n  posts:\n    output: true\n    permalink: /news/:year/:month/:day/:title/\n"
       "timezone: Europe/Berlin\n"},
      // 23:30 in New York is 05:30 the next morning in Berlin.
      {"_posts/2026-04-02-late-shift.md", "---\ntitle: Late shift\ndate: 2026-04-02 23:30:00 -0400\n---\nText.\n"},
      // Without an offset the time is the site's own: the day stays.
      {"_posts/2026-04-02-evening.md", "---\ntitle: Evening\ndate: 2026-04-02 23:30:00\n---\nText.\n"},
      {"_posts/2026-04-05-by-date.md", "---\ntitle: By date\n---\nText.\n"}};
  const Feed feed = loadFeed(MemoryTree("t", site));
  CHECK(feed.diagnostics.empty());
  CHECK(postOf(feed, "_posts/2026-04-02-late-shift.md").url == "https://t.example.org/news/2026/04/03/late-shift/");
  CHECK(postOf(feed, "_posts/2026-04-02-evening.md").url == "https://t.example.org/news/2026/04/02/evening/");
  CHECK(postOf(feed, "_posts/2026-04-05-by-date.md").url == "https://t.example.org/news/2026/04/05/by-date/");

  // Without the collection's permalink, the site's; an unknown zone is
  // warned at its line and the dates are taken as written.
  std::map<std::string, std::string> plain = site;
  plain["_config.yml"] =
      "title: T\nurl: https://t.example.org\npermalink: /:year/:month/:day/:title/\n"
      "timezone: Mars/Olympus_Mons\n";
  const Feed unknown_zone = loadFeed(MemoryTree("t", plain));
  CHECK(postOf(unknown_zone, "_posts/2026-04-02-late-shift.md").url == "https://t.example.org/2026/04/02/late-shift/");
  REQUIRE(unknown_zone.diagnostics.size() == 1);
  CHECK(formatDiagnostic(unknown_zone.diagnostics[0]) ==
        "_config.yml:4: warning: timezone 'Mars/Olympus_Mons' is not a time zone newsticker knows (such as "
        "Europe/Berlin); post addresses use their dates as written");
}
