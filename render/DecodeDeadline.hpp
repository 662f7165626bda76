// SPDX-License-Identifier: Apache-2.0
// Image decoding with a deadline. A decoder (SDL_image's nanosvg, libjpeg)
// cannot be interrupted, so each decode runs on a thread of its own; the
// caller waits until the deadline and then goes on without the picture,
// leaving that thread to finish (or not) alone with the bytes it owns.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

#include "render/SdlHandles.hpp"

namespace newsticker::render {

// A decode: owns everything it reads (copies of the bytes, never a borrowed
// tree), returns the picture or null with `error` set.
using Decode = std::function<SurfacePtr(std::string& error)>;

// Runs `decode` on a new thread and waits at most `seconds` for it. Returns
// its result; past the deadline (or when the calling thread's decodes are
// cancelled, see DecodeCancelScope) returns null with `error` saying so and
// `timed_out` true, and the thread runs on detached ("a runaway"). While
// `max_runaways` runaways are still running, nothing new is started: null at
// once with the reason. `seconds` <= 0 runs `decode` on the calling thread.
SurfacePtr decodeWithDeadline(const Decode& decode, double seconds, std::string& error, bool& timed_out,
                              std::size_t max_runaways = 4);

// Decodes that passed their deadline and have not finished yet, and how long
// the oldest of them has been running (0 when none).
std::size_t runawayDecodes();
double oldestRunawaySeconds();

// While alive, the decodes waited for on this thread end as soon as `cancel`
// is true (then cancelDecodeWaits() wakes them): a worker being shut down
// does not wait for a slow decode. Scopes do not nest.
class DecodeCancelScope {
 public:
  explicit DecodeCancelScope(const std::atomic<bool>& cancel);
  ~DecodeCancelScope();
  DecodeCancelScope(const DecodeCancelScope&) = delete;
  DecodeCancelScope& operator=(const DecodeCancelScope&) = delete;
};

// Wakes every waiting decodeWithDeadline so it looks at its cancel flag.
void cancelDecodeWaits();

}  // namespace newsticker::render
