// SPDX-License-Identifier: Apache-2.0
// The main loop on a fake clock against a recording screen: whole cycles
// without sleeping, checked frame by frame (order, holds, transitions,
// progress, clock, crawl, rotation, resizing), and golden full screens.
#include <doctest/doctest.h>

#include <SDL_image.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <vector>

#include "TestFolders.hpp"
#include "firmware/Clock.hpp"
#include "firmware/ContentSession.hpp"
#include "firmware/CyclePlanner.hpp"
#include "firmware/RecordingScreen.hpp"
#include "firmware/SceneLoop.hpp"
#include "firmware/SdlRuntime.hpp"
#include "render/Compositor.hpp"
#include "tests/render/GoldenImage.hpp"
#include "tests/render/RealFonts.hpp"

using namespace newsticker;
using firmware::SceneFrame;

namespace {

// 2026-11-24 09:41:30 UTC: the wall time every test's clock starts at.
constexpr std::time_t kWallOrigin = 1795513290;

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

struct Run {
  std::vector<SceneFrame> frames;
  std::vector<render::SurfacePtr> pictures;  // only when asked for
  std::size_t presents = 0;
  std::vector<std::pair<double, bool>> power;  // the screen's setDisplayPower calls
};

// Runs the demo feed's loop until `stop_at` on a `w` x `h` recording screen.
Run runLoop(const firmware::ContentSession& content, firmware::SceneSettings settings, int w, int h, double stop_at,
            double fps, bool keep_pictures = false,
            const std::function<void(firmware::RecordingScreen&)>& prepare = {}) {
  firmware::ManualClock clock(kWallOrigin);
  firmware::RecordingScreen screen(clock, w, h, stop_at, fps);
  if (prepare) prepare(screen);
  firmware::SceneLoop loop(screen, clock, realFonts(), firmware::SharedContent(firmware::SharedContent(), &content),
                           settings);
  Run run;
  SDL_Surface* last = nullptr;
  screen.on_present = [&](SDL_Surface& frame, double) { last = &frame; };
  loop.on_frame = [&](const SceneFrame& frame) {
    run.frames.push_back(frame);
    if (keep_pictures) run.pictures.emplace_back(SDL_ConvertSurfaceFormat(last, SDL_PIXELFORMAT_ARGB8888, 0));
  };
  CHECK(loop.run() == 0);
  run.presents = screen.presents();
  run.power = screen.power_log;
  return run;
}

Uint32 pixel(SDL_Surface& s, int x, int y) {
  return *reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(s.pixels) + y * s.pitch + x * 4);
}

bool sameRegion(SDL_Surface& a, SDL_Surface& b, const render::Rect& r) {
  for (int y = r.y; y < r.y + r.h; ++y) {
    for (int x = r.x; x < r.x + r.w; ++x) {
      if (pixel(a, x, y) != pixel(b, x, y)) return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("a whole cycle on the fake clock: card order, holds, transitions and the progress indicator") {
  firmware::SdlRuntime sdl("dummy");
  const firmware::ContentSession content = firmware::openContent("", false);
  // The cycle at the test's wall time: every demo post but the urgent notice
  // of a past morning, and not the standby card.
  const std::size_t n =
      firmware::CyclePlanner(quietSettings(), false).start(content.playlist, static_cast<double>(kWallOrigin)).size();
  REQUIRE(n == content.playlist.size() - 2);
  // One period (n x (5 s hold + 1 s transition)) and the start of the next.
  const Run run = runLoop(content, quietSettings(), 640, 360, n * 6.0 + 2.0, 10);
  REQUIRE_FALSE(run.frames.empty());

  // Cards come in playlist order and the cycle starts over.
  std::vector<std::size_t> order;
  for (const SceneFrame& f : run.frames) {
    if (order.empty() || order.back() != f.cycle.current) order.push_back(f.cycle.current);
  }
  REQUIRE(order.size() == n + 1);
  for (std::size_t i = 0; i < n; ++i) CHECK(order[i] == i);
  CHECK(order[n] == 0);

  for (const SceneFrame& f : run.frames) {
    // Frame times add up 0.1 s steps: one a hair short of a card change counts as at it (CardCycle does so).
    const double local = std::fmod(f.time + 1e-9, 6.0);
    const auto card = static_cast<std::size_t>((f.time + 1e-9) / 6.0) % n;
    INFO("t = " << f.time);
    if (local < 5.0 - 1e-9) {
      // Holding card `card`: no transition, the position and the track say so.
      CHECK(f.cycle.current == card);
      CHECK_FALSE(f.cycle.transitioning());
      CHECK(f.position == std::to_string(card + 1) + " / " + std::to_string(n));
      CHECK(f.progress.done.size() == card);
      CHECK(f.progress.pending.size() == n - 1 - card);
      // The crawl is off, so the track does not animate: the segment is full.
      CHECK(f.progress.current_fill.w == f.progress.current.w);
    } else {
      // In the transition from `card` to the next, eased from 0 to 1.
      CHECK(f.cycle.current == card);
      CHECK(f.cycle.next == (card + 1) % n);
      CHECK(f.cycle.transition == doctest::Approx(local - 5.0).epsilon(0.02));
    }
    CHECK(f.crawl_offset == -1);
    CHECK(f.time_text.size() == 5);  // "09:41", 24-hour
  }

  // A hold draws one frame (and one when the clock's minute turns); only
  // transitions draw at the frame rate: 10 frames per 1 s transition here.
  std::size_t in_holds = 0, in_transitions = 0;
  for (const SceneFrame& f : run.frames) (f.cycle.transitioning() ? in_transitions : in_holds) += 1;
  CHECK(in_transitions >= 9 * n - 2);
  CHECK(in_transitions <= 11 * n);
  CHECK(in_holds <= n + 2 + static_cast<std::size_t>(run.frames.back().time / 60.0) + 1);
  CHECK(run.presents == run.frames.size());
}

TEST_CASE("the clock in the header turns at the wall clock's minute, and only then a hold is redrawn") {
  firmware::SdlRuntime sdl("dummy");
  const firmware::ContentSession content = firmware::openContent("", false);
  firmware::SceneSettings settings = quietSettings();
  settings.hold_seconds = 100;  // card 0 holds across 09:42:00 (30 s after the start)
  const Run run = runLoop(content, settings, 640, 360, 95.0, 10);
  REQUIRE(run.frames.size() == 3);  // the first frame, 09:42, 09:43
  CHECK(run.frames[0].time_text == "09:41");
  CHECK(run.frames[1].time_text == "09:42");
  CHECK(run.frames[1].time == doctest::Approx(30.0).epsilon(0.001));
  CHECK(run.frames[2].time_text == "09:43");
  CHECK(run.frames[2].time == doctest::Approx(90.0).epsilon(0.001));
}

TEST_CASE("with the crawl on the progress fills with the hold, and the crawl moves speed x frame time") {
  firmware::SdlRuntime sdl("dummy");
  const firmware::ContentSession content = firmware::openContent("", false);
  firmware::SceneSettings settings = quietSettings();
  settings.screen.crawl = true;
  settings.crawl_speed = 120;  // px/s at 1080: 2 px per 60 Hz frame on a 1080p screen
  const Run run = runLoop(content, settings, 1920, 1080, 4.0, 60);
  REQUIRE(run.frames.size() >= 200);
  int period = 0;
  for (std::size_t k = 1; k < run.frames.size(); ++k) {
    const SceneFrame& a = run.frames[k - 1];
    const SceneFrame& b = run.frames[k];
    REQUIRE(b.crawl_offset >= 0);
    period = b.crawl_period;
    const double dt = b.time - a.time;
    CHECK(dt == doctest::Approx(1.0 / 60).epsilon(0.01));  // paced at the frame rate, none late
    const int moved = ((b.crawl_offset - a.crawl_offset) % period + period) % period;
    CHECK(moved == 2);
  }
  CHECK(period >= 1920);
  // Half way through the first hold the current segment is half filled.
  for (const SceneFrame& f : run.frames) {
    if (std::fabs(f.time - 2.5) < 0.5 / 60) {
      CHECK(f.progress.current_fill.w == doctest::Approx(f.progress.current.w * 0.5).epsilon(0.05));
    }
  }
  // Between card changes only the crawl and the track are composed.
  const auto partial = std::count_if(run.frames.begin(), run.frames.end(), [](const SceneFrame& f) { return !f.full; });
  CHECK(partial >= static_cast<long>(run.frames.size()) - 3);
}

TEST_CASE(
    "an Arabic feed's crawl reads right to left: it starts with the first item at the right end and moves right") {
  firmware::SdlRuntime sdl("dummy");
  const std::filesystem::path dir = freshFolder("rtl-crawl");
  std::filesystem::create_directories(dir / "posts");
  const char* titles[] = {"مكتبة الواجهة البحرية تفتح مساء الجمعة", "ورشة إصلاح الدراجات كل سبت",
                          "حافلات الليل تعود إلى خط الميناء"};
  for (int i = 0; i < 3; ++i) {
    std::ofstream(dir / "posts" / ("2026-12-0" + std::to_string(i + 1) + "-ar.md"))
        << "---\ntitle: " << titles[i] << "\ndate: 2026-12-0" << i + 1 << "\nlang: ar\nsource: Harbor City\n---\n";
  }
  const firmware::ContentSession content = firmware::openContent(dir.string(), false);
  firmware::SceneSettings settings = quietSettings();
  settings.screen.crawl = true;
  settings.hold_seconds = 3600;
  settings.crawl_speed = 120;  // 2 px per 60 Hz frame at 1080p
  const Run run = runLoop(content, settings, 1920, 1080, 1.0, 60);
  REQUIRE(run.frames.size() >= 50);
  const int period = run.frames.back().crawl_period;
  REQUIRE(period >= 1920);
  // The window over the strip starts at its right end: period - band width.
  CHECK(run.frames.front().crawl_offset == period - 1920);
  for (std::size_t k = 1; k < run.frames.size(); ++k) {
    const int moved = ((run.frames[k - 1].crawl_offset - run.frames[k].crawl_offset) % period + period) % period;
    CHECK(moved == 2);  // the window slides back: the text moves right
  }
}

TEST_CASE("the crawl loops without a seam: the frame at the loop point equals the first") {
  firmware::SdlRuntime sdl("dummy");
  const firmware::ContentSession content = firmware::openContent("", false);
  firmware::SceneSettings settings = quietSettings();
  settings.screen.crawl = true;
  settings.hold_seconds = 3600;  // nothing but the crawl moves
  settings.crawl_speed = 3000;   // a fast strip, so one loop passes quickly
  // First find the period, then run just past one loop keeping pictures.
  const Run probe = runLoop(content, settings, 640, 360, 0.5, 30);
  REQUIRE(probe.frames.size() > 2);
  const int period = probe.frames.back().crawl_period;
  REQUIRE(period > 0);
  const double speed = 3000.0 * 360 / 1080;  // px/s on this screen
  const double loop_seconds = period / speed;
  // The frame rate makes one frame land exactly on the loop point.
  const double fps = 1.0 / (loop_seconds / std::ceil(loop_seconds * 30));
  const Run run = runLoop(content, settings, 640, 360, loop_seconds + 0.5 / fps, fps, true);
  REQUIRE(run.pictures.size() >= 2);
  const SceneFrame& first = run.frames.front();
  CHECK(first.crawl_offset == 0);
  std::size_t at_loop = 0;
  for (std::size_t k = 1; k < run.frames.size(); ++k) {
    if (run.frames[k].crawl_offset == 0) at_loop = k;
  }
  REQUIRE(at_loop > 0);
  CHECK(run.frames[at_loop].time == doctest::Approx(loop_seconds).epsilon(0.01));
  // The crawl band (bottom of the screen) is the same picture again, pixel for pixel.
  const render::Rect band{0, 360 - 27, 640, 27};
  CHECK(sameRegion(*run.pictures.front(), *run.pictures[at_loop], band));
  // And in between it really moved.
  CHECK_FALSE(sameRegion(*run.pictures.front(), *run.pictures[at_loop / 2], band));
}

TEST_CASE("rotation 90 draws the same scene turned a quarter clockwise, laid out for portrait") {
  firmware::SdlRuntime sdl("dummy");
  const firmware::ContentSession content = firmware::openContent("", false);
  firmware::SceneSettings upright = quietSettings();
  firmware::SceneSettings turned = upright;
  turned.rotation = 90;
  // A landscape panel (640x360 output) mounted on its side shows a 360x640 portrait scene.
  const Run portrait = runLoop(content, upright, 360, 640, 1.0, 10, true);
  const Run rotated = runLoop(content, turned, 640, 360, 1.0, 10, true);
  REQUIRE_FALSE(portrait.pictures.empty());
  REQUIRE_FALSE(rotated.pictures.empty());
  CHECK(rotated.pictures[0]->w == 640);
  CHECK(rotated.pictures[0]->h == 360);
  render::SurfacePtr expected = render::rotateSurface(*portrait.pictures[0], 90);
  REQUIRE(expected);
  CHECK(sameRegion(*expected, *rotated.pictures[0], {0, 0, 640, 360}));
}

TEST_CASE("a slide transition pushes the old card out to the left as the new one comes in") {
  firmware::SdlRuntime sdl("dummy");
  const firmware::ContentSession content = firmware::openContent("", false);
  firmware::SceneSettings settings = quietSettings();
  settings.transition = firmware::TransitionKind::Slide;
  settings.screen.header = false;
  settings.screen.progress = false;
  const Run run = runLoop(content, settings, 640, 360, 6.0, 10, true);
  // The hold frame of card 0, and the transition frame half way (eased: 0.5 -> 0.5).
  const auto hold =
      std::find_if(run.frames.begin(), run.frames.end(), [](const SceneFrame& f) { return !f.cycle.transitioning(); });
  const auto middle = std::find_if(run.frames.begin(), run.frames.end(), [](const SceneFrame& f) {
    return f.cycle.transitioning() && std::fabs(f.cycle.transition - 0.5) < 0.01;
  });
  REQUIRE(hold != run.frames.end());
  REQUIRE(middle != run.frames.end());
  SDL_Surface& card0 = *run.pictures[hold - run.frames.begin()];
  SDL_Surface& mid = *run.pictures[middle - run.frames.begin()];
  // Column x of the middle frame is column x + 320 of card 0 (left half).
  int same = 0, total = 0;
  for (int y = 0; y < 360; y += 7) {
    for (int x = 0; x < 320; x += 5) {
      same += pixel(mid, x, y) == pixel(card0, x + 320, y);
      ++total;
    }
  }
  CHECK(same == total);
  // The right half is the next card's left half, not card 0.
  int moved = 0;
  for (int y = 0; y < 360; y += 7) {
    for (int x = 320; x < 640; x += 5) moved += pixel(mid, x, y) != pixel(card0, x, y);
  }
  CHECK(moved > 0);
}

TEST_CASE("a resized output is laid out again at its new size") {
  firmware::SdlRuntime sdl("dummy");
  const firmware::ContentSession content = firmware::openContent("", false);
  const Run run = runLoop(content, quietSettings(), 640, 360, 4.0, 10, true,
                          [](firmware::RecordingScreen& screen) { screen.resizeAt(2.0, 480, 640); });
  REQUIRE(run.pictures.size() >= 2);
  CHECK(run.pictures.front()->w == 640);
  CHECK(run.pictures.back()->w == 480);
  CHECK(run.pictures.back()->h == 640);
  CHECK(run.frames.back().time == doctest::Approx(2.0));
  CHECK(run.frames.back().full);
}

TEST_CASE("golden full screens: card, header with clock and progress, crawl") {
  firmware::SdlRuntime sdl("dummy");
  const firmware::ContentSession content = firmware::openContent("", false);
  struct Case {
    const char* name;
    int w, h, rotation;
  };
  for (const Case c : {Case{"screen-1920x1080", 1920, 1080, 0}, Case{"screen-1080x1920", 1080, 1920, 0},
                       Case{"screen-rotation-90", 1920, 1080, 90}}) {
    firmware::SceneSettings settings = quietSettings();
    settings.screen.crawl = true;
    settings.rotation = c.rotation;
    const Run run = runLoop(content, settings, c.w, c.h, 2.0, 1, true);
    REQUIRE_FALSE(run.pictures.empty());
    const GoldenResult golden = compareWithGolden(*run.pictures.back(), c.name, 24, 0.0005);
    CHECK_MESSAGE(golden.matches, golden.message);
  }
}

TEST_CASE("the screen schedule blanks the screen at the off time and wakes it on time, drawing nothing between") {
  firmware::SdlRuntime sdl("dummy");
  const firmware::ContentSession content = firmware::openContent("", false);
  firmware::SceneSettings settings = quietSettings();
  settings.hold_seconds = 600;  // nothing else changes for a while
  settings.schedule.enabled = true;
  // The clock starts at Tuesday 09:41:30 UTC; on 09:00-09:45, then off until 09:50 (a test-sized night).
  settings.schedule.on_minute = 9 * 60 + 50;
  settings.schedule.off_minute = 9 * 60 + 45;
  const Run run = runLoop(content, settings, 640, 360, 10 * 60.0, 10, true);
  // Frames: the first (on), the minutes 09:42..09:44, black at 09:45, then on again at 09:50.
  std::vector<const SceneFrame*> blanks, after;
  for (const SceneFrame& f : run.frames) {
    if (f.blank) blanks.push_back(&f);
    else if (f.time > 200) after.push_back(&f);
  }
  REQUIRE(blanks.size() == 1);
  CHECK(blanks[0]->time == doctest::Approx(210.0).epsilon(0.001));  // 09:45:00
  REQUIRE_FALSE(after.empty());
  CHECK(after.front()->time == doctest::Approx(510.0).epsilon(0.001));  // 09:50:00
  CHECK(after.front()->time_text == "09:50");
  // Nothing at all is drawn while the screen is off.
  for (const SceneFrame& f : run.frames) CHECK_FALSE((f.time > 210.5 && f.time < 509.5));
  // The black frame is black.
  const auto index = static_cast<std::size_t>(blanks[0] - run.frames.data());
  CHECK(pixel(*run.pictures[index], 320, 180) == 0xFF000000u);
  // The display itself is asked to go to standby at the off time and to wake at the on time (DPMS on a board).
  REQUIRE(run.power.size() == 2);
  CHECK(run.power[0].first == doctest::Approx(210.0).epsilon(0.001));
  CHECK_FALSE(run.power[0].second);
  CHECK(run.power[1].first == doctest::Approx(510.0).epsilon(0.001));
  CHECK(run.power[1].second);
}

TEST_CASE("a show from a first look: the rest of the feed joins without a jump, the card on screen holds on") {
  // File names do not follow the dates here, so the first look (the last two
  // names) is not the newest of the whole feed.
  firmware::SdlRuntime sdl("dummy");
  const std::filesystem::path dir = freshFolder("first-look");
  const char* days[] = {"06", "05", "04", "01", "02", "03"};  // p1.md .. p6.md
  for (int i = 0; i < 6; ++i) {
    const std::string name = "p" + std::to_string(i + 1);
    std::filesystem::create_directories(dir / "posts");
    std::ofstream(dir / "posts" / (name + ".md"))
        << "---\ntitle: Item " << name << "\ndate: 2026-11-" << days[i] << "\nsource: Test Desk\n---\nText.\n";
  }
  content::LoadLimits first;
  first.max_files_read = 2;
  const firmware::ContentSession start = firmware::openContent(dir.string(), false, first, false);
  REQUIRE_FALSE(start.complete);
  REQUIRE(start.playlist.size() == 2);
  REQUIRE(start.playlist[0].title == "Item p6");  // 2026-11-03, the newer of p5 and p6

  firmware::ManualClock clock(kWallOrigin);
  firmware::RecordingScreen screen(clock, 640, 360, 20.0, 10);
  firmware::SceneLoop loop(screen, clock, realFonts(), firmware::SharedContent(firmware::SharedContent(), &start),
                           quietSettings());
  int loads = 0;
  loop.reload = [&] {
    ++loads;
    return std::make_shared<firmware::ContentSession>(firmware::openContent(dir.string(), false, {}, false));
  };
  std::vector<SceneFrame> frames;
  loop.on_frame = [&](const SceneFrame& frame) { frames.push_back(frame); };
  loop.contentChanged(true);
  CHECK(loop.run() == 0);
  CHECK(loads == 1);

  REQUIRE(frames.size() > 3);
  CHECK(frames.front().posts == 2);
  CHECK(frames.back().posts == 6);
  // Whole feed, newest first: p1 p2 p3 p6 p5 p4. Item p6 stays on screen
  // for its whole hold (no transition before 5 s), then the cycle goes on
  // from its place in the whole feed.
  std::vector<std::string> shown;
  for (const SceneFrame& f : frames) {
    INFO("t = " << f.time << ", " << f.title);
    if (f.time < 5.0 - 1e-9) {
      CHECK(f.title == "Item p6");
      CHECK_FALSE(f.cycle.transitioning());
      CHECK_FALSE(f.swapping);
    }
    if (shown.empty() || shown.back() != f.title) shown.push_back(f.title);
  }
  REQUIRE(shown.size() >= 4);
  CHECK(shown[0] == "Item p6");
  CHECK(shown[1] == "Item p5");
  CHECK(shown[2] == "Item p4");
  CHECK(shown[3] == "Item p1");
  CHECK(frames.back().position.find(" / 6") != std::string::npos);
  std::filesystem::remove_all(dir);
}

namespace {

// Where the header, the card between the bands, and the crawl are on a `w` x `h` screen.
struct Bands {
  render::Rect header, card, crawl;
};

Bands bandsOf(const firmware::SceneSettings& settings, int w, int h) {
  const render::ScreenGeometry g = render::layoutScreen(w, h, settings.screen);
  const int card_top = g.header.y + g.header.h;
  const int card_bottom = g.progress.h > 0 ? g.progress.y : g.crawl.h > 0 ? g.crawl.y : h;
  return {g.header, {0, card_top, w, card_bottom - card_top}, g.crawl};
}

// True when every pixel of `r` has one colour: a plain band, nothing drawn on it.
bool plain(SDL_Surface& s, const render::Rect& r) {
  const Uint32 first = pixel(s, r.x, r.y);
  for (int y = r.y; y < r.y + r.h; ++y) {
    for (int x = r.x; x < r.x + r.w; ++x) {
      if (pixel(s, x, y) != first) return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("a page-flipped screen of 2 or 3 buffers shows every frame as a screen that keeps its picture does") {
  firmware::SdlRuntime sdl("dummy");
  const firmware::ContentSession content = firmware::openContent("", false);
  firmware::SceneSettings settings = quietSettings();
  settings.screen.crawl = true;
  settings.hold_seconds = 1.5;
  settings.transition_seconds = 0.5;
  settings.crawl_speed = 600;
  // Two card changes and crawl-only frames between them.
  const Run kept = runLoop(content, settings, 480, 270, 4.5, 20, true);
  REQUIRE(kept.frames.size() > 60);
  const auto partial =
      std::count_if(kept.frames.begin(), kept.frames.end(), [](const SceneFrame& f) { return !f.full; });
  REQUIRE(partial > 20);  // the single buffer repaints only the bands between changes
  for (int buffers : {2, 3}) {
    const Run flipped = runLoop(content, settings, 480, 270, 4.5, 20, true,
                                [buffers](firmware::RecordingScreen& screen) { screen.flipBuffers(buffers); });
    REQUIRE(flipped.pictures.size() == kept.pictures.size());
    for (std::size_t k = 0; k < kept.pictures.size(); ++k) {
      INFO(buffers << " buffers, frame " << k << " at t = " << kept.frames[k].time);
      REQUIRE(sameRegion(*flipped.pictures[k], *kept.pictures[k], {0, 0, 480, 270}));
      // After a whole frame the next buffers - 1 are whole too; then only the bands again.
      if (k >= static_cast<std::size_t>(buffers) && !kept.frames[k].full) {
        bool recent_whole = false;
        for (std::size_t j = k - buffers + 1; j < k; ++j) recent_whole = recent_whole || kept.frames[j].full;
        CHECK(flipped.frames[k].full == recent_whole);
      }
    }
  }
}

TEST_CASE("threaded preparation on the manual clock: cards in order, the header's position changes with its card") {
  firmware::SdlRuntime sdl("dummy");
  const firmware::ContentSession content = firmware::openContent("", false);
  firmware::SceneSettings settings = quietSettings();
  settings.screen.clock = false;  // the header shows the feed and the position only: one picture per card
  settings.hold_seconds = 2;
  settings.transition_seconds = 0.5;
  const Bands bands = bandsOf(settings, 640, 360);
  REQUIRE(bands.header.h > 0);

  // The reference: each card and its header as the unthreaded loop draws them.
  const Run reference = runLoop(content, settings, 640, 360, 10.5, 10, true);
  std::map<std::size_t, SDL_Surface*> card_picture;
  for (std::size_t k = 0; k < reference.frames.size(); ++k) {
    const SceneFrame& f = reference.frames[k];
    if (f.full && !f.cycle.transitioning() && !card_picture.count(f.cycle.current)) {
      card_picture[f.cycle.current] = reference.pictures[k].get();
    }
  }
  REQUIRE(card_picture.size() >= 4);

  // The worker prepares in real time while the clock only moves when the loop sleeps.
  settings.threaded = true;
  const Run threaded = runLoop(content, settings, 640, 360, 10.5, 10, true,
                               [](firmware::RecordingScreen& screen) { screen.waitForWork(0.02); });
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < threaded.frames.size(); ++k) {
    const SceneFrame& f = threaded.frames[k];
    if (order.empty() || order.back() != f.cycle.current) order.push_back(f.cycle.current);
    const std::size_t shown = firmware::cardShownAt(f.cycle);
    if (!card_picture.count(f.cycle.current) || !card_picture.count(shown)) continue;
    SDL_Surface& expected = *card_picture[f.cycle.current];
    INFO("frame " << k << " at t = " << f.time << ", card " << f.cycle.current << ", position " << f.position);
    // Every frame's header is its card's (from a transition's midpoint the
    // next card's), the first frame of a new card too.
    CHECK(sameRegion(*threaded.pictures[k], *card_picture[shown], bands.header));
    if (!f.cycle.transitioning()) CHECK(sameRegion(*threaded.pictures[k], expected, bands.card));
  }
  REQUIRE(order.size() >= 3);
  for (std::size_t i = 0; i < order.size(); ++i) CHECK(order[i] == i);
  // A card late in real time holds the one on screen: holds only grow.
  for (std::size_t i = 1; i + 1 < order.size(); ++i) {
    const auto first = std::find_if(threaded.frames.begin(), threaded.frames.end(),
                                    [&](const SceneFrame& f) { return f.cycle.current == order[i]; });
    const auto leaving =
        std::find_if(first, threaded.frames.end(), [](const SceneFrame& f) { return f.cycle.transitioning(); });
    REQUIRE(leaving != threaded.frames.end());
    CHECK(leaving->time - first->time >= 2.0 - 1e-6);
  }
}

TEST_CASE("threaded reloads: the header and the crawl never go blank while the new feed is prepared") {
  firmware::SdlRuntime sdl("dummy");
  const std::filesystem::path dir = freshFolder("reload-bands");
  std::filesystem::create_directories(dir / "posts");
  const auto write = [&](int i) {
    std::ofstream(dir / "posts" / ("p" + std::to_string(i) + ".md"))
        << "---\ntitle: Harbour item " << i << "\ndate: 2026-11-0" << i << "\nsource: Test Desk\n---\nText.\n";
  };
  for (int i = 1; i <= 3; ++i) write(i);
  const auto start = std::make_shared<firmware::ContentSession>(firmware::openContent(dir.string(), false));
  firmware::SceneSettings settings = quietSettings();
  settings.threaded = true;
  settings.screen.crawl = true;
  settings.hold_seconds = 2;
  settings.transition_seconds = 0.5;
  const Bands bands = bandsOf(settings, 640, 360);

  firmware::ManualClock clock(kWallOrigin);
  firmware::RecordingScreen screen(clock, 640, 360, 14.0, 20);
  screen.waitForWork(0.02);
  firmware::SceneLoop loop(screen, clock, realFonts(), start, settings);
  loop.reload = [&] { return std::make_shared<firmware::ContentSession>(firmware::openContent(dir.string(), false)); };
  // At 3 s a post is added (the card on screen stays: the new feed goes on
  // from it); at 8 s every post is replaced (the new feed swaps in).
  int reloads = 0;
  loop.on_wake = [&](double now) {
    if (now >= 3.0 && reloads == 0) {
      ++reloads;
      write(4);
      loop.contentChanged(true);
    } else if (now >= 8.0 && reloads == 1) {
      ++reloads;
      for (int i = 1; i <= 4; ++i) std::filesystem::remove(dir / "posts" / ("p" + std::to_string(i) + ".md"));
      for (int i = 5; i <= 7; ++i) write(i);
      loop.contentChanged(true);
    }
    return reloads == 0 ? 3.0 : reloads == 1 ? 8.0 : INFINITY;
  };
  SDL_Surface* last = nullptr;
  screen.on_present = [&](SDL_Surface& frame, double) { last = &frame; };
  std::vector<SceneFrame> frames;
  bool crawl_seen = false;
  int blank_headers = 0, blank_crawls = 0, swapping = 0;
  loop.on_frame = [&](const SceneFrame& frame) {
    frames.push_back(frame);
    swapping += frame.swapping ? 1 : 0;
    blank_headers += plain(*last, bands.header) ? 1 : 0;
    // The crawl band is plain until its first strip is ready; never again after that.
    const bool crawl_plain = plain(*last, bands.crawl);
    if (crawl_seen && crawl_plain) ++blank_crawls;
    crawl_seen = crawl_seen || !crawl_plain;
  };
  CHECK(loop.run() == 0);
  REQUIRE(reloads == 2);
  REQUIRE_FALSE(frames.empty());
  CHECK(frames.front().posts == 3);
  CHECK(std::any_of(frames.begin(), frames.end(), [](const SceneFrame& f) { return f.posts == 4; }));
  CHECK(frames.back().posts == 3);
  const std::string& last_title = frames.back().title;
  CHECK((last_title == "Harbour item 5" || last_title == "Harbour item 6" || last_title == "Harbour item 7"));
  CHECK(swapping > 0);
  CHECK(crawl_seen);
  CHECK(blank_headers == 0);
  CHECK(blank_crawls == 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE(
    "a reload keeps the position: the card on screen stays, the cycle goes on with the next card of the new list") {
  // Issue 27, item 5: any reload restarted the cycle at card 1, so a feed
  // that changes every minute never showed its later cards.
  firmware::SdlRuntime sdl("dummy");
  const std::filesystem::path dir = freshFolder("reload-position");
  std::filesystem::create_directories(dir / "posts");
  const auto post = [&](const std::string& name, const std::string& day) {
    std::ofstream(dir / "posts" / (name + ".md"))
        << "---\ntitle: Item " << name << "\ndate: 2026-11-" << day << "\nsource: Test Desk\n---\nText.\n";
  };
  post("p1", "04");
  post("p2", "03");
  post("p3", "02");
  post("p4", "01");
  const firmware::ContentSession start = firmware::openContent(dir.string(), false, {}, false);
  REQUIRE(start.playlist.size() == 4);
  firmware::ManualClock clock(kWallOrigin);
  firmware::RecordingScreen screen(clock, 640, 360, 20.0, 10);
  firmware::SceneLoop loop(screen, clock, realFonts(), firmware::SharedContent(firmware::SharedContent(), &start),
                           quietSettings());
  loop.reload = [&] {
    return std::make_shared<firmware::ContentSession>(firmware::openContent(dir.string(), false, {}, false));
  };
  std::vector<SceneFrame> frames;
  bool changed = false;
  loop.on_frame = [&](const SceneFrame& frame) {
    frames.push_back(frame);
    if (!changed && frame.time >= 7.0) {  // during card 2's hold (Item p2): a new newest post arrives
      changed = true;
      post("p0", "05");
      loop.contentChanged(true);
    }
  };
  CHECK(loop.run() == 0);
  REQUIRE(changed);
  std::vector<std::string> shown;
  for (const SceneFrame& f : frames) {
    if (shown.empty() || shown.back() != f.title) shown.push_back(f.title);
  }
  INFO(shown.size());
  REQUIRE(shown.size() >= 4);
  // p1, p2 (the reload comes), p2 goes on holding, then p3: not p0, the new first card.
  CHECK(shown[0] == "Item p1");
  CHECK(shown[1] == "Item p2");
  CHECK(shown[2] == "Item p3");
  CHECK(shown[3] == "Item p4");
  CHECK(frames.back().posts == 5);
  for (const SceneFrame& f : frames) CHECK_FALSE(f.swapping);
  std::filesystem::remove_all(dir);
}
