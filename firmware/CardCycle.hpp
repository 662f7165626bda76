// SPDX-License-Identifier: Apache-2.0
// The timeline of the card cycle: which card shows when, how far its hold has
// run, and when a transition runs. Pure arithmetic over seconds; no clock, no SDL.
#pragma once

#include <cstddef>
#include <vector>

namespace newsticker::firmware {

struct CycleFrame {
  std::size_t current = 0;  // the card fully or partly on screen
  std::size_t next = 0;     // the card coming in (== current when no transition runs)
  double transition = 0;    // 0..1 progress of the transition; 0 while a card holds
  double hold = 0;          // 0..1 of the current card's hold elapsed (1 during a transition)
  bool transitioning() const { return transition > 0; }
};

class CardCycle {
 public:
  // Card i holds for `holds[i]` seconds, then a transition of `transition`
  // seconds leads to card i+1; after the last comes the first again. A single
  // card never moves. Non-positive holds count as 1 second; an empty list is
  // one card.
  CardCycle(std::vector<double> holds, double transition);

  // What is on screen `t` seconds after the cycle started (t < 0 counts as 0).
  CycleFrame at(double t) const;

  // The first moment after `t` at which the picture changes on its own (the
  // start of the next transition, or the end of the running one); infinity
  // for a single card.
  double nextChange(double t) const;

  // When card `index`'s hold starts in the period that contains `t`.
  double holdStart(std::size_t index, double t) const;

  std::size_t size() const { return holds_.size(); }
  double period() const { return period_; }
  double transitionSeconds() const { return transition_; }

 private:
  std::vector<double> holds_;
  double transition_;
  double period_;
};

}  // namespace newsticker::firmware
