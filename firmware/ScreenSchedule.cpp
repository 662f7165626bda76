// SPDX-License-Identifier: Apache-2.0
#include "firmware/ScreenSchedule.hpp"

namespace newsticker::firmware {

bool ScreenSchedule::isOn(int weekday, int minute_of_day) const {
  return !enabled || content::DayPart{days, on_minute, off_minute}.contains(weekday, minute_of_day);
}

int ScreenSchedule::minutesUntilChange(int weekday, int minute_of_day) const {
  const bool now = isOn(weekday, minute_of_day);
  for (int step = 1; step <= 7 * 24 * 60; ++step) {
    const int total = minute_of_day + step;
    if (isOn((weekday + total / (24 * 60)) % 7, total % (24 * 60)) != now) return step;
  }
  return 7 * 24 * 60;
}

}  // namespace newsticker::firmware
