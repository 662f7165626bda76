// SPDX-License-Identifier: Apache-2.0
// SDL, SDL_ttf and SDL_image initialised for the program's lifetime (RAII).
#pragma once

#include <string>

namespace newsticker::firmware {

class SdlRuntime {
 public:
  // Initialises video with the given driver hint ("" = SDL's choice; "dummy"
  // for headless, which also turns framebuffer acceleration off). Throws
  // std::runtime_error with SDL's reason when video cannot start.
  explicit SdlRuntime(const std::string& video_driver);
  ~SdlRuntime();
  SdlRuntime(const SdlRuntime&) = delete;
  SdlRuntime& operator=(const SdlRuntime&) = delete;
};

// True when a display can be opened: DISPLAY or WAYLAND_DISPLAY is set, or a
// DRM card device (/dev/dri/card*) can be opened for KMS.
bool displayAvailable();

}  // namespace newsticker::firmware
