// The kiosk's main loop: shows the card cycle on a display until asked to quit.
#pragma once

#include "firmware/CommandLine.hpp"
#include "firmware/ContentSession.hpp"

namespace newsticker::firmware {

// Opens a full-screen (or --windowed) window, cycles the playlist with
// crossfades, and returns 0 when Esc, q, SIGINT or SIGTERM ask it to stop.
// Sleeps in SDL_WaitEventTimeout while nothing moves. SDL must be running.
// Returns 1 (after one line on stderr) when no window or renderer can be made.
int runSlideshow(const Options& options, ContentSession& content);

}  // namespace newsticker::firmware
