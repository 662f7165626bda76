// SPDX-License-Identifier: Apache-2.0
// The command line keeps the names the README documents.
#include <doctest/doctest.h>

#include <vector>

#include "firmware/CommandLine.hpp"

using namespace newsticker::firmware;

namespace {
ParsedCommandLine parse(std::vector<const char*> args) {
  args.insert(args.begin(), "newsticker");
  return parseCommandLine(static_cast<int>(args.size()), args.data());
}
}  // namespace

TEST_CASE("no arguments shows the demo feed") {
  const auto parsed = parse({});
  CHECK(parsed.error.empty());
  CHECK(parsed.options.mode == Mode::Show);
  CHECK(parsed.options.content_dir.empty());
}

TEST_CASE("show options") {
  const auto parsed = parse({"--content", "/srv/feed", "--size", "1080x1920", "--windowed", "--duration", "12.5"});
  REQUIRE(parsed.error.empty());
  CHECK(parsed.options.mode == Mode::Show);
  CHECK(parsed.options.content_dir == "/srv/feed");
  CHECK(parsed.options.width == 1080);
  CHECK(parsed.options.height == 1920);
  CHECK(parsed.options.windowed);
  CHECK(parsed.options.duration_seconds == doctest::Approx(12.5));
}

TEST_CASE("check and screenshot modes") {
  CHECK(parse({"--check"}).options.mode == Mode::Check);
  const auto json = parse({"--check", "--json", "--content", "x"});
  CHECK(json.options.mode == Mode::Check);
  CHECK(json.options.json);
  CHECK_FALSE(json.options.verbose);
  const auto verbose = parse({"--check", "--verbose", "--content", "x"});
  CHECK(verbose.error.empty());
  CHECK(verbose.options.verbose);
  CHECK(parse({"--verbose"}).error == "--verbose goes with --check");
  CHECK(usageText().find("--verbose") != std::string::npos);
  const auto shots = parse({"--screenshot", "out", "--size", "800x600"});
  CHECK(shots.options.mode == Mode::Screenshot);
  CHECK(shots.options.screenshot_dir == "out");
  CHECK(parse({}).options.max_post_bytes == 1024 * 1024);
  CHECK(parse({"--check", "--max-post-kib", "64"}).options.max_post_bytes == 64 * 1024);
  CHECK(parse({"--max-post-kib", "0"}).error.find("--max-post-kib") != std::string::npos);
}

TEST_CASE("usage errors name the problem") {
  CHECK(parse({"--size", "big"}).error.find("--size") != std::string::npos);
  CHECK(parse({"--size", "10x10"}).error.find("--size") != std::string::npos);
  CHECK(parse({"--duration", "0"}).error.find("--duration") != std::string::npos);
  CHECK(parse({"--duration"}).error.find("needs a value") != std::string::npos);
  CHECK(parse({"--bogus"}).error.find("--bogus") != std::string::npos);
  CHECK_FALSE(parse({"--check", "--screenshot", "x"}).error.empty());
  CHECK_FALSE(parse({"--json"}).error.empty());
  CHECK(usageText().find("--screenshot OUT_DIR") != std::string::npos);
}

TEST_CASE("--rotate, --renderer and --record with --seconds") {
  using namespace newsticker::firmware;
  const char* good[] = {"newsticker", "--rotate", "90", "--renderer", "software"};
  const ParsedCommandLine shown = parseCommandLine(5, good);
  REQUIRE(shown.error.empty());
  CHECK(shown.options.scene.rotation == 90);
  CHECK(shown.options.scene.renderer == RendererChoice::Software);

  const char* record[] = {"newsticker", "--record", "/tmp/a.webp", "--seconds", "12"};
  const ParsedCommandLine recorded = parseCommandLine(5, record);
  REQUIRE(recorded.error.empty());
  CHECK(recorded.options.mode == Mode::Record);
  CHECK(recorded.options.record_path == "/tmp/a.webp");
  CHECK(recorded.options.record_seconds == doctest::Approx(12));

  const char* bad_rotation[] = {"newsticker", "--rotate", "45"};
  CHECK(parseCommandLine(3, bad_rotation).error.find("--rotate must be 0, 90, 180 or 270") != std::string::npos);
  const char* both[] = {"newsticker", "--record", "a.webp", "--check"};
  CHECK(parseCommandLine(4, both).error.find("cannot be combined") != std::string::npos);
}
