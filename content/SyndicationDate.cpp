// SPDX-License-Identifier: Apache-2.0
#include "content/SyndicationDate.hpp"

#include <algorithm>
#include <array>
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
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\t' || text[i] == ',' || text[i] == '\r' || text[i] == '\n'))
      ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
      ++i;
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
  } kZones[] = {{"ut", 0},   {"utc", 0},  {"gmt", 0},  {"z", 0},    {"est", -5}, {"edt", -4},  {"cst", -6},
                {"cdt", -5}, {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7}, {"cet", 1},   {"cest", 2},
                {"bst", 1},  {"jst", 9},  {"kst", 9},  {"hkt", 8},  {"sgt", 8},  {"aest", 10}, {"aedt", 11}};
  const std::string key = lowered(zone);
  for (const auto& known : kZones) {
    if (key == known.name) return known.hours * 60;
  }
  return std::nullopt;
}

bool allLetters(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

// `text` without RFC 5322 comments ("+0200 (CEST)", nested ones too); an
// unclosed '(' ends the text.
std::string withoutComments(std::string_view text) {
  std::string out;
  int depth = 0;
  for (char c : text) {
    if (c == '(') {
      ++depth;
    } else if (c == ')' && depth > 0) {
      --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

// "H:MM", "HH:MM", "H:MM:SS" or "HH:MM:SS" as {hours, minutes, seconds}.
std::optional<std::array<int, 3>> clockTime(std::string_view text) {
  std::array<int, 3> fields{0, 0, 0};
  std::size_t count = 0;
  for (std::size_t start = 0; start <= text.size(); ++count) {
    const std::size_t colon = std::min(text.find(':', start), text.size());
    const std::string_view field = text.substr(start, colon - start);
    if (count == 3 || !allDigits(field) || field.size() > 2 || (count > 0 && field.size() != 2)) return std::nullopt;
    fields[count] = number(field);
    start = colon + 1;
  }
  if (count < 2) return std::nullopt;
  return fields;
}

// Minutes east of UTC of an RFC 822 zone: numeric, a known name, or any
// other alphabetic zone, which RFC 5322 reads as UTC ("-0000"): an unknown
// zone is at most a few hours off, an undated item is not shown in order.
std::optional<int> rfc822Zone(std::string_view zone) {
  if (const auto known = zoneOffset(zone)) return known;
  if (allLetters(zone) && zone.size() <= 5) return 0;
  return std::nullopt;
}

std::optional<std::string> parseRfc822(std::string_view written) {
  const std::string text = withoutComments(written);
  std::vector<std::string_view> parts = tokens(text);
  if (!parts.empty() && !allDigits(parts[0]) && monthNumber(parts[0]) == 0) parts.erase(parts.begin());  // weekday
  if (parts.size() < 3 || parts.size() > 6) return std::nullopt;
  // "06 Oct 2026" or, as some feeds write it, "Oct 06 2026".
  std::string_view day_text = parts[0], month_text = parts[1];
  if (!allDigits(day_text) && allDigits(month_text)) std::swap(day_text, month_text);
  const std::string_view year_text = parts[2];
  if (!allDigits(day_text) || day_text.size() > 2 || !allDigits(year_text)) return std::nullopt;
  if (year_text.size() != 2 && year_text.size() != 4) return std::nullopt;  // before number(): no overflow
  const int month = monthNumber(month_text);
  if (month == 0) return std::nullopt;
  int year = number(year_text);
  if (year_text.size() == 2) year += year >= 50 ? 1900 : 2000;
  char iso[64];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, number(day_text));
  // No time (a date alone, or with only a zone): the day, as written.
  if (parts.size() == 3 || (parts.size() == 4 && !clockTime(parts[3]) && rfc822Zone(parts[3]))) {
    return parsePostDate(iso);
  }
  const auto time = clockTime(parts[3]);
  if (!time) return std::nullopt;
  int offset = 0;
  if (parts.size() >= 5) {
    const auto zone = rfc822Zone(parts[4]);
    // A zone name after a numeric offset ("+0200 CEST", the comment without its parentheses) adds nothing.
    if (!zone || (parts.size() == 6 && !(zoneOffset(parts[4]) && allLetters(parts[5])))) return std::nullopt;
    offset = *zone;
  }
  const int offset_abs = offset < 0 ? -offset : offset;
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", year, month, number(day_text), (*time)[0],
                (*time)[1], (*time)[2], offset < 0 ? '-' : '+', offset_abs / 60, offset_abs % 60);
  return parsePostDate(iso);
}

// W3C-DTF's coarser forms, "YYYY" and "YYYY-MM", as the first day they name.
std::optional<std::string> parseW3cYearMonth(std::string_view text) {
  if (text.size() == 4 && allDigits(text)) return parsePostDate(std::string(text) + "-01-01");
  if (text.size() == 7 && text[4] == '-' && allDigits(text.substr(0, 4)) && allDigits(text.substr(5, 2))) {
    return parsePostDate(std::string(text) + "-01");
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> parseSyndicationDate(std::string_view text) {
  while (!text.empty() &&
         (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  if (text.empty() || text.size() > 64) return std::nullopt;
  if (text.size() >= 10 && allDigits(text.substr(0, 4)) && text[4] == '-') return parsePostDate(text);
  if (const auto coarse = parseW3cYearMonth(text)) return coarse;
  return parseRfc822(text);
}

}  // namespace newsticker::content
