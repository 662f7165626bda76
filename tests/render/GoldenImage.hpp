// SPDX-License-Identifier: Apache-2.0
// Compares a rendered surface with a committed reference PNG, with a
// per-pixel tolerance. On mismatch it writes the actual image and a
// difference image next to the build and names them in the returned message.
// NEWSTICKER_UPDATE_GOLDEN=1 rewrites the reference instead.
#pragma once

#include <SDL.h>
#include <SDL_image.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "render/SdlHandles.hpp"

struct GoldenResult {
  bool matches = false;
  std::string message;
};

// Two limits: at most `max_bad_fraction` of all pixels may differ by more
// than `channel_tolerance`, and no 16x16 tile may hold more than
// `max_bad_per_tile` of them: a changed word or digit (a wrong month) is a
// dense cluster however small its share of the image.
inline GoldenResult compareWithGolden(SDL_Surface& actual, const std::string& name, int channel_tolerance = 24,
                                      double max_bad_fraction = 0.002, int max_bad_per_tile = 6) {
  namespace fs = std::filesystem;
  const fs::path golden = fs::path(NEWSTICKER_GOLDEN_DIR) / (name + ".png");
  const char* output_env = std::getenv("NEWSTICKER_TEST_OUTPUT");
  const fs::path output = output_env != nullptr ? output_env : fs::temp_directory_path() / "newsticker-test-output";
  fs::create_directories(output);
  newsticker::render::SurfacePtr argb(SDL_ConvertSurfaceFormat(&actual, SDL_PIXELFORMAT_ARGB8888, 0));
  const char* update = std::getenv("NEWSTICKER_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    fs::create_directories(golden.parent_path());
    IMG_SavePNG(argb.get(), golden.c_str());
    return {true, "rewrote " + golden.string()};
  }
  newsticker::render::SurfacePtr loaded(IMG_Load(golden.c_str()));
  if (!loaded) return {false, "no golden image " + golden.string() + " (run with NEWSTICKER_UPDATE_GOLDEN=1)"};
  newsticker::render::SurfacePtr expected(SDL_ConvertSurfaceFormat(loaded.get(), SDL_PIXELFORMAT_ARGB8888, 0));
  const fs::path actual_path = output / (name + ".actual.png");
  if (expected->w != argb->w || expected->h != argb->h) {
    IMG_SavePNG(argb.get(), actual_path.c_str());
    return {false, "size differs from " + golden.string() + "; actual written to " + actual_path.string()};
  }
  newsticker::render::SurfacePtr diff(
      SDL_CreateRGBSurfaceWithFormat(0, argb->w, argb->h, 32, SDL_PIXELFORMAT_ARGB8888));
  long bad = 0;
  int worst = 0;
  constexpr int kTile = 16;
  const int tiles_across = (argb->w + kTile - 1) / kTile;
  std::vector<int> bad_in_tile(static_cast<std::size_t>(tiles_across) * ((argb->h + kTile - 1) / kTile), 0);
  for (int y = 0; y < argb->h; ++y) {
    const auto* a = reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(argb->pixels) + y * argb->pitch);
    const auto* e = reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(expected->pixels) + y * expected->pitch);
    auto* d = reinterpret_cast<Uint32*>(static_cast<Uint8*>(diff->pixels) + y * diff->pitch);
    for (int x = 0; x < argb->w; ++x) {
      int delta = 0;
      for (int shift = 0; shift <= 16; shift += 8) {
        delta = std::max(delta,
                         std::abs(static_cast<int>((a[x] >> shift) & 0xFF) - static_cast<int>((e[x] >> shift) & 0xFF)));
      }
      worst = std::max(worst, delta);
      const bool over = delta > channel_tolerance;
      bad += over;
      bad_in_tile[static_cast<std::size_t>(y / kTile) * tiles_across + x / kTile] += over;
      d[x] = over ? 0xFFFF00FFu : 0xFF000000u | (((a[x] >> 2) & 0x3F3F3F));
    }
  }
  const double fraction = static_cast<double>(bad) / (static_cast<double>(argb->w) * argb->h);
  const auto densest = std::max_element(bad_in_tile.begin(), bad_in_tile.end());
  const int densest_count = densest == bad_in_tile.end() ? 0 : *densest;
  if (fraction <= max_bad_fraction && densest_count <= max_bad_per_tile) return {true, ""};
  const auto at = static_cast<int>(densest - bad_in_tile.begin());
  const std::string cluster = " (densest 16x16 tile at " + std::to_string((at % tiles_across) * kTile) + "," +
                              std::to_string((at / tiles_across) * kTile) + ": " + std::to_string(densest_count) + ")";
  const fs::path diff_path = output / (name + ".diff.png");
  IMG_SavePNG(argb.get(), actual_path.c_str());
  IMG_SavePNG(diff.get(), diff_path.c_str());
  return {false, name + ": " + std::to_string(bad) + " pixels differ by more than " +
                     std::to_string(channel_tolerance) + " (worst " + std::to_string(worst) + ")" + cluster +
                     "; actual " + actual_path.string() + ", difference " + diff_path.string() + ", expected " +
                     golden.string()};
}
