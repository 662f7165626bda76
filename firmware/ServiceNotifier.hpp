// SPDX-License-Identifier: Apache-2.0
// Talks to systemd through sd_notify: READY=1 once the first card is on
// screen, WATCHDOG=1 from the main loop at half the watchdog interval, and
// STATUS= lines. Without systemd (no NOTIFY_SOCKET) every call does nothing,
// so the same program runs unchanged.
#pragma once

#include <string>

namespace newsticker::firmware {

class ServiceNotifier {
 public:
  // Reads NOTIFY_SOCKET and WATCHDOG_USEC (sd_watchdog_enabled).
  ServiceNotifier();

  // Sends READY=1 the first time it is called.
  void ready();
  // Sends STATUS=`text` when it differs from the last one sent.
  void status(const std::string& text);
  // Sends STATUS=`text` and asks systemd to wait `seconds` more for READY
  // (EXTEND_TIMEOUT_USEC), while the program waits for something outside it.
  void waiting(const std::string& text, double seconds);
  // Sends STOPPING=1.
  void stopping();
  // Sends WATCHDOG=1 when one is due at `now` (seconds on the loop's clock)
  // and returns when the next is due; infinity when the watchdog is off.
  double watchdog(double now);

  // Seconds between pings (half of WatchdogSec); 0 when the watchdog is off.
  double watchdogInterval() const { return interval_; }

 private:
  bool ready_sent_ = false;
  std::string last_status_;
  double interval_ = 0;
  double next_ping_ = 0;
};

}  // namespace newsticker::firmware
