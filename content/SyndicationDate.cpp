// SPDX-License-Identifier: Apache-2.0
#include "content/SyndicationDate.hpp"

#include <cstdio>
#include <vector>

#include "content/PostDate.hpp"

namespace newsticker::content {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view text) {
  std::string out;
  for (char c : text) out += lower(c);
  return out;
}

bool allDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int number(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

// Splits on spaces, tabs and commas (which only separate the weekday).
std::vector<std::string_view> tokens(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == ',' || text[i] == '\r' || text[i] == '\n')) ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != ',' && text[i] != '\r' && text[i] != '\n') ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

int monthNumber(std::string_view name) {
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  const std::string key = lowered(name);
  for (int m = 0; m < 12; ++m) {
    if (key.compare(0, 3, kMonths[m]) == 0) return m + 1;
  }
  return 0;
}

// Minutes east of UTC for a zone token; nullopt when it is not one.
std::optional<int> zoneOffset(std::string_view zone) {
  if ((zone[0] == '+' || zone[0] == '-') && zone.size() == 5 && allDigits(zone.substr(1))) {
    const int hours = number(zone.substr(1, 2));
    const int minutes = number(zone.substr(3, 2));
    if (hours > 23 || minutes > 59) return std::nullopt;
    return (zone[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  if ((zone[0] == '+' || zone[0] == '-') && zone.size() == 6 && zone[3] == ':' && allDigits(zone.substr(1, 2)) &&
      allDigits(zone.substr(4, 2))) {
    const int hours = number(zone.substr(1, 2));
    const int minutes = number(zone.substr(4, 2));
    if (hours > 23 || minutes > 59) return std::nullopt;
    return (zone[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  static const struct {
    const char* name;
    int hours;
  } kZones[] = {{"ut", 0},  {"utc", 0}, {"gmt", 0}, {"z", 0},   {"est", -5}, {"edt", -4}, {"cst", -6},
                {"cdt", -5}, {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7}, {"cet", 1},  {"cest", 2},
                {"bst", 1},  {"jst", 9},  {"kst", 9},  {"hkt", 8},  {"sgt", 8},  {"aest", 10}, {"aedt", 11}};
  const std::string key = lowered(zone);
  for (const auto& known : kZones) {
    if (key == known.name) return known.hours * 60;
  }
  return std::nullopt;
}

std::optional<std::string> parseRfc822(std::string_view text) {
  std::vector<std::string_view> parts = tokens(text);
  if (!parts.empty() && !allDigits(parts[0]) && monthNumber(parts[0]) == 0) parts.erase(parts.begin());  // weekday
  if (parts.size() < 4 || parts.size() > 5) return std::nullopt;
  // "06 Oct 2026" or, as some feeds write it, "Oct 06 2026".
  std::string_view day_text = parts[0], month_text = parts[1];
  if (!allDigits(day_text) && allDigits(month_text)) std::swap(day_text, month_text);
  const std::string_view year_text = parts[2], time_text = parts[3];
  if (!allDigits(day_text) || day_text.size() > 2 || !allDigits(year_text)) return std::nullopt;
  const int month = monthNumber(month_text);
  if (month == 0) return std::nullopt;
  int year = number(year_text);
  if (year_text.size() == 2) {
    year += year >= 50 ? 1900 : 2000;
  } else if (year_text.size() != 4) {
    return std::nullopt;
  }
  // HH:MM or HH:MM:SS
  if (!(time_text.size() == 5 || time_text.size() == 8) || time_text[2] != ':' ||
      (time_text.size() == 8 && time_text[5] != ':')) {
    return std::nullopt;
  }
  if (!allDigits(time_text.substr(0, 2)) || !allDigits(time_text.substr(3, 2)) ||
      (time_text.size() == 8 && !allDigits(time_text.substr(6, 2)))) {
    return std::nullopt;
  }
  const int seconds = time_text.size() == 8 ? number(time_text.substr(6, 2)) : 0;
  int offset = 0;
  if (parts.size() == 5) {
    const auto zone = zoneOffset(parts[4]);
    if (!zone) return std::nullopt;
    offset = *zone;
  }
  const int offset_abs = offset < 0 ? -offset : offset;
  char iso[64];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", year, month, number(day_text),
                number(time_text.substr(0, 2)), number(time_text.substr(3, 2)), seconds, offset < 0 ? '-' : '+',
                offset_abs / 60, offset_abs % 60);
  return parsePostDate(iso);
}

}  // namespace

std::optional<std::string> parseSyndicationDate(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  if (text.empty() || text.size() > 64) return std::nullopt;
  if (text.size() >= 10 && allDigits(text.substr(0, 4)) && text[4] == '-') return parsePostDate(text);
  return parseRfc822(text);
}

}  // namespace newsticker::content
