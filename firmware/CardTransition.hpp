// SPDX-License-Identifier: Apache-2.0
// How the screen goes from one card to the next, frame by frame: which
// textures are drawn where and how opaque (a pure plan), the drawing of that
// plan, and the cards' grounds a fade-through shows between two texts.
#pragma once

#include <SDL.h>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "firmware/CardCycle.hpp"
#include "firmware/SceneSettings.hpp"
#include "render/Compositor.hpp"
#include "render/SdlHandles.hpp"

namespace newsticker::firmware {

// One texture of a transition frame; layers are drawn in order, bottom first.
struct TransitionLayer {
  enum class Source { Ground, From, To };
  Source source = Source::From;
  render::Rect at;     // in the scene
  double opacity = 1;  // 0..1
};

// A fade-through spends this share of its time fading the outgoing card's
// content out and as much fading the incoming one in; the bare ground shows
// alone in between (0.08 s of a 0.8 s transition).
constexpr double kFadeThroughShare = 0.45;

// Ease in and out, so a movement starts and lands softly: 0 -> 0, 1 -> 1.
double easedProgress(double p);

// The layers of the frame `progress` (0..1) into a transition of `kind` on a
// `width` x `height` scene:
// - FadeThrough: the incoming card's ground, then the outgoing card fading
//   out over the first kFadeThroughShare, or the incoming card fading in over
//   the last; never both cards at once;
// - Crossfade: the outgoing card, the incoming one over it fading in (both
//   texts show at once for most of the time);
// - Slide: the outgoing card pushed out to the left by the incoming one.
// Layers with opacity 0 are left out. Pure; never fails.
std::vector<TransitionLayer> transitionLayers(TransitionKind kind, double progress, int width, int height);

// The card the screen counts as shown in `frame` (its position in the header
// and on the progress track): the incoming one from a transition's midpoint,
// where a fade-through shows the bare panel.
std::size_t cardShownAt(const CycleFrame& frame);

// Draws `layers` with `compositor`. A missing texture (null: not prepared
// yet) is drawn as `missing` when the layer is opaque, else left out.
void drawTransition(render::Compositor& compositor, const std::vector<TransitionLayer>& layers, SDL_Texture* ground,
                    SDL_Texture* from, SDL_Texture* to, const render::Color& missing);

// The grounds of the cards prepared, one texture per distinct ground
// (render::groundKey): most cards of a feed share one or two.
class CardGrounds {
 public:
  // Card `index` has the ground `key`, painted in `surface` (made by
  // render::uploadReady for the compositor's rotation, opaque), uploaded
  // unless a texture of that key is held already. Returns false, the card
  // left without a ground, when the upload fails (SDL_GetError says why).
  bool put(std::size_t index, const std::string& key, SDL_Surface& surface, render::Compositor& compositor);

  // Card `index`'s ground texture; null when it has none.
  SDL_Texture* of(std::size_t index) const;

  // Forgets every card but those in `keep`, and frees the textures no kept
  // card uses.
  void keepOnly(const std::vector<std::size_t>& keep);

  void clear();
  std::size_t textures() const { return textures_.size(); }

 private:
  std::map<std::string, render::TexturePtr> textures_;
  std::map<std::size_t, std::string> keys_;
};

}  // namespace newsticker::firmware
