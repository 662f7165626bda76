// SPDX-License-Identifier: Apache-2.0
// The real screen under SDL's dummy driver: how often it wakes while idle
// (slices of at most 0.1 s, not SDL's 1 ms polling), and which pushed SDL
// events make the loop draw the whole frame again.
#include <doctest/doctest.h>

#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

#include "firmware/Clock.hpp"
#include "firmware/ContentSession.hpp"
#include "firmware/SceneLoop.hpp"
#include "firmware/SdlRuntime.hpp"
#include "firmware/SdlScreen.hpp"
#include "firmware/Sleeper.hpp"
#include "tests/render/RealFonts.hpp"

using namespace newsticker;

namespace {

// Sleeps by moving a manual clock, and counts the sleeps.
class ClockSleeper final : public firmware::Sleeper {
 public:
  explicit ClockSleeper(firmware::ManualClock& clock) : clock_(clock) {}
  bool sleepFor(double seconds) override {
    ++sleeps;
    longest = std::max(longest, seconds);
    clock_.advanceTo(clock_.now() + seconds);
    return false;
  }
  void wake() override {}
  int sleeps = 0;
  double longest = 0;

 private:
  firmware::ManualClock& clock_;
};

firmware::WindowRequest smallWindow() {
  firmware::WindowRequest request;
  request.windowed = true;
  request.width = 320;
  request.height = 180;
  request.renderer = firmware::RendererChoice::Software;
  return request;
}

// This thread's voluntary context switches so far: one per sleep it took.
long voluntarySwitches() {
  rusage usage{};
  getrusage(RUSAGE_THREAD, &usage);
  return usage.ru_nvcsw;
}

void pushQuit() {
  SDL_Event quit{};
  quit.type = SDL_QUIT;
  SDL_PushEvent(&quit);
}

}  // namespace

TEST_CASE("an idle screen sleeps in slices of at most 0.1 s: 10 wake-ups a second") {
  firmware::SdlRuntime sdl("dummy");
  firmware::ManualClock clock;
  ClockSleeper sleeper(clock);
  firmware::SdlScreen screen(smallWindow(), clock, &sleeper);
  CHECK(screen.bufferCount() == 1);  // the software renderer keeps its window surface
  screen.waitUntil(0);               // the window's own first events
  sleeper.sleeps = 0;
  CHECK(screen.waitUntil(10.0).empty());
  CHECK(clock.now() == doctest::Approx(10.0));
  CHECK(sleeper.sleeps >= 100);
  CHECK(sleeper.sleeps <= 101);
  CHECK(sleeper.longest <= 0.1 + 1e-9);
  // An event ends the wait at the next slice.
  pushQuit();
  const std::vector<firmware::ScreenEvent> events = screen.waitUntil(20.0);
  REQUIRE(events.size() == 1);
  CHECK(events[0] == firmware::ScreenEvent::Quit);
  CHECK(clock.now() == doctest::Approx(10.0));
  // So does an SDL_USEREVENT (a screen capture's request), with no event to report.
  SDL_Event user{};
  user.type = SDL_USEREVENT;
  SDL_PushEvent(&user);
  sleeper.sleeps = 0;
  CHECK(screen.waitUntil(20.0).empty());
  CHECK(sleeper.sleeps == 0);
  CHECK(clock.now() == doctest::Approx(10.0));
}

TEST_CASE("the idle loop on the real clock takes a handful of sleeps a second, not SDL's thousand") {
  firmware::SdlRuntime sdl("dummy");
  const firmware::ContentSession content = firmware::openContent("", false);
  firmware::SystemClock clock;
  firmware::SdlScreen screen(smallWindow(), clock);
  firmware::SceneSettings settings;
  settings.threaded = false;
  settings.hold_seconds = 3600;  // after the first frame nothing changes
  settings.screen.clock = false;
  settings.screen.crawl = false;
  firmware::SceneLoop loop(screen, clock, realFonts(), firmware::SharedContent(firmware::SharedContent(), &content),
                           settings);
  long switches_at_first_frame = -1;
  double first_frame_at = 0;
  int frames = 0;
  loop.on_frame = [&](const firmware::SceneFrame&) {
    if (++frames == 1) {
      switches_at_first_frame = voluntarySwitches();
      first_frame_at = clock.now();
    }
  };
  loop.on_wake = [&](double now) {
    if (frames > 0 && now >= first_frame_at + 1.0) pushQuit();
    return frames > 0 ? first_frame_at + 1.0 : INFINITY;
  };
  CHECK(loop.run() == 0);
  const long sleeps = voluntarySwitches() - switches_at_first_frame;
  MESSAGE("idle loop: " << sleeps << " sleeps in " << clock.now() - first_frame_at << " s");
  CHECK(frames >= 1);
  CHECK(sleeps <= 25);  // 10 slices a second, and some slack for the system
}

TEST_CASE("with the screen off by the schedule the loop draws once and wakes 10 times a second (manual clock)") {
  firmware::SdlRuntime sdl("dummy");
  const firmware::ContentSession content = firmware::openContent("", false);
  firmware::ManualClock clock(1795513290);  // Tuesday 09:41:30 UTC
  ClockSleeper sleeper(clock);
  firmware::SdlScreen screen(smallWindow(), clock, &sleeper);
  firmware::SceneSettings settings;
  settings.threaded = false;
  settings.clock.time_zone = "UTC";
  settings.schedule.enabled = true;
  settings.schedule.on_minute = 10 * 60;  // off from 09:00 to 10:00
  settings.schedule.off_minute = 9 * 60;
  screen.waitUntil(0);  // the window's own first events (shown, exposed) would draw black once more
  firmware::SceneLoop loop(screen, clock, realFonts(), firmware::SharedContent(firmware::SharedContent(), &content),
                           settings);
  int frames = 0, blank = 0, passes = 0;
  loop.on_frame = [&](const firmware::SceneFrame& frame) {
    ++frames;
    blank += frame.blank ? 1 : 0;
  };
  loop.on_wake = [&](double now) {
    ++passes;
    if (now >= 60.0) pushQuit();
    return 60.0;
  };
  sleeper.sleeps = 0;
  CHECK(loop.run() == 0);
  CHECK(frames == 1);
  CHECK(blank == 1);
  CHECK(clock.now() == doctest::Approx(60.0));
  CHECK(sleeper.sleeps <= 60 * 10 + 2);  // SDL 2.26's wait on KMSDRM: 60,000 polls
  CHECK(sleeper.longest <= 0.1 + 1e-9);
  CHECK(passes <= 3);  // the loop itself runs at the first frame and at its deadline
}

TEST_CASE("a wake-up from another thread ends the screen's sleep at once") {
  firmware::SdlRuntime sdl("dummy");
  firmware::SystemClock clock;
  firmware::SdlScreen screen(smallWindow(), clock);
  screen.waitUntil(0);
  std::thread waker([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    screen.wake();
  });
  const double start = clock.now();
  CHECK(screen.waitUntil(start + 5.0).empty());
  waker.join();
  CHECK(clock.now() - start < 1.0);
}

TEST_CASE("the thread sleeper: a full sleep, a wake-up before it, and one during it") {
  firmware::ThreadSleeper sleeper;
  const auto since = [](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  };
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(sleeper.sleepFor(0.05));
  CHECK(since(start) >= 0.05);
  sleeper.wake();
  start = std::chrono::steady_clock::now();
  CHECK(sleeper.sleepFor(5.0));
  CHECK(since(start) < 1.0);
  std::thread waker([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    sleeper.wake();
  });
  start = std::chrono::steady_clock::now();
  CHECK(sleeper.sleepFor(5.0));
  waker.join();
  CHECK(since(start) < 1.0);
}

TEST_CASE("after each pushed event that loses or damages the picture the next frame is whole") {
  firmware::SdlRuntime sdl("dummy");
  const firmware::ContentSession content = firmware::openContent("", false);
  firmware::ManualClock clock(1795513290);
  ClockSleeper sleeper(clock);
  firmware::SdlScreen screen(smallWindow(), clock, &sleeper);
  firmware::SceneSettings settings;
  settings.threaded = false;
  settings.hold_seconds = 3600;
  settings.screen.crawl = true;  // between events only the crawl and the track are drawn
  settings.clock.time_zone = "UTC";
  firmware::SceneLoop loop(screen, clock, realFonts(), firmware::SharedContent(firmware::SharedContent(), &content),
                           settings);
  struct Push {
    const char* name;
    Uint32 type;
    Uint8 event;
  };
  const std::vector<Push> pushes = {
      {"render targets reset", SDL_RENDER_TARGETS_RESET, 0},
      {"render device reset", SDL_RENDER_DEVICE_RESET, 0},
      {"window exposed", SDL_WINDOWEVENT, SDL_WINDOWEVENT_EXPOSED},
      {"window size changed (same size)", SDL_WINDOWEVENT, SDL_WINDOWEVENT_SIZE_CHANGED},
      {"window restored", SDL_WINDOWEVENT, SDL_WINDOWEVENT_RESTORED},
      {"window shown", SDL_WINDOWEVENT, SDL_WINDOWEVENT_SHOWN},
      {"display connected", SDL_DISPLAYEVENT, SDL_DISPLAYEVENT_CONNECTED},
      {"display disconnected", SDL_DISPLAYEVENT, SDL_DISPLAYEVENT_DISCONNECTED},
      {"display orientation", SDL_DISPLAYEVENT, SDL_DISPLAYEVENT_ORIENTATION},
  };
  std::vector<firmware::SceneFrame> frames;
  std::vector<std::size_t> pushed_at;  // the frame each event was pushed after
  loop.on_frame = [&](const firmware::SceneFrame& frame) {
    frames.push_back(frame);
    // One push a second from 1 s on (crawl frames between), after a frame
    // was shown, so the loop takes it in the sleep that follows; then quit.
    const double due = 1.0 + static_cast<double>(pushed_at.size());
    if (pushed_at.size() < pushes.size() && frame.time >= due) {
      const Push& push = pushes[pushed_at.size()];
      SDL_Event event{};
      event.type = push.type;
      if (push.type == SDL_WINDOWEVENT) {
        event.window.event = push.event;
        event.window.windowID = 1;
      }
      if (push.type == SDL_DISPLAYEVENT) event.display.event = push.event;
      SDL_PushEvent(&event);
      pushed_at.push_back(frames.size() - 1);
    } else if (pushed_at.size() == pushes.size() && frame.time >= due) {
      pushQuit();
    }
  };
  CHECK(loop.run() == 0);
  REQUIRE(pushed_at.size() == pushes.size());
  for (std::size_t i = 0; i < pushes.size(); ++i) {
    const std::size_t at = pushed_at[i];
    INFO(std::string(pushes[i].name) << ", frames " << at << ".." << at + 2 << " at t = " << frames[at].time);
    REQUIRE(at + 2 < frames.size());
    CHECK_FALSE(frames[at].full);  // the crawl moving: only its band was drawn
    CHECK(frames[at + 1].full);    // after the event: everything
    // Then the bands again (a device reset prepares everything anew: the
    // crawl's tiles come in over the next frames, each a whole frame).
    if (pushes[i].type != SDL_RENDER_DEVICE_RESET) CHECK_FALSE(frames[at + 2].full);
  }
}
