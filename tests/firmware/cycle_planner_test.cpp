// SPDX-License-Identifier: Apache-2.0
// When posts show, on the fake clock through the real main loop (recording
// screen, real fonts): a post joins and leaves the cycle at its minute, a
// high-priority post takes every other slot, an urgent notice cuts in within
// one frame of its load or its minute, holds, comes back at its interval,
// stops at its show_until and returns the cycle to the card it cut into; day
// parts on a Monday and a Saturday; a Jekyll site's future post on its day.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "content/FeedLoader.hpp"
#include "content/MemoryTree.hpp"
#include "content/Playlist.hpp"
#include "firmware/Clock.hpp"
#include "firmware/ContentSession.hpp"
#include "firmware/CyclePlanner.hpp"
#include "firmware/RecordingScreen.hpp"
#include "firmware/SceneLoop.hpp"
#include "firmware/SdlRuntime.hpp"
#include "tests/render/RealFonts.hpp"

using namespace newsticker;
using firmware::SceneFrame;

namespace {

// 2026-11-24 09:41:30 UTC, a Tuesday.
constexpr std::time_t kTuesday = 1795513290;

firmware::SceneSettings quietSettings() {
  firmware::SceneSettings settings;
  settings.threaded = false;
  settings.hold_seconds = 5;
  settings.transition_seconds = 1;
  settings.clock.hours = render::ClockHours::TwentyFour;
  settings.clock.time_zone = "UTC";
  settings.clock.language = "en";
  settings.screen.crawl = false;
  return settings;
}

content::Post post(const std::string& title) {
  content::Post p;
  p.file = "posts/" + title + ".md";
  p.title = title;
  p.source = "Test Desk";
  p.language = "en";
  return p;
}

// A session of `posts` (and, when any has show rules, the standby card, as openContent makes it).
std::shared_ptr<firmware::ContentSession> sessionOf(std::vector<content::Post> posts) {
  auto session = std::make_shared<firmware::ContentSession>();
  session->owned_tree = std::make_unique<content::MemoryTree>("test", std::map<std::string, std::string>{});
  session->tree = session->owned_tree.get();
  bool timed = false;
  for (const content::Post& p : posts) timed = timed || p.show.any();
  session->playlist = std::move(posts);
  if (timed) session->playlist.push_back(firmware::standbyPost("posts/"));
  return session;
}

struct Run {
  std::vector<SceneFrame> frames;
  // The titles on screen while no transition runs, each run of frames once.
  std::vector<std::string> held;
  // The first frame at or after `t`.
  const SceneFrame& at(double t) const {
    for (const SceneFrame& f : frames) {
      if (f.time >= t - 1e-9) return f;
    }
    FAIL("no frame at or after " << t);
    throw 0;
  }
};

Run runLoop(const std::shared_ptr<firmware::ContentSession>& content, std::time_t wall_origin, double stop_at,
            firmware::SceneSettings settings = quietSettings(),
            const std::function<void(firmware::SceneLoop&, double)>& on_wake = {}, double wake_at = INFINITY) {
  firmware::SdlRuntime sdl("dummy");
  firmware::ManualClock clock(wall_origin);
  firmware::RecordingScreen screen(clock, 320, 180, stop_at, 10);
  firmware::SceneLoop loop(screen, clock, realFonts(), content, settings);
  Run run;
  loop.on_frame = [&](const SceneFrame& frame) {
    run.frames.push_back(frame);
    const bool holding = !frame.cycle.transitioning() && !frame.swapping;
    if (holding && (run.held.empty() || run.held.back() != frame.title)) run.held.push_back(frame.title);
  };
  loop.on_wake = [&](double now) {
    if (on_wake && now >= wake_at) {
      on_wake(loop, now);
      wake_at = INFINITY;
    }
    return wake_at;
  };
  CHECK(loop.run() == 0);
  return run;
}

// When `title` first holds on screen; infinity when never.
double firstShown(const Run& run, const std::string& title) {
  for (const SceneFrame& f : run.frames) {
    if (f.title == title && !f.cycle.transitioning() && !f.swapping) return f.time;
  }
  return INFINITY;
}

}  // namespace

TEST_CASE("a post joins the cycle at the minute its window opens and leaves at the minute it closes") {
  content::Post talk = post("Keynote");
  talk.show.from = "2026-11-24T09:43:00";   // t = 90 s
  talk.show.until = "2026-11-24T09:45:00";  // t = 210 s
  const auto content = sessionOf({talk});
  const Run run = runLoop(content, kTuesday, 240);
  const std::string standby = "Nothing to show right now";
  for (const SceneFrame& f : run.frames) {
    INFO("t = " << f.time << ": " << f.title);
    if (f.time < 90) CHECK(f.title == standby);
    if (f.time >= 91.1 && f.time < 210) {
      CHECK(f.title == "Keynote");
      CHECK(f.posts == 1);
    }
    if (f.time >= 211.1) CHECK(f.title == standby);
  }
  // At its minute, not a card's hold later: the transition starts in the first frame of the minute.
  const SceneFrame& joins = run.at(90);
  CHECK(joins.time < 90.01);
  CHECK(joins.cycle.transitioning());
  const SceneFrame& leaves = run.at(210);
  CHECK(leaves.time < 210.01);
  CHECK(leaves.cycle.transitioning());
  CHECK(leaves.title == "Keynote");  // the card leaving
  CHECK(run.held == std::vector<std::string>{standby, "Keynote", standby});
}

TEST_CASE("a high-priority post takes every other slot of the cycle") {
  content::Post keynote = post("Keynote");
  keynote.show.high_priority = true;
  const auto content = sessionOf({post("Alpha"), keynote, post("Bravo"), post("Charlie")});
  const Run run = runLoop(content, kTuesday, 50);
  REQUIRE(run.held.size() >= 8);
  const std::vector<std::string> expected = {"Keynote", "Alpha",   "Keynote", "Bravo",
                                             "Keynote", "Charlie", "Keynote", "Alpha"};
  CHECK(std::vector<std::string>(run.held.begin(), run.held.begin() + 8) == expected);
  // The header counts the slots of one round: 6.
  CHECK(run.frames.back().position.find(" / 6") != std::string::npos);
}

TEST_CASE("an urgent notice dropped into the folder cuts in within one frame of its load, then the cycle returns") {
  content::Post drill = post("Fire drill");
  drill.show.urgent = true;
  drill.show.repeat_seconds = 60;
  drill.show.until = "2026-11-24T09:44:00";  // t = 150 s: shown at 7.5, 67.5 and 127.5 s, not at 187.5 s
  auto before = sessionOf({post("Alpha"), post("Bravo"), post("Charlie")});
  auto after = sessionOf({post("Alpha"), post("Bravo"), post("Charlie"), drill});
  int loads = 0;
  double loaded_at = -1;
  const auto drop = [&](firmware::SceneLoop& loop, double now) {
    // The folder changed while Bravo holds (6 to 11 s): a forced reload, read at once.
    loop.reload = [&, now] {
      ++loads;
      loaded_at = now;
      return std::shared_ptr<const firmware::ContentSession>(after);
    };
    loop.contentChanged(true);
  };
  const Run run = runLoop(before, kTuesday, 200, quietSettings(), drop, 7.5);
  REQUIRE(loads == 1);
  REQUIRE(loaded_at == doctest::Approx(7.5));
  // The frame of the load is already the move to the notice: Bravo, in the new feed too, stays on
  // screen (a reload keeps the card on screen) and leaves for the notice at once.
  const SceneFrame& cut = run.at(loaded_at);
  CHECK(cut.time < loaded_at + 0.11);
  CHECK(cut.cycle.transitioning());
  CHECK(cut.title == "Bravo");
  CHECK(run.at(loaded_at + 1.05).title == "Fire drill");
  // It holds, then Bravo (which it cut into) holds again, then the cycle goes on.
  REQUIRE(run.held.size() >= 5);
  CHECK(std::vector<std::string>(run.held.begin(), run.held.begin() + 5) ==
        std::vector<std::string>{"Alpha", "Bravo", "Fire drill", "Bravo", "Charlie"});
  // Again a minute later (at 67.5 s, or the end of the transition running then), never after show_until.
  std::vector<double> turns;
  for (std::size_t i = 0; i < run.frames.size(); ++i) {
    const bool now_drill = run.frames[i].title == "Fire drill" && !run.frames[i].cycle.transitioning();
    const bool was_drill = i > 0 && run.frames[i - 1].title == "Fire drill";
    if (now_drill && !was_drill) turns.push_back(run.frames[i].time);
  }
  REQUIRE(turns.size() == 3);
  // (A turn that comes due during a transition waits for it to end.)
  CHECK(turns[1] >= 67.5);
  CHECK(turns[1] < 70.0);
  CHECK(turns[2] - turns[1] >= 60.0);
  CHECK(turns[2] - turns[1] < 62.5);
  // The header keeps counting the regular cycle: 3 cards.
  for (const SceneFrame& f : run.frames) CHECK(f.posts == 3);
}

TEST_CASE("an urgent notice whose window opens cuts in at that minute and leaves at its show_until") {
  content::Post drill = post("Evacuate hall B");
  drill.show.urgent = true;
  drill.show.from = "2026-11-24T09:43:00";   // t = 90 s
  drill.show.until = "2026-11-24T09:44:00";  // t = 150 s, while it is on screen
  drill.duration_seconds = 120;              // its own hold wins over the cycle's
  firmware::SceneSettings settings = quietSettings();
  const Run run = runLoop(sessionOf({post("Alpha"), post("Bravo"), drill}), kTuesday, 170, settings);
  const SceneFrame& cut = run.at(90);
  CHECK(cut.time < 90.01);
  CHECK(cut.cycle.transitioning());
  const std::string cut_into = cut.title;  // the card leaving for it
  CHECK(cut_into != "Evacuate hall B");
  CHECK(run.at(91.1).title == "Evacuate hall B");
  // At 150 s its window closes: it leaves then (not at 211 s, the end of its own hold)...
  const SceneFrame& gone = run.at(150);
  CHECK(gone.time < 150.01);
  CHECK(gone.cycle.transitioning());
  CHECK(gone.title == "Evacuate hall B");
  // ...and the card it cut into comes back.
  CHECK(run.at(151.1).title == cut_into);
  for (const SceneFrame& f : run.frames) {
    if (f.time >= 151.1) CHECK(f.title != "Evacuate hall B");
  }
}

TEST_CASE("day parts on the fake clock: the breakfast menu joins at 07:00 on a Monday, not on a Saturday") {
  content::Post menu = post("Breakfast menu");
  menu.show.hours = content::parseDayParts("mon-fri 07:00-10:00").parts;
  const auto content = sessionOf({post("Lobby news"), menu});
  const std::time_t monday = 1796626770;    // 2026-12-07 06:59:30 UTC
  const std::time_t saturday = 1797058770;  // 2026-12-12 06:59:30 UTC
  const Run weekday = runLoop(content, monday, 60);
  CHECK(weekday.frames.front().posts == 1);
  CHECK(weekday.at(30).posts == 2);  // in the cycle from 07:00 on...
  CHECK(weekday.at(30).time < 30.01);
  CHECK(firstShown(weekday, "Breakfast menu") >= 30);  // ...and on screen after the card holding then
  CHECK(firstShown(weekday, "Breakfast menu") < 37);
  const Run weekend = runLoop(content, saturday, 60);
  for (const SceneFrame& f : weekend.frames) CHECK(f.title == "Lobby news");
}

TEST_CASE("a Jekyll site's post dated tomorrow joins at midnight; with future: true it shows at once") {
  const auto site = [](const std::string& config) {
    const content::MemoryTree tree("site", {{"_config.yml", config},
                                            {"_posts/2026-11-20-old.md", "---\ntitle: Old news\n---\nOld.\n"},
                                            {"_posts/2026-11-25-fair.md", "---\ntitle: Spring fair\n---\nNew.\n"}});
    return sessionOf(content::buildPlaylist(content::loadFeed(tree).posts, false));
  };
  const std::time_t before_midnight = 1795564770;  // 2026-11-24 23:59:30 UTC
  const Run waiting = runLoop(site("title: Club\ntimezone: UTC\n"), before_midnight, 45);
  CHECK(firstShown(waiting, "Spring fair") >= 30);
  CHECK(firstShown(waiting, "Spring fair") < 37);
  const Run future = runLoop(site("title: Club\nfuture: true\n"), before_midnight, 10);
  CHECK(future.at(0).title == "Spring fair");  // the newest first, at once
}

TEST_CASE("the planner alone: slots, positions and the next wake") {
  firmware::SceneSettings settings = quietSettings();
  content::Post keynote = post("Keynote");
  keynote.show.high_priority = true;
  keynote.show.until = "2026-11-24T10:00:00";
  const std::vector<content::Post> posts = {post("Alpha"), keynote, post("Bravo"), firmware::standbyPost("x")};
  firmware::CyclePlanner planner(settings, false);
  const double wall = static_cast<double>(kTuesday);
  firmware::CardCycle cycle = planner.start(posts, wall);
  REQUIRE(cycle.size() == 4);
  CHECK(cycle.card(0) == 1);
  CHECK(cycle.card(1) == 0);
  CHECK(cycle.card(2) == 1);
  CHECK(cycle.card(3) == 2);
  CHECK(planner.position(3, cycle) == std::pair<std::size_t, std::size_t>{3, 4});
  CHECK(planner.shownCards() == std::vector<std::size_t>{1, 0, 2});
  CHECK(planner.nextChange(wall) == doctest::Approx(wall + 30.001));  // the next minute: windows are minutes
  // Nothing changes within the minute...
  CHECK_FALSE(planner.update(wall + 20, 2.0, cycle));
  // ...and at 10:00 the keynote leaves: Alpha (holding, slot 1) goes on, 2 s into its hold.
  const double ten = wall + 18 * 60 + 30;
  const std::optional<double> moved = planner.update(ten, 8.0, cycle);
  REQUIRE(moved);
  CHECK(cycle.size() == 2);
  CHECK(cycle.card(static_cast<std::size_t>(cycle.at(*moved).current)) == 0);
  CHECK(*moved == doctest::Approx(2.0));
  CHECK(planner.takeShownChanged());
  CHECK_FALSE(planner.takeShownChanged());
}
