// SPDX-License-Identifier: Apache-2.0
// A screen without a display: the loop composes into an offscreen software
// renderer, each present hands the frame to a callback, and waiting moves a
// ManualClock instead of sleeping. For tests, screenshots and recordings.
#pragma once

#include <functional>
#include <utility>
#include <vector>

#include "firmware/Clock.hpp"
#include "firmware/Screen.hpp"
#include "render/SdlHandles.hpp"

namespace newsticker::firmware {

class RecordingScreen final : public Screen {
 public:
  // A `width` x `height` output; the loop is told to quit at `stop_at`
  // seconds on `clock` (or at a stop signal), and animates at `frames_per_second`. Throws
  // std::runtime_error when SDL cannot make the surface or renderer.
  RecordingScreen(ManualClock& clock, int width, int height, double stop_at, double frames_per_second = 60);

  SDL_Renderer& renderer() override { return *renderer_; }
  void outputSize(int& width, int& height) override;
  bool vsync() const override { return false; }
  double frameInterval() const override { return 1.0 / fps_; }
  void present(const std::vector<render::Rect>& dirty) override;
  std::vector<ScreenEvent> waitUntil(double deadline) override;
  // Records the request (time on the clock, on or off) in power_log; a
  // recording has no display to switch, so it answers false as a desktop would.
  bool setDisplayPower(bool on) override;

  // Every setDisplayPower call: the clock's time and whether it asked for on.
  std::vector<std::pair<double, bool>> power_log;

  // Called at each present with the whole output (ARGB8888) and the clock's time.
  std::function<void(SDL_Surface& frame, double time)> on_present;

  // At `time`, the output becomes `width` x `height` (a resize event follows).
  void resizeAt(double time, int width, int height);

  std::size_t presents() const { return presents_; }
  // True when a stop signal (SDL_QUIT) ended the run before `stop_at`.
  bool stoppedByQuit() const { return stopped_by_quit_; }

 private:
  void makeSurface(int width, int height);

  ManualClock& clock_;
  double stop_at_;
  double fps_;
  render::SurfacePtr surface_;
  render::RendererPtr renderer_;
  std::size_t presents_ = 0;
  bool stopped_by_quit_ = false;
  double resize_at_ = -1;
  int resize_w_ = 0, resize_h_ = 0;
};

}  // namespace newsticker::firmware
