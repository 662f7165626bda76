// SPDX-License-Identifier: Apache-2.0
// --check --verbose sums up once the front matter keys newsticker does not
// use (how many posts have each), and --check --json always carries them;
// the fixture sites pass --check without a warning.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "firmware/CheckReport.hpp"

#include "ShellCommand.hpp"
#include "TestFolders.hpp"

using namespace newsticker;

namespace {

content::Feed feedWithUnusedKeys(std::map<std::string, std::size_t> keys) {
  content::Feed feed;
  content::Post post;
  post.file = "posts/a.md";
  post.title = "Harbour ferry timetable";
  feed.posts.push_back(post);
  feed.unused_keys = std::move(keys);
  return feed;
}

// True when python3 reads `json` as JSON and finds `expression` (over the
// parsed document `d`) true; a missing python3 fails the test.
bool jsonSays(const std::string& json, const std::string& expression) {
  const std::filesystem::path file = freshFolder("unused-keys.json");
  std::ofstream(file, std::ios::binary) << json;
  const std::string script =
      "import json,sys; d = json.load(open(sys.argv[1], encoding='utf-8')); "
      "print('yes' if (" +
      expression + ") else 'no')";
  const auto [out, status] = runCommand("python3 -c \"" + script + "\" '" + file.string() + "'");
  std::filesystem::remove(file);
  return status == 0 && out == "yes\n";
}

}  // namespace

TEST_CASE("unused keys summary: most posts first, then by name, ten named, the rest counted") {
  std::map<std::string, std::size_t> keys = {{"version", 90}, {"categories", 12}, {"layout", 90}, {"pin", 1}};
  for (int i = 0; i < 9; ++i) keys["extra_" + std::to_string(i)] = 2;
  const content::Feed feed = feedWithUnusedKeys(keys);
  CHECK(firmware::unusedKeysSummary(feed) ==
        "13 keys newsticker does not use: layout (90 posts), version (90 posts), categories (12 posts), "
        "extra_0 (2 posts), extra_1 (2 posts), extra_2 (2 posts), extra_3 (2 posts), extra_4 (2 posts), "
        "extra_5 (2 posts), extra_6 (2 posts), and 3 more");
  CHECK(firmware::unusedKeysSummary(feed, 2) ==
        "13 keys newsticker does not use: layout (90 posts), "
        "version (90 posts), and 11 more");
  CHECK(firmware::unusedKeysSummary(feedWithUnusedKeys({{"pin", 1}})) == "1 key newsticker does not use: pin (1 post)");
  CHECK(firmware::unusedKeysSummary(feedWithUnusedKeys({})) == "no front matter key that newsticker does not use");
  CHECK(firmware::unusedKeysSummary(feedWithUnusedKeys({{"odd\nkey\x1B", 3}})) ==
        "1 key newsticker does not use: odd\\nkey\\x1B (3 posts)");
}

TEST_CASE("unused keys: the text report shows the summary only with --verbose, the JSON always") {
  const content::Feed feed = feedWithUnusedKeys({{"layout", 1}, {"version", 2}});
  std::ostringstream plain, verbose, json;
  firmware::writeCheckReport(feed, {}, plain);
  firmware::writeCheckReport(feed, {}, verbose, {}, true);
  firmware::writeCheckJson(feed, {}, json);
  CHECK(plain.str().find("does not use") == std::string::npos);
  CHECK(verbose.str().find("2 keys newsticker does not use: version (2 posts), layout (1 post)\n"
                           "1 posts loaded (0 drafts), 0 files rejected, 0 warnings\n") != std::string::npos);
  CHECK(jsonSays(json.str(), "d['unused_keys'] == [{'key': 'version', 'posts': 2}, {'key': 'layout', 'posts': 1}]"));
}

TEST_CASE("--check --verbose on each fixture site: no warning, and the keys the site's posts use for themselves") {
  const std::string binary = NEWSTICKER_BINARY;
  const std::string sites = std::string(NEWSTICKER_SOURCE_DIR) + "/tests/content/sites/";
  for (const char* site : {"jekyll", "hugo", "zola"}) {
    CAPTURE(site);
    const auto [text, status] = runCommand("'" + binary + "' --check --verbose --content '" + sites + site + "' 2>&1");
    CHECK(status == 0);
    CHECK(text.find("warning  ") == std::string::npos);  // no report line starts with it
    CHECK(text.find(" files rejected, 0 warnings\n") != std::string::npos);
    CHECK(text.find(" newsticker does not use: ") != std::string::npos);
    const auto [json, json_status] = runCommand("'" + binary + "' --check --json --content '" + sites + site + "'");
    CHECK(json_status == 0);
    CHECK(jsonSays(json, "d['warnings'] == [] and d['rejected'] == [] and len(d['unused_keys']) > 0"));
    if (std::string(site) == "jekyll") {
      // The site's name is the source; the author (its display name from
      // _data/authors.yml) is the byline.
      CHECK(text.find("\"Solder night returns to the east bench\" | source: Tidewater Tinkerers | by: Mara Wren | "
                      "date: 2026-04-02") != std::string::npos);
      CHECK(jsonSays(json,
                     "[p['author'] for p in d['posts'] if p['title'] == 'Solder night returns to the east "
                     "bench'] == ['Mara Wren']"));
    }
  }
}
