// SPDX-License-Identifier: Apache-2.0
#include "render/LogoLoader.hpp"

#include <SDL_image.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "render/DecodeDeadline.hpp"
#include "render/ImageHeader.hpp"

namespace newsticker::render {
namespace {

struct RWCloser {
  void operator()(SDL_RWops* rw) const { SDL_RWclose(rw); }
};
using RWPtr = std::unique_ptr<SDL_RWops, RWCloser>;

// A raster logo is never drawn larger than this times its own size.
constexpr double kMaxLogoEnlargement = 2.0;

// The bytes of `path`, or nullopt with `error` set.
std::optional<std::string> readImageFile(const content::ContentTree& tree, const std::string& path,
                                         const LogoLimits& limits, std::string& error) {
  content::FileRead file = tree.read(path, limits.max_file_bytes);
  if (file.status != content::FileRead::Status::Ok) {
    if (file.status != content::FileRead::Status::TooLarge) {
      error = "cannot be read";
    } else if (limits.max_file_bytes % (1 << 20) == 0) {
      error = "is larger than the " + std::to_string(limits.max_file_bytes >> 20) + " MiB image size limit";
    } else {
      error = "is larger than the " + std::to_string(limits.max_file_bytes) + " byte image size limit";
    }
    return std::nullopt;
  }
  return std::move(file.bytes);
}

RWPtr readerOf(const std::string& bytes) {
  return RWPtr(SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size())));
}

bool isSvg(const std::string& bytes) {
  RWPtr rw = readerOf(bytes);
  return rw && IMG_isSVG(rw.get());
}

// Converts any decoded surface to ARGB8888 with its colour premultiplied by
// its alpha, so that filtering never mixes in the colour of transparent
// pixels (a palette PNG's magenta key, the black of an icon's clear corners).
SurfacePtr premultipliedArgb(SDL_Surface& decoded, std::string& error) {
  SurfacePtr argb(SDL_ConvertSurfaceFormat(&decoded, SDL_PIXELFORMAT_ARGB8888, 0));
  if (!argb) {
    error = SDL_GetError();
    return nullptr;
  }
  auto* pixels = static_cast<std::uint8_t*>(argb->pixels);
  for (int y = 0; y < argb->h; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(pixels + static_cast<std::ptrdiff_t>(y) * argb->pitch);
    for (int x = 0; x < argb->w; ++x) {
      const std::uint32_t p = row[x];
      const std::uint32_t a = p >> 24;
      if (a == 255) continue;
      const auto channel = [&](int shift) { return ((((p >> shift) & 0xFF) * a + 127) / 255) << shift; };
      row[x] = (a << 24) | channel(16) | channel(8) | channel(0);
    }
  }
  return argb;
}

// Decodes raster `bytes` after checking the size its header declares.
SurfacePtr decodeRaster(const std::string& bytes, const LogoLimits& limits, std::string& error) {
  const auto header = readImageHeader(bytes);
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
  if (header->scans > limits.max_jpeg_scans) {
    error = "is a JPEG with " + std::to_string(header->scans) + " scans, over the " +
            std::to_string(limits.max_jpeg_scans) + " scan limit; not decoded";
    return nullptr;
  }
  if (header->scan_blocks > limits.max_jpeg_scan_blocks) {
    error = "is a JPEG whose " + std::to_string(header->scans) + " scans walk " +
            std::to_string(static_cast<long long>(header->scan_blocks)) + " blocks, over the " +
            std::to_string(static_cast<long long>(limits.max_jpeg_scan_blocks)) + " block limit; not decoded";
    return nullptr;
  }
  RWPtr rw = readerOf(bytes);
  SurfacePtr decoded(rw ? IMG_Load_RW(rw.get(), 0) : nullptr);
  if (!decoded) {
    error = std::string("cannot be decoded: ") + IMG_GetError();
    return nullptr;
  }
  return decoded;
}

// How many numbers `svg` holds (path and shape coordinates, mostly): the
// rasteriser's work grows with them, faster than linearly for long strokes.
std::size_t svgNumbers(const std::string& svg) {
  std::size_t count = 0;
  bool in_number = false;
  for (const char c : svg) {
    const bool digit = c >= '0' && c <= '9';
    if (digit && !in_number) ++count;
    in_number = digit || (in_number && c == '.');
  }
  return count;
}

// Why rasterising SVG `bytes` with its larger side at `target_px` would cost
// too much, or "": more numbers than the limit (a 280 KB stroked path takes
// seconds), or more dashes, wider strokes or more edges (SvgWork).
std::string svgRefusal(const std::string& bytes, int target_px, const LogoLimits& limits) {
  const std::size_t numbers = svgNumbers(bytes);
  if (numbers > limits.max_svg_numbers) {
    return "is an SVG with " + std::to_string(numbers) + " coordinates, over the " +
           std::to_string(limits.max_svg_numbers) + " limit; not drawn";
  }
  return svgWorkRefusal(estimateSvgWork(bytes, target_px), limits.svg_work);
}

// Rasterises SVG `bytes` as SDL_image does: scaled to fit w x h; a side of 0
// leaves that side free (then `target_px` says the larger side it comes out
// at). An SVG that would cost too much (svgRefusal) is refused unparsed.
SurfacePtr rasteriseSvg(const std::string& bytes, int w, int h, std::string& error, const LogoLimits& limits,
                        int target_px = 0) {
  error = svgRefusal(bytes, target_px > 0 ? target_px : std::max(w, h), limits);
  if (!error.empty()) return nullptr;
  RWPtr rw = readerOf(bytes);
  SurfacePtr decoded(rw ? IMG_LoadSizedSVG_RW(rw.get(), w, h) : nullptr);
  if (!decoded) error = std::string("cannot be decoded: ") + IMG_GetError();
  return decoded;
}

bool withinLimits(const SDL_Surface& s, const LogoLimits& limits, std::string& error) {
  if (s.w > 0 && s.h > 0 && s.w <= limits.max_side && s.h <= limits.max_side) return true;
  error = "decodes to " + std::to_string(s.w) + "x" + std::to_string(s.h) + " pixels, over the limit";
  return false;
}

// Scales `region` of `src` (premultiplied ARGB8888) to w x h with bilinear
// filtering, halving first while the reduction is more than 2x so no source
// pixel is skipped. Null when SDL cannot allocate.
SurfacePtr scaleRegion(SurfacePtr src, SDL_Rect region, int w, int h) {
  while (region.w >= 2 * w && region.h >= 2 * h) {
    SurfacePtr half(SDL_CreateRGBSurfaceWithFormat(0, region.w / 2, region.h / 2, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!half || SDL_SoftStretchLinear(src.get(), &region, half.get(), nullptr) != 0) break;
    src = std::move(half);
    region = SDL_Rect{0, 0, src->w, src->h};
  }
  if (region.x == 0 && region.y == 0 && region.w == w && region.h == h && src->w == w && src->h == h) return src;
  SurfacePtr out(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
  if (!out || SDL_SoftStretchLinear(src.get(), &region, out.get(), nullptr) != 0) return nullptr;
  return out;
}

// Reads `path` and decodes it with `decode` under `limits.decode_seconds`:
// the decode gets its own copy of the bytes, so it may outlive the call.
template <typename DecodeBytes>
SurfacePtr readAndDecode(const content::ContentTree& tree, const std::string& path, const LogoLimits& limits,
                         std::string& error, DecodeBytes decode) {
  std::optional<std::string> read = readImageFile(tree, path, limits, error);
  if (!read) return nullptr;
  auto bytes = std::make_shared<const std::string>(std::move(*read));
  bool timed_out = false;
  return decodeWithDeadline([bytes, decode](std::string& why) { return decode(*bytes, why); }, limits.decode_seconds,
                            error, timed_out);
}

SurfacePtr decodeLogo(const std::string& bytes, int box_w, int box_h, std::string& error, const LogoLimits& limits) {
  const bool svg = isSvg(bytes);
  // Rasterised straight at the box size: an SVG's declared size costs nothing.
  SurfacePtr decoded = svg ? rasteriseSvg(bytes, box_w, box_h, error, limits) : decodeRaster(bytes, limits, error);
  if (!decoded || !withinLimits(*decoded, limits, error)) return nullptr;
  SurfacePtr argb = premultipliedArgb(*decoded, error);
  if (!argb) return nullptr;
  double scale = std::min(static_cast<double>(box_w) / argb->w, static_cast<double>(box_h) / argb->h);
  if (!svg) scale = std::min(scale, kMaxLogoEnlargement);
  const int w = std::clamp(static_cast<int>(std::lround(argb->w * scale)), 1, box_w);
  const int h = std::clamp(static_cast<int>(std::lround(argb->h * scale)), 1, box_h);
  const SDL_Rect whole{0, 0, argb->w, argb->h};
  SurfacePtr scaled = scaleRegion(std::move(argb), whole, w, h);
  if (!scaled) error = "cannot be scaled";
  return scaled;
}

SurfacePtr decodePhoto(const std::string& bytes, int box_w, int box_h, std::string& error, const LogoLimits& limits) {
  SurfacePtr decoded;
  if (isSvg(bytes)) {
    // Fitted first to learn its shape, then rasterised again so that its
    // narrower side fills the box.
    SurfacePtr fitted = rasteriseSvg(bytes, box_w, box_h, error, limits);
    if (!fitted) return nullptr;
    const bool wider_than_box = static_cast<long>(fitted->w) * box_h > static_cast<long>(box_w) * fitted->h;
    const double cover =
        wider_than_box ? static_cast<double>(box_h) / fitted->h : static_cast<double>(box_w) / fitted->w;
    if (fitted->w * cover > limits.max_side || fitted->h * cover > limits.max_side) {
      error = "is too narrow or too wide to fill its box";
      return nullptr;
    }
    const int larger = static_cast<int>(std::ceil(std::max(fitted->w, fitted->h) * cover));
    decoded = wider_than_box ? rasteriseSvg(bytes, 0, box_h, error, limits, larger)
                             : rasteriseSvg(bytes, box_w, 0, error, limits, larger);
  } else {
    decoded = decodeRaster(bytes, limits, error);
  }
  if (!decoded || !withinLimits(*decoded, limits, error)) return nullptr;
  SurfacePtr argb = premultipliedArgb(*decoded, error);
  if (!argb) return nullptr;
  // The largest centred region of the box's shape: scaled to the box, it
  // covers it with the same factor on both axes.
  const double scale = std::max(static_cast<double>(box_w) / argb->w, static_cast<double>(box_h) / argb->h);
  const int crop_w = std::clamp(static_cast<int>(std::lround(box_w / scale)), 1, argb->w);
  const int crop_h = std::clamp(static_cast<int>(std::lround(box_h / scale)), 1, argb->h);
  const SDL_Rect region{(argb->w - crop_w) / 2, (argb->h - crop_h) / 2, crop_w, crop_h};
  SurfacePtr scaled = scaleRegion(std::move(argb), region, box_w, box_h);
  if (!scaled) error = "cannot be scaled";
  return scaled;
}

}  // namespace

SurfacePtr loadLogo(const content::ContentTree& tree, const std::string& path, int box_w, int box_h, std::string& error,
                    const LogoLimits& limits) {
  if (box_w <= 0 || box_h <= 0) {
    error = "has no room on the card";
    return nullptr;
  }
  box_w = std::min(box_w, limits.max_side);
  box_h = std::min(box_h, limits.max_side);
  return readAndDecode(tree, path, limits, error, [box_w, box_h, limits](const std::string& bytes, std::string& why) {
    return decodeLogo(bytes, box_w, box_h, why, limits);
  });
}

SurfacePtr loadPhoto(const content::ContentTree& tree, const std::string& path, int box_w, int box_h,
                     std::string& error, const LogoLimits& limits) {
  if (box_w <= 0 || box_h <= 0 || box_w > limits.max_side || box_h > limits.max_side) {
    error = "has no room on the card";
    return nullptr;
  }
  return readAndDecode(tree, path, limits, error, [box_w, box_h, limits](const std::string& bytes, std::string& why) {
    return decodePhoto(bytes, box_w, box_h, why, limits);
  });
}

double logoAspect(const content::ContentTree& tree, const std::string& path, const LogoLimits& limits,
                  std::string* svg_error) {
  const content::FileRead file = tree.read(path, limits.max_file_bytes);
  if (file.status != content::FileRead::Status::Ok) return 1.0;
  if (const auto header = readImageHeader(file.bytes)) {
    return header->width > 0 && header->height > 0 ? static_cast<double>(header->width) / header->height : 1.0;
  }
  if (!isSvg(file.bytes)) return 1.0;
  // A small rasterisation keeps the SVG's proportions: its size says them.
  auto bytes = std::make_shared<const std::string>(file.bytes);
  std::string error;
  bool timed_out = false;
  SurfacePtr probe =
      decodeWithDeadline([bytes, limits](std::string& why) { return rasteriseSvg(*bytes, 64, 0, why, limits, 64); },
                         limits.decode_seconds, error, timed_out);
  if (!probe && svg_error != nullptr) *svg_error = error.empty() ? "cannot be decoded" : error;
  if (!probe || probe->h <= 0) return 1.0;
  return static_cast<double>(probe->w) / probe->h;
}

}  // namespace newsticker::render
