// SPDX-License-Identifier: Apache-2.0
#include "firmware/RecordingScreen.hpp"

#include <stdexcept>
#include <string>

namespace newsticker::firmware {

RecordingScreen::RecordingScreen(ManualClock& clock, int width, int height, double stop_at, double frames_per_second)
    : clock_(clock), stop_at_(stop_at), fps_(frames_per_second > 0 ? frames_per_second : 60) {
  makeSurface(width, height);
}

void RecordingScreen::makeSurface(int width, int height) {
  renderer_.reset();
  surface_.reset(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
  if (!surface_) throw std::runtime_error(std::string("cannot make a frame surface: ") + SDL_GetError());
  renderer_.reset(SDL_CreateSoftwareRenderer(surface_.get()));
  if (!renderer_) throw std::runtime_error(std::string("cannot make a software renderer: ") + SDL_GetError());
}

void RecordingScreen::outputSize(int& width, int& height) {
  width = surface_->w;
  height = surface_->h;
}

void RecordingScreen::present(const std::vector<render::Rect>&) {
  SDL_RenderPresent(renderer_.get());  // flushes the queued drawing into the surface
  ++presents_;
  if (on_present) on_present(*surface_, clock_.now());
}

void RecordingScreen::resizeAt(double time, int width, int height) {
  resize_at_ = time;
  resize_w_ = width;
  resize_h_ = height;
}

std::vector<ScreenEvent> RecordingScreen::waitUntil(double deadline) {
  // SIGINT and SIGTERM arrive as SDL_QUIT: a capture stops as the show does.
  SDL_Event event;
  while (SDL_PollEvent(&event) != 0) {
    if (event.type == SDL_QUIT) {
      stopped_by_quit_ = true;
      return {ScreenEvent::Quit};
    }
  }
  if (resize_at_ >= 0 && deadline >= resize_at_) {
    clock_.advanceTo(resize_at_);
    resize_at_ = -1;
    makeSurface(resize_w_, resize_h_);
    return {ScreenEvent::Resized};
  }
  if (deadline >= stop_at_) {
    clock_.advanceTo(stop_at_);
    return {ScreenEvent::Quit};
  }
  clock_.advanceTo(deadline);
  return {};
}

bool RecordingScreen::setDisplayPower(bool on) {
  power_log.emplace_back(clock_.now(), on);
  return false;
}

}  // namespace newsticker::firmware
