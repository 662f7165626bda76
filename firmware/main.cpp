// SPDX-License-Identifier: Apache-2.0
// newsticker: a kiosk news ticker. Parses the command line and runs one mode.
#include <malloc.h>

#include <SDL_image.h>
#include <SDL_ttf.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>

#include "firmware/AnimationRecording.hpp"
#include "firmware/BuildRevision.hpp"
#include "firmware/CheckReport.hpp"
#include "firmware/CommandLine.hpp"
#include "firmware/Config.hpp"
#include "firmware/ContactSheet.hpp"
#include "firmware/ContentSession.hpp"
#include "firmware/EditWindow.hpp"
#include "firmware/FetchCommand.hpp"
#include "firmware/FleetCommands.hpp"
#include "firmware/GlyphCoverage.hpp"
#include "firmware/Log.hpp"
#include "firmware/PreviewSheet.hpp"
#include "firmware/ScreenshotRun.hpp"
#include "firmware/SdlRuntime.hpp"
#include "firmware/SdlScreen.hpp"
#include "firmware/Slideshow.hpp"
#include "fonts/FontChain.hpp"
#include "render/CardRenderer.hpp"
#include "render/FontCache.hpp"
#include "render/ScreenLayout.hpp"

using namespace newsticker;

namespace {

constexpr std::size_t kFirstLookFiles = 24;  // post files read before the first card of a show

void printDiagnostics(const content::Feed& feed) {
  for (const content::Diagnostic& d : feed.diagnostics) {
    const std::string line = content::formatDiagnostic(d);
    if (d.severity == content::Severity::Error) firmware::logWarning(line);  // a file left out; the kiosk goes on
    else firmware::logInfo(line);
  }
}

std::string headlessFolder() {
  const char* tmp = std::getenv("TMPDIR");
  return (std::filesystem::path(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") / "newsticker-cards").string();
}

int renderHeadless(const firmware::Options& options, firmware::ContentSession& content, const std::string& dir) {
  firmware::SdlRuntime sdl("dummy");
  std::size_t cards = 0;
  const int status = firmware::runScreenshots(options, content, dir, &cards);
  if (status == 0) {
    std::cout << "wrote " << cards << " cards to " << dir << "\n";
  }
  return status;
}

int renderPreview(const firmware::Options& options, firmware::ContentSession& content) {
  firmware::SdlRuntime sdl("dummy");
  const int status = firmware::writePreviewSheet(options, content, options.preview_path);
  if (status == 0) {
    std::cout << "wrote preview of " << firmware::cardCount(content) << " cards to " << options.preview_path << "\n";
  }
  return status;
}

// When each post shows and, with --at, the cycle then (in the config's time
// zone); windows that are over or never open become warnings of the report.
firmware::ShowFacts checkShowing(const firmware::Options& options, firmware::ContentSession& content) {
  const double at = firmware::momentOf(options);
  for (content::Diagnostic& warning : firmware::showWarnings(content.feed.posts, at, options.scene.clock.time_zone)) {
    content.feed.diagnostics.push_back(std::move(warning));
  }
  return firmware::showFacts(content.feed.posts, content.playlist, at, !options.at.empty(),
                             firmware::sceneSettingsFor(options, content));
}

// `--check`: the whole feed, its images decoded as the screen decodes them,
// every character looked up in the fonts and every card's cuts at --size;
// the report on stdout. Exit 0 when no file was rejected, else 1.
int runCheck(const firmware::Options& options, firmware::ContentSession& content) {
  {
    // Logos and photos decoded as the screen will (same limits): one that
    // fails is a warning with its reason.
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    render::LogoLimits image_limits;
    image_limits.decode_seconds = render::CardRenderer::kDecodeSeconds;  // as the show gives up on a slow one
    for (content::Diagnostic& warning : firmware::checkPostImages(content.feed.posts, *content.tree, image_limits)) {
      content.feed.diagnostics.push_back(std::move(warning));
    }
    IMG_Quit();
  }
  firmware::MissingGlyphs missing;
  firmware::CardCuts cuts;
  if (fonts::missingFontFiles(options.font_chain).empty() && TTF_Init() == 0) {
    {
      render::FontCache fonts(options.font_chain);
      missing = firmware::findMissingGlyphs(content.feed.posts, fonts);
      // What each card cuts at --size (1920x1080 by default), with the
      // screen's header and crawl around it as the display shows them.
      const int width = options.width > 0 ? options.width : 1920;
      const int height = options.height > 0 ? options.height : 1080;
      const render::CardSize size(width, height, render::layoutScreen(width, height, options.scene.screen).card_insets);
      cuts = firmware::measureCardCuts(content.feed.posts, fonts, size, options.scene.theme,
                                       firmware::fallbackLanguage(content, options.language), content.tree);
      for (content::Diagnostic& soft : cuts.soft_photos) content.feed.diagnostics.push_back(std::move(soft));
    }
    TTF_Quit();
  } else {
    firmware::logWarning("fonts unavailable; characters and cut text are not checked");
  }
  const firmware::ShowFacts show = checkShowing(options, content);
  if (options.json) {
    firmware::writeCheckJson(content.feed, missing, std::cout, cuts, show);
  } else {
    firmware::writeCheckReport(content.feed, missing, std::cout, cuts, options.verbose, show);
  }
  return content.feed.rejected_files == 0 ? 0 : 1;
}

// The modes that draw: --screenshot, --preview, --record, and the show
// itself (on a display, headless, or as PNGs when there is no display and
// no service manager). The exit status.
int runShowModes(const firmware::Options& options, firmware::ContentSession& content) {
  if (content.complete) printDiagnostics(content.feed);  // else with the whole feed, later
  if (options.scene.frame_stats && content.complete) {
    // For benchmarks: when the whole feed was in memory.
    firmware::logInfo(
        firmware::joined("stats content_loaded_unix=", std::fixed, std::setprecision(6),
                         std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(),
                         " posts=", firmware::cardCount(content), " cached=", content.feed.cached_files));
  }
  const auto missing = fonts::missingFontFiles(options.font_chain);
  if (!missing.empty()) {
    firmware::logError("font " + missing.front() +
                       " not found: apt-get install fonts-noto-cjk (or set NEWSTICKER_FONT_DIR)");
    return 1;
  }
  try {
    if (options.mode == firmware::Mode::Screenshot) return renderHeadless(options, content, options.screenshot_dir);
    if (options.mode == firmware::Mode::Preview) return renderPreview(options, content);
    if (options.mode == firmware::Mode::Record) {
      firmware::SdlRuntime sdl("dummy");
      const int status = firmware::recordAnimation(options, content, options.record_path, options.record_seconds);
      if (status == 0) std::cout << "recorded " << options.record_seconds << " s to " << options.record_path << "\n";
      return status;
    }
    if (options.headless) return firmware::runSlideshow(options, content, "dummy");
    // Run by systemd (or asked to show): wait for a display rather than
    // render PNGs and exit, which would only make systemd restart us.
    const bool service = std::getenv("NOTIFY_SOCKET") != nullptr || std::getenv("INVOCATION_ID") != nullptr;
    if (!service && !firmware::displayAvailable()) {
      std::cout << "newsticker: no display (no DISPLAY, WAYLAND_DISPLAY or usable DRM device); "
                   "rendering the cards headless instead\n";
      return renderHeadless(options, content, headlessFolder());
    }
    return firmware::runSlideshow(options, content, "");
  } catch (const std::exception& error) {
    firmware::logError(error.what());
    return 1;
  }
}

// The modes that read no content folder (help, version, fetch and the fleet
// tools): their exit status, or nullopt for every other mode.
std::optional<int> runTool(const firmware::Options& options) {
  switch (options.mode) {
    case firmware::Mode::Help:
      std::cout << firmware::usageText();
      return 0;
    case firmware::Mode::Version:
      std::cout << "newsticker " << NEWSTICKER_VERSION << " (git " << NEWSTICKER_REVISION << ")\n";
      return 0;
    case firmware::Mode::Fetch:
      return firmware::runFetchCommand(options, std::string("newsticker/") + NEWSTICKER_VERSION);
    case firmware::Mode::ScreenCapture:
      return firmware::runScreenCaptureCommand(options);
    case firmware::Mode::Status:
      return firmware::runStatusCommand(options, std::cout);
    case firmware::Mode::ContactSheet: {
      firmware::SdlRuntime sdl("dummy");
      return firmware::writeContactSheet(options.sheet_folder, options.sheet_path, options.font_chain);
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

int main(int argc, char** argv) {
  // Pixel buffers (8 MB a card at 1080p) always come from mmap and go back
  // to the system when freed; glibc's moving threshold would otherwise keep
  // them in the heap after the first free (about 25 MB more resident).
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  firmware::ParsedCommandLine parsed = firmware::parseCommandLine(argc, argv);
  if (!parsed.error.empty()) {
    firmware::logError(parsed.error);
    std::cerr << "\n" << firmware::usageText();
    return 2;
  }
  if (!parsed.options.config_path.empty()) {
    // The config file sets the defaults; the flags are applied again on top.
    const firmware::ConfigResult config = firmware::loadConfig(parsed.options.config_path, firmware::Options{});
    if (!config.error.empty()) {
      firmware::logError(config.error);
      return 2;
    }
    parsed = firmware::parseCommandLine(argc, argv, config.options);
  }
  const firmware::Options& options = parsed.options;
  if (const std::optional<int> status = runTool(options)) return *status;

  // Fonts that are there but are no fonts (or lack the face asked for): the
  // main ones stop us with their reason, a fallback is left out.
  for (const std::string& problem : fonts::unusableFontFiles(options.font_chain)) {
    if (problem.find("; the fallback is left out") == std::string::npos) {
      firmware::logError(problem);
      return 1;
    }
    firmware::logWarning(problem);
  }
  if (options.mode == firmware::Mode::Edit) return firmware::runEditWindow(options);

  content::LoadLimits limits = firmware::loadLimitsFor(options);
  // The show starts from a first look at the folder (the newest files, or
  // everything the parse cache already knows); the rest is read while the
  // first card is on screen. Every other mode reads the whole feed first.
  const bool show = options.mode == firmware::Mode::Show;
  if (show) limits.max_files_read = kFirstLookFiles;
  firmware::ContentSession content = firmware::openContent(options.content_dir, options.show_drafts, limits, !show);
  if (options.mode == firmware::Mode::Check) return runCheck(options, content);
  return runShowModes(options, content);
}
