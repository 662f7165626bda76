// SPDX-License-Identifier: Apache-2.0
// --check says what each card cuts at a size, in text and in JSON, from the
// layout with the real fonts.
#include <doctest/doctest.h>

#include <sstream>

#include "firmware/CheckReport.hpp"
#include "firmware/ContentSession.hpp"
#include "tests/render/RealFonts.hpp"

using namespace newsticker;

namespace {

content::Feed feedOf(std::vector<content::Post> posts) {
  content::Feed feed;
  feed.posts = std::move(posts);
  return feed;
}

content::Post post(const std::string& file, const std::string& title, const std::string& summary) {
  content::Post p;
  p.file = file;
  p.title = title;
  p.summary = summary;
  p.source = "Harbor City Commons";
  p.date = "2026-11-24";
  p.language = "en";
  return p;
}

}  // namespace

TEST_CASE("--check reports a cut summary with its word counts and size, and nothing for a card that fits") {
  std::string long_summary;
  for (int i = 0; i < 12; ++i) long_summary += "Volunteers mend lamps, radios and bicycles every month. ";
  const content::Feed feed = feedOf({post("posts/short.md", "Repair Café opens", "Bring a lamp."),
                                     post("posts/long.md", "Repair Café opens", long_summary)});
  const firmware::CardCuts cuts =
      firmware::measureCardCuts(feed.posts, realFonts(), render::CardSize{1920, 1080}, render::Theme{}, "en");
  REQUIRE(cuts.by_file.size() == 2);
  const render::CardFit& fit = cuts.by_file.at("posts/long.md");
  REQUIRE(fit.summary.cut);
  CHECK(fit.summary.words_total == 96);
  CHECK(fit.summary.words_shown > 10);
  CHECK(fit.summary.words_shown < 96);
  CHECK_FALSE(cuts.by_file.at("posts/short.md").summary.cut);

  std::ostringstream text;
  firmware::writeCheckReport(feed, {}, text, cuts);
  const std::string expected =
      "summary cut after " + std::to_string(fit.summary.words_shown) + " of 96 words at 1920x1080";
  CHECK(text.str().find(expected) != std::string::npos);
  const std::string short_line = text.str().substr(0, text.str().find('\n'));
  CHECK(short_line.find("posts/short.md") != std::string::npos);
  CHECK(short_line.find("cut") == std::string::npos);

  std::ostringstream json;
  firmware::writeCheckJson(feed, {}, json, cuts);
  const std::string whole = "\"cut\": {\"title\": false, \"summary\": false, \"size\": \"1920x1080\"";
  CHECK(json.str().find(whole) != std::string::npos);
  const std::string cut =
      "\"cut\": {\"title\": false, \"summary\": true, \"size\": \"1920x1080\", "
      "\"title_words\": [3, 3], \"summary_words\": [" +
      std::to_string(fit.summary.words_shown) + ", 96]}";
  CHECK(json.str().find(cut) != std::string::npos);

  // Not measured (no fonts): "cut" is null and the text says nothing.
  std::ostringstream unmeasured;
  firmware::writeCheckJson(feed, {}, unmeasured);
  CHECK(unmeasured.str().find("\"cut\": null") != std::string::npos);
}
