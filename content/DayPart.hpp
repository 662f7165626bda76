// SPDX-License-Identifier: Apache-2.0
// Hours of the day on chosen weekdays, in local time: when a post shows
// (`show_hours: "mon-fri 07:00-10:00"`) and when the screen is on (the
// config's schedule). Pure arithmetic over minutes; no clock.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace newsticker::content {

struct DayPart {
  std::array<bool, 7> days{true, true, true, true, true, true, true};  // Monday first
  int from_minute = 0;                                                 // minute of the day it starts
  int until_minute = 24 * 60;  // minute of the day it ends (may be before from: overnight)

  // Whether (`weekday`, 0 = Monday; `minute_of_day`) lies in this part. A
  // span that crosses midnight belongs to the day it started; from ==
  // until is the whole day.
  bool contains(int weekday, int minute_of_day) const;
};

// "07:30" -> 450; nullopt unless HH:MM with 0 <= HH <= 24 and 0 <= MM < 60
// ("24:00" is the end of the day).
std::optional<int> parseMinuteOfDay(const std::string& text);

// "mon".."sun" (or "monday"..) -> 0..6, any case; nullopt otherwise.
std::optional<int> parseWeekday(const std::string& text);

struct DayPartsResult {
  std::vector<DayPart> parts;
  std::string error;  // non-empty: why `text` is not day parts (parts is then empty)
};

// Reads one entry of `show_hours`: optional days, then one or more
// "HH:MM-HH:MM" spans separated by commas: "07:00-10:00", "mon-fri
// 07:00-10:00, 16:00-18:00", "sat,sun 09:00-12:00", "weekdays 11:30-14:00"
// ("weekdays", "weekends", "daily"; a day range may wrap: "fri-mon"). Each
// span is one DayPart on those days.
DayPartsResult parseDayParts(const std::string& text);

// "mon-fri 07:00-10:00", "daily 22:00-02:00", "sat,sun 09:00-12:00": a part
// as parseDayParts reads it.
std::string dayPartText(const DayPart& part);

}  // namespace newsticker::content
