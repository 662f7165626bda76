// SPDX-License-Identifier: Apache-2.0
// When the screen is on: daily on and off times on chosen weekdays, in local
// time. Pure arithmetic over minutes; no clock, no SDL.
#pragma once

#include <array>
#include <optional>
#include <string>

namespace newsticker::firmware {

struct ScreenSchedule {
  bool enabled = false;             // false: always on
  int on_minute = 7 * 60;           // minute of the day the screen wakes
  int off_minute = 20 * 60;         // minute of the day it blanks (may be before on: overnight)
  std::array<bool, 7> days{true, true, true, true, true, true, true};  // Monday first: days it wakes

  // Whether the screen shows at `weekday` (0 = Monday) and `minute_of_day`.
  // A span that crosses midnight belongs to the day it started.
  bool isOn(int weekday, int minute_of_day) const;

  // Minutes from (`weekday`, `minute_of_day`) until isOn changes, at most a
  // week (10080) when it never does.
  int minutesUntilChange(int weekday, int minute_of_day) const;
};

// "07:30" -> 450; nullopt unless HH:MM with 0 <= HH <= 24 and 0 <= MM < 60
// ("24:00" is the end of the day).
std::optional<int> parseMinuteOfDay(const std::string& text);

// "mon".."sun" (or "monday"..) -> 0..6; nullopt otherwise.
std::optional<int> parseWeekday(const std::string& text);

}  // namespace newsticker::firmware
