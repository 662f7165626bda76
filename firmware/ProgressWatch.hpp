// SPDX-License-Identifier: Apache-2.0
// Whether the kiosk still makes progress, for the systemd watchdog: a loop
// that keeps waking while its card worker is stuck must not keep pinging, or
// the screen stays frozen for good.
#pragma once

#include <string>

namespace newsticker::firmware {

struct ProgressLimits {
  double job_seconds = 15;      // one card, header or crawl job running longer: stuck
  double runaway_seconds = 60;  // an image decode given up on and still running: stuck
};

// Why the kiosk is not progressing ("card preparation has been running for
// 16 s"), or "" when it is: `job_seconds` is how long the worker's running
// job has run (0: idle), `runaway_seconds` how long the oldest abandoned
// image decode has (0: none).
std::string stallReason(double job_seconds, double runaway_seconds, const ProgressLimits& limits = {});

}  // namespace newsticker::firmware
