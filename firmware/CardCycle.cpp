// SPDX-License-Identifier: Apache-2.0
#include "firmware/CardCycle.hpp"

#include <cmath>

namespace newsticker::firmware {

CardCycle::CardCycle(std::vector<double> holds, double transition)
    : holds_(std::move(holds)), transition_(transition) {
  if (holds_.empty()) holds_.push_back(1.0);
  for (double& hold : holds_) {
    if (!(hold > 0)) hold = 1.0;
  }
  if (holds_.size() == 1 || !(transition_ > 0)) transition_ = 0;
  period_ = 0;
  for (double hold : holds_) period_ += hold + transition_;
}

CycleFrame CardCycle::at(double t) const {
  CycleFrame frame;
  if (holds_.size() == 1) {
    frame.hold = 0;
    return frame;
  }
  double local = std::fmod(t < 0 ? 0 : t, period_);
  for (std::size_t i = 0; i < holds_.size(); ++i) {
    frame.current = frame.next = i;
    if (local < holds_[i]) {
      frame.hold = local / holds_[i];
      return frame;
    }
    local -= holds_[i];
    if (local < transition_) {
      frame.next = (i + 1) % holds_.size();
      frame.transition = std::fmax(local / transition_, 1e-6);
      frame.hold = 1;
      return frame;
    }
    local -= transition_;
  }
  frame.current = frame.next = 0;  // rounding at the very end of a period
  return frame;
}

double CardCycle::nextChange(double t) const {
  if (holds_.size() == 1) return INFINITY;
  const double base = t - std::fmod(t < 0 ? 0 : t, period_);
  double edge = base;
  // Walk the edges of this period and the next until one lies after t.
  for (int round = 0; round < 2; ++round) {
    for (double hold : holds_) {
      edge += hold;
      if (edge > t) return edge;
      edge += transition_;
      if (edge > t) return edge;
    }
  }
  return t + period_;
}

double CardCycle::holdStart(std::size_t index, double t) const {
  double start = t - std::fmod(t < 0 ? 0 : t, period_);
  for (std::size_t i = 0; i < index && i < holds_.size(); ++i) start += holds_[i] + transition_;
  return start;
}

}  // namespace newsticker::firmware
