// SPDX-License-Identifier: Apache-2.0
// Simple Liquid values (assign, site.data lookups with where/first, filters)
// and Hugo's param shortcode filled in; a value that cannot be filled in
// takes its sentence out instead of leaving a hole.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "content/FeedLoader.hpp"
#include "content/LiquidValues.hpp"
#include "content/MemoryTree.hpp"
#include "content/TemplateTags.hpp"

using namespace newsticker::content;

namespace {

const char* const kReleases = R"(
- version: "3.0.0"
  date: 2023-12-25
- version: "3.1.0"
  date: 2024-12-25
  url: {gz: "https://cache.example.org/ruby-3.1.0.tar.gz"}
  tags: [stable, lts]
)";

struct Site {
  std::map<std::string, std::string> values = {{"title", "Ruby News"}, {"params.Description", "Fresh gems"}};
  std::map<std::string, YAML::Node> data = {{"releases", YAML::Load(kReleases)}};
  LiquidScope scope() {
    LiquidScope scope;
    scope.site_values = &values;
    scope.site_data = &data;
    scope.page = YAML::Load("title: Ruby 3.1.0 released\nversion: '3.1.0'\nauthors: [naruse, mame]\n");
    return scope;
  }
};

}  // namespace

TEST_CASE("liquid values: paths, indexes, where/first/last/default/size and the simple text filters") {
  Site site;
  const LiquidScope scope = site.scope();
  CHECK(liquidText("site.title", scope) == "Ruby News");
  CHECK(liquidText("page.title | upcase", scope) == "RUBY 3.1.0 RELEASED");
  CHECK(liquidText("page.authors[1]", scope) == "mame");
  CHECK(liquidText("site.data.releases[0].version", scope) == "3.0.0");
  CHECK(liquidText("site.data.releases | where: \"version\", \"3.1.0\" | first | map", scope) == std::nullopt);
  CHECK(liquidText("site.data.releases | last | url.gz", scope) == std::nullopt);  // a path is no filter
  CHECK(liquidText("site.data.releases | where: 'version', page.version | size", scope) == "1");
  CHECK(liquidText("site.data.releases.size", scope) == "2");
  CHECK(liquidText("site.data.releases | last", scope) == std::nullopt);  // a map shows no text
  CHECK(liquidText("page.missing | default: 'tea'", scope) == "tea");
  CHECK(liquidText("'  spaced  ' | strip | escape", scope) == "spaced");
  CHECK(liquidText("page.missing", scope) == std::nullopt);
  CHECK(liquidText("site.data.none.version", scope) == std::nullopt);
  CHECK(liquidText("page.title | truncate: 5", scope) == std::nullopt);  // a filter newsticker does not read
  CHECK(liquidText("page.authors[", scope) == std::nullopt);
  CHECK(liquidText("", scope) == std::nullopt);
  CHECK(liquidText("\"a\" | strip | strip | strip | strip | strip | strip | strip | strip | strip | strip | strip | "
                   "strip | strip | strip | strip | strip | strip",
                   scope) == std::nullopt);  // more than 16 filters
}

TEST_CASE("liquid assign: a release found in site.data, then its fields; the data itself unchanged") {
  Site site;
  LiquidScope scope = site.scope();
  CHECK(liquidAssign(" assign release = site.data.releases | where: \"version\", \"3.1.0\" | first ", scope));
  CHECK(liquidText("release.version", scope) == "3.1.0");
  CHECK(liquidText("release.url.gz", scope) == "https://cache.example.org/ruby-3.1.0.tar.gz");
  CHECK(liquidText("release.tags | first", scope) == "stable");
  CHECK(liquidAssign("assign release = site.data.releases | first", scope));  // assigned again
  CHECK(liquidText("release.version", scope) == "3.0.0");
  CHECK(liquidText("site.data.releases[1].version", scope) == "3.1.0");  // reassigning rewrote no data
  CHECK(liquidAssign("assign gone = site.data.releases | where: 'version', '9' | first", scope));
  CHECK(liquidText("gone.version", scope) == std::nullopt);
  CHECK_FALSE(liquidAssign("assigned x = 1", scope));
  CHECK_FALSE(liquidAssign("capture x", scope));
}

TEST_CASE("template values: a sentence whose value cannot be filled is left out, not shown with a hole") {
  Site site;
  const auto clean = [&](const std::string& text) {
    LiquidScope scope = site.scope();
    return removeTemplateTags(text, scope);
  };
  const std::string assign = "{% assign release = site.data.releases | where: \"version\", \"3.1.0\" | first %}\n";
  CHECK(clean(assign + "We are pleased to announce the release of Ruby {{ release.version }}. Enjoy!") ==
        "\nWe are pleased to announce the release of Ruby 3.1.0. Enjoy!");
  CHECK(clean(assign + "First. The release of Ruby {{ release.weight }} is out! Enjoy it.\n\nNext.") ==
        "\nFirst. Enjoy it.\n\nNext.");
  CHECK(clean("Only {{ page.nothing }} here\nstill the same sentence.\n\nNext paragraph.") == "\n\nNext paragraph.");
  CHECK(clean("# Ruby {{ page.nothing }}\n\nText.") == "\n\nText.");
  CHECK(clean("- one {{ page.nothing }}\n- two") == "\n- two");
  CHECK(clean("リリースしました{{ page.nothing }}。次の文。") == "次の文。");
  // In a link destination or a tag a missing value leaves no hole a reader sees.
  CHECK(clean("See [the notes]({{ page.url | relative_url }}) now.") == "See [the notes]() now.");
  CHECK(clean("<img src=\"{{ page.image }}\"> Text.") == "<img src=\"\"> Text.");
  // Hugo's param: the page's, else the site's params (keys in any case); else the sentence goes.
  CHECK(clean("By {{< param title >}}. {{% param \"description\" %}}. Ask {{< param host >}} for more.") ==
        "By Ruby 3.1.0 released. Fresh gems. ");
  CHECK(clean("By {{< param authors >}}. Next.") == "Next.");  // a list is no text
}

TEST_CASE("jekyll _data files: read for site.data, a broken one named with its line") {
  const MemoryTree tree("t", {{"_config.yml", "title: T\nurl: https://t.example.org\n"},
                              {"_data/releases.yml", kReleases},
                              {"_data/broken.yaml", "a: [1,\n"},
                              {"_data/notes.txt", "not data"},
                              {"_posts/2026-01-02-r.md",
                               "---\ntitle: R\n---\n{% assign r = site.data.releases | last %}"
                               "Ruby {{ r.version }} is out. {{ site.data.broken.a }} is gone.\n"}});
  const Feed feed = loadFeed(tree);
  REQUIRE(feed.diagnostics.size() == 1);
  CHECK(feed.diagnostics[0].file == "_data/broken.yaml");
  CHECK(feed.diagnostics[0].line == 2);
  CHECK(feed.diagnostics[0].message.find("its values are not used") != std::string::npos);
  REQUIRE(feed.posts.size() == 1);
  CHECK(feed.posts[0].summary == "Ruby 3.1.0 is out.");
  CHECK(feed.defaults.site_data.count("notes") == 0);
}
