// SPDX-License-Identifier: Apache-2.0
#include "firmware/ProgressWatch.hpp"

#include <cmath>

namespace newsticker::firmware {

std::string stallReason(double job_seconds, double runaway_seconds, const ProgressLimits& limits) {
  if (job_seconds > limits.job_seconds) {
    return "card preparation has been running for " + std::to_string(std::lround(job_seconds)) + " s";
  }
  if (runaway_seconds > limits.runaway_seconds) {
    return "an image decode given up on has been running for " + std::to_string(std::lround(runaway_seconds)) + " s";
  }
  return "";
}

}  // namespace newsticker::firmware
