// SPDX-License-Identifier: Apache-2.0
#include "render/CardGround.hpp"

#include <cstdio>

namespace newsticker::render {
namespace {

bool sameRgb(const Color& a, const Color& b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

// The colours the layout fills chrome with; a badge or a chip has its own.
bool chromeColour(const Color& c, const Theme& theme) {
  for (const Color& chrome : {theme.background_top, theme.panel_top, theme.qr_light, theme.logo_tile}) {
    if (c == chrome) return true;
  }
  return sameRgb(c, theme.shadow);  // the panel's shadow, and the QR tile's at half its alpha
}

}  // namespace

DrawList cardGround(const DrawList& card, const Theme& theme) {
  DrawList ground;
  ground.width = card.width;
  ground.height = card.height;
  for (const DrawCommand& command : card.commands) {
    const auto* shape = std::get_if<FillShape>(&command);
    if (shape != nullptr && chromeColour(shape->top, theme)) ground.commands.push_back(*shape);
  }
  return ground;
}

std::string groundKey(const DrawList& ground) {
  std::string key = std::to_string(ground.width) + "x" + std::to_string(ground.height);
  for (const DrawCommand& command : ground.commands) {
    const auto* s = std::get_if<FillShape>(&command);
    if (s == nullptr) continue;
    char part[160];
    std::snprintf(part, sizeof part, ";%d,%d,%d,%d,%d,%d,%02x%02x%02x%02x,%02x%02x%02x%02x", s->rect.x, s->rect.y,
                  s->rect.w, s->rect.h, s->radius, s->feather, s->top.r, s->top.g, s->top.b, s->top.a, s->bottom.r,
                  s->bottom.g, s->bottom.b, s->bottom.a);
    key += part;
  }
  return key;
}

}  // namespace newsticker::render
