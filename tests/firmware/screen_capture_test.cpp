// SPDX-License-Identifier: Apache-2.0
// The screen capture: a request makes the loop compose a whole frame, which
// is read back before it is presented and written as screen.png; the PNG
// holds exactly the frame the screen got. And SIGUSR1 is such a request.
#include <doctest/doctest.h>

#include <SDL_image.h>
#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "ShellCommand.hpp"
#include "TestFolders.hpp"
#include "firmware/Clock.hpp"
#include "firmware/ContentSession.hpp"
#include "firmware/DisplayServices.hpp"
#include "firmware/FleetCommands.hpp"
#include "firmware/RecordingScreen.hpp"
#include "firmware/SceneLoop.hpp"
#include "firmware/ScreenCapture.hpp"
#include "firmware/SdlRuntime.hpp"
#include "tests/render/RealFonts.hpp"

using namespace newsticker;
namespace fs = std::filesystem;

namespace {

constexpr std::time_t kWallOrigin = 1795513290;  // 2026-11-24 09:41:30 UTC

firmware::SceneSettings captureSettings() {
  firmware::SceneSettings settings;
  settings.threaded = false;
  settings.hold_seconds = 5;
  settings.transition_seconds = 1;
  settings.clock.time_zone = "UTC";
  settings.clock.language = "en";
  return settings;  // the crawl on: frames where only the crawl band is drawn come too
}

// The RGB of every pixel of `a` and `b` (any formats) agree.
bool sameRgb(SDL_Surface& a, SDL_Surface& b) {
  if (a.w != b.w || a.h != b.h) return false;
  render::SurfacePtr x(SDL_ConvertSurfaceFormat(&a, SDL_PIXELFORMAT_RGB888, 0));
  render::SurfacePtr y(SDL_ConvertSurfaceFormat(&b, SDL_PIXELFORMAT_RGB888, 0));
  for (int row = 0; row < a.h; ++row) {
    const auto* p = reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(x->pixels) + row * x->pitch);
    const auto* q = reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(y->pixels) + row * y->pitch);
    for (int col = 0; col < a.w; ++col) {
      if ((p[col] & 0xFFFFFF) != (q[col] & 0xFFFFFF)) return false;
    }
  }
  return true;
}

struct CaptureRun {
  render::SurfacePtr presented;  // the frame presented right after the capture
  double captured_at = -1;       // loop time of that frame
  int presents_after_request = -1;
};

// The demo feed's loop on a `w` x `h` recording screen with `rotation`; at
// `request_at` seconds a capture is asked for, written into `folder`.
CaptureRun runWithCapture(const fs::path& folder, int w, int h, int rotation, double request_at) {
  const firmware::ContentSession content = firmware::openContent("", false);
  firmware::ManualClock clock(kWallOrigin);
  firmware::RecordingScreen recording(clock, w, h, request_at + 3, 30);
  firmware::RenderWorker writer(false, {});
  firmware::ScreenCapture capture(folder.string(), rotation, writer, false);
  firmware::CapturingScreen screen(recording, capture);
  firmware::SceneSettings settings = captureSettings();
  settings.rotation = rotation;
  firmware::SceneLoop loop(screen, clock, realFonts(), firmware::SharedContent(firmware::SharedContent(), &content),
                           settings);
  CaptureRun run;
  bool requested = false;
  int presents = 0;
  loop.on_wake = [&](double now) {
    if (!requested && now >= request_at) {
      requested = true;
      capture.request();
    }
    return requested ? INFINITY : request_at;
  };
  recording.on_present = [&](SDL_Surface& frame, double time) {
    if (requested) ++presents;
    if (requested && !run.presented && capture.lastWritten() > 0) {
      run.presented.reset(SDL_ConvertSurfaceFormat(&frame, SDL_PIXELFORMAT_ARGB8888, 0));
      run.captured_at = time;
      run.presents_after_request = presents;
    }
  };
  CHECK(loop.run() == 0);
  return run;
}

}  // namespace

TEST_CASE("a capture asked for mid-hold writes screen.png equal to the frame composed for the screen") {
  firmware::SdlRuntime sdl("dummy");
  const fs::path folder = freshFolder("capture");
  fs::create_directories(folder);
  // 2.3 s: a card holds and the crawl moves (partial frames), so the
  // request has to bring a whole frame of its own.
  const CaptureRun run = runWithCapture(folder, 640, 360, 0, 2.3);
  REQUIRE(run.presented);
  // The next whole frame, composed at once (after at most the crawl frame
  // already under way), not at the next card.
  CHECK(run.presents_after_request <= 2);
  CHECK(run.captured_at < 2.3 + 1.0 / 30 + 1e-9);
  render::SurfacePtr png(IMG_Load((folder / "screen.png").c_str()));
  REQUIRE(png);
  CHECK(png->w == 640);
  CHECK(png->h == 360);
  CHECK(sameRgb(*png, *run.presented));
  CHECK((fs::status(folder / "screen.png").permissions() & fs::perms::others_read) != fs::perms::none);
  // Nothing but the PNG is left behind (the write went through a temporary file).
  CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 1);
}

TEST_CASE("a panel turned 90 degrees is captured upright: the frame turned back") {
  firmware::SdlRuntime sdl("dummy");
  const fs::path folder = freshFolder("capture-rotated");
  fs::create_directories(folder);
  const CaptureRun run = runWithCapture(folder, 360, 640, 90, 1.0);
  REQUIRE(run.presented);
  render::SurfacePtr png(IMG_Load((folder / "screen.png").c_str()));
  REQUIRE(png);
  CHECK(png->w == 640);
  CHECK(png->h == 360);
  render::SurfacePtr upright = render::rotateSurface(*run.presented, 270);
  REQUIRE(upright);
  CHECK(sameRgb(*png, *upright));
}

TEST_CASE("SIGUSR1 asks for a capture; the listener stops and gives the signal back") {
  firmware::SdlRuntime sdl("dummy");
  const fs::path folder = freshFolder("capture-signal");
  fs::create_directories(folder);
  firmware::RenderWorker writer(false, {});
  {
    firmware::ScreenCapture capture(folder.string(), 0, writer, true);
    CHECK_FALSE(capture.pending());
    REQUIRE(raise(SIGUSR1) == 0);
    for (int i = 0; i < 100 && !capture.pending(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(capture.pending());
    firmware::ManualClock clock;
    firmware::RecordingScreen screen(clock, 64, 48, 1);
    SDL_SetRenderDrawColor(&screen.renderer(), 200, 40, 10, 255);
    SDL_RenderClear(&screen.renderer());
    capture.composed(screen.renderer());
    CHECK_FALSE(capture.pending());
  }
  render::SurfacePtr png(IMG_Load((folder / "screen.png").c_str()));
  REQUIRE(png);
  CHECK(png->w == 64);
  render::SurfacePtr argb(SDL_ConvertSurfaceFormat(png.get(), SDL_PIXELFORMAT_ARGB8888, 0));
  Uint8 r = 0, g = 0, b = 0;
  SDL_GetRGB(*static_cast<Uint32*>(argb->pixels), argb->format, &r, &g, &b);
  CHECK(r == 200);
  CHECK(g == 40);
  CHECK(b == 10);
  struct sigaction now {};
  sigaction(SIGUSR1, nullptr, &now);
  CHECK((now.sa_handler == SIG_DFL));
}

TEST_CASE("the runtime folder: systemd's RUNTIME_DIRECTORY, else XDG_RUNTIME_DIR/newsticker") {
  const fs::path folder = freshFolder("runtime");
  fs::create_directories(folder);
  setenv("RUNTIME_DIRECTORY", (folder.string() + ":/elsewhere").c_str(), 1);
  CHECK(firmware::displayRuntimeDirectory() == folder.string());
  CHECK(firmware::findRuntimeDirectory("") == folder.string());
  CHECK(firmware::findRuntimeDirectory("/given") == "/given");
  unsetenv("RUNTIME_DIRECTORY");
  setenv("XDG_RUNTIME_DIR", folder.c_str(), 1);
  CHECK(firmware::displayRuntimeDirectory() == (folder / "newsticker").string());
  CHECK(fs::is_directory(folder / "newsticker"));
  CHECK(firmware::findRuntimeDirectory("") == "/run/newsticker");  // no display left its pid file there
  std::ofstream(folder / "newsticker" / "newsticker.pid") << "1\n";
  CHECK(firmware::findRuntimeDirectory("") == (folder / "newsticker").string());
  unsetenv("XDG_RUNTIME_DIR");
  CHECK(firmware::displayRuntimeDirectory().empty());
}

TEST_CASE("the running program: screen-capture gets its picture within a second; status reads its metrics") {
  const fs::path dir = freshFolder("capture-daemon");
  fs::create_directories(dir / "run");
  fs::create_directories(dir / "metrics");
  std::ofstream(dir / "config.yaml") << "metrics_dir: " << (dir / "metrics").string() << "\nduration: 30\n";
  const std::string env = "XDG_RUNTIME_DIR=" + (dir / "run").string() + " ";
  const std::string program = NEWSTICKER_BINARY;
  REQUIRE(runCommand("cd " + dir.string() + " && " + env + program +
                     " --config config.yaml --headless >display.log 2>&1 & echo $! > " + (dir / "pid").string())
              .second == 0);
  long pid = 0;
  std::ifstream(dir / "pid") >> pid;
  REQUIRE(pid > 1);
  const fs::path pid_file = dir / "run" / "newsticker" / "newsticker.pid";
  for (int i = 0; i < 200 && !(fs::exists(pid_file) && fs::exists(dir / "metrics" / "newsticker.prom")); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  REQUIRE(fs::exists(pid_file));

  const auto start = std::chrono::steady_clock::now();
  const auto [printed, status] = runCommand(env + program + " screen-capture 2>&1");
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(status == 0);
  CHECK(printed == (dir / "run" / "newsticker" / "screen.png").string() + "\n");
  CHECK(took < 1.0);
  render::SurfacePtr png(IMG_Load((dir / "run" / "newsticker" / "screen.png").c_str()));
  CHECK(png);

  const auto [report, report_status] = runCommand(program + " status --metrics-dir " + (dir / "metrics").string());
  CHECK(report_status == 0);
  CHECK(report.rfind("display:  on; newsticker ", 0) == 0);
  CHECK(report.find("\ncard:     1 of ") != std::string::npos);
  CHECK(report.find("\nsync:     not reported") != std::string::npos);

  kill(static_cast<pid_t>(pid), SIGTERM);
  for (int i = 0; i < 100 && kill(static_cast<pid_t>(pid), 0) == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK_FALSE(fs::exists(pid_file));  // removed on the way out
  const auto [gone, gone_status] =
      runCommand(program + " screen-capture --runtime-dir " + pid_file.parent_path().string() + " 2>&1");
  CHECK(gone_status == 1);
  CHECK(gone.find("screen-capture: no running display: cannot read " + pid_file.string()) != std::string::npos);
}

TEST_CASE("the capturing screen passes display power (DPMS on a board) through to the real screen") {
  firmware::SdlRuntime sdl("dummy");
  firmware::ManualClock clock(kWallOrigin);
  firmware::RecordingScreen recording(clock, 64, 64, 1.0, 30);
  firmware::RenderWorker writer(false, {});
  firmware::ScreenCapture capture(freshFolder("capture-power").string(), 0, writer, false);
  firmware::CapturingScreen screen(recording, capture);
  CHECK_FALSE(screen.setDisplayPower(false));  // a recording cannot switch a display: it says so
  CHECK(screen.setDisplayPower(true) == false);
  REQUIRE(recording.power_log.size() == 2);
  CHECK_FALSE(recording.power_log[0].second);
  CHECK(recording.power_log[1].second);
}
