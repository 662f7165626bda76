// SPDX-License-Identifier: Apache-2.0
#include "firmware/SdlRuntime.hpp"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace newsticker::firmware {

SdlRuntime::SdlRuntime(const std::string& video_driver) {
  if (!video_driver.empty()) {
    SDL_SetHint(SDL_HINT_VIDEODRIVER, video_driver.c_str());
    setenv("SDL_VIDEODRIVER", video_driver.c_str(), 1);
    // Without this, SDL wraps a headless window in Mesa's llvmpipe (~100 ms, ~100 MB).
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  }
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    throw std::runtime_error(std::string("cannot start video: ") + SDL_GetError());
  }
  if (TTF_Init() != 0) {
    SDL_Quit();
    throw std::runtime_error(std::string("cannot start SDL_ttf: ") + TTF_GetError());
  }
  IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
}

SdlRuntime::~SdlRuntime() {
  IMG_Quit();
  TTF_Quit();
  SDL_Quit();
}

bool displayAvailable() {
  for (const char* variable : {"DISPLAY", "WAYLAND_DISPLAY"}) {
    const char* value = std::getenv(variable);
    if (value != nullptr && *value != '\0') return true;
  }
  std::error_code ec;
  for (std::filesystem::directory_iterator it("/dev/dri", ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind("card", 0) != 0) continue;
    const int fd = open(it->path().c_str(), O_RDWR | O_CLOEXEC);
    if (fd >= 0) {
      close(fd);
      return true;
    }
  }
  return false;
}

}  // namespace newsticker::firmware
