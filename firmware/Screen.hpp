// SPDX-License-Identifier: Apache-2.0
// What the main loop draws on: the SDL window on a display, or a recording
// screen (an offscreen software renderer) for tests and headless capture.
#pragma once

#include <SDL.h>

#include <vector>

#include "render/DrawList.hpp"

namespace newsticker::firmware {

// What the loop hears from the screen (firmware/Damage.hpp says which SDL
// event means which).
enum class ScreenEvent {
  Quit,     // Esc, q, window closed, SIGINT or SIGTERM
  Resized,  // the output may have a new size (a window or display change): lay out again, or draw it all again
  Reset,    // the renderer lost its textures: prepare and upload them again
  Exposed,  // the picture was damaged or lost: draw the whole frame again
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
  // How many pictures the screen cycles through: 1 when what was drawn
  // stays for the next frame (a window surface), 2 or 3 when each frame is
  // drawn into a back buffer that missed the last ones (page flipping). The
  // loop's Damage repaints what each buffer lacks.
  virtual int bufferCount() const = 0;
  // Shows what was composed. `dirty` (output pixels) names the only parts
  // repainted since this buffer was last shown; empty means the whole output.
  virtual void present(const std::vector<render::Rect>& dirty) = 0;
  // Sleeps until `deadline` (seconds on the loop's clock), an event or a
  // wake(), whichever comes first, and returns the events that arrived.
  virtual std::vector<ScreenEvent> waitUntil(double deadline) = 0;
  // Ends a waitUntil early (a prepared card or a content change waits to be
  // taken). Any thread.
  virtual void wake() = 0;
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
