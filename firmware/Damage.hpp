// SPDX-License-Identifier: Apache-2.0
// What each frame repaints and presents, and which screen events lose the
// picture: the one home of the present rules (docs/ARCHITECTURE.md, "The
// kiosk loop").
//
// - A screen that keeps its picture between presents (SDL's software
//   renderer drawing into the window surface, the recording screen) has one
//   buffer: a frame repaints and presents only what changed in it.
// - A page-flipped screen (a GPU renderer, double or triple buffered) draws
//   each frame into the back buffer it showed `buffers` presents ago: a frame
//   repaints what changed in it and in the frames that buffer missed, the
//   union of the last `buffers` frames' changes (everything, when one of them
//   was whole), and presents the whole buffer.
// - An event that damages or loses the picture (exposed, shown, restored, a
//   size or display change, render targets or the device reset) makes the
//   next frame whole; a device reset also means every texture is made again.
#pragma once

#include <SDL.h>

#include <deque>
#include <optional>
#include <vector>

#include "firmware/Screen.hpp"
#include "render/DrawList.hpp"

namespace newsticker::firmware {

// What one frame repaints and presents.
struct DamageRegion {
  bool whole = true;                // the whole output
  std::vector<render::Rect> rects;  // when not whole: these output rectangles (none overlapping another's inside)
};

class Damage {
 public:
  // A screen of `buffers` pictures (below 1 counts as 1). The first frame is
  // whole, and so is every frame until each buffer has had a whole one.
  explicit Damage(int buffers);

  // The region the next frame repaints: `whole`, or the output rectangles
  // `changed` since the frame before, together with what the back buffer it
  // is drawn into missed. No rectangle with an area counts as whole. Records
  // the frame's own changes.
  DamageRegion next(bool whole, const std::vector<render::Rect>& changed);

  int buffers() const { return buffers_; }

 private:
  int buffers_;
  bool fresh_ = true;                // nothing drawn yet
  std::deque<DamageRegion> recent_;  // the own changes of the last buffers - 1 frames, newest last
};

// What `event` means to the loop: Quit (SDL_QUIT, Esc, q), Resized (a
// window's size change, a display connected, disconnected or turned),
// Reset (the render device was reset: textures are lost), Exposed (the
// window exposed, shown or restored, render targets reset); nothing for the
// rest.
std::optional<ScreenEvent> screenEventFor(const SDL_Event& event);

}  // namespace newsticker::firmware
