// The timeline of the card cycle: which card shows when, and when a crossfade
// runs. Pure arithmetic over seconds; no clock, no SDL.
#pragma once

#include <cstddef>
#include <vector>

namespace newsticker::firmware {

struct CycleFrame {
  std::size_t current = 0;  // the card fully or partly on screen
  std::size_t next = 0;     // the card fading in (== current when no fade runs)
  double fade = 0;          // 0..1 progress of the crossfade; 0 while a card holds
  bool fading() const { return fade > 0; }
};

class CardCycle {
 public:
  // Card i holds for `holds[i]` seconds, then crossfades for `fade` seconds to
  // card i+1; after the last comes the first again. A single card never fades.
  // Non-positive holds count as 1 second. `holds` must not be empty.
  CardCycle(std::vector<double> holds, double fade);

  // What is on screen `t` seconds after the cycle started (t >= 0).
  CycleFrame at(double t) const;

  // The first moment after `t` at which the picture changes on its own (the
  // start of the next fade, or the end of the running one).
  double nextChange(double t) const;

  std::size_t size() const { return holds_.size(); }

 private:
  std::vector<double> holds_;
  double fade_;
  double period_;
};

}  // namespace newsticker::firmware
