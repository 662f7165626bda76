// Plays a DrawList into a CPU surface: the one place card pixels are made.
#pragma once

#include <map>
#include <string>

#include "render/DrawList.hpp"
#include "render/FontCache.hpp"
#include "render/SdlHandles.hpp"

namespace newsticker::render {

// Decoded logos by path, already scaled to their boxes (see loadLogo).
using LogoSurfaces = std::map<std::string, SurfacePtr>;

// Paints `list` into a new opaque ARGB8888 surface of list.width x list.height.
// Shapes are anti-aliased; text is rasterised with SDL_ttf (blended); a Logo
// whose path is not in `logos` is skipped. Returns null only when SDL cannot
// allocate the surface (SDL_GetError says why).
SurfacePtr paintDrawList(const DrawList& list, FontCache& fonts, const LogoSurfaces& logos);

}  // namespace newsticker::render
