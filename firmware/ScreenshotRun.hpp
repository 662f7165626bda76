// SPDX-License-Identifier: Apache-2.0
// Renders every card of the cycle headless, in order, to PNG files.
#pragma once

#include <cstddef>
#include <string>

#include "firmware/CommandLine.hpp"
#include "firmware/ContentSession.hpp"
#include "render/FontCache.hpp"
#include "render/SdlHandles.hpp"

namespace newsticker::firmware {

// Writes OUT_DIR/card-001.png, card-002.png, ... through the same renderer
// path as the display (a software renderer on SDL's headless driver; SDL must
// be running on it): the cards of the cycle as it is at --at (options.at;
// else now), each once, in the order they come (an urgent notice that is
// due first). Creates OUT_DIR; `shown_cards` (when given) receives how many
// were written.
// Returns 0, or 1 after one line on stderr when a file cannot be written.
int runScreenshots(const Options& options, ContentSession& content, const std::string& out_dir,
                   std::size_t* shown_cards = nullptr);

// The first screen the show draws for `content` at `width` x `height` (0:
// the size of `options`, default 1920x1080) with `fonts`, now: what
// --screenshot writes as card-001.png for the same content, through the same
// loop. SDL must be running. Null (after a line on stderr) when no frame was drawn.
render::SurfacePtr firstScreen(const Options& options, ContentSession& content, render::FontCache& fonts, int width = 0,
                               int height = 0);

}  // namespace newsticker::firmware
