// SPDX-License-Identifier: Apache-2.0
// Records the show headless, as the display would play it, into an animated
// WebP: transitions, the crawl and the clock, on a fake clock (faster than
// real time, the same frames every run for the same wall time).
#pragma once

#include <string>

#include "firmware/CommandLine.hpp"
#include "firmware/ContentSession.hpp"

namespace newsticker::firmware {

// Plays `seconds` of the show at `options`' size (default 960x540) and
// `frames_per_second`, and writes the frames to `path` as an animated WebP
// (lossy, quality 80). SDL must be running on its headless driver. Returns 0,
// or 1 after one line on stderr when encoding or writing fails.
int recordAnimation(const Options& options, ContentSession& content, const std::string& path, double seconds,
                    double frames_per_second = 25);

}  // namespace newsticker::firmware
