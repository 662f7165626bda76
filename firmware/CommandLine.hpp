// SPDX-License-Identifier: Apache-2.0
// The newsticker command line: what to show, where, and how.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "firmware/FeedSource.hpp"
#include "firmware/SceneSettings.hpp"
#include "fonts/FontChain.hpp"

namespace newsticker::firmware {

enum class Mode {
  Show,
  Check,
  Screenshot,
  Preview,
  Record,
  Fetch,
  ScreenCapture,
  Status,
  ContactSheet,
  Edit,
  Help,
  Version
};

struct Options {
  Mode mode = Mode::Show;
  std::string content_dir;    // empty: the built-in demo feed
  int width = 0, height = 0;  // --size WxH; 0: the display's size (1920x1080 headless)
  bool windowed = false;
  std::string display_mode;                   // config display.mode "1920x1080@60"; empty: the connector's preferred
  bool headless = false;                      // --headless: the show on SDL's dummy driver, no display needed
  double duration_seconds = 0;                // --duration; 0: the feed's or 8 s
  std::string screenshot_dir;                 // --screenshot OUT_DIR
  std::string preview_path;                   // --preview FILE.png
  std::string record_path;                    // --record FILE.webp
  double record_seconds = 10;                 // --seconds
  bool json = false;                          // --check --json
  bool verbose = false;                       // --check --verbose: also what the report leaves out by default
  bool show_drafts = false;                   // --drafts
  std::size_t max_post_bytes = 1 << 20;       // --max-post-kib
  std::size_t max_content_bytes = 64u << 20;  // config max_content_mib: all posts' text together
  std::string language;                       // fallback language; empty: feed.yaml's, else "en"
  std::string config_path;                    // --config FILE
  fonts::FontChain font_chain = fonts::defaultFontChain();
  SceneSettings scene;            // the screen around the cards (config file, --rotate, ...)
  std::vector<FeedSource> feeds;  // config feeds: what `newsticker fetch` reads
  bool dry_run = false;           // fetch --dry-run
  // The fleet (docs/fleet.md): metrics for Prometheus, the TV over HDMI-CEC,
  // and the operator's commands (screen-capture, status, contact-sheet).
  std::string metrics_dir = "/var/lib/prometheus/node-exporter";  // config metrics_dir; "" = no metrics
  bool cec = false;                                               // config display.cec
  std::string cec_device = "/dev/cec0";                           // config display.cec_device
  std::string runtime_dir;     // --runtime-dir: the running display's folder (screen-capture)
  std::string sheet_folder;    // contact-sheet FOLDER: one subfolder per board
  std::string sheet_path;      // contact-sheet ... OUT.png
  std::string at;              // --at "2026-12-24 09:00" with --check or --screenshot, in
                               //   content::parseShowTime's form; empty: now
  std::string edit_file;       // `newsticker edit FILE.md` (or --watch FILE): the post shown while written
  bool edit_portrait = false;  // edit --portrait: the portrait screen beside the landscape one
};

struct ParsedCommandLine {
  Options options;
  std::string error;  // non-empty: a usage error, to print with the usage text
};

// Parses argv (argv[0] is the program) on top of `defaults` (the config
// file's settings). Never exits or prints.
ParsedCommandLine parseCommandLine(int argc, const char* const* argv, const Options& defaults = {});

// "90" -> 90; nullopt unless it is 0, 90, 180 or 270.
std::optional<int> parseRotation(const std::string& text);

// "auto", "gpu", "software" -> the choice; nullopt for anything else.
std::optional<RendererChoice> parseRendererChoice(const std::string& text);

// "1920x1080" -> {1920, 1080}; nullopt unless both sides are 64..8192.
std::optional<std::pair<int, int>> parseCardSize(const std::string& text);

// Seconds since the Unix epoch of --at (options.at, read in the config's
// time zone, options.scene.clock.time_zone), else of now.
double momentOf(const Options& options);

// The usage text printed by --help and after a usage error.
std::string usageText();

}  // namespace newsticker::firmware
