// SPDX-License-Identifier: Apache-2.0
// The config file sets defaults; wrong keys or values name the file and line.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "firmware/Config.hpp"

using namespace newsticker::firmware;
namespace fs = std::filesystem;

namespace {

std::string writeConfig(const std::string& name, const std::string& yaml) {
  const fs::path path = fs::temp_directory_path() / ("newsticker-config-" + name + ".yaml");
  std::ofstream(path) << yaml;
  return path.string();
}

}  // namespace

TEST_CASE("config values become the defaults, and flags still win") {
  const std::string path = writeConfig("good",
                                       "content: /srv/newsticker\n"
                                       "size: 1080x1920\n"
                                       "duration: 12\n"
                                       "show_drafts: true\n"
                                       "language: zh-Hant\n"
                                       "max_post_kib: 256\n"
                                       "fonts:\n"
                                       "  regular: /opt/fonts/Regular.ttc\n"
                                       "  bold: /opt/fonts/Bold.ttc\n"
                                       "  fallbacks:\n"
                                       "    - /opt/fonts/Symbols.ttf\n"
                                       "    - {regular: /opt/fonts/Emoji.ttf, bitmap_height_em: 1.17, emoji: true}\n");
  const ConfigResult config = loadConfig(path, Options{});
  REQUIRE(config.error.empty());
  const Options& o = config.options;
  CHECK(o.content_dir == "/srv/newsticker");
  CHECK(o.width == 1080);
  CHECK(o.height == 1920);
  CHECK(o.duration_seconds == doctest::Approx(12));
  CHECK(o.show_drafts);
  CHECK(o.language == "zh-Hant");
  CHECK(o.max_post_bytes == 256 * 1024);
  CHECK(o.font_chain.regular_file == "/opt/fonts/Regular.ttc");
  CHECK(o.font_chain.bold_file == "/opt/fonts/Bold.ttc");
  REQUIRE(o.font_chain.fallbacks.size() == 2);
  CHECK(o.font_chain.fallbacks[0].regular_file == "/opt/fonts/Symbols.ttf");
  CHECK(o.font_chain.fallbacks[1].emoji);
  CHECK(o.font_chain.fallbacks[1].bitmap_height_em == doctest::Approx(1.17));

  const char* argv[] = {"newsticker", "--config", path.c_str(), "--duration", "5", "--content", "/tmp/other"};
  const ParsedCommandLine parsed = parseCommandLine(7, argv, o);
  REQUIRE(parsed.error.empty());
  CHECK(parsed.options.duration_seconds == doctest::Approx(5));
  CHECK(parsed.options.content_dir == "/tmp/other");
  CHECK(parsed.options.width == 1080);  // from the file
  fs::remove(path);
}

TEST_CASE("config mistakes name the file, the line and the reason") {
  const std::string typo = writeConfig("typo", "content: /srv/x\ndurration: 5\n");
  CHECK(loadConfig(typo, Options{}).error == typo + ":2: unknown key 'durration'");
  const std::string bad = writeConfig("bad", "duration: forever\n");
  CHECK(loadConfig(bad, Options{}).error == bad + ":1: duration has the wrong type");
  const std::string size = writeConfig("size", "size: huge\n");
  CHECK(loadConfig(size, Options{}).error.find(":1: size must be WxH") != std::string::npos);
  const std::string broken = writeConfig("broken", "fonts: [\n");
  CHECK(loadConfig(broken, Options{}).error.find("not valid YAML") != std::string::npos);
  CHECK(loadConfig("/nonexistent/newsticker.yaml", Options{}).error == "/nonexistent/newsticker.yaml: cannot be read");
  for (const auto& path : {typo, bad, size, broken}) fs::remove(path);
}

TEST_CASE("the screen around the cards is set in the config: crawl, rotation, safe area, transition, clock, theme") {
  const std::string path = writeConfig("screen",
                                       "crawl: false\n"
                                       "rotation: 90\n"
                                       "safe_area: 5%\n"
                                       "transition: {kind: slide, seconds: 1.2}\n"
                                       "clock: {hours: 24, time_zone: Europe/Berlin}\n"
                                       "renderer: software\n"
                                       "theme: {header: true, progress: false, crawl_speed: 150}\n");
  const ConfigResult config = loadConfig(path, Options{});
  REQUIRE_MESSAGE(config.error.empty(), config.error);
  const SceneSettings& scene = config.options.scene;
  CHECK_FALSE(scene.screen.crawl);
  CHECK(scene.rotation == 90);
  CHECK(scene.screen.safe_area == doctest::Approx(0.05));
  CHECK(scene.transition == TransitionKind::Slide);
  CHECK(scene.transition_seconds == doctest::Approx(1.2));
  CHECK(scene.clock.hours == newsticker::render::ClockHours::TwentyFour);
  CHECK(scene.clock.time_zone == "Europe/Berlin");
  CHECK(scene.renderer == RendererChoice::Software);
  CHECK(scene.screen.header);
  CHECK_FALSE(scene.screen.progress);
  CHECK(scene.crawl_speed == doctest::Approx(150));

  // --rotate on the command line wins over the file.
  const char* argv[] = {"newsticker", "--rotate", "270"};
  const ParsedCommandLine parsed = parseCommandLine(3, argv, config.options);
  REQUIRE(parsed.error.empty());
  CHECK(parsed.options.scene.rotation == 270);
}

TEST_CASE("transitions: fade-through by default; crossfade and slide by name") {
  CHECK(SceneSettings{}.transition == TransitionKind::FadeThrough);
  for (const auto& [yaml, kind] : {std::pair{"transition: fade-through\n", TransitionKind::FadeThrough},
                                   std::pair{"transition: crossfade\n", TransitionKind::Crossfade},
                                   std::pair{"transition: {kind: slide}\n", TransitionKind::Slide}}) {
    const std::string text = yaml;  // (clang: a structured binding cannot be captured)
    CAPTURE(text);
    Options base;
    base.scene.transition = kind == TransitionKind::FadeThrough ? TransitionKind::Slide : TransitionKind::FadeThrough;
    const ConfigResult config = loadConfig(writeConfig("transition", yaml), base);
    REQUIRE_MESSAGE(config.error.empty(), config.error);
    CHECK(config.options.scene.transition == kind);
  }
}

TEST_CASE("wrong screen settings name the line and the reason") {
  struct Case {
    const char* yaml;
    const char* expected;
  };
  for (const Case c : {Case{"crawl: true\nrotation: 45\n", ":2: rotation must be 0, 90, 180 or 270"},
                       Case{"safe_area: 30%\n", ":1: safe_area must be from 0% to 20%"},
                       Case{"transition: wipe\n", ":1: transition must be fade-through, crossfade or slide"},
                       Case{"clock:\n  time_zone: Mars/Olympus\n", ":2: unknown time zone 'Mars/Olympus'"},
                       Case{"theme: {sparkles: true}\n", ":1: unknown key 'theme.sparkles'"}}) {
    const ConfigResult config = loadConfig(writeConfig("bad-screen", c.yaml), Options{});
    CHECK_MESSAGE(config.error.find(c.expected) != std::string::npos, config.error);
  }
}

TEST_CASE("theme and display schedule from the config") {
  const std::string path = writeConfig("theme-display",
                                       "theme:\n"
                                       "  headline: '#102030'\n"
                                       "  name: light\n"
                                       "  qr: false\n"
                                       "  byline: false\n"
                                       "  summary_px: 50\n"
                                       "  autospace: [ja, zh]\n"
                                       "display:\n"
                                       "  on: '07:30'\n"
                                       "  off: '19:00'\n"
                                       "  days: [mon, tue, wed, thu, fri]\n"
                                       "  mode: 1920x1080@60\n");
  const ConfigResult config = loadConfig(path, Options{});
  REQUIRE_MESSAGE(config.error.empty(), config.error);
  const newsticker::render::Theme& theme = config.options.scene.theme;
  CHECK(theme.panel_top == newsticker::render::lightTheme().panel_top);  // the named theme, then the overrides
  CHECK(theme.headline == newsticker::render::Color{0x10, 0x20, 0x30});
  CHECK_FALSE(theme.qr);
  CHECK_FALSE(theme.byline);
  CHECK(newsticker::render::Theme{}.byline);  // on by default
  CHECK(theme.summary_px == 50);
  CHECK(theme.autospaces("ja"));
  CHECK(theme.autospaces("zh-Hant"));  // "zh" covers both Chinese scripts
  CHECK_FALSE(theme.autospaces("ko"));
  CHECK_FALSE(theme.autospaces("zhx"));
  CHECK_FALSE(newsticker::render::Theme{}.autospaces("ja"));  // off by default
  const ScreenSchedule& schedule = config.options.scene.schedule;
  CHECK(schedule.enabled);
  CHECK(schedule.on_minute == 7 * 60 + 30);
  CHECK(schedule.off_minute == 19 * 60);
  CHECK(schedule.days[4]);
  CHECK_FALSE(schedule.days[5]);
  CHECK(config.options.display_mode == "1920x1080@60");

  for (const auto& bad :
       {std::make_pair("theme: {name: neon}\n", ":1: theme.name must be dark or light"),
        std::make_pair("theme: {accent: blue}\n", ":1: theme.accent must be a colour"),
        std::make_pair("theme:\n  autospace: ja\n", ":2: theme.autospace must be a list"),
        std::make_pair("theme:\n  byline: sometimes\n", ":2: theme.byline has the wrong type"),
        std::make_pair("theme:\n  autospace: [ja, 'zh Hans']\n", ":2: theme.autospace must be a list"),
        std::make_pair("display:\n  on: 7am\n", ":2: display.on must be a time"),
        std::make_pair("display:\n  days: [mon, funday]\n", ":2: display.days: 'funday' is not a weekday"),
        std::make_pair("display: {mode: big}\n", ":1: display.mode must be WxH")}) {
    const ConfigResult wrong = loadConfig(writeConfig("bad-theme", bad.first), Options{});
    CHECK_MESSAGE(wrong.error.find(bad.second) != std::string::npos, wrong.error);
  }
}
