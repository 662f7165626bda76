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
  const MemoryTree tree(
      "t", {{"hugo.toml",
             "baseURL = \"https://root.example.org/\"\ntitle = \"Root\"\n"
             "[params]\nlogo = \"root.png\"\ncolour = \"red\"\n"},
            {"config/_default/hugo.json", "{\"title\": \"Default\", \"baseurl\": \"https://d.example.org\"}"},
            {"config/_default/params.toml", "logo = \"default.png\"\n"},
            {"config/production/params.yaml", "Logo: production.png\n"},
            {"config/_default/languages.yaml", "en: {languageName: English}\n"},
            {"config/_default/params.en.yaml", "greeting: Hello\n"},
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
  CHECK(feed.defaults.site_values.at("languages.en.params.greeting") == "Hello");
  CHECK(feed.defaults.site_values.at("languages.en.languageName") == "English");
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

TEST_CASE("multilingual hugo: each page in its content folder's language, the default one without a prefix") {
  const Feed feed = loadFeed(DiskTree(kSites + "hugo-multilingual"));
  CHECK(feed.diagnostics.empty());
  REQUIRE(feed.defaults.languages.size() == 3);
  const Post& solar = postOf(feed, "content/en/blog/solar-panels.md");
  CHECK(solar.url == "https://coop.example.org/2026/03/solar-panels-on-the-boat-shed/");
  CHECK(solar.language == "en");
  CHECK(solar.source == "Harbour Co-op News");  // languages.en.title
  // {{< param crew >}} from the page, {{% param "Description" %}} from the site's params, as Hugo fills them.
  CHECK(solar.summary ==
        "The shed roof now makes its own power, thanks to the Tuesday crew. News from the harbour co-op.");
  CHECK(postOf(feed, "content/en/blog/net-mending.md").url == "https://coop.example.org/2026/03/mending/");

  const Post& paneles = postOf(feed, "content/es/blog/paneles-solares.md");
  CHECK(paneles.url == "https://coop.example.org/es/2026/03/paneles-solares-en-el-cobertizo/");
  CHECK(paneles.language == "es");  // its card's date and caption are Spanish
  CHECK(paneles.source == "Noticias de la Cooperativa");
  CHECK(paneles.date == "2026-03-02");

  const Post& paneli = postOf(feed, "content/uk/blog/soniachni-paneli.md");
  CHECK(paneli.url == "https://coop.example.org/uk/2026/03/soniachni-paneli/");
  CHECK(paneli.language == "uk");
  CHECK(paneli.source == "Harbour Co-op");  // no title of its own: the site's
}

TEST_CASE("multilingual hugo: defaultContentLanguageInSubdir, file-name languages, a disabled language") {
  // What hugo 0.111 builds from these files, with either default language.
  const std::string languages =
      "languages:\n"
      "  en: {weight: 1}\n"
      "  pt: {languageCode: pt-BR}\n"
      "  de: {contentDir: inhalt}\n"
      "  fr: {disabled: true}\n";
  std::map<std::string, std::string> files = {
      {"hugo.yaml", "baseURL: https://h.example.org/\ndefaultContentLanguageInSubdir: true\n" + languages},
      {"content/posts/tides.md", "---\ntitle: Tides\n---\n"},
      {"content/posts/tides.pt.md", "---\ntitle: Marés\n---\n"},
      {"content/posts/tides.fr.md", "---\ntitle: Marées\n---\n"},
      {"content/posts/own.pt.md", "---\ntitle: Própria\nurl: /propria/\n---\n"},
      {"inhalt/posts/gezeiten.md", "---\ntitle: Gezeiten\n---\n"}};
  const Feed feed = loadFeed(MemoryTree("t", files));
  CHECK(feed.diagnostics.empty());
  REQUIRE(feed.posts.size() == 4);  // French is disabled: Hugo builds none of its pages
  CHECK(postOf(feed, "content/posts/tides.md").url == "https://h.example.org/en/posts/tides/");
  CHECK(postOf(feed, "content/posts/tides.pt.md").url == "https://h.example.org/pt/posts/tides/");
  CHECK(postOf(feed, "content/posts/tides.pt.md").language == "pt");
  CHECK(postOf(feed, "content/posts/own.pt.md").url == "https://h.example.org/propria/");  // no prefix on own url
  CHECK(postOf(feed, "inhalt/posts/gezeiten.md").url == "https://h.example.org/de/posts/gezeiten/");
  CHECK(postOf(feed, "inhalt/posts/gezeiten.md").language == "de");

  files["hugo.yaml"] = "baseURL: https://h.example.org/\ndefaultContentLanguage: de\n" + languages;
  const Feed german = loadFeed(MemoryTree("t", files));
  REQUIRE(german.posts.size() == 4);
  CHECK(postOf(german, "inhalt/posts/gezeiten.md").url == "https://h.example.org/posts/gezeiten/");
  CHECK(postOf(german, "content/posts/tides.md").url == "https://h.example.org/en/posts/tides/");
}

TEST_CASE("multilingual hugo: languages with addresses of their own; a suffix that is no language stays") {
  const MemoryTree tree("t", {{"hugo.yaml",
                               "baseURL: https://h.example.org/\nlanguages:\n"
                               "  en: {baseURL: 'https://en.example.org/'}\n"
                               "  pt: {baseURL: 'https://noticias.example.com.br/'}\n"},
                              {"content/posts/tides.md", "---\ntitle: Tides\n---\n"},
                              {"content/posts/tides.pt.md", "---\ntitle: Marés\n---\n"},
                              {"content/posts/tides.fr.md", "---\ntitle: Marées\n---\n"},
                              {"content/posts/own.pt.md", "---\ntitle: Própria\nurl: /propria/\n---\n"}});
  const Feed feed = loadFeed(tree);
  CHECK(feed.diagnostics.empty());
  REQUIRE(feed.posts.size() == 4);
  CHECK(postOf(feed, "content/posts/tides.md").url == "https://en.example.org/posts/tides/");
  CHECK(postOf(feed, "content/posts/tides.fr.md").url == "https://en.example.org/posts/tides.fr/");
  CHECK(postOf(feed, "content/posts/tides.pt.md").url == "https://noticias.example.com.br/posts/tides/");
  CHECK(postOf(feed, "content/posts/own.pt.md").url == "https://noticias.example.com.br/propria/");
}

TEST_CASE("multilingual hugo: a language's address that is not http(s) is warned; its pages get the site's") {
  const MemoryTree tree("t", {{"hugo.toml",
                               "baseURL = 'https://h.example.org/'\n[languages.en]\n[languages.es]\n"
                               "baseURL = 'ftp://es.example.org'\n"},
                              {"content/posts/a.es.md", "---\ntitle: A\n---\n"}});
  const Feed feed = loadFeed(tree);
  REQUIRE(feed.diagnostics.size() == 1);
  CHECK(feed.diagnostics[0].file == "hugo.toml");
  CHECK(feed.diagnostics[0].message.find("'ftp://es.example.org' of language 'es'") != std::string::npos);
  REQUIRE(feed.posts.size() == 1);
  CHECK(feed.posts[0].url == "https://h.example.org/es/posts/a/");
}

TEST_CASE("hugo news: the section with the most pages when mainSections is not set") {
  const Feed feed = loadFeed(DiskTree(kSites + "hugo-multilingual"));
  CHECK(feed.defaults.main_sections.empty());
  CHECK(feed.posts.size() == 6);  // blog's pages in three languages; docs/ holds a manual page, not news
  for (const Post& post : feed.posts) CHECK(post.file.find("/blog/") != std::string::npos);

  // What hugo 0.111 makes mainSections: sub-sections and bundles count for their section; of equal ones the first.
  std::map<std::string, std::string> files = {
      {"hugo.toml", "baseURL = 'https://h.example.org/'\n"}, {"content/about.md", "---\ntitle: About\n---\n"},
      {"content/b/1.md", "---\ntitle: B1\n---\n"},           {"content/b/sub/1.md", "---\ntitle: B2\n---\n"},
      {"content/z/1.md", "---\ntitle: Z1\n---\n"},           {"content/z/2.md", "---\ntitle: Z2\n---\n"}};
  const auto loaded = [&] {
    std::vector<std::string> names;
    for (const Post& post : loadFeed(MemoryTree("t", files)).posts) names.push_back(post.file);
    return names;
  };
  CHECK(loaded() == std::vector<std::string>{"content/b/1.md", "content/b/sub/1.md"});
  files["content/z/3/index.md"] = "---\ntitle: Z3\n---\n";
  CHECK(loaded() == std::vector<std::string>{"content/z/1.md", "content/z/2.md", "content/z/3/index.md"});
  files["hugo.toml"] += "[params]\nmainSections = ['B', 'none']\n";
  CHECK(loaded() == std::vector<std::string>{"content/b/1.md", "content/b/sub/1.md"});
  files["hugo.toml"] = "baseURL = 'https://h.example.org/'\nmainSections = 'z'\n";
  CHECK(loaded().size() == 3);
  // No page in a section: every page is news.
  const MemoryTree flat("t", {{"hugo.toml", "baseURL = 'https://h.example.org/'\n"},
                              {"content/a.md", "---\ntitle: A\n---\n"},
                              {"content/b.md", "---\ntitle: B\n---\n"}});
  CHECK(loadFeed(flat).posts.size() == 2);
}
