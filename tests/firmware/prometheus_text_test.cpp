// SPDX-License-Identifier: Apache-2.0
// The Prometheus text exposition format: what newsticker writes follows its
// rules (checked by the strict parser, by Prometheus's naming conventions as
// promtool's linter states them, and by promtool itself where installed),
// and the parser refuses text that breaks them, saying the line.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>

#include "ShellCommand.hpp"
#include "TestFolders.hpp"
#include "firmware/PrometheusText.hpp"
#include "firmware/ServiceMetrics.hpp"

using namespace newsticker::firmware;
namespace fs = std::filesystem;

namespace {

DisplayState busyDisplay() {
  DisplayState s;
  s.version = "0.1.0";
  s.started_at = 1795513290;
  s.posts = 12;
  s.rejected = 2;
  s.loaded_at = 1795513300;
  s.on = true;
  s.card = 3;
  s.card_file = "posts/quote\"back\\slash.md";
  s.card_title = "Line one\nline \"two\" \xE6\x97\xA5\xE6\x9C\xAC";  // a newline, quotes and CJK
  s.frames = 1234;
  s.frames_late = 5;
  s.resident_bytes = 71303168;
  s.captured_at = 1795513400.25;
  return s;
}

// The naming rules of Prometheus (and promtool check metrics' linter):
// snake_case with the newsticker_ prefix, help text, counters and only
// counters ending in _total, base units, no type name in the name.
std::vector<std::string> lint(const std::vector<MetricFamily>& families) {
  std::vector<std::string> problems;
  const std::regex snake("newsticker_[a-z0-9]+(_[a-z0-9]+)*");
  const std::regex bad_unit(
      "_(ms|milliseconds|microseconds|minutes|hours|days|kb|kilobytes|mb|megabytes|"
      "kib|mib|gib|percent|sec|secs)(_|$)");
  for (const MetricFamily& f : families) {
    if (!std::regex_match(f.name, snake)) problems.push_back(f.name + ": not newsticker_ snake_case");
    if (f.help.empty()) problems.push_back(f.name + ": no help");
    const bool total = f.name.size() > 6 && f.name.compare(f.name.size() - 6, 6, "_total") == 0;
    if (f.type == MetricType::Counter && !total) problems.push_back(f.name + ": counter without _total");
    if (f.type != MetricType::Counter && total) problems.push_back(f.name + ": _total on a non-counter");
    if (std::regex_search(f.name, bad_unit)) problems.push_back(f.name + ": not a base unit");
    if (f.name.find("_gauge") != std::string::npos || f.name.find("_counter") != std::string::npos) {
      problems.push_back(f.name + ": type in the name");
    }
    const bool info = f.name.size() > 5 && f.name.compare(f.name.size() - 5, 5, "_info") == 0;
    if (info && (f.type != MetricType::Gauge || f.value({}, 1) != 1)) problems.push_back(f.name + ": info not 1");
  }
  return problems;
}

std::string errorOf(const std::string& text) { return parseMetrics(text).error; }

}  // namespace

TEST_CASE("the display's metrics parse back to what was written, with escapes, and follow the naming rules") {
  const std::vector<MetricFamily> written = displayMetrics(busyDisplay());
  const std::string text = formatMetrics(written);
  const ParsedMetrics parsed = parseMetrics(text);
  REQUIRE_MESSAGE(parsed.error.empty(), parsed.error);
  REQUIRE(parsed.families.size() == written.size());
  for (std::size_t i = 0; i < written.size(); ++i) {
    CHECK(parsed.families[i].name == written[i].name);
    CHECK(parsed.families[i].help == written[i].help);
    CHECK(parsed.families[i].type == written[i].type);
    REQUIRE(parsed.families[i].samples.size() == written[i].samples.size());
    for (std::size_t j = 0; j < written[i].samples.size(); ++j) {
      CHECK(parsed.families[i].samples[j].labels == written[i].samples[j].labels);
      CHECK(parsed.families[i].samples[j].value == written[i].samples[j].value);
    }
  }
  const MetricFamily* card = findFamily(parsed.families, "newsticker_card_info");
  REQUIRE(card != nullptr);
  // One line: control characters blanked.
  CHECK(card->label("title") == "Line one line \"two\" \xE6\x97\xA5\xE6\x9C\xAC");
  CHECK(card->label("file") == "posts/quote\"back\\slash.md");
  CHECK(text.find("newsticker_card_info{position=\"3\",file=\"posts/quote\\\"back\\\\slash.md\"") != std::string::npos);
  CHECK(findFamily(parsed.families, "newsticker_screen_capture_timestamp_seconds")->value() == 1795513400.25);
  CHECK(text.find("newsticker_resident_memory_bytes 71303168\n") != std::string::npos);
  CHECK(lint(written).empty());
  for (const std::string& problem : lint(written)) MESSAGE(problem);
}

TEST_CASE("the fetch's metrics keep a failed feed's last success from the previous file") {
  std::vector<FeedSource> feeds(2);
  feeds[0].url = "https://news.example.org/feed.xml";
  feeds[1].url = "https://down.example.org/rss";
  std::vector<FeedFetchResult> first(2), second(2);
  first[0].ok = first[1].ok = true;
  first[0].posts = {"a.md", "b.md"};
  first[1].posts = {"c.md"};
  const std::vector<MetricFamily> before = fetchMetrics(feeds, first, 1000, {});
  second[0].ok = true;
  second[0].posts = {"a.md"};
  second[1].ok = false;
  const ParsedMetrics previous = parseMetrics(formatMetrics(before));
  REQUIRE(previous.error.empty());
  const std::vector<MetricFamily> after = fetchMetrics(feeds, second, 2000, previous.families);
  const std::vector<std::pair<std::string, std::string>> down = {{"feed", "down-example-org-rss"}};
  const std::vector<std::pair<std::string, std::string>> up = {{"feed", "news-example-org-feed-xml"}};
  CHECK(findFamily(after, "newsticker_fetch_last_run_timestamp_seconds")->value(down) == 2000);
  CHECK(findFamily(after, "newsticker_fetch_last_run_success")->value(down, -1) == 0);
  CHECK(findFamily(after, "newsticker_fetch_last_success_timestamp_seconds")->value(down) == 1000);
  CHECK(findFamily(after, "newsticker_fetch_posts")->value(down) == 1);
  CHECK(findFamily(after, "newsticker_fetch_last_success_timestamp_seconds")->value(up) == 2000);
  CHECK(findFamily(after, "newsticker_fetch_posts")->value(up) == 1);
  CHECK(parseMetrics(formatMetrics(after)).error.empty());
  CHECK(lint(after).empty());
}

TEST_CASE("the parser refuses text that breaks the exposition format, naming the line") {
  CHECK(errorOf("a 1\n").empty());
  CHECK(errorOf("# a comment\n\na{b=\"c\",} 1 1700000000000\nb NaN\nc +Inf\nd -Inf\n").empty());
  CHECK(errorOf("a 1") == "line 1: the last line does not end with a newline");
  CHECK(errorOf("a\n") == "line 1: expected '{' or a blank after a");
  CHECK(errorOf("a \n") == "line 1: expected a value after a");
  CHECK(errorOf("a one\n") == "line 1: 'one' is not a number");
  CHECK(errorOf("a 1 2 3\n") == "line 1: unexpected text after the value");
  CHECK(errorOf("a 1 1.5\n") == "line 1: '1.5' is not a timestamp in milliseconds");
  CHECK(errorOf("9a 1\n") == "line 1: expected a metric name");
  CHECK(errorOf("a{9=\"x\"} 1\n") == "line 1: expected a label name or '}'");
  CHECK(errorOf("a{b=x} 1\n") == "line 1: expected a quoted value for label b");
  CHECK(errorOf("a{b=\"x} 1\n") == "line 1: label value without its closing quote");
  CHECK(errorOf("a{b=\"\\t\"} 1\n") == "line 1: unknown escape \\t in a label value");
  CHECK(errorOf("a{b=\"x\",b=\"y\"} 1\n") == "line 1: label b given twice");
  CHECK(errorOf("a{__name__=\"x\"} 1\n") == "line 1: label name __name__ is reserved (starts with __)");
  CHECK(errorOf("a{b=\"x\" c=\"y\"} 1\n") == "line 1: expected ',' or '}' after a label");
  CHECK(errorOf("a{b=\"x\"} 1\na{b=\"x\"} 2\n") == "line 2: series a given twice with the same labels");
  CHECK(errorOf("a 1\nb 1\na{c=\"d\"} 1\n") == "line 3: the samples of a are not together");
  CHECK(errorOf("# TYPE a gauge\n# TYPE a gauge\n") == "line 2: second # TYPE for a");
  CHECK(errorOf("# HELP a x\n# HELP a y\n") == "line 2: second # HELP for a");
  CHECK(errorOf("a 1\n# TYPE a gauge\n") == "line 2: # TYPE for a after its samples");
  CHECK(errorOf("# TYPE a meter\n") == "line 1: unknown metric type 'meter'");
  CHECK(errorOf("# TYPE a histogram\n") == "line 1: type histogram is not read here");
  CHECK(errorOf("# TYPE a gauge extra\n") == "line 1: unexpected text after # TYPE a gauge");
  const ParsedMetrics help = parseMetrics("# HELP a two\\nlines \\\\ and \\x\n# TYPE a counter\na 3\n");
  REQUIRE(help.error.empty());
  CHECK(help.families[0].help == "two\nlines \\ and \\x");
  CHECK(help.families[0].type == MetricType::Counter);
  CHECK(std::isnan(parseMetrics("b NaN\n").families[0].value()));
  CHECK_THROWS_AS(formatMetrics({MetricFamily{"bad-name", "", MetricType::Gauge, {}}}), std::invalid_argument);
}

TEST_CASE("metrics files are written whole and readable by node_exporter's user, whatever the umask") {
  const fs::path folder = freshFolder("metrics-file");
  std::string error;
  CHECK_FALSE(writeMetricsFile(folder, "x.prom", displayMetrics(busyDisplay()), error));
  CHECK(error == "metrics folder " + folder.string() + " does not exist");
  fs::create_directories(folder);
  const mode_t old_mask = umask(077);
  CHECK(writeMetricsFile(folder, "x.prom", displayMetrics(busyDisplay()), error));
  umask(old_mask);
  CHECK((fs::status(folder / "x.prom").permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read));
  CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 1);
  // promtool (Debian's prometheus package), where installed, agrees.
  if (runCommand("command -v promtool >/dev/null 2>&1").second == 0) {
    const auto checked = runCommand("promtool check metrics < " + (folder / "x.prom").string() + " 2>&1");
    CHECK_MESSAGE(checked.second == 0, checked.first);
  }
}
