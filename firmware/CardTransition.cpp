// SPDX-License-Identifier: Apache-2.0
#include "firmware/CardTransition.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace newsticker::firmware {

double easedProgress(double p) {
  p = std::clamp(p, 0.0, 1.0);
  return p * p * (3 - 2 * p);
}

std::vector<TransitionLayer> transitionLayers(TransitionKind kind, double progress, int width, int height) {
  using Source = TransitionLayer::Source;
  const render::Rect whole{0, 0, width, height};
  std::vector<TransitionLayer> layers;
  const double p = std::clamp(progress, 0.0, 1.0);
  if (kind == TransitionKind::Slide) {
    const int dx = static_cast<int>(std::lround(easedProgress(p) * width));
    layers.push_back({Source::From, {-dx, 0, width, height}, 1});
    layers.push_back({Source::To, {width - dx, 0, width, height}, 1});
  } else if (kind == TransitionKind::Crossfade) {
    layers.push_back({Source::From, whole, 1});
    const double in = easedProgress(p);
    if (in > 0) layers.push_back({Source::To, whole, in});
  } else {
    layers.push_back({Source::Ground, whole, 1});
    const double out = 1 - easedProgress(p / kFadeThroughShare);
    const double in = easedProgress((p - (1 - kFadeThroughShare)) / kFadeThroughShare);
    if (out > 0) layers.push_back({Source::From, whole, out});
    if (in > 0) layers.push_back({Source::To, whole, in});
  }
  return layers;
}

std::size_t cardShownAt(const CycleFrame& frame) {
  return frame.transitioning() && frame.transition >= 0.5 ? frame.next : frame.current;
}

void drawTransition(render::Compositor& compositor, const std::vector<TransitionLayer>& layers, SDL_Texture* ground,
                    SDL_Texture* from, SDL_Texture* to, const render::Color& missing) {
  for (const TransitionLayer& layer : layers) {
    SDL_Texture* texture = layer.source == TransitionLayer::Source::Ground ? ground
                           : layer.source == TransitionLayer::Source::From ? from
                                                                           : to;
    const auto alpha = static_cast<Uint8>(std::lround(255 * std::clamp(layer.opacity, 0.0, 1.0)));
    if (texture != nullptr) compositor.draw(*texture, layer.at, alpha);
    else if (alpha == 255) compositor.fill(layer.at, missing);
  }
}

bool CardGrounds::put(std::size_t index, const std::string& key, SDL_Surface& surface, render::Compositor& compositor) {
  if (textures_.count(key) == 0) {
    render::TexturePtr texture = compositor.upload(surface, false, true);
    if (!texture) {
      keys_.erase(index);
      return false;
    }
    textures_[key] = std::move(texture);
  }
  keys_[index] = key;
  return true;
}

SDL_Texture* CardGrounds::of(std::size_t index) const {
  const auto key = keys_.find(index);
  if (key == keys_.end()) return nullptr;
  const auto texture = textures_.find(key->second);
  return texture == textures_.end() ? nullptr : texture->second.get();
}

void CardGrounds::keepOnly(const std::vector<std::size_t>& keep) {
  std::set<std::string> used;
  for (auto it = keys_.begin(); it != keys_.end();) {
    if (std::find(keep.begin(), keep.end(), it->first) == keep.end()) {
      it = keys_.erase(it);
    } else {
      used.insert(it->second);
      ++it;
    }
  }
  for (auto it = textures_.begin(); it != textures_.end();) {
    it = used.count(it->first) ? std::next(it) : textures_.erase(it);
  }
}

void CardGrounds::clear() {
  keys_.clear();
  textures_.clear();
}

}  // namespace newsticker::firmware
