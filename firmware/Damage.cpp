// SPDX-License-Identifier: Apache-2.0
#include "firmware/Damage.hpp"

#include <algorithm>

namespace newsticker::firmware {
namespace {

bool inside(const render::Rect& a, const render::Rect& b) {
  return a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
}

// `rects` without empty ones and without any that lies inside another.
std::vector<render::Rect> withoutInner(const std::vector<render::Rect>& rects) {
  std::vector<render::Rect> kept;
  for (std::size_t i = 0; i < rects.size(); ++i) {
    const render::Rect& r = rects[i];
    if (r.w <= 0 || r.h <= 0) continue;
    bool covered = false;
    for (std::size_t j = 0; j < rects.size() && !covered; ++j) {
      // Of two equal rectangles the first is kept.
      covered = j != i && inside(r, rects[j]) && (!inside(rects[j], r) || j < i);
    }
    if (!covered) kept.push_back(r);
  }
  return kept;
}

}  // namespace

Damage::Damage(int buffers) : buffers_(std::max(buffers, 1)) {}

DamageRegion Damage::next(bool whole, const std::vector<render::Rect>& changed) {
  DamageRegion own;
  if (!whole && !fresh_) own.rects = withoutInner(changed);
  own.whole = own.rects.empty();  // asked for, the first frame, or no area named
  fresh_ = false;

  DamageRegion region = own;
  std::vector<render::Rect> all = own.rects;
  for (const DamageRegion& missed : recent_) {
    region.whole = region.whole || missed.whole;
    all.insert(all.end(), missed.rects.begin(), missed.rects.end());
  }
  if (!region.whole) region.rects = withoutInner(all);
  else region.rects.clear();

  recent_.push_back(std::move(own));
  while (recent_.size() >= static_cast<std::size_t>(buffers_)) recent_.pop_front();
  return region;
}

std::optional<ScreenEvent> screenEventFor(const SDL_Event& event) {
  switch (event.type) {
    case SDL_QUIT:
      return ScreenEvent::Quit;
    case SDL_KEYDOWN:
      if (event.key.keysym.sym == SDLK_ESCAPE || event.key.keysym.sym == SDLK_q) return ScreenEvent::Quit;
      return std::nullopt;
    case SDL_WINDOWEVENT:
      switch (event.window.event) {
        case SDL_WINDOWEVENT_SIZE_CHANGED:
          return ScreenEvent::Resized;
        case SDL_WINDOWEVENT_EXPOSED:
        case SDL_WINDOWEVENT_SHOWN:
        case SDL_WINDOWEVENT_RESTORED:
          return ScreenEvent::Exposed;
        default:
          return std::nullopt;
      }
    case SDL_DISPLAYEVENT:
      return ScreenEvent::Resized;  // connected, disconnected or turned: the size may be new
    case SDL_RENDER_TARGETS_RESET:
      return ScreenEvent::Exposed;  // target textures lost their pixels; the loop draws none it keeps
    case SDL_RENDER_DEVICE_RESET:
      return ScreenEvent::Reset;
    default:
      return std::nullopt;
  }
}

}  // namespace newsticker::firmware
