// SPDX-License-Identifier: Apache-2.0
#include "render/Compositor.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>

namespace newsticker::render {
namespace {

int normalRotation(int rotation) { return rotation == 90 || rotation == 180 || rotation == 270 ? rotation : 0; }

// Rect `r` inside a w x h area, turned clockwise by `rotation`.
Rect turn(const Rect& r, int rotation, int w, int h) {
  switch (rotation) {
    case 90:
      return Rect{h - r.y - r.h, r.x, r.h, r.w};
    case 180:
      return Rect{w - r.x - r.w, h - r.y - r.h, r.w, r.h};
    case 270:
      return Rect{r.y, w - r.x - r.w, r.h, r.w};
    default:
      return r;
  }
}

}  // namespace

SurfacePtr rotateSurface(SDL_Surface& surface, int rotation) {
  rotation = normalRotation(rotation);
  SurfacePtr src(SDL_ConvertSurfaceFormat(&surface, SDL_PIXELFORMAT_ARGB8888, 0));
  if (!src || rotation == 0) return src;
  const int w = src->w, h = src->h;
  const bool swap = rotation != 180;
  SurfacePtr dst(SDL_CreateRGBSurfaceWithFormat(0, swap ? h : w, swap ? w : h, 32, SDL_PIXELFORMAT_ARGB8888));
  if (!dst) return nullptr;
  const auto* in = static_cast<const std::uint8_t*>(src->pixels);
  auto* out = static_cast<std::uint8_t*>(dst->pixels);
  for (int y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(in + static_cast<std::ptrdiff_t>(y) * src->pitch);
    for (int x = 0; x < w; ++x) {
      int ox = x, oy = y;
      if (rotation == 90) {
        ox = h - 1 - y;
        oy = x;
      } else if (rotation == 180) {
        ox = w - 1 - x;
        oy = h - 1 - y;
      } else {
        ox = y;
        oy = w - 1 - x;
      }
      reinterpret_cast<std::uint32_t*>(out + static_cast<std::ptrdiff_t>(oy) * dst->pitch)[ox] = row[x];
    }
  }
  return dst;
}

Compositor::Compositor(SDL_Renderer& renderer, int rotation, int output_w, int output_h)
    : renderer_(renderer), rotation_(normalRotation(rotation)), output_w_(output_w), output_h_(output_h) {
  const bool swap = rotation_ == 90 || rotation_ == 270;
  scene_w_ = swap ? output_h : output_w;
  scene_h_ = swap ? output_w : output_h;
}

Rect Compositor::toOutput(const Rect& r) const { return turn(r, rotation_, scene_w_, scene_h_); }

SurfacePtr uploadReady(SDL_Surface& surface, int rotation, bool blend) {
  rotation = normalRotation(rotation);
  SurfacePtr turned;
  if (rotation != 0) {
    turned = rotateSurface(surface, rotation);
    if (!turned) return nullptr;
  }
  SDL_Surface& source = turned ? *turned : surface;
  // An opaque picture goes up without an alpha channel: a crossfade then
  // blends with one constant alpha, which SDL's software blitter does
  // several times faster than per-pixel alpha.
  if (!blend && source.format->Amask != 0)
    return SurfacePtr(SDL_ConvertSurfaceFormat(&source, SDL_PIXELFORMAT_RGB888, 0));
  if (turned) return turned;
  return SurfacePtr(SDL_ConvertSurfaceFormat(&source, source.format->format, 0));
}

TexturePtr Compositor::upload(SDL_Surface& surface, bool blend, bool ready) {
  SurfacePtr prepared;
  if (!ready) {
    prepared = uploadReady(surface, rotation_, blend);
    if (!prepared) return nullptr;
  }
  TexturePtr texture(SDL_CreateTextureFromSurface(&renderer_, prepared ? prepared.get() : &surface));
  if (texture) SDL_SetTextureBlendMode(texture.get(), blend ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
  return texture;
}

void Compositor::draw(SDL_Texture& texture, const Rect& at, Uint8 alpha, const Rect* from) {
  const Rect out = toOutput(at);
  const SDL_Rect dst{out.x, out.y, out.w, out.h};
  SDL_SetTextureAlphaMod(&texture, alpha);
  SDL_BlendMode mode = SDL_BLENDMODE_NONE;
  SDL_GetTextureBlendMode(&texture, &mode);
  if (alpha < 255 && mode == SDL_BLENDMODE_NONE) SDL_SetTextureBlendMode(&texture, SDL_BLENDMODE_BLEND);
  if (from == nullptr) {
    SDL_RenderCopy(&renderer_, &texture, nullptr, &dst);
  } else {
    int tw = 0, th = 0;
    SDL_QueryTexture(&texture, nullptr, nullptr, &tw, &th);
    const bool swap = rotation_ == 90 || rotation_ == 270;
    const Rect part = turn(*from, rotation_, swap ? th : tw, swap ? tw : th);
    const SDL_Rect src{part.x, part.y, part.w, part.h};
    SDL_RenderCopy(&renderer_, &texture, &src, &dst);
  }
  if (alpha < 255 && mode == SDL_BLENDMODE_NONE) SDL_SetTextureBlendMode(&texture, SDL_BLENDMODE_NONE);
}

void Compositor::fill(const Rect& r, const Color& color) {
  if (r.w <= 0 || r.h <= 0) return;
  const Rect out = toOutput(r);
  const SDL_Rect rect{out.x, out.y, out.w, out.h};
  SDL_SetRenderDrawBlendMode(&renderer_, color.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(&renderer_, color.r, color.g, color.b, color.a);
  SDL_RenderFillRect(&renderer_, &rect);
}

void Compositor::clipTo(const std::vector<Rect>& clip) {
  if (clip.empty()) {
    SDL_RenderSetClipRect(&renderer_, nullptr);
    return;
  }
  int x0 = INT_MAX, y0 = INT_MAX, x1 = INT_MIN, y1 = INT_MIN;
  for (const Rect& r : clip) {
    const Rect o = toOutput(r);
    x0 = std::min(x0, o.x);
    y0 = std::min(y0, o.y);
    x1 = std::max(x1, o.x + o.w);
    y1 = std::max(y1, o.y + o.h);
  }
  const SDL_Rect box{x0, y0, x1 - x0, y1 - y0};
  SDL_RenderSetClipRect(&renderer_, &box);
}

}  // namespace newsticker::render
