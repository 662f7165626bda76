// SPDX-License-Identifier: Apache-2.0
#include "render/CardPainter.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "render/QrCode.hpp"

namespace newsticker::render {
namespace {

// Source-over of `c` at `coverage` (0..256) onto an opaque ARGB pixel.
inline std::uint32_t blend(std::uint32_t dst, const Color& c, std::uint32_t coverage) {
  const std::uint32_t a = (c.a * coverage) >> 8;  // 0..255
  if (a == 0) return dst;
  if (a >= 255) return 0xFF000000u | (std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | c.b;
  const std::uint32_t inv = 255 - a;
  const auto mix = [&](int shift, std::uint32_t src) {
    const std::uint32_t d = (dst >> shift) & 0xFF;
    return ((src * a + d * inv + 127) / 255) << shift;
  };
  return 0xFF000000u | mix(16, c.r) | mix(8, c.g) | mix(0, c.b);
}

Color lerp(const Color& a, const Color& b, float t) {
  const auto mix = [t](std::uint8_t x, std::uint8_t y) {
    return static_cast<std::uint8_t>(std::lround(x + (y - x) * t));
  };
  return Color{mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b), mix(a.a, b.a)};
}

// Where a later opaque shape certainly covers every pixel (coverage 1 and
// alpha 255 there): its middle bands, one pixel in from where the rounded
// corners start. Whatever an earlier command puts there is painted over.
struct Hidden {
  Rect across, down;  // the horizontal and the vertical band
  bool contains(int x, int y) const {
    const auto in = [x, y](const Rect& r) { return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h; };
    return in(across) || in(down);
  }
  // The first column at or after `x` in row `y` that is not hidden.
  int skip(int x, int y) const {
    for (const Rect* r : {&across, &down}) {
      if (y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w) x = r->x + r->w;
    }
    return x;
  }
};

std::optional<Hidden> hiddenUnder(const FillShape& shape) {
  if (shape.top.a != 255 || shape.bottom.a != 255 || shape.feather > 1) return std::nullopt;
  const Rect& r = shape.rect;
  const int radius = std::max(0, std::min({shape.radius, r.w / 2, r.h / 2}));
  Hidden hidden{Rect{r.x + radius + 1, r.y + 1, r.w - 2 * radius - 2, r.h - 2},
                Rect{r.x + 1, r.y + radius + 1, r.w - 2, r.h - 2 * radius - 2}};
  if (hidden.across.w <= 0 || hidden.across.h <= 0 || hidden.down.w <= 0 || hidden.down.h <= 0) return std::nullopt;
  return hidden;
}

void fillShape(SDL_Surface& surface, const FillShape& shape, const std::optional<Hidden>& hidden) {
  const Rect& r = shape.rect;
  if (r.w <= 0 || r.h <= 0) return;
  const float feather = static_cast<float>(std::max(shape.feather, 0));
  const int grow = static_cast<int>(std::ceil(feather / 2.0f));
  const int x0 = std::max(0, r.x - grow), x1 = std::min(surface.w, r.x + r.w + grow);
  const int y0 = std::max(0, r.y - grow), y1 = std::min(surface.h, r.y + r.h + grow);
  const float cx = r.x + r.w / 2.0f, cy = r.y + r.h / 2.0f;
  const float radius = static_cast<float>(std::min({shape.radius, r.w / 2, r.h / 2}));
  const float half_w = r.w / 2.0f - radius, half_h = r.h / 2.0f - radius;
  auto* pixels = static_cast<std::uint8_t*>(surface.pixels);
  // Columns whose coverage is certainly full (more than half a feather
  // inside the straight edges): filled without computing any distance.
  const int inner_x0 = static_cast<int>(std::ceil(r.x + feather / 2.0f + 1.0f));
  const int inner_x1 = static_cast<int>(std::floor(r.x + r.w - feather / 2.0f - 1.0f));
  for (int y = y0; y < y1; ++y) {
    const float t = r.h > 1 ? std::clamp((y - r.y) / static_cast<float>(r.h - 1), 0.0f, 1.0f) : 0.0f;
    const Color color = lerp(shape.top, shape.bottom, t);
    auto* row = reinterpret_cast<std::uint32_t*>(pixels + static_cast<std::ptrdiff_t>(y) * surface.pitch);
    const float qy = std::fabs(y + 0.5f - cy) - half_h;
    // This row is clear of the corners and the top and bottom edges.
    const bool row_inside = qy - radius <= -feather / 2.0f - 1.0f && qy <= 0.0f;
    for (int x = x0; x < x1; ++x) {
      if (hidden && hidden->contains(x, y)) {
        x = hidden->skip(x, y) - 1;
        continue;
      }
      if (row_inside && x >= inner_x0 && x < inner_x1) {
        // Up to the hidden part, if it starts before the inner end.
        int end = inner_x1;
        if (hidden) {
          for (const Rect* h : {&hidden->across, &hidden->down}) {
            if (y >= h->y && y < h->y + h->h && h->x > x && h->x < end) end = h->x;
          }
        }
        const std::uint32_t full = blend(row[x], color, 256);
        if (color.a == 255) {
          std::fill(row + x, row + end, full);
        } else {
          for (int i = x; i < end; ++i) row[i] = blend(row[i], color, 256);
        }
        x = end - 1;
        continue;
      }
      const float qx = std::fabs(x + 0.5f - cx) - half_w;
      // Signed distance to the rounded rectangle's edge, negative inside.
      const float ox = std::max(qx, 0.0f), oy = std::max(qy, 0.0f);
      const float outside = (ox > 0.0f && oy > 0.0f) ? std::sqrt(ox * ox + oy * oy) : ox + oy;
      const float distance = outside + std::min(std::max(qx, qy), 0.0f) - radius;
      float coverage;
      if (feather <= 0.0f) {
        coverage = distance <= 0.0f ? 1.0f : 0.0f;
      } else {
        coverage = std::clamp(0.5f - distance / feather, 0.0f, 1.0f);
        if (feather > 1.0f) coverage = coverage * coverage * (3.0f - 2.0f * coverage);  // soft shadow
      }
      if (coverage > 0.0f) row[x] = blend(row[x], color, static_cast<std::uint32_t>(coverage * 256.0f + 0.5f));
    }
  }
}

void drawText(SDL_Surface& surface, const TextRun& run, FontCache& fonts) {
  if (run.text.empty()) return;
  const SDL_Color color{run.color.r, run.color.g, run.color.b, run.color.a};
  // Each piece in its own face, all on the one baseline, where FontCache's
  // line layout puts it (the layout FontCache::width measured).
  for (const PlacedRun& piece : fonts.layoutLine(run.text, run.font).runs) {
    FontSpec face_spec = run.font;
    face_spec.language = piece.language;
    TTF_Font& font = fonts.font(face_spec, piece.face, piece.rtl);
    const std::string text = run.text.substr(piece.begin, piece.end - piece.begin);
    SurfacePtr rendered(TTF_RenderUTF8_Blended(&font, text.c_str(), color));
    if (!rendered) continue;
    const double scale = fonts.scale(face_spec, piece.face);
    int ascent = TTF_FontAscent(&font);
    if (scale != 1.0) {
      // A bitmap face (colour emoji) is drawn at its own size, then scaled.
      const int w = std::max(1, static_cast<int>(std::lround(rendered->w * scale)));
      const int h = std::max(1, static_cast<int>(std::lround(rendered->h * scale)));
      SurfacePtr scaled(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
      SurfacePtr source(SDL_ConvertSurfaceFormat(rendered.get(), SDL_PIXELFORMAT_ARGB8888, 0));
      if (!scaled || !source || SDL_SoftStretchLinear(source.get(), nullptr, scaled.get(), nullptr) != 0) continue;
      rendered = std::move(scaled);
      ascent = static_cast<int>(std::lround(ascent * scale));
    }
    SDL_SetSurfaceBlendMode(rendered.get(), SDL_BLENDMODE_BLEND);
    SDL_Rect at{run.x + piece.x, run.baseline - ascent, rendered->w, rendered->h};
    SDL_BlitSurface(rendered.get(), nullptr, &surface, &at);
  }
}

// Source-over of premultiplied ARGB `src`, scaled by `coverage` (0..256),
// onto an opaque ARGB pixel.
inline std::uint32_t blendPremultiplied(std::uint32_t dst, std::uint32_t src, std::uint32_t coverage) {
  if (coverage < 256) {
    const auto scaled = [&](int shift) { return ((((src >> shift) & 0xFF) * coverage) >> 8) << shift; };
    src = scaled(24) | scaled(16) | scaled(8) | scaled(0);
  }
  const std::uint32_t a = src >> 24;
  if (a == 0) return dst;
  if (a == 255) return src;
  const std::uint32_t inv = 255 - a;
  const auto over = [&](int shift) {
    const std::uint32_t value = ((src >> shift) & 0xFF) + (((dst >> shift) & 0xFF) * inv + 127) / 255;
    return std::min<std::uint32_t>(value, 255) << shift;
  };
  return 0xFF000000u | over(16) | over(8) | over(0);
}

// How much of pixel (x, y) lies inside `rect` with corners of `radius`: 1
// inside, 0 outside, in between on the anti-aliased edge of a corner.
float roundedCoverage(int x, int y, const Rect& rect, float radius) {
  if (radius <= 0.0f) return 1.0f;
  const float px = x + 0.5f, py = y + 0.5f;
  // The centre of the corner circle nearest to the pixel.
  const float cx = std::clamp(px, rect.x + radius, rect.x + rect.w - radius);
  const float cy = std::clamp(py, rect.y + radius, rect.y + rect.h - radius);
  const float dx = px - cx, dy = py - cy;
  if (dx == 0.0f || dy == 0.0f) return 1.0f;  // beside a straight edge
  const float distance = std::sqrt(dx * dx + dy * dy) - radius;
  return std::clamp(0.5f - distance, 0.0f, 1.0f);
}

// Blends premultiplied ARGB8888 `image` with its top left at (left, top),
// clipped to `clip` (its corners rounded by `radius`) and to the surface.
void blendImage(SDL_Surface& surface, const SDL_Surface& image, int left, int top, const Rect& clip, int radius) {
  const int x0 = std::max({0, left, clip.x}), x1 = std::min({surface.w, left + image.w, clip.x + clip.w});
  const int y0 = std::max({0, top, clip.y}), y1 = std::min({surface.h, top + image.h, clip.y + clip.h});
  const float r = static_cast<float>(std::min({radius, clip.w / 2, clip.h / 2}));
  auto* dst_pixels = static_cast<std::uint8_t*>(surface.pixels);
  const auto* src_pixels = static_cast<const std::uint8_t*>(image.pixels);
  for (int y = y0; y < y1; ++y) {
    auto* dst = reinterpret_cast<std::uint32_t*>(dst_pixels + static_cast<std::ptrdiff_t>(y) * surface.pitch);
    const auto* src =
        reinterpret_cast<const std::uint32_t*>(src_pixels + static_cast<std::ptrdiff_t>(y - top) * image.pitch);
    for (int x = x0; x < x1; ++x) {
      const float coverage = roundedCoverage(x, y, clip, r);
      if (coverage <= 0.0f) continue;
      dst[x] = blendPremultiplied(dst[x], src[x - left], static_cast<std::uint32_t>(coverage * 256.0f + 0.5f));
    }
  }
}

void drawLogo(SDL_Surface& surface, const Logo& logo, const LogoSurfaces& logos) {
  const auto it = logos.find(logo.path);
  if (it == logos.end() || !it->second) return;
  const SDL_Surface& image = *it->second;
  blendImage(surface, image, logo.box.x + (logo.box.w - image.w) / 2, logo.box.y + (logo.box.h - image.h) / 2,
             Rect{0, 0, surface.w, surface.h}, 0);
}

void drawPhoto(SDL_Surface& surface, const Photo& photo, const PhotoSurfaces& photos) {
  const auto it = photos.find(photo.path);
  if (it == photos.end() || !it->second) return;
  const SDL_Surface& image = *it->second;
  // Exactly the box's size when loaded for it; otherwise centred and clipped.
  blendImage(surface, image, photo.box.x + (photo.box.w - image.w) / 2, photo.box.y + (photo.box.h - image.h) / 2,
             photo.box, photo.radius);
}

// Fills `rect` (clipped to the surface) with `color`, no anti-aliasing.
void fillCrisp(SDL_Surface& surface, const Rect& rect, const Color& color) {
  const int x0 = std::max(0, rect.x), x1 = std::min(surface.w, rect.x + rect.w);
  const int y0 = std::max(0, rect.y), y1 = std::min(surface.h, rect.y + rect.h);
  auto* pixels = static_cast<std::uint8_t*>(surface.pixels);
  for (int y = y0; y < y1; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(pixels + static_cast<std::ptrdiff_t>(y) * surface.pitch);
    for (int x = x0; x < x1; ++x) row[x] = blend(row[x], color, 256);
  }
}

void drawQrCode(SDL_Surface& surface, const QrCode& qr) {
  const QrMatrix matrix = encodeQr(qr.text);
  if (matrix.empty()) return;
  constexpr int kQuietModules = 4;  // on each side, as the standard asks
  const int span = matrix.size + 2 * kQuietModules;
  const int module = std::min(qr.box.w, qr.box.h) / span;
  if (module < 1) return;
  const int side = module * span;
  const int left = qr.box.x + (qr.box.w - side) / 2, top = qr.box.y + (qr.box.h - side) / 2;
  fillCrisp(surface, Rect{left, top, side, side}, qr.light);
  for (int y = 0; y < matrix.size; ++y) {
    for (int x = 0; x < matrix.size;) {
      if (!matrix.isDark(x, y)) {
        ++x;
        continue;
      }
      int end = x + 1;  // a horizontal run of dark modules, one fill
      while (end < matrix.size && matrix.isDark(end, y)) ++end;
      fillCrisp(
          surface,
          Rect{left + (kQuietModules + x) * module, top + (kQuietModules + y) * module, (end - x) * module, module},
          qr.dark);
      x = end;
    }
  }
}

}  // namespace

SurfacePtr paintDrawList(const DrawList& list, FontCache& fonts, const LogoSurfaces& logos,
                         const PhotoSurfaces& photos) {
  SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, list.width, list.height, 32, SDL_PIXELFORMAT_ARGB8888));
  if (!surface) return nullptr;
  // The largest opaque shape (the card's panel) hides what is under it: the
  // shapes drawn before it (background, shadow) leave that part out.
  std::size_t cover_index = list.commands.size();
  long cover_area = 0;
  for (std::size_t i = 0; i < list.commands.size(); ++i) {
    const auto* shape = std::get_if<FillShape>(&list.commands[i]);
    if (shape == nullptr || !hiddenUnder(*shape)) continue;
    const long area = static_cast<long>(shape->rect.w) * shape->rect.h;
    if (area > cover_area) cover_area = area, cover_index = i;
  }
  const std::optional<Hidden> cover =
      cover_index < list.commands.size() ? hiddenUnder(std::get<FillShape>(list.commands[cover_index])) : std::nullopt;
  // A first shape that fills the whole surface opaquely needs no clearing.
  const auto* first = list.commands.empty() ? nullptr : std::get_if<FillShape>(&list.commands.front());
  const bool covered = first != nullptr && first->top.a == 255 && first->bottom.a == 255 && first->rect.x <= 0 &&
                       first->rect.y <= 0 && first->rect.x + first->rect.w >= list.width &&
                       first->rect.y + first->rect.h >= list.height;
  if (!covered) SDL_FillRect(surface.get(), nullptr, 0xFF000000u);
  for (std::size_t i = 0; i < list.commands.size(); ++i) {
    const DrawCommand& command = list.commands[i];
    if (const auto* shape = std::get_if<FillShape>(&command)) {
      fillShape(*surface, *shape, i < cover_index ? cover : std::nullopt);
    } else if (const auto* run = std::get_if<TextRun>(&command)) {
      drawText(*surface, *run, fonts);
    } else if (const auto* logo = std::get_if<Logo>(&command)) {
      drawLogo(*surface, *logo, logos);
    } else if (const auto* photo = std::get_if<Photo>(&command)) {
      drawPhoto(*surface, *photo, photos);
    } else if (const auto* qr = std::get_if<QrCode>(&command)) {
      drawQrCode(*surface, *qr);
    }
  }
  return surface;
}

}  // namespace newsticker::render
