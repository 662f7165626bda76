// SPDX-License-Identifier: Apache-2.0
// A card's ground: what stays on screen through a fade-through transition
// while the text fades out and in (background, panel, the QR and logo
// tiles), without any of the card's content. Pure; no SDL.
#pragma once

#include <string>

#include "render/DrawList.hpp"
#include "render/Theme.hpp"

namespace newsticker::render {

// The commands of `card` (a layoutCard result for `theme`) that are its
// chrome: the background, the panel and its shadow, the QR tile and its
// shadow, the logo tile; in their order, the list's size kept. Text, logos,
// photos, QR modules, monogram badges and topic chips are left out. Never fails.
DrawList cardGround(const DrawList& card, const Theme& theme);

// A string equal for two grounds exactly when they paint the same pixels
// (same size, same shapes in the same order): two cards with one ground share
// one texture.
std::string groundKey(const DrawList& ground);

}  // namespace newsticker::render
