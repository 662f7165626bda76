// SPDX-License-Identifier: Apache-2.0
// The shape of a bigger Hugo site (tests/content/sites/hugo-multilingual/,
// written for these tests; what Debian's hugo 0.111 builds from it is checked
// by tests/content/generator_compare_test.sh): its configuration directory,
// its languages and which of its sections are news.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "content/DiskTree.hpp"
#include "content/FeedLoader.hpp"
#include "content/HugoConfig.hpp"
#include "content/MemoryTree.hpp"

using namespace newsticker::content;

namespace {

const std::string kSites = std::string(NEWSTICKER_SOURCE_DIR) + "/tests/content/sites/";

const Post& postOf(const Feed& feed, const std::string& file) {
  for (const Post& post : feed.posts) {
    if (post.file == file) return post;
  }
  FAIL("no post " << file);
  throw 0;
}

}  // namespace

TEST_CASE("hugo config directory: config/_default/ read, config/production/ overrides, NAME.yaml is table NAME") {
  const Feed feed = loadFeed(DiskTree(kSites + "hugo-multilingual"));
  CHECK(feed.diagnostics.empty());
  CHECK(feed.defaults.site == SiteKind::Hugo);
  CHECK(feed.posts_folder == "content");
  CHECK(feed.defaults.name == "Harbour Co-op");
  CHECK(feed.defaults.base_url == "https://coop.example.org");  // production's, not _default's staging address
  CHECK(feed.defaults.site_values.at("params.description") == "News from the harbour co-op");
  CHECK(feed.defaults.section_permalinks == std::map<std::string, std::string>{{"blog", "/:year/:month/:slug/"}});
  CHECK(postOf(feed, "content/en/blog/winter-hours.md").title == "Winter hours end");
}

TEST_CASE("hugo config directory: the root file first, then _default, then production; keys in any case") {
  const MemoryTree tree("t", {{"hugo.toml", "baseURL = \"https://root.example.org/\"\ntitle = \"Root\"\n"
                                            "[params]\nlogo = \"root.png\"\ncolour = \"red\"\n"},
                              {"config/_default/hugo.json", "{\"title\": \"Default\", \"baseurl\": \"https://d.example.org\"}"},
                              {"config/_default/params.toml", "logo = \"default.png\"\n"},
                              {"config/production/params.yaml", "Logo: production.png\n"},
                              {"config/_default/params.es.yaml", "greeting: Hola\n"},
                              {"config/staging/hugo.yaml", "title: Staging\n"},
                              {"content/posts/a.md", "---\ntitle: A\n---\n"}});
  const Feed feed = loadFeed(tree);
  CHECK(feed.diagnostics.empty());
  CHECK(feed.defaults.site == SiteKind::Hugo);
  CHECK(feed.defaults.name == "Default");
  CHECK(feed.defaults.base_url == "https://d.example.org");
  CHECK(feed.defaults.logo == "production.png");
  CHECK(feed.defaults.site_values.at("params.colour") == "red");  // a table is merged, not replaced
  CHECK(feed.defaults.site_values.count("params.logo") == 0);     // the later spelling of a key is kept
  CHECK(feed.defaults.site_values.at("languages.es.params.greeting") == "Hola");
  CHECK(feed.posts.size() == 1);
  CHECK(feed.posts[0].url == "https://d.example.org/posts/a/");
}

TEST_CASE("hugo config directory: a file that cannot be read is named with its line; the others still count") {
  const MemoryTree tree("t", {{"config/_default/hugo.yaml", "baseURL: https://h.example.org/\ntitle: Lab\n"},
                              {"config/_default/permalinks.toml", "posts = \"/:year/:hour/\"\n"},
                              {"config/production/hugo.toml", "title = \"Lab\"\nbaseURL = [\n"},
                              {"content/posts/a.md", "---\ntitle: A\ndate: 2026-01-02\n---\n"}});
  const Feed feed = loadFeed(tree);
  REQUIRE(feed.diagnostics.size() == 2);
  CHECK(feed.diagnostics[0].file == "config/_default/permalinks.toml");
  CHECK(feed.diagnostics[0].line == 1);
  CHECK(feed.diagnostics[0].message.find(":hour") != std::string::npos);
  CHECK(feed.diagnostics[1].file == "config/production/hugo.toml");
  CHECK(feed.diagnostics[1].line == 2);
  CHECK(feed.diagnostics[1].message.find("settings are not used") != std::string::npos);
  CHECK(feed.defaults.name == "Lab");
  REQUIRE(feed.posts.size() == 1);
  CHECK(feed.posts[0].url == "https://h.example.org/posts/a/");
}

TEST_CASE("hugo config files: the order Hugo merges them in, NAME.LANG files under languages") {
  const MemoryTree tree("t", {{"config.toml", "title = \"x\"\n"},
                              {"hugo.yaml", "title: y\n"},
                              {"config/_default/config.toml", ""},
                              {"config/_default/hugo.toml", ""},
                              {"config/_default/params.en.toml", ""},
                              {"config/_default/languages.toml", ""},
                              {"config/_default/README.md", ""},
                              {"config/production/params.yaml", ""}});
  const std::vector<HugoConfigFile> files = hugoConfigFiles(tree);
  REQUIRE(files.size() == 5);
  CHECK(files[0].file == "hugo.yaml");
  CHECK(files[1].file == "config/_default/hugo.toml");
  CHECK(files[2].file == "config/_default/languages.toml");
  CHECK(files[2].key == "languages");
  CHECK(files[3].file == "config/_default/params.en.toml");
  CHECK(files[3].key == "languages.en.params");
  CHECK(files[4].file == "config/production/params.yaml");
  CHECK(files[4].key == "params");
}
