// SPDX-License-Identifier: Apache-2.0
#include "firmware/ScreenSchedule.hpp"

#include <cctype>

namespace newsticker::firmware {

bool ScreenSchedule::isOn(int weekday, int minute_of_day) const {
  if (!enabled) return true;
  if (on_minute == off_minute) return days[static_cast<std::size_t>(weekday)];
  if (on_minute < off_minute) {
    return days[static_cast<std::size_t>(weekday)] && minute_of_day >= on_minute && minute_of_day < off_minute;
  }
  // Overnight: on from on_minute today, or until off_minute after yesterday's start.
  const int yesterday = (weekday + 6) % 7;
  return (days[static_cast<std::size_t>(weekday)] && minute_of_day >= on_minute) ||
         (days[static_cast<std::size_t>(yesterday)] && minute_of_day < off_minute);
}

int ScreenSchedule::minutesUntilChange(int weekday, int minute_of_day) const {
  const bool now = isOn(weekday, minute_of_day);
  for (int step = 1; step <= 7 * 24 * 60; ++step) {
    const int total = minute_of_day + step;
    if (isOn((weekday + total / (24 * 60)) % 7, total % (24 * 60)) != now) return step;
  }
  return 7 * 24 * 60;
}

std::optional<int> parseMinuteOfDay(const std::string& text) {
  if (text.size() != 5 || text[2] != ':' || !std::isdigit(static_cast<unsigned char>(text[0])) ||
      !std::isdigit(static_cast<unsigned char>(text[1])) || !std::isdigit(static_cast<unsigned char>(text[3])) ||
      !std::isdigit(static_cast<unsigned char>(text[4]))) {
    return std::nullopt;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0)) return std::nullopt;
  return hours * 60 + minutes;
}

std::optional<int> parseWeekday(const std::string& text) {
  static const char* kNames[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  std::string lower;
  for (const char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int i = 0; i < 7; ++i) {
    const std::string name = kNames[i];
    if (lower == name || lower == name.substr(0, 3)) return i;
  }
  return std::nullopt;
}

}  // namespace newsticker::firmware
