// SPDX-License-Identifier: Apache-2.0
#include "firmware/CommandLine.hpp"

#include "firmware/FleetCommands.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <vector>

#include "content/PostDate.hpp"

namespace newsticker::firmware {
std::optional<std::pair<int, int>> parseCardSize(const std::string& text) {
  const auto x = text.find_first_of("xX");
  if (x == std::string::npos) return std::nullopt;
  char* end = nullptr;
  const long w = std::strtol(text.c_str(), &end, 10);
  if (end != text.c_str() + x) return std::nullopt;
  const long h = std::strtol(text.c_str() + x + 1, &end, 10);
  if (*end != '\0' || w < 64 || h < 64 || w > 8192 || h > 8192) return std::nullopt;
  return std::make_pair(static_cast<int>(w), static_cast<int>(h));
}

std::optional<int> parseRotation(const std::string& text) {
  for (int degrees : {0, 90, 180, 270}) {
    if (text == std::to_string(degrees)) return degrees;
  }
  return std::nullopt;
}

std::optional<RendererChoice> parseRendererChoice(const std::string& text) {
  if (text == "auto") return RendererChoice::Auto;
  if (text == "gpu") return RendererChoice::Gpu;
  if (text == "software") return RendererChoice::Software;
  return std::nullopt;
}

double momentOf(const Options& options) {
  if (!options.at.empty()) {
    if (const auto at = content::instantOf(options.at, options.scene.clock.time_zone)) return static_cast<double>(*at);
  }
  return static_cast<double>(std::time(nullptr));
}

std::string usageText() {
  return "usage: newsticker [--config FILE] [--content DIR] [--size WxH] [--windowed] [--duration SECONDS] [--drafts]\n"
         "       newsticker fetch [--config FILE] [--content DIR] [--dry-run]\n"
         "       newsticker edit FILE.md [--content DIR] [--size WxH] [--portrait] [--config FILE]\n"
         "       newsticker --check [--content DIR] [--json] [--verbose] [--drafts] [--at TIME]\n"
         "       newsticker --screenshot OUT_DIR [--content DIR] [--size WxH] [--at TIME]\n"
         "       newsticker --preview FILE.png [--content DIR] [--size WxH] [--drafts]\n"
         "       newsticker --record FILE.webp [--seconds N] [--content DIR] [--size WxH]\n"
         "       newsticker screen-capture [--runtime-dir DIR]\n"
         "       newsticker status [--config FILE] [--metrics-dir DIR]\n"
         "       newsticker contact-sheet FOLDER OUT.png\n"
         "\n"
         "Shows full-screen headline cards from a content folder (posts/, logos/, feed.yaml,\n"
         "or a folder of post files); without --content, the built-in demo feed.\n"
         "With no display (no DISPLAY, WAYLAND_DISPLAY or DRM device) it renders the cards\n"
         "headless to PNG files instead and prints the folder.\n"
         "\n"
         "  --config FILE        settings file (YAML: content, size, duration, show_drafts, language,\n"
         "                       max_post_kib, fonts); flags given next to it win\n"
         "  --content DIR        content folder (default: built-in demo feed)\n"
         "  --size WxH           card size in pixels (default: the display's; 1920x1080 headless)\n"
         "  --windowed           a window instead of full screen\n"
         "  --rotate DEGREES     turn the picture 90, 180 or 270 degrees clockwise (a panel on its side)\n"
         "  --renderer KIND      auto (default), gpu or software\n"
         "  --frame-stats        on exit, print how evenly animation frames were paced\n"
         "  --headless           run the show without a display (SDL's dummy driver): reload,\n"
         "                       watchdog and schedule work, nothing is drawn on a screen\n"
         "  --duration SECONDS   how long each card holds (default: feed.yaml's duration, else 8)\n"
         "  --drafts             also show posts marked 'published: false'\n"
         "  --max-post-kib N     reject post files larger than N KiB unread (default 1024)\n"
         "  --check              load and validate the content, print one line per post and\n"
         "                       per rejected file; exit 0 when nothing was rejected, 1 otherwise\n"
         "  --json               with --check: one JSON document on stdout\n"
         "  --verbose            with --check: also one line with the front matter keys newsticker\n"
         "                       does not use and how many posts have each\n"
         "  --screenshot DIR     render every card of the cycle headless to DIR/card-001.png, ... and exit\n"
         "  --at TIME            with --check or --screenshot: the cycle as it is at TIME (\"2026-12-24 09:00\",\n"
         "                       in the config's time zone) instead of now: which posts show, in which order\n"
         "  --preview FILE.png   write one contact sheet of every card, labelled with its file and\n"
         "                       warnings, and the rejected files below it, then exit\n"
         "  --record FILE.webp   play the show headless for --seconds (default 10) into an\n"
         "                       animated WebP (default size 960x540), then exit\n"
         "  edit FILE.md         a window showing FILE.md's card as the screen shows it (--size, default\n"
         "                       1920x1080; --portrait: the portrait screen beside it) with --check's\n"
         "                       warnings under it, redrawn at each save; --watch FILE does the same\n"
         "  fetch                read the config's feeds: (RSS, Atom) into DIR/posts/feeds/ and exit;\n"
         "                       --dry-run prints what it would write and writes nothing\n"
         "  screen-capture       ask the running display for its picture: it writes screen.png in its\n"
         "                       runtime folder (/run/newsticker) and the path is printed\n"
         "  status               the display's, the sync's and the fetch's metrics (metrics_dir:), for a person\n"
         "  contact-sheet        one PNG of the boards collected in FOLDER (FOLDER/HOST/screen.png and\n"
         "                       status.txt, as the Ansible collect playbook leaves them); docs/fleet.md\n"
         "  --help, --version\n";
}

namespace {

// Which of the one-shot modes the flags asked for.
struct Asked {
  bool check = false, screenshot = false, preview = false, record = false;
  int count() const { return static_cast<int>(check) + screenshot + preview + record; }
};

// One flag of the show's command line: its name, whether a value follows it,
// and what it does to the options ("" or the reason the value is refused).
struct Flag {
  const char* name;
  bool takes_value;
  std::string (*apply)(Options& o, Asked& asked, const std::string& value);
};

// A number from `low` to `high` written whole in `text`, else nullopt.
std::optional<double> numberIn(const std::string& text, double low, double high, bool low_open = false) {
  char* end = nullptr;
  const double x = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || !(low_open ? x > low : x >= low) || !(x <= high)) return std::nullopt;
  return x;
}

std::string got(const std::string& value) { return " (got '" + value + "')"; }

// The show's flags, in the order --help lists them.
const Flag kShowFlags[] = {
    {"--content", true, [](Options& o, Asked&, const std::string& v) { return o.content_dir = v, std::string(); }},
    {"--config", true, [](Options& o, Asked&, const std::string& v) { return o.config_path = v, std::string(); }},
    {"--size", true,
     [](Options& o, Asked&, const std::string& v) {
       const auto size = parseCardSize(v);
       if (!size) return "--size must be WxH between 64x64 and 8192x8192, e.g. 1920x1080" + got(v);
       o.width = size->first;
       o.height = size->second;
       return std::string();
     }},
    {"--windowed", false, [](Options& o, Asked&, const std::string&) { return o.windowed = true, std::string(); }},
    {"--duration", true,
     [](Options& o, Asked&, const std::string& v) {
       const auto seconds = numberIn(v, 1, 3600);
       if (!seconds) return "--duration must be a number of seconds from 1 to 3600" + got(v);
       o.duration_seconds = *seconds;
       return std::string();
     }},
    {"--max-post-kib", true,
     [](Options& o, Asked&, const std::string& v) {
       char* end = nullptr;
       const long kib = std::strtol(v.c_str(), &end, 10);
       if (end == v.c_str() || *end != '\0' || kib < 1 || kib > 64 * 1024) {
         return "--max-post-kib must be a whole number from 1 to 65536" + got(v);
       }
       o.max_post_bytes = static_cast<std::size_t>(kib) * 1024;
       return std::string();
     }},
    {"--drafts", false, [](Options& o, Asked&, const std::string&) { return o.show_drafts = true, std::string(); }},
    {"--check", false, [](Options&, Asked& a, const std::string&) { return a.check = true, std::string(); }},
    {"--json", false, [](Options& o, Asked&, const std::string&) { return o.json = true, std::string(); }},
    {"--verbose", false, [](Options& o, Asked&, const std::string&) { return o.verbose = true, std::string(); }},
    {"--watch", true, [](Options& o, Asked&, const std::string& v) { return o.edit_file = v, std::string(); }},
    {"--portrait", false, [](Options& o, Asked&, const std::string&) { return o.edit_portrait = true, std::string(); }},
    {"--at", true,
     [](Options& o, Asked&, const std::string& v) {
       const auto at = content::parseShowTime(v);
       if (!at) return "--at must be a date and time such as \"2026-12-24 09:00\"" + got(v);
       o.at = *at;
       return std::string();
     }},
    {"--screenshot", true,
     [](Options& o, Asked& a, const std::string& v) {
       o.screenshot_dir = v;
       return a.screenshot = true, std::string();
     }},
    {"--preview", true,
     [](Options& o, Asked& a, const std::string& v) {
       o.preview_path = v;
       return a.preview = true, std::string();
     }},
    {"--record", true,
     [](Options& o, Asked& a, const std::string& v) {
       o.record_path = v;
       return a.record = true, std::string();
     }},
    {"--seconds", true,
     [](Options& o, Asked&, const std::string& v) {
       const auto seconds = numberIn(v, 0, 600, true);
       if (!seconds) return "--seconds must be a number of seconds from 0 to 600" + got(v);
       o.record_seconds = *seconds;
       return std::string();
     }},
    {"--rotate", true,
     [](Options& o, Asked&, const std::string& v) {
       const auto degrees = parseRotation(v);
       if (!degrees) return "--rotate must be 0, 90, 180 or 270" + got(v);
       o.scene.rotation = *degrees;
       return std::string();
     }},
    {"--headless", false, [](Options& o, Asked&, const std::string&) { return o.headless = true, std::string(); }},
    {"--frame-stats", false,
     [](Options& o, Asked&, const std::string&) { return o.scene.frame_stats = true, std::string(); }},
    {"--renderer", true,
     [](Options& o, Asked&, const std::string& v) {
       const auto choice = parseRendererChoice(v);
       if (!choice) return "--renderer must be auto, gpu or software" + got(v);
       o.scene.renderer = *choice;
       return std::string();
     }},
};

// `newsticker fetch [--config FILE] [--content DIR] [--dry-run]`: its own, short, option list.
ParsedCommandLine parseFetchCommand(int argc, const char* const* argv, ParsedCommandLine parsed) {
  Options& o = parsed.options;
  o.mode = Mode::Fetch;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--dry-run") {
      o.dry_run = true;
    } else if ((arg == "--config" || arg == "--content") && i + 1 < argc) {
      (arg == "--config" ? o.config_path : o.content_dir) = argv[++i];
    } else if (arg == "--config" || arg == "--content") {
      parsed.error = arg + " needs a value";
      return parsed;
    } else if (arg == "--help" || arg == "-h") {
      o.mode = Mode::Help;
      return parsed;
    } else {
      parsed.error = "fetch takes --config FILE, --content DIR and --dry-run (got '" + arg + "')";
      return parsed;
    }
  }
  return parsed;
}

// The mode the flags add up to, or the reason they do not go together.
std::string chooseMode(Options& o, const Asked& a) {
  if (a.count() > 1) return "--check, --screenshot, --preview and --record cannot be combined";
  if (o.json && !a.check) return "--json goes with --check";
  if (o.verbose && !a.check) return "--verbose goes with --check";
  if (!o.at.empty() && !a.check && !a.screenshot) return "--at goes with --check or --screenshot";
  if (!o.edit_file.empty() && a.count() > 0) {
    return "edit (--watch) cannot be combined with --check, --screenshot, --preview or --record";
  }
  if (o.edit_portrait && o.edit_file.empty()) return "--portrait goes with edit (--watch)";
  if (!o.edit_file.empty()) o.mode = Mode::Edit;
  else if (a.check) o.mode = Mode::Check;
  else if (a.screenshot) o.mode = Mode::Screenshot;
  else if (a.preview) o.mode = Mode::Preview;
  else if (a.record) o.mode = Mode::Record;
  return "";
}

}  // namespace

ParsedCommandLine parseCommandLine(int argc, const char* const* argv, const Options& defaults) {
  ParsedCommandLine parsed;
  parsed.options = defaults;
  Options& o = parsed.options;
  if (argc > 1 && isFleetCommand(argv[1])) return parseFleetCommand(argc, argv, defaults);
  if (argc > 1 && std::strcmp(argv[1], "fetch") == 0) return parseFetchCommand(argc, argv, parsed);
  // `newsticker edit FILE.md [options]`: the usual options after the file.
  const bool edit = argc > 1 && std::strcmp(argv[1], "edit") == 0;
  if (edit && (argc < 3 || argv[2][0] == '-')) {
    parsed.error = "edit needs the post file to show: newsticker edit posts/notice.md";
    return parsed;
  }
  if (edit) o.edit_file = argv[2];
  Asked asked;
  for (int i = edit ? 3 : 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h" || arg == "--version") {
      o.mode = arg == "--version" ? Mode::Version : Mode::Help;
      return parsed;
    }
    const auto* flag =
        std::find_if(std::begin(kShowFlags), std::end(kShowFlags), [&](const Flag& f) { return arg == f.name; });
    if (flag == std::end(kShowFlags)) {
      parsed.error = "unknown option '" + arg + "'";
      return parsed;
    }
    if (flag->takes_value && i + 1 >= argc) {
      parsed.error = arg + " needs a value";
      return parsed;
    }
    parsed.error = flag->apply(o, asked, flag->takes_value ? std::string(argv[++i]) : std::string());
    if (!parsed.error.empty()) return parsed;
  }
  parsed.error = chooseMode(o, asked);
  return parsed;
}

}  // namespace newsticker::firmware
