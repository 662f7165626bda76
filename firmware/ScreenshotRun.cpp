// SPDX-License-Identifier: Apache-2.0
#include "firmware/ScreenshotRun.hpp"
#include "firmware/Log.hpp"

#include <SDL.h>
#include <SDL_image.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <set>

#include "firmware/Clock.hpp"
#include "firmware/CyclePlanner.hpp"
#include "firmware/PngFile.hpp"
#include "firmware/RecordingScreen.hpp"
#include "firmware/SceneLoop.hpp"
#include "firmware/Slideshow.hpp"
#include "render/FontCache.hpp"

namespace newsticker::firmware {

int runScreenshots(const Options& options, ContentSession& content, const std::string& out_dir,
                   std::size_t* shown_cards) {
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
  // The cycle as it is at --at (else now): its cards, each once, in the order they come.
  ManualClock clock(static_cast<std::time_t>(momentOf(options)));
  CyclePlanner planner(settings, false);  // the loop logs the turns it shows
  const CardCycle cycle = planner.start(content.playlist, clock.wallTime());
  std::set<std::size_t> cards;
  for (std::size_t slot = 0; slot < cycle.size(); ++slot) cards.insert(cycle.card(slot));
  // One frame a second is enough to meet every card; the loop stops after the last.
  RecordingScreen screen(clock, width, height, cycle.period() + 1.0, 1.0);
  render::FontCache fonts(options.font_chain);
  SceneLoop loop(screen, clock, fonts, SharedContent(SharedContent(), &content), settings);
  SDL_Surface* last = nullptr;
  screen.on_present = [&](SDL_Surface& frame, double) { last = &frame; };
  std::set<std::size_t> written;
  int status = 0;
  loop.on_frame = [&](const SceneFrame& frame) {
    if (status != 0 || !frame.full || frame.cycle.transitioning() || written.count(frame.card)) return;
    written.insert(frame.card);
    char name[32];
    std::snprintf(name, sizeof name, "card-%03zu.png", written.size());
    const std::string path = (std::filesystem::path(out_dir) / name).string();
    std::string error = "no frame was drawn";
    if (last == nullptr || !writePngFile(*last, path, error)) {
      logError(joined("cannot write ", path, ": ", error));
      status = 1;
    }
  };
  loop.run();
  if (status == 0 && screen.stoppedByQuit()) {
    logError(joined("stopped by a signal after ", written.size(), " of ", cards.size(), " cards"));
    status = 1;
  } else if (status == 0 && written.size() < cards.size()) {
    logError(joined("only ", written.size(), " of ", cards.size(), " cards were shown"));
    status = 1;
  }
  if (shown_cards != nullptr) *shown_cards = written.size();
  return status;
}

render::SurfacePtr firstScreen(const Options& options, ContentSession& content, render::FontCache& fonts, int width,
                               int height) {
  if (width <= 0 || height <= 0) {
    width = options.width > 0 ? options.width : 1920;
    height = options.height > 0 ? options.height : 1080;
  }
  SceneSettings settings = sceneSettingsFor(options, content);
  settings.threaded = false;  // the first frame waits for nothing
  ManualClock clock(static_cast<std::time_t>(momentOf(options)));
  RecordingScreen screen(clock, width, height, 0.001, 1.0);  // quits right after the first frame
  SceneLoop loop(screen, clock, fonts, SharedContent(SharedContent(), &content), settings);
  render::SurfacePtr first;
  screen.on_present = [&](SDL_Surface& frame, double) {
    if (!first) first.reset(SDL_ConvertSurfaceFormat(&frame, SDL_PIXELFORMAT_ARGB8888, 0));
  };
  loop.run();
  if (!first) logError(joined("no screen was drawn for ", content.tree->describe(), ": ", SDL_GetError()));
  return first;
}

}  // namespace newsticker::firmware
