// SPDX-License-Identifier: Apache-2.0
#include "firmware/CycleTimeline.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace newsticker::firmware {
namespace {

// How far before a transition's start a held card stands: CardCycle counts
// the very start of a transition as part of it.
constexpr double kBeforeTransition = 1e-6;

}  // namespace

CycleTimeline::CycleTimeline(CardCycle cycle, double swap_seconds)
    : cycle_(std::move(cycle)), swap_seconds_(swap_seconds) {}

void CycleTimeline::start(double now) {
  started_ = true;
  origin_ = now;
  crawl_origin_ = now;
}

double CycleTimeline::swapProgress(double now) const {
  if (swap_start_ < 0) return -1;
  return std::clamp((now - swap_start_) / std::max(swap_seconds_, 1e-3), 0.0, 1.0);
}

TimelineFrame CycleTimeline::frameAt(double now) const {
  TimelineFrame frame;
  frame.t = std::max(0.0, now - origin_);
  frame.cycle = cycle_.at(frame.t);
  frame.swap = swapProgress(now);
  frame.crawl = started_ ? now - crawl_origin_ : 0;
  return frame;
}

std::size_t CycleTimeline::currentCard(double now) const { return cycle_.at(std::max(0.0, now - origin_)).current; }

bool CycleTimeline::transitioning(double now) const { return cycle_.at(std::max(0.0, now - origin_)).transitioning(); }

void CycleTimeline::holdCurrentCard(double now) {
  const double t = std::max(0.0, now - origin_);
  const CycleFrame frame = cycle_.at(t);
  if (!frame.transitioning()) return;
  // The transition began `frame.transition` of its length ago: move the time
  // zero on by that much, and a hair more, so `now` is just before it.
  origin_ += frame.transition * cycle_.transitionSeconds() + kBeforeTransition;
}

void CycleTimeline::continueIn(CardCycle whole, std::size_t at, double now) {
  const double t = std::max(0.0, now - origin_);
  const double into_hold = t - cycle_.holdStart(cycle_.at(t).current, t);
  cycle_ = std::move(whole);
  origin_ = now - (cycle_.holdStart(at, 0) + into_hold);
}

bool CycleTimeline::revise(double now, const std::function<std::optional<double>(CardCycle&, double)>& change) {
  const std::optional<double> moved = change(cycle_, std::max(0.0, now - origin_));
  if (!moved) return false;
  origin_ = now - *moved;
  return true;
}

void CycleTimeline::swapIn(CardCycle fresh, double now) {
  cycle_ = std::move(fresh);
  swap_start_ = now;
  origin_ = now + swap_seconds_;
}

void CycleTimeline::holdSwap(double now) {
  if (swap_start_ < 0) return;
  swap_start_ = now;
  origin_ = now + swap_seconds_;
}

bool CycleTimeline::finishSwap(double now) {
  if (swap_start_ < 0 || (swapProgress(now) < 1.0 && swap_seconds_ > 0)) return false;
  swap_start_ = -1;
  origin_ = std::min(origin_, now);
  return true;
}

void CycleTimeline::restart(double now) { origin_ = now; }

double CycleTimeline::nextChange(double now) const {
  // origin_ + edge can round to a hair before the moment frameAt() sees the
  // change (even to `now`, and a loop on a manual clock would never move on):
  // step on until it does.
  const double edge = cycle_.nextChange(std::max(0.0, now - origin_));
  double next = origin_ + edge;
  while (std::isfinite(next) && next - origin_ < edge) next = std::nextafter(next, INFINITY);
  if (swap_start_ >= 0) {
    double swap_end = swap_start_ + std::max(swap_seconds_, 0.0);
    while (swapProgress(swap_end) < 1.0 && swap_seconds_ > 0) swap_end = std::nextafter(swap_end, INFINITY);
    next = std::min(next, swap_end);
  }
  return next;
}

}  // namespace newsticker::firmware
