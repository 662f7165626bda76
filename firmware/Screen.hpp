// SPDX-License-Identifier: Apache-2.0
// What the main loop draws on: the SDL window on a display, or a recording
// screen (an offscreen software renderer) for tests and headless capture.
#pragma once

#include <SDL.h>

#include <vector>

#include "render/DrawList.hpp"

namespace newsticker::firmware {

enum class ScreenEvent {
  Quit,     // Esc, q, window closed, SIGINT or SIGTERM
  Resized,  // the output size changed: lay out again
  Reset,    // the renderer lost its textures: upload them again
  Exposed,  // the picture was damaged: draw the whole frame again
};

class Screen {
 public:
  virtual ~Screen() = default;
  // The renderer everything is composed with; owned by the screen.
  virtual SDL_Renderer& renderer() = 0;
  // The output size in pixels (SDL_GetRendererOutputSize).
  virtual void outputSize(int& width, int& height) = 0;
  // True when present() waits for the display's vertical blank.
  virtual bool vsync() const = 0;
  // Seconds between frames while something moves: the display's refresh
  // interval (60 Hz when it does not say).
  virtual double frameInterval() const = 0;
  // Shows what was composed. `dirty` (output pixels) names the only parts
  // that changed since the last present; empty means the whole output.
  virtual void present(const std::vector<render::Rect>& dirty) = 0;
  // Sleeps until `deadline` (seconds on the loop's clock) or an event,
  // whichever comes first, and returns the events that arrived.
  virtual std::vector<ScreenEvent> waitUntil(double deadline) = 0;
  // Puts the display itself to standby (`on` false) or wakes it, where the
  // screen can (DPMS on KMS/DRM). Returns false where it cannot: the caller
  // then shows a black frame instead. The next present after waking must be
  // a whole frame.
  virtual bool setDisplayPower(bool on) {
    (void)on;
    return false;
  }
};

}  // namespace newsticker::firmware
