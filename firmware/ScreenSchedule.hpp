// SPDX-License-Identifier: Apache-2.0
// When the screen is on: daily on and off times on chosen weekdays, in local
// time. Pure arithmetic over minutes; no clock, no SDL.
#pragma once

#include <array>
#include <optional>
#include <string>

#include "content/DayPart.hpp"

namespace newsticker::firmware {

struct ScreenSchedule {
  bool enabled = false;      // false: always on
  int on_minute = 7 * 60;    // minute of the day the screen wakes
  int off_minute = 20 * 60;  // minute of the day it blanks (may be before on: overnight)
  std::array<bool, 7> days{true, true, true, true, true, true, true};  // Monday first: days it wakes

  // Whether the screen shows at `weekday` (0 = Monday) and `minute_of_day`.
  // A span that crosses midnight belongs to the day it started.
  bool isOn(int weekday, int minute_of_day) const;

  // Minutes from (`weekday`, `minute_of_day`) until isOn changes, at most a
  // week (10080) when it never does.
  int minutesUntilChange(int weekday, int minute_of_day) const;
};

// HH:MM and weekday names: read as a post's show_hours reads them.
using content::parseMinuteOfDay;
using content::parseWeekday;

}  // namespace newsticker::firmware
