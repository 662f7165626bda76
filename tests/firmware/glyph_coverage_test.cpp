// SPDX-License-Identifier: Apache-2.0
// --check names the characters no configured font can draw.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "firmware/CheckReport.hpp"
#include "firmware/ContentSession.hpp"
#include "firmware/GlyphCoverage.hpp"
#include "tests/render/RealFonts.hpp"

using namespace newsticker;

TEST_CASE("a character no font has is reported for its post, in the report and the JSON") {
  content::Post post;
  post.file = "posts/odd.md";
  post.title = "Private mark \xF4\x8F\xBF\xBD here";  // U+10FFFD, a private-use code point
  post.summary = "Emoji 👋🏽 and 中文 are fine.";
  post.language = "en";
  content::Post fine = post;
  fine.file = "posts/fine.md";
  fine.title = "Plain title";
  const auto missing = firmware::findMissingGlyphs({post, fine}, realFonts());
  REQUIRE(missing.size() == 1);
  REQUIRE(missing.count("posts/odd.md") == 1);
  CHECK(missing.at("posts/odd.md") == std::vector<char32_t>{0x10FFFD});

  content::Feed feed;
  feed.posts = {post, fine};
  std::ostringstream report, json;
  firmware::writeCheckReport(feed, missing, report);
  firmware::writeCheckJson(feed, missing, json);
  CHECK(report.str().find("no font draws: U+10FFFD") != std::string::npos);
  CHECK(json.str().find("\"missing_glyphs\": [\"\xF4\x8F\xBF\xBD\"]") != std::string::npos);
  CHECK(json.str().find("\"missing_glyphs\": []") != std::string::npos);  // the fine post
}

TEST_CASE("the demo feed and the sample posts have no character the fonts cannot draw") {
  firmware::ContentSession demo = firmware::openContent("", true);
  CHECK(firmware::findMissingGlyphs(demo.feed.posts, realFonts()).empty());
  REQUIRE_MESSAGE(std::filesystem::is_directory(NEWSTICKER_SEEDS_DIR),
                  "seeds folder " NEWSTICKER_SEEDS_DIR " not found: this test needs ../shared/seeds");
  firmware::ContentSession seeds = firmware::openContent(NEWSTICKER_SEEDS_DIR, true);
  CHECK(seeds.feed.posts.size() == 5);
  CHECK(firmware::findMissingGlyphs(seeds.feed.posts, realFonts()).empty());
}
