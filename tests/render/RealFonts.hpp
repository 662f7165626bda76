// SPDX-License-Identifier: Apache-2.0
// The real font chain (Debian's Noto Sans CJK) for render tests: SDL_ttf is
// started once for the test process and the cache lives until it ends.
#pragma once

#include <SDL_ttf.h>

#include <stdexcept>

#include "fonts/FontChain.hpp"
#include "render/FontCache.hpp"

inline newsticker::render::FontCache& realFonts() {
  static const bool started = [] {
    if (TTF_Init() != 0) throw std::runtime_error(TTF_GetError());
    return true;
  }();
  static newsticker::render::FontCache fonts(newsticker::fonts::defaultFontChain());
  (void)started;
  return fonts;
}
