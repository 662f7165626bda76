// SPDX-License-Identifier: Apache-2.0
// Puts the scene's textures and rectangles on an SDL renderer, the whole
// scene turned by 0, 90, 180 or 270 degrees for a panel mounted on its side.
// Textures are turned once when uploaded, so a frame is plain copies.
#pragma once

#include <SDL.h>

#include <vector>

#include "render/DrawList.hpp"
#include "render/SdlHandles.hpp"

namespace newsticker::render {

class Compositor {
 public:
  // Borrows `renderer`. `rotation` is clockwise degrees (0, 90, 180 or 270;
  // anything else counts as 0); the output is `output_w` x `output_h` pixels.
  Compositor(SDL_Renderer& renderer, int rotation, int output_w, int output_h);

  // The scene's size: the output's, with the sides swapped at 90 and 270.
  int sceneWidth() const { return scene_w_; }
  int sceneHeight() const { return scene_h_; }
  int outputWidth() const { return output_w_; }
  int outputHeight() const { return output_h_; }

  // Where the scene rectangle `r` lands on the output.
  Rect toOutput(const Rect& r) const;

  // A texture of `surface` turned to the output's orientation, with alpha
  // blending when `blend` is set. Null (SDL_GetError says why) on failure.
  // `ready`: the surface was made by uploadReady() for this rotation and
  // `blend`, and is taken as it is.
  TexturePtr upload(SDL_Surface& surface, bool blend = false, bool ready = false);

  int rotation() const { return rotation_; }

  // Copies `texture` (uploaded by this compositor) to the scene rectangle
  // `at`, taking the part `from` of it (in scene orientation; null = all),
  // with `alpha` (255 = opaque).
  void draw(SDL_Texture& texture, const Rect& at, Uint8 alpha = 255, const Rect* from = nullptr);

  // Fills the scene rectangle `r` with `color` (blended when not opaque).
  void fill(const Rect& r, const Color& color);

  // Limits drawing to the scene rectangles `clip` (their bounding box); empty: no limit.
  void clipTo(const std::vector<Rect>& clip);

 private:
  SDL_Renderer& renderer_;
  int rotation_;
  int output_w_, output_h_;
  int scene_w_, scene_h_;
};

// `surface` as upload() wants it for `rotation`: turned, and without an alpha
// channel unless `blend`. Pure pixel work, safe on any thread, so a worker
// does it and the display thread only copies. Null when memory runs out.
SurfacePtr uploadReady(SDL_Surface& surface, int rotation, bool blend);

// `surface` turned clockwise by `rotation` degrees (0, 90, 180, 270) as a new
// ARGB8888 surface; null when memory runs out.
SurfacePtr rotateSurface(SDL_Surface& surface, int rotation);

}  // namespace newsticker::render
