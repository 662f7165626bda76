// SPDX-License-Identifier: Apache-2.0
// Issue 10, case 8: a PNG that cannot be written completely (a full disk) is
// an error: --screenshot exits 1 instead of reporting cards it did not write.
#include <doctest/doctest.h>

#include <filesystem>

#include "firmware/ContentSession.hpp"
#include "firmware/PngFile.hpp"
#include "firmware/ScreenshotRun.hpp"
#include "firmware/SdlRuntime.hpp"
#include "render/SdlHandles.hpp"

using namespace newsticker;
namespace fs = std::filesystem;

TEST_CASE("--screenshot onto a full disk fails with status 1") {
  REQUIRE(fs::exists("/dev/full"));
  firmware::SdlRuntime sdl("dummy");
  firmware::ContentSession content = firmware::openContent("", false);
  REQUIRE(content.playlist.size() >= 2);
  firmware::Options options;
  options.width = 320;
  options.height = 180;
  const fs::path out = fs::temp_directory_path() / "newsticker-test-full-disk";
  fs::remove_all(out);
  fs::create_directories(out);
  // The first card's file is the "disk" that is full: opening it works,
  // every write fails with ENOSPC.
  fs::create_symlink("/dev/full", out / "card-001.png");
  CHECK(firmware::runScreenshots(options, content, out.string()) == 1);
  fs::remove_all(out);
}

TEST_CASE("writePngFile reports a write that fails, and writes a complete file otherwise") {
  render::SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888));
  REQUIRE(surface);
  SDL_FillRect(surface.get(), nullptr, 0xFF3366CCu);
  std::string error;
  CHECK_FALSE(firmware::writePngFile(*surface, "/dev/full", error));
  CHECK(error == "No space left on device");
  CHECK_FALSE(firmware::writePngFile(*surface, "/dev/full/card.png", error));
  CHECK_FALSE(error.empty());

  const fs::path good = fs::temp_directory_path() / "newsticker-test-png-file.png";
  REQUIRE(firmware::writePngFile(*surface, good.string(), error));
  CHECK(fs::file_size(good) > 60);
  fs::remove(good);
}
