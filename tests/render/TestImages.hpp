// SPDX-License-Identifier: Apache-2.0
// Small image files made in the test (PNG, JPEG from SDL surfaces), pixel
// reads, and the folder where tests write images for a person to look at.
#pragma once

#include <SDL.h>
#include <SDL_image.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "render/SdlHandles.hpp"

// The folder for images a test writes out: $NEWSTICKER_TEST_OUTPUT, else
// /tmp/newsticker-test-output.
inline std::filesystem::path testOutputDir() {
  const char* env = std::getenv("NEWSTICKER_TEST_OUTPUT");
  const std::filesystem::path dir =
      env != nullptr && *env != '\0' ? env : std::filesystem::temp_directory_path() / "newsticker-test-output";
  std::filesystem::create_directories(dir);
  return dir;
}

// Saves `surface` as `name` (.png) in the output folder; returns its path.
inline std::string writeTestPng(SDL_Surface& surface, const std::string& name) {
  const std::string path = (testOutputDir() / (name + ".png")).string();
  if (IMG_SavePNG(&surface, path.c_str()) != 0)
    throw std::runtime_error("cannot write " + path + ": " + IMG_GetError());
  return path;
}

inline std::string readBinaryFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The bytes of `surface` encoded as PNG (or JPEG at quality 95).
inline std::string encodedImage(SDL_Surface& surface, const std::string& name, bool jpeg = false) {
  const std::string path = (testOutputDir() / (name + (jpeg ? ".jpg" : ".png"))).string();
  const int saved = jpeg ? IMG_SaveJPG(&surface, path.c_str(), 95) : IMG_SavePNG(&surface, path.c_str());
  if (saved != 0) throw std::runtime_error("cannot write " + path + ": " + IMG_GetError());
  return readBinaryFile(path);
}

struct Argb {
  int a, r, g, b;
};

// Pixel (x, y) of a 32-bit ARGB8888 surface.
inline Argb argbAt(const SDL_Surface& s, int x, int y) {
  const Uint32 p = *reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(s.pixels) + y * s.pitch + x * 4);
  return Argb{static_cast<int>(p >> 24), static_cast<int>((p >> 16) & 0xFF), static_cast<int>((p >> 8) & 0xFF),
              static_cast<int>(p & 0xFF)};
}

inline newsticker::render::SurfacePtr argbSurface(int w, int h, Uint32 fill) {
  newsticker::render::SurfacePtr s(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
  if (!s) throw std::runtime_error(SDL_GetError());
  SDL_FillRect(s.get(), nullptr, fill);
  return s;
}
