// SPDX-License-Identifier: Apache-2.0
// How the display thread waits between frames: in slices it chooses, ended
// early by a wake-up from another thread (a prepared card, a content
// change). Injected into the screen so a test counts the wake-ups or moves a
// manual clock instead of sleeping.
#pragma once

#include <condition_variable>
#include <mutex>

namespace newsticker::firmware {

class Sleeper {
 public:
  virtual ~Sleeper() = default;
  // Sleeps `seconds` (at most), or less when wake() is called meanwhile or
  // was called since the last sleep; returns true when a wake-up ended it.
  virtual bool sleepFor(double seconds) = 0;
  // Ends the running or the next sleepFor early. Any thread; never blocks long.
  virtual void wake() = 0;
};

// The real sleeper: a condition variable's timed wait.
class ThreadSleeper final : public Sleeper {
 public:
  bool sleepFor(double seconds) override;
  void wake() override;

 private:
  std::mutex mutex_;
  std::condition_variable woken_;
  bool wake_ = false;
};

}  // namespace newsticker::firmware
