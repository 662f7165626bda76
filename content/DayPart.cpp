// SPDX-License-Identifier: Apache-2.0
#include "content/DayPart.hpp"

#include <cctype>
#include <cstdio>

namespace newsticker::content {
namespace {

constexpr const char* kDayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::string lowered(const std::string& text) {
  std::string lower;
  for (const char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::string trimmed(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// "mon-fri", "sat,sun", "weekdays", "fri-mon": the days, or nullopt.
std::optional<std::array<bool, 7>> parseDays(const std::string& text) {
  std::array<bool, 7> days{};
  std::string rest = lowered(text) + ",";
  for (std::size_t comma = rest.find(','); comma != std::string::npos; comma = rest.find(',')) {
    const std::string item = trimmed(rest.substr(0, comma));
    rest.erase(0, comma + 1);
    if (item.empty()) continue;
    if (item == "daily" || item == "everyday") {
      days.fill(true);
      continue;
    }
    if (item == "weekdays" || item == "weekends") {
      for (int d = 0; d < 7; ++d) days[static_cast<std::size_t>(d)] |= (d >= 5) == (item == "weekends");
      continue;
    }
    const std::size_t dash = item.find('-');
    const auto first = parseWeekday(trimmed(item.substr(0, dash)));
    const auto last = dash == std::string::npos ? first : parseWeekday(trimmed(item.substr(dash + 1)));
    if (!first || !last) return std::nullopt;
    for (int d = *first;; d = (d + 1) % 7) {
      days[static_cast<std::size_t>(d)] = true;
      if (d == *last) break;
    }
  }
  for (const bool day : days) {
    if (day) return days;
  }
  return std::nullopt;
}

}  // namespace

bool DayPart::contains(int weekday, int minute_of_day) const {
  const auto on = [&](int day) { return days[static_cast<std::size_t>((day % 7 + 7) % 7)]; };
  if (from_minute == until_minute) return on(weekday);
  if (from_minute < until_minute) return on(weekday) && minute_of_day >= from_minute && minute_of_day < until_minute;
  // Overnight: from `from_minute` today, or until `until_minute` after yesterday's start.
  return (on(weekday) && minute_of_day >= from_minute) || (on(weekday + 6) && minute_of_day < until_minute);
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
  const std::string lower = lowered(text);
  for (int i = 0; i < 7; ++i) {
    const std::string name = kNames[i];
    if (lower == name || lower == name.substr(0, 3)) return i;
  }
  return std::nullopt;
}

DayPartsResult parseDayParts(const std::string& text) {
  DayPartsResult result;
  const std::string entry = trimmed(text);
  // The days are everything before the first digit; the spans follow.
  std::size_t spans_at = 0;
  while (spans_at < entry.size() && !std::isdigit(static_cast<unsigned char>(entry[spans_at]))) ++spans_at;
  std::array<bool, 7> days{true, true, true, true, true, true, true};
  if (const std::string day_text = trimmed(entry.substr(0, spans_at)); !day_text.empty()) {
    const auto parsed = parseDays(day_text);
    if (!parsed) {
      result.error = "'" + day_text + "' is not days such as mon-fri, sat,sun or weekdays";
      return result;
    }
    days = *parsed;
  }
  std::string rest = entry.substr(spans_at) + ",";
  for (std::size_t comma = rest.find(','); comma != std::string::npos; comma = rest.find(',')) {
    const std::string span = trimmed(rest.substr(0, comma));
    rest.erase(0, comma + 1);
    if (span.empty()) continue;
    const std::size_t dash = span.find('-');
    const auto from = parseMinuteOfDay(trimmed(span.substr(0, dash)));
    const auto until = dash == std::string::npos ? std::nullopt : parseMinuteOfDay(trimmed(span.substr(dash + 1)));
    if (!from || !until || *from == 24 * 60) {
      result.parts.clear();
      result.error = "'" + span + "' is not hours such as 07:00-10:00";
      return result;
    }
    result.parts.push_back(DayPart{days, *from, *until});
  }
  if (result.parts.empty()) result.error = "no hours such as 07:00-10:00";
  return result;
}

std::string dayPartText(const DayPart& part) {
  std::string days;
  int count = 0;
  for (const bool day : part.days) count += day;
  if (count == 7) {
    days = "daily";
  } else if (count == 5 && !part.days[5] && !part.days[6]) {
    days = "mon-fri";
  } else {
    for (int d = 0; d < 7; ++d) {
      if (part.days[static_cast<std::size_t>(d)]) days += (days.empty() ? "" : ",") + std::string(kDayNames[d]);
    }
  }
  char span[32];
  std::snprintf(span, sizeof span, " %02d:%02d-%02d:%02d", part.from_minute / 60, part.from_minute % 60,
                part.until_minute / 60, part.until_minute % 60);
  return days + span;
}

}  // namespace newsticker::content
