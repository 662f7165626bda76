#include "render/LogoLoader.hpp"

#include <SDL_image.h>

#include <algorithm>

#include "render/ImageHeader.hpp"

namespace newsticker::render {
namespace {

struct RWCloser {
  void operator()(SDL_RWops* rw) const { SDL_RWclose(rw); }
};
using RWPtr = std::unique_ptr<SDL_RWops, RWCloser>;

// Scales `src` (ARGB8888) to w x h with bilinear filtering, halving first
// while the reduction is more than 2x so no source pixel is skipped.
SurfacePtr scaleTo(SurfacePtr src, int w, int h) {
  while (src->w >= 2 * w && src->h >= 2 * h) {
    SurfacePtr half(SDL_CreateRGBSurfaceWithFormat(0, src->w / 2, src->h / 2, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!half || SDL_SoftStretchLinear(src.get(), nullptr, half.get(), nullptr) != 0) break;
    src = std::move(half);
  }
  if (src->w == w && src->h == h) return src;
  SurfacePtr out(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
  if (!out || SDL_SoftStretchLinear(src.get(), nullptr, out.get(), nullptr) != 0) return nullptr;
  return out;
}

}  // namespace

SurfacePtr loadLogo(const content::ContentTree& tree, const std::string& path, int box_w, int box_h,
                    std::string& error, const LogoLimits& limits) {
  const content::FileRead file = tree.read(path, limits.max_file_bytes);
  if (file.status != content::FileRead::Status::Ok) {
    error = file.status == content::FileRead::Status::TooLarge ? "larger than the logo size limit"
                                                               : "cannot be read";
    return nullptr;
  }
  RWPtr rw(SDL_RWFromConstMem(file.bytes.data(), static_cast<int>(file.bytes.size())));
  if (!rw) {
    error = SDL_GetError();
    return nullptr;
  }
  SurfacePtr decoded;
  if (IMG_isSVG(rw.get())) {
    // Rasterised straight at the box size: an SVG's declared size costs nothing.
    decoded.reset(IMG_LoadSizedSVG_RW(rw.get(), box_w, box_h));
  } else {
    // Raster images: the header says how big the decoded pixels would be.
    const auto header = readImageHeader(file.bytes);
    if (!header) {
      error = "is not a PNG, JPEG, GIF, BMP or SVG image";
      return nullptr;
    }
    if (header->width <= 0 || header->height <= 0 || header->width > limits.max_side ||
        header->height > limits.max_side) {
      error = "is " + std::to_string(header->width) + "x" + std::to_string(header->height) + " pixels, over the " +
              std::to_string(limits.max_side) + " px limit; not decoded";
      return nullptr;
    }
    decoded.reset(IMG_Load_RW(rw.get(), 0));
  }
  if (!decoded) {
    error = std::string("cannot be decoded: ") + IMG_GetError();
    return nullptr;
  }
  if (decoded->w <= 0 || decoded->h <= 0 || decoded->w > limits.max_side || decoded->h > limits.max_side) {
    error = "decodes to " + std::to_string(decoded->w) + "x" + std::to_string(decoded->h) + " pixels, over the limit";
    return nullptr;
  }
  SurfacePtr argb(SDL_ConvertSurfaceFormat(decoded.get(), SDL_PIXELFORMAT_ARGB8888, 0));
  if (!argb) {
    error = SDL_GetError();
    return nullptr;
  }
  const double scale = std::min(static_cast<double>(box_w) / argb->w, static_cast<double>(box_h) / argb->h);
  const int w = std::max(1, static_cast<int>(argb->w * scale + 0.5));
  const int h = std::max(1, static_cast<int>(argb->h * scale + 0.5));
  SurfacePtr scaled = scaleTo(std::move(argb), w, h);
  if (!scaled) error = "cannot be scaled";
  return scaled;
}

}  // namespace newsticker::render
