// SPDX-License-Identifier: Apache-2.0
#include "content/HugoPermalink.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "content/Utf8.hpp"

namespace newsticker::content {
namespace {

bool isTokenChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool isHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

int hexValue(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

// Go's paths.isAllowedPathCharacter: `cp` starts at byte `at` of `text`.
bool isAllowedPathCharacter(std::string_view text, std::size_t at, char32_t cp) {
  if (cp == ' ') return false;
  if (u_isalpha(static_cast<UChar32>(cp)) || u_isdigit(static_cast<UChar32>(cp))) return true;
  if (cp == '.' || cp == '/' || cp == '\\' || cp == '_' || cp == '#' || cp == '+' || cp == '~' || cp == '-' ||
      cp == '@') {
    return true;
  }
  if ((U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0) return true;
  return cp == '%' && at + 2 < text.size() && isHex(text[at + 1]) && isHex(text[at + 2]);
}

// Go's url.QueryUnescape as Hugo uses it: '+' is a blank, %XX the byte;
// a '%' without two hex digits is kept.
std::string queryUnescaped(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && isHex(text[i + 1]) && isHex(text[i + 2])) {
      out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The elements of a '/'-separated path with "", "." and ".." resolved (Go's path.Clean).
std::vector<std::string> cleanElements(std::string_view path) {
  std::vector<std::string> elements;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    const std::string element(path.substr(start, slash - start));
    if (element == "..") {
      if (!elements.empty()) elements.pop_back();
    } else if (!element.empty() && element != ".") {
      elements.push_back(element);
    }
    start = slash + 1;
  }
  return elements;
}

struct CivilDay {
  int year = 0, month = 0, day = 0;
};

// The calendar day "YYYY-MM-DD" names; "" is Go's zero time, 1 January of
// year 1, which Hugo fills an undated page's date tokens from.
std::optional<CivilDay> civilDay(const std::string& day) {
  CivilDay d;
  if (day.empty()) return CivilDay{1, 1, 1};
  if (day.size() != 10 || std::sscanf(day.c_str(), "%4d-%2d-%2d", &d.year, &d.month, &d.day) != 3 || d.month < 1 ||
      d.month > 12 || d.day < 1 || d.day > 31) {
    return std::nullopt;
  }
  return d;
}

int dayOfYear(const CivilDay& d) {
  static const int kBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  return kBefore[d.month - 1] + d.day + (leap && d.month > 2 ? 1 : 0);
}

// 0 = Sunday, as Go's time.Weekday (Sakamoto's method).
int weekday(const CivilDay& d) {
  static const int kOffsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  const int y = d.month < 3 ? d.year - 1 : d.year;
  return (y + y / 4 - y / 100 + y / 400 + kOffsets[d.month - 1] + d.day) % 7;
}

// The value of token `name` for `fields`; nullopt when it needs a date the
// page lacks or is not a token; `known` tells which.
std::optional<std::string> tokenValue(const std::string& name, const HugoPageFields& fields, bool* known) {
  static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
  static const char* const kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  *known = true;
  const std::string& named_slug = fields.slug.empty() ? fields.title : fields.slug;
  const std::string& slug_or_file = fields.slug.empty() ? fields.base_name : fields.slug;
  if (name == "title") return hugoPathElement(fields.title);
  if (name == "slug") return hugoPathElement(named_slug);
  if (name == "filename" || name == "contentbasename") return hugoPathElement(fields.base_name);
  if (name == "slugorfilename" || name == "slugorcontentbasename") return hugoPathElement(slug_or_file);
  if (name == "section") return fields.sections.substr(0, fields.sections.find('/'));
  if (name == "sections") return fields.sections;
  const bool date_token = name == "year" || name == "month" || name == "monthname" || name == "day" ||
                          name == "weekday" || name == "weekdayname" || name == "yearday";
  if (!date_token) {
    *known = false;
    return std::nullopt;
  }
  const auto d = civilDay(fields.day);
  if (!d) return std::nullopt;
  char two[8];
  if (name == "year") return std::to_string(d->year);
  if (name == "month" || name == "day") {
    std::snprintf(two, sizeof two, "%02d", name == "month" ? d->month : d->day);
    return std::string(two);
  }
  if (name == "monthname") return std::string(kMonths[d->month - 1]);
  if (name == "weekday") return std::to_string(weekday(*d));
  if (name == "weekdayname") return std::string(kWeekdays[weekday(*d)]);
  return std::to_string(dayOfYear(*d));
}

// `pattern` with its tokens replaced; nullopt as tokenValue says. "\:" is kept as ':'.
std::optional<std::string> expanded(std::string_view pattern, const HugoPageFields& fields, std::string* unknown) {
  std::string out;
  for (std::size_t pos = 0; pos < pattern.size();) {
    if (pattern[pos] == '\\' && pos + 1 < pattern.size() && pattern[pos + 1] == ':') {
      out += ':';
      pos += 2;
      continue;
    }
    std::size_t end = pos + 1;
    while (pattern[pos] == ':' && end < pattern.size() && isTokenChar(pattern[end])) ++end;
    if (end == pos + 1) {
      out += pattern[pos++];
      continue;
    }
    std::string name(pattern.substr(pos + 1, end - pos - 1));
    if (end < pattern.size() && pattern[end] == '[') name += "[";  // Hugo's slices (:sections[1:]) are not read
    bool known = false;
    const auto value = tokenValue(name, fields, &known);
    if (!known && unknown != nullptr) *unknown = ":" + name;
    if (!value) return std::nullopt;
    out += *value;
    pos = end;
  }
  return out;
}

std::string joinedPath(const std::vector<std::string>& elements, bool trailing_slash) {
  std::string path;
  for (const std::string& element : elements) path += "/" + element;
  if (path.empty() || trailing_slash) path += '/';
  return path;
}

}  // namespace

std::string hugoPathElement(std::string_view text) {
  std::string out;
  bool pending_hyphen = false;
  bool was_hyphen = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = nextCodePoint(text, pos);
    if (isAllowedPathCharacter(text, start, cp)) {
      was_hyphen = cp == '-';
      if (pending_hyphen && !was_hyphen) out += '-';
      pending_hyphen = false;
      appendUtf8(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
    } else if (!out.empty() && !was_hyphen && u_isUWhiteSpace(static_cast<UChar32>(cp))) {
      pending_hyphen = true;
    }
  }
  return out;
}

std::string unknownHugoToken(std::string_view pattern) {
  std::string unknown;
  HugoPageFields dated;
  dated.day = "2000-01-01";
  dated.title = "t";
  expanded(pattern, dated, &unknown);
  return unknown;
}

std::optional<std::string> hugoPermalinkPath(std::string_view pattern, const HugoPageFields& fields, bool sanitize) {
  const auto path = expanded(pattern, fields, nullptr);
  if (!path) return std::nullopt;
  std::vector<std::string> elements = cleanElements(queryUnescaped(*path));
  if (!sanitize) {
    const bool file = !elements.empty() && elements.back().find('.') != std::string::npos && path->back() != '/';
    return joinedPath(elements, !file);
  }
  std::vector<std::string> sanitized;
  for (const std::string& element : elements) {
    std::string clean = hugoPathElement(element);
    if (!clean.empty()) sanitized.push_back(std::move(clean));
  }
  return joinedPath(sanitized, true);
}

std::string hugoDefaultPath(std::string_view folder, const HugoPageFields& fields) {
  std::vector<std::string> elements;
  for (const std::string& element : cleanElements(folder)) {
    std::string clean = hugoPathElement(element);
    if (!clean.empty()) elements.push_back(std::move(clean));
  }
  std::string name = hugoPathElement(fields.slug.empty() ? fields.base_name : fields.slug);
  if (!name.empty()) elements.push_back(std::move(name));
  return joinedPath(elements, true);
}

}  // namespace newsticker::content
