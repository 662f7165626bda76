// SPDX-License-Identifier: Apache-2.0
// Plays a DrawList into a CPU surface: the one place card pixels are made.
#pragma once

#include <map>
#include <string>

#include "render/DrawList.hpp"
#include "render/FontCache.hpp"
#include "render/SdlHandles.hpp"

namespace newsticker::render {

// Decoded logos by path, already scaled to their boxes, premultiplied
// ARGB8888 (see loadLogo).
using LogoSurfaces = std::map<std::string, SurfacePtr>;

// Decoded photos by path, each exactly its box's size, premultiplied ARGB8888
// (see loadPhoto).
using PhotoSurfaces = std::map<std::string, SurfacePtr>;

// Paints `list` into a new opaque ARGB8888 surface of list.width x list.height.
// Shapes and photo corners are anti-aliased; text is rasterised with SDL_ttf
// (blended), each run in the face FontCache::runs picks; logos and photos are
// blended in premultiplied alpha; QR codes are drawn crisp, each module a
// whole number of pixels. A Logo or Photo whose path is not in `logos` /
// `photos` is skipped, as is a QrCode whose text cannot be encoded or whose
// box is smaller than one pixel per module. Borrows everything; returns null
// only when SDL cannot allocate the surface (SDL_GetError says why).
SurfacePtr paintDrawList(const DrawList& list, FontCache& fonts, const LogoSurfaces& logos,
                         const PhotoSurfaces& photos = PhotoSurfaces{});

}  // namespace newsticker::render
