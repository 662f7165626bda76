// SPDX-License-Identifier: Apache-2.0
#include "firmware/ServiceNotifier.hpp"

#include <systemd/sd-daemon.h>

#include <cmath>
#include <cstdint>

namespace newsticker::firmware {

ServiceNotifier::ServiceNotifier() {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) interval_ = static_cast<double>(usec) / 2e6;
}

void ServiceNotifier::ready() {
  if (ready_sent_) return;
  ready_sent_ = true;
  sd_notify(0, "READY=1");
}

void ServiceNotifier::status(const std::string& text) {
  if (text == last_status_) return;
  last_status_ = text;
  sd_notify(0, ("STATUS=" + text).c_str());
}

void ServiceNotifier::waiting(const std::string& text, double seconds) {
  last_status_ = text;
  const std::string message =
      "STATUS=" + text + "\nEXTEND_TIMEOUT_USEC=" + std::to_string(static_cast<long long>(seconds * 1e6));
  sd_notify(0, message.c_str());
}

void ServiceNotifier::stopping() { sd_notify(0, "STOPPING=1"); }

double ServiceNotifier::watchdog(double now) {
  if (interval_ <= 0) return INFINITY;
  if (now >= next_ping_) {
    sd_notify(0, "WATCHDOG=1");
    next_ping_ = now + interval_;
  }
  return next_ping_;
}

}  // namespace newsticker::firmware
