// SPDX-License-Identifier: Apache-2.0
// When a post shows (docs/content.md, "When a post shows"): show_from /
// show_until in a time zone, Hugo's publishDate / expiryDate, Jekyll's and
// Hugo's future dates, show_hours day parts, priority and urgent, the order
// of one round of the cycle, and the parse cache carrying all of it.
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>

#include "ContentTestSupport.hpp"
#include "content/DayPart.hpp"
#include "content/DiskTree.hpp"
#include "content/FeedLoader.hpp"
#include "content/MemoryTree.hpp"
#include "content/Playlist.hpp"
#include "content/PostDate.hpp"
#include "content/PostReader.hpp"
#include "content/ShowWindow.hpp"

using namespace newsticker::content;
using content_test::TempDir;

namespace {

// Seconds since the epoch of a UTC time written "YYYY-MM-DDTHH:MM:SS".
std::int64_t utc(const std::string& text) { return instantOf(text + "Z", "").value(); }

Post readOne(const std::string& front_matter, const FeedDefaults& defaults = {}, const std::string& file = "posts/a.md",
             std::vector<Diagnostic>* diagnostics = nullptr) {
  const PostReadResult result = readPost(file, "---\ntitle: A notice\n" + front_matter + "---\nBody.\n", defaults);
  if (diagnostics != nullptr) *diagnostics = result.diagnostics;
  REQUIRE(result.post);
  return *result.post;
}

bool showsAtUtc(const Post& post, const std::string& when, const std::string& zone) {
  return showingAt({post}, utc(when), zone).front();
}

}  // namespace

TEST_CASE("show times: a local time, an instant, and a date that starts or ends its day") {
  CHECK(parseShowTime("2026-12-24 09:00") == std::optional<std::string>("2026-12-24T09:00:00"));
  CHECK(parseShowTime("2026-12-24T09:00:30") == std::optional<std::string>("2026-12-24T09:00:30"));
  CHECK(parseShowTime("2026-12-24T09:00+01:00") == std::optional<std::string>("2026-12-24T08:00:00Z"));
  CHECK(parseShowTime("2026-12-24") == std::optional<std::string>("2026-12-24T00:00:00"));
  CHECK(parseShowTime("2026-12-31", true) == std::optional<std::string>("2027-01-01T00:00:00"));
  CHECK(parseShowTime("24 December") == std::nullopt);
  CHECK(parseShowTime("2026-02-30") == std::nullopt);

  // A local time is read on the zone's clock: Berlin is UTC+1 in winter, UTC+2 in summer.
  CHECK(instantOf("2026-12-24T09:00:00", "Europe/Berlin") == utc("2026-12-24T08:00:00"));
  CHECK(instantOf("2026-07-01T09:00:00", "Europe/Berlin") == utc("2026-07-01T07:00:00"));
  CHECK(instantOf("2026-12-24T09:00:00", "America/New_York") == utc("2026-12-24T14:00:00"));
  CHECK(instantOf("2026-12-24T08:00:00Z", "America/New_York") == utc("2026-12-24T08:00:00"));
  // 02:30 does not exist in Berlin on 2026-03-29 (clocks go from 02:00 to 03:00): read as 03:30.
  CHECK(instantOf("2026-03-29T02:30:00", "Europe/Berlin") == utc("2026-03-29T01:30:00"));
  CHECK(instantOf("tomorrow", "UTC") == std::nullopt);

  CHECK(localMinuteText(utc("2026-12-24T08:00:00"), "Europe/Berlin") == "2026-12-24 09:00");
  CHECK(localMinuteText(utc("2027-01-31T23:00:00"), "Europe/Berlin", true) == "2027-01-31 24:00");
  CHECK(localMinuteText(utc("2027-01-31T23:00:00"), "Europe/Berlin") == "2027-02-01 00:00");
  CHECK(showTimeText("2027-02-01T00:00:00", true) == "2027-01-31 24:00");
  CHECK(showTimeText("2026-12-24T08:00:00Z") == "2026-12-24 08:00 UTC");
  const LocalTime monday = localTime(utc("2026-12-07T06:30:00"), "Europe/Berlin");
  CHECK(monday.weekday == 0);
  CHECK(monday.minute_of_day == 7 * 60 + 30);
  CHECK(monday.day == "2026-12-07");
}

TEST_CASE("show_from and show_until: the window in the config's zone, an end date includes its day") {
  std::vector<Diagnostic> diagnostics;
  const Post post = readOne("show_from: 2026-12-01 08:30\nshow_until: 2027-01-31\n", {}, "posts/a.md", &diagnostics);
  CHECK(diagnostics.empty());
  CHECK(post.show.from == "2026-12-01T08:30:00");
  CHECK(post.show.until == "2027-02-01T00:00:00");
  CHECK(post.show.from_line == 3);
  CHECK(post.show.until_line == 4);
  const std::string berlin = "Europe/Berlin";
  CHECK_FALSE(showsAtUtc(post, "2026-12-01T07:29:59", berlin));  // 08:29:59 in Berlin
  CHECK(showsAtUtc(post, "2026-12-01T07:30:00", berlin));        // 08:30: its minute
  CHECK(showsAtUtc(post, "2027-01-31T22:59:59", berlin));        // the last second of 31 January
  CHECK_FALSE(showsAtUtc(post, "2027-01-31T23:00:00", berlin));
  // Another zone, another instant: 08:30 in New York is 13:30 UTC.
  CHECK_FALSE(showsAtUtc(post, "2026-12-01T13:29:00", "America/New_York"));
  CHECK(showsAtUtc(post, "2026-12-01T13:30:00", "America/New_York"));
  CHECK(showRulesText(post.show, berlin) == "shows from 2026-12-01 08:30 until 2027-01-31 24:00");

  // A time with an offset is that instant in any zone.
  const Post instant = readOne("show_until: 2026-12-24T12:00:00Z\n");
  CHECK(instant.show.until == "2026-12-24T12:00:00Z");
  CHECK(showsAtUtc(instant, "2026-12-24T11:59:00", "Asia/Tokyo"));
  CHECK_FALSE(showsAtUtc(instant, "2026-12-24T12:00:00", "Asia/Tokyo"));
}

TEST_CASE("a window that closes before it opens, or a bound that is no date, is warned about with its line") {
  std::vector<Diagnostic> diagnostics;
  const Post inverted = readOne("show_from: 2026-12-30\nshow_until: 2026-12-20\n", {}, "posts/a.md", &diagnostics);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].line == 4);
  CHECK(diagnostics[0].message ==
        "the show window ends before it starts (2026-12-30 00:00 to 2026-12-20 24:00): the post never shows");
  CHECK_FALSE(showsAtUtc(inverted, "2026-12-25T12:00:00", "UTC"));

  const Post bad = readOne("show_until: next friday\n", {}, "posts/a.md", &diagnostics);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].line == 3);
  CHECK(diagnostics[0].message ==
        "show_until 'next friday' is not a date (YYYY-MM-DD) or a date and time (YYYY-MM-DD HH:MM); ignored");
  CHECK(bad.show.until.empty());
  CHECK(showsAtUtc(bad, "2030-01-01T00:00:00", "UTC"));
}

TEST_CASE("Hugo's publishDate and expiryDate, and a future date on a Hugo or Jekyll site") {
  // In a plain folder too: publishDate opens the window, expiryDate closes it at its own start.
  const Post hugo_keys = readOne("publishDate: 2026-12-01\nexpiryDate: 2026-12-24\n");
  CHECK(hugo_keys.show.from == "2026-12-01T00:00:00");
  CHECK(hugo_keys.show.until == "2026-12-24T00:00:00");
  CHECK_FALSE(showsAtUtc(hugo_keys, "2026-12-24T00:00:00", "UTC"));

  FeedDefaults hugo;
  hugo.site = SiteKind::Hugo;
  hugo.posts_root = "content";
  // Hugo reads a date without an offset as UTC unless the site names a timeZone.
  const Post dated = readOne("date: 2026-12-24T09:00:00\n", hugo, "content/posts/a.md");
  CHECK(dated.show.from == "2026-12-24T09:00:00Z");
  CHECK(dated.show.from_is_date);
  CHECK_FALSE(showsAtUtc(dated, "2026-12-24T08:59:00", "Europe/Berlin"));
  CHECK(showsAtUtc(dated, "2026-12-24T09:00:00", "Europe/Berlin"));
  hugo.time_zone = "Asia/Tokyo";
  CHECK(readOne("publishDate: 2026-12-24T09:00:00\n", hugo, "content/posts/a.md").show.from == "2026-12-24T00:00:00Z");
  hugo.publish_future = true;  // buildFuture
  CHECK(readOne("date: 2026-12-24T09:00:00\n", hugo, "content/posts/a.md").show.from.empty());
  hugo.publish_expired = true;  // buildExpired
  CHECK(readOne("expiryDate: 2026-12-24\n", hugo, "content/posts/a.md").show.until.empty());

  FeedDefaults jekyll;
  jekyll.site = SiteKind::Jekyll;
  // A future post (by its file name's date) waits for its day unless the site says future: true.
  const Post future = readOne("", jekyll, "_posts/2027-03-01-spring-fair.md");
  CHECK(future.show.from == "2027-03-01T00:00:00");
  CHECK_FALSE(showsAtUtc(future, "2027-02-28T23:59:00", "UTC"));
  CHECK(showsAtUtc(future, "2027-03-01T00:00:00", "UTC"));
  jekyll.time_zone = "America/New_York";  // _config.yml's timezone reads the day there
  CHECK(readOne("date: 2027-03-01 18:00:00\n", jekyll, "_posts/2027-03-01-spring-fair.md").show.from ==
        "2027-03-01T23:00:00Z");
  jekyll.publish_future = true;
  CHECK(readOne("", jekyll, "_posts/2027-03-01-spring-fair.md").show.from.empty());
  // show_from wins over the date rule.
  jekyll.publish_future = false;
  const Post own = readOne("show_from: 2027-02-20\n", jekyll, "_posts/2027-03-01-spring-fair.md");
  CHECK(own.show.from == "2027-02-20T00:00:00");
  CHECK_FALSE(own.show.from_is_date);
}

TEST_CASE("the future rule read from a Jekyll site's _config.yml and a Hugo site's config") {
  const auto jekyll_feed = [](const std::string& config) {
    return loadFeed(MemoryTree(
        "site", {{"_config.yml", config}, {"_posts/2027-03-01-fair.md", "---\ntitle: Spring fair\n---\nSoon.\n"}}));
  };
  CHECK(jekyll_feed("title: Club\n").posts.at(0).show.from == "2027-03-01T00:00:00");
  CHECK(jekyll_feed("title: Club\nfuture: true\n").posts.at(0).show.from.empty());
  const auto hugo_feed = [](const std::string& config) {
    return loadFeed(MemoryTree("site", {{"hugo.toml", config},
                                        {"content/posts/fair.md",
                                         "---\ntitle: Spring fair\ndate: 2027-03-01\nexpiryDate: 2027-04-01\n---\n"}}));
  };
  const Feed plain = hugo_feed("title = 'Club'\n");
  CHECK(plain.posts.at(0).show.from == "2027-03-01T00:00:00Z");
  CHECK(plain.posts.at(0).show.until == "2027-04-01T00:00:00Z");
  const Feed built = hugo_feed("title = 'Club'\nbuildFuture = true\nbuildExpired = true\ntimeZone = 'Europe/Oslo'\n");
  CHECK(built.defaults.time_zone == "Europe/Oslo");
  CHECK(built.posts.at(0).show.from.empty());
  CHECK(built.posts.at(0).show.until.empty());
}

TEST_CASE("day parts: hours on chosen weekdays, overnight spans, and what is not hours") {
  DayPartsResult parts = parseDayParts("mon-fri 07:00-10:00, 16:00-18:00");
  REQUIRE(parts.error.empty());
  REQUIRE(parts.parts.size() == 2);
  CHECK(dayPartText(parts.parts[0]) == "mon-fri 07:00-10:00");
  CHECK(dayPartText(parts.parts[1]) == "mon-fri 16:00-18:00");
  CHECK(parts.parts[0].contains(0, 7 * 60));         // Monday 07:00
  CHECK_FALSE(parts.parts[0].contains(0, 10 * 60));  // Monday 10:00: over
  CHECK_FALSE(parts.parts[0].contains(5, 8 * 60));   // Saturday 08:00

  CHECK(dayPartText(parseDayParts("weekends 10:00-14:00").parts.at(0)) == "sat,sun 10:00-14:00");
  CHECK(dayPartText(parseDayParts("Fri-Mon 10:00-14:00").parts.at(0)) == "mon,fri,sat,sun 10:00-14:00");
  CHECK(dayPartText(parseDayParts("sat, sun 09:00-12:00").parts.at(0)) == "sat,sun 09:00-12:00");
  const DayPart late = parseDayParts("fri 22:00-02:00").parts.at(0);
  CHECK(late.contains(4, 23 * 60));   // Friday night
  CHECK(late.contains(5, 60));        // after midnight: still Friday's span
  CHECK_FALSE(late.contains(4, 60));  // Friday 01:00 belongs to Thursday, which has none
  CHECK(parseDayParts("daily 00:00-24:00").parts.at(0).contains(3, 23 * 60 + 59));

  CHECK(parseDayParts("someday 07:00-09:00").error == "'someday' is not days such as mon-fri, sat,sun or weekdays");
  CHECK(parseDayParts("mon 7-9").error == "'7-9' is not hours such as 07:00-10:00");
  CHECK(parseDayParts("mon").error == "no hours such as 07:00-10:00");
}

TEST_CASE("show_hours: a canteen menu on weekday mornings shows on a Monday, not on a Saturday") {
  std::vector<Diagnostic> diagnostics;
  const Post menu = readOne("show_hours: \"mon-fri 07:00-10:00\"\n", {}, "posts/a.md", &diagnostics);
  CHECK(diagnostics.empty());
  const std::string zone = "Europe/Berlin";
  // 2026-12-07 is a Monday, 2026-12-12 a Saturday; Berlin is UTC+1.
  CHECK_FALSE(showsAtUtc(menu, "2026-12-07T05:59:00", zone));  // Monday 06:59
  CHECK(showsAtUtc(menu, "2026-12-07T06:00:00", zone));        // Monday 07:00
  CHECK(showsAtUtc(menu, "2026-12-07T08:59:00", zone));        // Monday 09:59
  CHECK_FALSE(showsAtUtc(menu, "2026-12-07T09:00:00", zone));  // Monday 10:00
  CHECK_FALSE(showsAtUtc(menu, "2026-12-12T07:00:00", zone));  // Saturday 08:00
  CHECK(showRulesText(menu.show, zone) == "shows mon-fri 07:00-10:00");

  // A list, and a bad entry left out with a warning at the key's line.
  const Post both = readOne("show_hours:\n  - mon-fri 11:30-14:00\n  - sat 10:00-13:00\n  - lunchtime\n", {},
                            "posts/a.md", &diagnostics);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].line == 6);  // the entry's own line
  CHECK(diagnostics[0].message == "show_hours: 'lunchtime' is not days such as mon-fri, sat,sun or weekdays; left out");
  CHECK(both.show.hours.size() == 2);
  CHECK(showsAtUtc(both, "2026-12-12T09:30:00", zone));        // Saturday 10:30
  CHECK_FALSE(showsAtUtc(both, "2026-12-13T09:30:00", zone));  // Sunday 10:30
}

TEST_CASE("priority, urgent and repeat_every, and what is not one of them") {
  std::vector<Diagnostic> diagnostics;
  const Post urgent = readOne("urgent: true\nrepeat_every: 15m\npriority: high\n", {}, "posts/a.md", &diagnostics);
  CHECK(diagnostics.empty());
  CHECK(urgent.show.urgent);
  CHECK(urgent.show.repeat_seconds == 900);
  CHECK(urgent.show.high_priority);
  CHECK(showRulesText(urgent.show, "UTC") == "high priority, urgent, every 15 min");
  CHECK(showRulesText(readOne("urgent: yes\n").show, "UTC") == "urgent, every 10 min");

  CHECK(parseInterval("90s") == 90);
  CHECK(parseInterval("1h30m") == 5400);
  CHECK(parseInterval("2 h") == 7200);
  CHECK(parseInterval("15") == 900);
  CHECK(parseInterval("10 s") == std::nullopt);  // too often
  CHECK(parseInterval("often") == std::nullopt);

  readOne("priority: top\nurgent: maybe\nrepeat_every: 5m\n", {}, "posts/a.md", &diagnostics);
  REQUIRE(diagnostics.size() == 3);
  CHECK(diagnostics[0].message == "priority is high or normal, not 'top'; ignored");
  CHECK(diagnostics[1].message == "urgent is true or false; ignored");
  CHECK(diagnostics[2].message == "repeat_every is for urgent posts (urgent: true); ignored");
  readOne("urgent: true\nrepeat_every: sometimes\n", {}, "posts/a.md", &diagnostics);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].line == 4);
}

TEST_CASE("one round of the cycle: high priority in every other slot, urgent and standby left to their turn") {
  std::vector<Post> posts(6);
  for (std::size_t i = 0; i < posts.size(); ++i) posts[i].title = "p" + std::to_string(i);
  posts[1].show.high_priority = true;
  posts[4].show.urgent = true;
  posts[5].show.standby = true;
  const std::vector<bool> all(6, true);
  CHECK(cycleOrder(posts, all) == std::vector<std::size_t>{1, 0, 1, 2, 1, 3});
  // Two high-priority posts take turns in their slots.
  posts[3].show.high_priority = true;
  CHECK(cycleOrder(posts, all) == std::vector<std::size_t>{1, 0, 3, 2});
  // A post that does not show is left out; with none but high-priority ones, they follow each other.
  CHECK(cycleOrder(posts, {true, true, false, true, true, true}) == std::vector<std::size_t>{1, 0, 3, 0});
  CHECK(cycleOrder(posts, {false, true, false, true, true, true}) == std::vector<std::size_t>{1, 3});
  // Nothing shows (the urgent post cuts in of its own): the standby card.
  CHECK(cycleOrder(posts, {false, false, false, false, true, true}) == std::vector<std::size_t>{5});
  posts[5].show.standby = false;
  CHECK(cycleOrder(posts, {false, false, false, false, true, false}).empty());
}

TEST_CASE("the parse cache carries a post's show rules") {
  TempDir dir("show-cache");
  dir.write("feed/posts/notice.md",
            "---\ntitle: Drill\nurgent: true\nrepeat_every: 20m\nshow_from: 2026-12-24 09:00\n"
            "show_until: 2026-12-24T11:30:00Z\nshow_hours: [\"mon-fri 07:00-12:00\", \"sat 22:00-02:00\"]\n"
            "priority: high\n---\nGo.\n");
  dir.write("feed/_config.yml", "title: Club\n");
  dir.write("feed/_posts/2027-03-01-fair.md", "---\ntitle: Spring fair\n---\nSoon.\n");
  LoadLimits limits;
  limits.cache_file = (dir.path() / "cache" / "posts.cache").string();
  limits.cache_fingerprint = "test build";
  const auto rules = [](const Feed& feed) {
    std::string text;
    for (const Post& p : feed.posts) {
      const ShowRules& s = p.show;
      text += p.file + "|" + s.from + "|" + s.until + "|" + std::to_string(s.from_line) + "|" +
              std::to_string(s.until_line) + "|" + std::to_string(s.repeat_seconds) + "|" +
              (s.high_priority ? "h" : "") + (s.urgent ? "u" : "") + (s.standby ? "s" : "") +
              (s.from_is_date ? "d" : "") + "|";
      for (const DayPart& part : s.hours) text += dayPartText(part) + ";";
      text += "\n";
    }
    return text;
  };
  // The Jekyll site reads _posts/; the notice is not a post of it. A folder of its own reads the notice.
  for (const std::string folder : {"feed", "feed/posts"}) {
    const Feed cold = loadFeed(DiskTree((dir.path() / folder).string()), limits);
    REQUIRE(cold.posts.size() == 1);
    CHECK(cold.cached_files == 0);
    const Feed warm = loadFeed(DiskTree((dir.path() / folder).string()), limits);
    CHECK(warm.cached_files == 1);
    CHECK(rules(warm) == rules(cold));
    CAPTURE(rules(warm));
    CHECK(rules(warm).find(folder == "feed" ? "|d|" : "|hu|mon-fri 07:00-12:00;sat 22:00-02:00;") != std::string::npos);
  }
}
