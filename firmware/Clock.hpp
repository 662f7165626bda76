// SPDX-License-Identifier: Apache-2.0
// The loop's sense of time, injected so tests drive a whole cycle without
// sleeping: monotonic seconds for deadlines, wall time for the on-screen clock.
#pragma once

#include <chrono>
#include <ctime>

namespace newsticker::firmware {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since an arbitrary origin; never goes backwards.
  virtual double now() const = 0;
  // Seconds since the Unix epoch (with fraction), for what the screen's clock shows.
  virtual double wallTime() const = 0;
};

// The real clocks: std::chrono::steady_clock and system_clock.
class SystemClock final : public Clock {
 public:
  SystemClock() : origin_(std::chrono::steady_clock::now()) {}
  double now() const override {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - origin_).count();
  }
  double wallTime() const override {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  }

 private:
  std::chrono::steady_clock::time_point origin_;
};

// A clock that moves only when told: starts at 0 and at wall time `wall_origin`.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::time_t wall_origin = 0) : wall_origin_(wall_origin) {}
  double now() const override { return now_; }
  double wallTime() const override { return static_cast<double>(wall_origin_) + now_; }
  // Moves to `t`; a time in the past is ignored (the clock never goes back).
  void advanceTo(double t) {
    if (t > now_) now_ = t;
  }

 private:
  std::time_t wall_origin_;
  double now_ = 0;
};

}  // namespace newsticker::firmware
