// SPDX-License-Identifier: Apache-2.0
#include "firmware/Log.hpp"
#include "firmware/ScreenshotRun.hpp"

#include <SDL.h>
#include <SDL_image.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <set>

#include "firmware/Clock.hpp"
#include "firmware/PngFile.hpp"
#include "firmware/RecordingScreen.hpp"
#include "firmware/SceneLoop.hpp"
#include "firmware/Slideshow.hpp"
#include "render/FontCache.hpp"

namespace newsticker::firmware {

int runScreenshots(const Options& options, ContentSession& content, const std::string& out_dir) {
  const int width = options.width > 0 ? options.width : 1920;
  const int height = options.height > 0 ? options.height : 1080;
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    logError(joined("cannot create ", out_dir, ": ", ec.message()));
    return 1;
  }
  SceneSettings settings = sceneSettingsFor(options, content);
  settings.threaded = false;  // each card is ready when its frame is composed
  const CardCycle cycle(SceneLoop::holdTimes(settings, content.playlist), settings.transition_seconds);
  ManualClock clock(std::time(nullptr));
  // One frame a second is enough to meet every card; the loop stops after the last.
  RecordingScreen screen(clock, width, height, cycle.period() + 1.0, 1.0);
  render::FontCache fonts(options.font_chain);
  SceneLoop loop(screen, clock, fonts, SharedContent(SharedContent(), &content), settings);
  SDL_Surface* last = nullptr;
  screen.on_present = [&](SDL_Surface& frame, double) { last = &frame; };
  std::set<std::size_t> written;
  int status = 0;
  loop.on_frame = [&](const SceneFrame& frame) {
    if (status != 0 || !frame.full || frame.cycle.transitioning() || written.count(frame.cycle.current)) return;
    written.insert(frame.cycle.current);
    char name[32];
    std::snprintf(name, sizeof name, "card-%03zu.png", frame.cycle.current + 1);
    const std::string path = (std::filesystem::path(out_dir) / name).string();
    std::string error = "no frame was drawn";
    if (last == nullptr || !writePngFile(*last, path, error)) {
      logError(joined("cannot write ", path, ": ", error));
      status = 1;
    }
  };
  loop.run();
  if (status == 0 && screen.stoppedByQuit()) {
    logError(joined("stopped by a signal after ", written.size(), " of ", content.playlist.size(), " cards"));
    status = 1;
  } else if (status == 0 && written.size() != content.playlist.size()) {
    logError(joined("only ", written.size(), " of ", content.playlist.size(), " cards were shown"));
    status = 1;
  }
  return status;
}

}  // namespace newsticker::firmware
