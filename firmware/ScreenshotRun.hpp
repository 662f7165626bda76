// SPDX-License-Identifier: Apache-2.0
// Renders every card of the cycle headless, in order, to PNG files.
#pragma once

#include <string>

#include "firmware/CommandLine.hpp"
#include "firmware/ContentSession.hpp"

namespace newsticker::firmware {

// Writes OUT_DIR/card-001.png, card-002.png, ... through the same renderer
// path as the display (a software renderer on SDL's headless driver; SDL must
// be running on it). Creates OUT_DIR. Returns 0, or 1 after one line on
// stderr when a file cannot be written.
int runScreenshots(const Options& options, ContentSession& content, const std::string& out_dir);

}  // namespace newsticker::firmware
