// SPDX-License-Identifier: Apache-2.0
#include "firmware/Sleeper.hpp"

#include <chrono>

namespace newsticker::firmware {

bool ThreadSleeper::sleepFor(double seconds) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (seconds > 0 && !wake_) woken_.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return wake_; });
  const bool woken = wake_;
  wake_ = false;
  return woken;
}

void ThreadSleeper::wake() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    wake_ = true;
  }
  woken_.notify_all();
}

}  // namespace newsticker::firmware
