// SPDX-License-Identifier: Apache-2.0
#include "firmware/CommandLine.hpp"

#include "firmware/FleetCommands.hpp"

#include <cstdlib>
#include <cstring>

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

std::string usageText() {
  return "usage: newsticker [--config FILE] [--content DIR] [--size WxH] [--windowed] [--duration SECONDS] [--drafts]\n"
         "       newsticker fetch [--config FILE] [--content DIR] [--dry-run]\n"
         "       newsticker --check [--content DIR] [--json] [--verbose] [--drafts]\n"
         "       newsticker --screenshot OUT_DIR [--content DIR] [--size WxH]\n"
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
         "  --screenshot DIR     render every card headless to DIR/card-001.png, ... and exit\n"
         "  --preview FILE.png   write one contact sheet of every card, labelled with its file and\n"
         "                       warnings, and the rejected files below it, then exit\n"
         "  --record FILE.webp   play the show headless for --seconds (default 10) into an\n"
         "                       animated WebP (default size 960x540), then exit\n"
         "  fetch                read the config's feeds: (RSS, Atom) into DIR/posts/feeds/ and exit;\n"
         "                       --dry-run prints what it would write and writes nothing\n"
         "  screen-capture       ask the running display for its picture: it writes screen.png in its\n"
         "                       runtime folder (/run/newsticker) and the path is printed\n"
         "  status               the display's, the sync's and the fetch's metrics (metrics_dir:), for a person\n"
         "  contact-sheet        one PNG of the boards collected in FOLDER (FOLDER/HOST/screen.png and\n"
         "                       status.txt, as the Ansible collect playbook leaves them); docs/fleet.md\n"
         "  --help, --version\n";
}

ParsedCommandLine parseCommandLine(int argc, const char* const* argv, const Options& defaults) {
  ParsedCommandLine parsed;
  parsed.options = defaults;
  Options& o = parsed.options;
  bool check = false, screenshot = false, preview = false, record = false;
  if (argc > 1 && isFleetCommand(argv[1])) return parseFleetCommand(argc, argv, defaults);
  // `newsticker fetch [--config FILE] [--content DIR] [--dry-run]`: its own, short, option list.
  if (argc > 1 && std::strcmp(argv[1], "fetch") == 0) {
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
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&](const char* name) -> std::optional<std::string> {
      if (i + 1 >= argc) {
        parsed.error = std::string(name) + " needs a value";
        return std::nullopt;
      }
      return std::string(argv[++i]);
    };
    if (arg == "--content") {
      const auto v = value("--content");
      if (!v) return parsed;
      o.content_dir = *v;
    } else if (arg == "--size") {
      const auto v = value("--size");
      if (!v) return parsed;
      const auto size = parseCardSize(*v);
      if (!size) {
        parsed.error = "--size must be WxH between 64x64 and 8192x8192, e.g. 1920x1080 (got '" + *v + "')";
        return parsed;
      }
      o.width = size->first;
      o.height = size->second;
    } else if (arg == "--config") {
      const auto v = value("--config");
      if (!v) return parsed;
      o.config_path = *v;
    } else if (arg == "--windowed") {
      o.windowed = true;
    } else if (arg == "--duration") {
      const auto v = value("--duration");
      if (!v) return parsed;
      char* end = nullptr;
      o.duration_seconds = std::strtod(v->c_str(), &end);
      if (end == v->c_str() || *end != '\0' || !(o.duration_seconds >= 1 && o.duration_seconds <= 3600)) {
        parsed.error = "--duration must be a number of seconds from 1 to 3600 (got '" + *v + "')";
        return parsed;
      }
    } else if (arg == "--max-post-kib") {
      const auto v = value("--max-post-kib");
      if (!v) return parsed;
      char* end = nullptr;
      const long kib = std::strtol(v->c_str(), &end, 10);
      if (end == v->c_str() || *end != '\0' || kib < 1 || kib > 64 * 1024) {
        parsed.error = "--max-post-kib must be a whole number from 1 to 65536 (got '" + *v + "')";
        return parsed;
      }
      o.max_post_bytes = static_cast<std::size_t>(kib) * 1024;
    } else if (arg == "--drafts") {
      o.show_drafts = true;
    } else if (arg == "--check") {
      check = true;
    } else if (arg == "--json") {
      o.json = true;
    } else if (arg == "--verbose") {
      o.verbose = true;
    } else if (arg == "--screenshot") {
      const auto v = value("--screenshot");
      if (!v) return parsed;
      o.screenshot_dir = *v;
      screenshot = true;
    } else if (arg == "--preview") {
      const auto v = value("--preview");
      if (!v) return parsed;
      o.preview_path = *v;
      preview = true;
    } else if (arg == "--record") {
      const auto v = value("--record");
      if (!v) return parsed;
      o.record_path = *v;
      record = true;
    } else if (arg == "--seconds") {
      const auto v = value("--seconds");
      if (!v) return parsed;
      char* end = nullptr;
      o.record_seconds = std::strtod(v->c_str(), &end);
      if (end == v->c_str() || *end != '\0' || !(o.record_seconds > 0 && o.record_seconds <= 600)) {
        parsed.error = "--seconds must be a number of seconds from 0 to 600 (got '" + *v + "')";
        return parsed;
      }
    } else if (arg == "--rotate") {
      const auto v = value("--rotate");
      if (!v) return parsed;
      const auto degrees = parseRotation(*v);
      if (!degrees) {
        parsed.error = "--rotate must be 0, 90, 180 or 270 (got '" + *v + "')";
        return parsed;
      }
      o.scene.rotation = *degrees;
    } else if (arg == "--headless") {
      o.headless = true;
    } else if (arg == "--frame-stats") {
      o.scene.frame_stats = true;
    } else if (arg == "--renderer") {
      const auto v = value("--renderer");
      if (!v) return parsed;
      const auto choice = parseRendererChoice(*v);
      if (!choice) {
        parsed.error = "--renderer must be auto, gpu or software (got '" + *v + "')";
        return parsed;
      }
      o.scene.renderer = *choice;
    } else if (arg == "--help" || arg == "-h") {
      o.mode = Mode::Help;
      return parsed;
    } else if (arg == "--version") {
      o.mode = Mode::Version;
      return parsed;
    } else {
      parsed.error = "unknown option '" + arg + "'";
      return parsed;
    }
  }
  if (static_cast<int>(check) + screenshot + preview + record > 1) {
    parsed.error = "--check, --screenshot, --preview and --record cannot be combined";
  } else if (check && screenshot) {
    parsed.error = "--check and --screenshot cannot be combined";
  } else if (preview && (check || screenshot)) {
    parsed.error = std::string("--preview and ") + (check ? "--check" : "--screenshot") + " cannot be combined";
  } else if (o.json && !check) {
    parsed.error = "--json goes with --check";
  } else if (o.verbose && !check) {
    parsed.error = "--verbose goes with --check";
  } else if (check) {
    o.mode = Mode::Check;
  } else if (screenshot) {
    o.mode = Mode::Screenshot;
  } else if (preview) {
    o.mode = Mode::Preview;
  } else if (record) {
    o.mode = Mode::Record;
  }
  return parsed;
}

}  // namespace newsticker::firmware
