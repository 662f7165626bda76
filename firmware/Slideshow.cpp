// SPDX-License-Identifier: Apache-2.0
#include "firmware/Slideshow.hpp"

#include "firmware/KmsDisplay.hpp"

#include <SDL.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <memory>
#include <optional>
#include <stdexcept>
#include <thread>

#include "content/PrintableText.hpp"
#include "firmware/Clock.hpp"
#include "firmware/ContentWatcher.hpp"
#include "firmware/DisplayServices.hpp"
#include "firmware/Log.hpp"
#include "firmware/ProgressWatch.hpp"
#include "firmware/SceneLoop.hpp"
#include "firmware/SdlRuntime.hpp"
#include "firmware/SdlScreen.hpp"
#include "firmware/ServiceNotifier.hpp"
#include "render/DecodeDeadline.hpp"
#include "render/FontCache.hpp"

namespace newsticker::firmware {

SceneSettings sceneSettingsFor(const Options& options, const ContentSession& content) {
  SceneSettings settings = options.scene;
  settings.hold_seconds = options.duration_seconds;
  settings.fallback_language = fallbackLanguage(content, options.language);
  if (settings.clock.language.empty()) settings.clock.language = settings.fallback_language;
  // One convention for the screen: the feed's own times say 24 or 12 hours (unless the config
  // does), and an English date's order follows them.
  std::vector<std::string> texts;
  for (const content::Post& post : content.playlist) {
    texts.push_back(post.title);
    texts.push_back(post.summary);
  }
  const render::ClockConvention convention =
      render::clockConventionFor(settings.clock.language, texts, render::systemLocale(), settings.clock.hours);
  settings.clock.hours = convention.hours;
  if (settings.clock.date_locale.empty()) settings.clock.date_locale = convention.date_locale;
  return settings;
}

namespace {

// "12 posts loaded 10:41:07, card 3/12: Title" for systemctl status.
std::string statusLine(const SceneFrame& frame) {
  char loaded[32] = "";
  std::tm local{};
  if (frame.loaded_at != 0 && localtime_r(&frame.loaded_at, &local) != nullptr) {
    std::strftime(loaded, sizeof loaded, " loaded %H:%M:%S", &local);
  }
  const std::string posts = std::to_string(frame.posts) + " posts" + loaded;
  if (frame.blank) return posts + ", screen off by the schedule";
  // Whole UTF-8 and whole grapheme clusters: systemd drops a datagram that is not UTF-8.
  const std::string title = content::printableText(frame.title, 80);
  return posts + ", card " + std::to_string(frame.place + 1) + "/" + std::to_string(frame.posts) + ": " + title;
}

// A reload of `options`' folder, or null (and a log line) when the folder is
// gone, so the cards already shown keep cycling.
SharedContent loadAgain(const Options& options, bool first_time) {
  std::error_code ec;
  if (!std::filesystem::is_directory(options.content_dir, ec)) {
    logWarning("content folder " + options.content_dir + " is gone; the cards already shown keep cycling");
    return nullptr;
  }
  auto fresh = std::make_shared<ContentSession>(
      openContent(options.content_dir, options.show_drafts, loadLimitsFor(options), false));
  if (options.scene.frame_stats) {
    // For benchmarks: when the whole feed was in memory.
    logInfo(joined("stats content_loaded_unix=", std::fixed, std::setprecision(6),
                   std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(),
                   " posts=", cardCount(*fresh), " cached=", fresh->feed.cached_files));
  }
  std::size_t rejected = 0;
  for (const content::Diagnostic& d : fresh->feed.diagnostics) {
    const std::string line = content::formatDiagnostic(d);
    if (d.severity == content::Severity::Error) {
      ++rejected;
      logWarning(line);
    } else {
      logInfo(line);
    }
  }
  logInfo((first_time ? "loaded " : "reloaded ") + options.content_dir + ": " + std::to_string(cardCount(*fresh)) +
          " cards, " + std::to_string(fresh->feed.rejected_files) + " files rejected, " +
          std::to_string(fresh->feed.cached_files) + " posts from the cache");
  return fresh;
}

// Under systemd, a display that does not open within a minute ends the
// process so that the unit starts again: systemd grants the DRM device
// (DeviceAllow=char-drm) when the unit starts, so a GPU driver that loaded
// after that start stays out of reach until a restart. By hand, keep trying.
// A DRM device that is there but refused with EPERM (not EACCES) is one the
// unit's device policy was resolved without: restart at once.
bool giveUpWaitingForDisplay(double waited_seconds, const char* reason) {
  const char* notify = std::getenv("NOTIFY_SOCKET");
  if (notify == nullptr || *notify == '\0') return false;
  if (drmDeviceDeniedBySandbox()) {
    logError(std::string("the display's DRM device appeared after the service started and its sandbox does not "
                         "grant it (") +
             reason + "); exiting so that systemd starts the display again");
    return true;
  }
  if (waited_seconds < 60) return false;
  logError(std::string("no display after ") + std::to_string(static_cast<int>(waited_seconds)) + " s (" + reason +
           "); exiting so that systemd starts the display again");
  return true;
}

std::atomic<bool> stop_requested{false};

void onStopSignal(int) { stop_requested.store(true); }

// SDL, a window and a renderer on `video_driver`; null after logging why
// when the display is not there (yet).
struct Display {
  std::unique_ptr<SdlRuntime> sdl;
  std::unique_ptr<SdlScreen> screen;
};

Display openDisplay(const Options& options, const std::string& video_driver, const Clock& clock) {
  Display display;
  if (drawsThroughKms(video_driver)) {
    static bool logged = false;  // once, not at every try while waiting for the display
    for (const std::string& line : prepareKmsBackend(options.scene.renderer == RendererChoice::Software)) {
      if (!logged) logInfo(line);
    }
    logged = true;
  } else if (video_driver.empty() && chooseSoftwareRendering(options.scene.renderer)) {
    // No GPU to use: SDL's software renderer, and no GL behind the window
    // surface either (Mesa's llvmpipe costs ~270 ms and ~54 MiB for nothing).
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  }
  display.sdl = std::make_unique<SdlRuntime>(video_driver);
  WindowRequest request;
  request.windowed = options.windowed;
  request.width = options.width;
  request.height = options.height;
  request.renderer = options.scene.renderer;
  request.mode = options.display_mode;
  display.screen = std::make_unique<SdlScreen>(request, clock);
  return display;
}

// Opens the display, waiting with backoff while there is none (a board
// booted without its screen, a DRM device not ready); SIGTERM and SIGINT
// still stop the wait. The display, or nullopt with the exit status in
// `status` (0: stopped while waiting; 1: gave up).
std::optional<Display> waitForDisplay(const Options& options, const std::string& video_driver, SystemClock& clock,
                                      ServiceNotifier& notifier, int& status) {
  const double first_try = clock.now();
  for (double backoff = 1;; backoff = std::min(backoff * 2, 60.0)) {
    try {
      return openDisplay(options, video_driver, clock);
    } catch (const std::runtime_error& error) {
      if (giveUpWaitingForDisplay(clock.now() - first_try, error.what())) {
        status = 1;
        return std::nullopt;
      }
      const std::string reason =
          std::string(error.what()) + "; trying again in " + std::to_string(static_cast<int>(backoff)) + " s";
      logWarning(reason);
      notifier.waiting("waiting for a display: " + reason, backoff + 30);
    }
    // Our own stop handlers only while waiting: SDL installs its own (which
    // turn the signals into a quit event) only where none is set.
    stop_requested.store(false);
    const auto previous_term = std::signal(SIGTERM, onStopSignal);
    const auto previous_int = std::signal(SIGINT, onStopSignal);
    for (int waited = 0; waited < backoff * 10 && !stop_requested.load(); ++waited) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::signal(SIGTERM, previous_term);
    std::signal(SIGINT, previous_int);
    if (stop_requested.load()) {
      status = 0;
      return std::nullopt;
    }
  }
}

}  // namespace

int runSlideshow(const Options& options, ContentSession& content, const std::string& video_driver) {
  SystemClock clock;
  ServiceNotifier notifier;
  int status = 0;
  std::optional<Display> display = waitForDisplay(options, video_driver, clock, notifier, status);
  if (!display) return status;
  SdlScreen* screen = display->screen.get();
  int w = 0, h = 0;
  screen->outputSize(w, h);
  logInfo(std::to_string(w) + "x" + std::to_string(h) + " output, " + screen->rendererName() + " renderer" +
          (screen->vsync() ? " with vsync" : ""));
  render::FontCache fonts(options.font_chain);
  SceneSettings settings = sceneSettingsFor(options, content);
  settings.threaded = true;
  // Screen capture, metrics and the TV's power over CEC (docs/fleet.md).
  DisplayServices services(options, content, *screen, NEWSTICKER_VERSION);
  SceneLoop loop(services.screen(), clock, fonts, SharedContent(SharedContent(), &content), settings);

  // A test-only hook: the loop freezes this many seconds after its first
  // frame, so a test sees the watchdog pings stop.
  const char* stall = std::getenv("NEWSTICKER_TEST_STALL_AFTER");
  const double stall_after = stall != nullptr ? std::atof(stall) : -1;
  double stall_at = INFINITY;
  loop.on_frame = [&](const SceneFrame& frame) {
    notifier.ready();
    notifier.status(statusLine(frame));
    services.frameShown(frame);
    if (stall_after >= 0 && stall_at == INFINITY) stall_at = clock.now() + stall_after;
  };
  std::string stalled;  // why the watchdog is not fed, "" while cards progress
  loop.on_wake = [&](double now) {
    if (now >= stall_at) {
      logWarning("stalling the main loop (NEWSTICKER_TEST_STALL_AFTER)");
      for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
    }
    const double services_due = services.wake(now);
    // The loop wakes, but a stuck card worker freezes the screen all the
    // same: then no ping, and systemd restarts us.
    const std::string reason = stallReason(loop.workerRunningSeconds(), render::oldestRunawaySeconds());
    if (reason != stalled && !reason.empty()) logWarning("not feeding the watchdog: " + reason);
    stalled = reason;
    if (!reason.empty()) return std::min({now + 1.0, stall_at, services_due});
    return std::min({notifier.watchdog(now), stall_at, services_due});
  };
  std::unique_ptr<ContentWatcher> watcher;
  if (!options.content_dir.empty()) {
    // The first load after a first look completes the feed; later ones are reloads.
    auto completed = std::make_shared<bool>(content.complete);
    loop.reload = [&options, &services, completed] {
      const bool first_time = !*completed;
      *completed = true;
      SharedContent fresh = loadAgain(options, first_time);
      if (fresh) services.contentLoaded(*fresh);
      return fresh;
    };
    watcher =
        std::make_unique<ContentWatcher>(options.content_dir, [&loop](bool forced) { loop.contentChanged(forced); });
    if (!content.complete) loop.contentChanged(true);  // the rest of the feed, read on the loader
  }
  status = loop.run();
  notifier.stopping();
  return status;
}

}  // namespace newsticker::firmware
