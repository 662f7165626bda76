// SPDX-License-Identifier: Apache-2.0
// Where the card cycle stands on the loop's clock: the cycle's time zero and
// the named moves that shift it (start, hold while the next card is late,
// continue after a first look, swap in a new feed, restart after a blank
// schedule). The loop asks for the frame at a moment once per pass.
// Pure arithmetic over seconds; no clock, no SDL. See docs/ARCHITECTURE.md.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>

#include "firmware/CardCycle.hpp"

namespace newsticker::firmware {

// The cycle at one moment.
struct TimelineFrame {
  CycleFrame cycle;  // cards and transition
  double t = 0;      // seconds into the cycle (0 while a new feed is swapped in)
  double swap = -1;  // 0..1: a new feed's first card coming in over the previous feed's last; -1: no swap
  double crawl = 0;  // seconds since start(): the crawl's clock, which no hold or swap stops
  bool swapping() const { return swap >= 0; }
};

class CycleTimeline {
 public:
  // A timeline of `cycle`, not started: frameAt() counts from time 0 until
  // start(). A swap of feeds takes `swap_seconds` (the transition setting;
  // 0: at once), even when a cycle of one card has no transitions.
  CycleTimeline(CardCycle cycle, double swap_seconds);

  // Card 0's hold begins at `now`, and the crawl's clock starts.
  void start(double now);
  bool started() const { return started_; }

  // What is on screen at `now` (a moment before the cycle's time zero shows
  // its start).
  TimelineFrame frameAt(double now) const;
  // The card fully or partly on screen at `now` (frameAt(now).cycle.current).
  std::size_t currentCard(double now) const;
  // True when a transition between cards runs at `now`.
  bool transitioning(double now) const;

  // The next card is late: when a transition runs at `now`, the cycle moves
  // back to just before that transition began, so the card on screen goes on
  // holding. Nothing happens when no transition runs.
  void holdCurrentCard(double now);

  // The whole feed's cycle `whole` replaces a first look's: card `at` of it
  // is the card on screen, and its hold goes on from as far as the current
  // card's had run at `now`.
  void continueIn(CardCycle whole, std::size_t at, double now);

  // A new feed's cycle `fresh` replaces this one: from `now` a swap of
  // `swap_seconds` brings in its first card, whose hold begins when the swap
  // ends.
  void swapIn(CardCycle fresh, double now);
  // The new feed's first card is late: the swap starts again at `now`.
  void holdSwap(double now);
  // Ends a swap that has run its course by `now`; true when one just ended.
  bool finishSwap(double now);
  // True from swapIn until finishSwap ends it.
  bool swapping() const { return swap_start_ >= 0; }

  // Lets `change` rewrite the cycle in place at `now`: it is given the cycle
  // and the time into it, and returns the time in the rewritten cycle that
  // continues what is on screen, or nullopt when it changed nothing. The
  // cycle's time zero follows. True when the cycle changed.
  bool revise(double now, const std::function<std::optional<double>(CardCycle&, double)>& change);

  // After a blank schedule: card 0's hold begins again at `now`; the crawl's
  // clock runs on.
  void restart(double now);

  // The first moment after `now` at which the picture changes on its own (a
  // transition starts or ends, a swap ends): frameAt() shows the change from
  // that moment on, rounding notwithstanding. Infinity when nothing ever changes.
  double nextChange(double now) const;

  const CardCycle& cycle() const { return cycle_; }

 private:
  double swapProgress(double now) const;

  CardCycle cycle_;
  double swap_seconds_;
  bool started_ = false;
  double origin_ = 0;        // the cycle's time zero on the loop's clock
  double crawl_origin_ = 0;  // the crawl's time zero
  double swap_start_ = -1;   // when the running swap began; -1: none
};

}  // namespace newsticker::firmware
