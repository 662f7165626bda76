// SPDX-License-Identifier: Apache-2.0
#include "content/PostDate.hpp"

#include <unicode/timezone.h>
#include <unicode/ucal.h>
#include <unicode/ustring.h>

#include <cmath>
#include <cstdio>
#include <memory>

namespace newsticker::content {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t count, int* value) {
  if (pos + count > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *value = v;
  return true;
}

int daysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 (proleptic Gregorian), and back.
long daysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
void civilFromDays(long z, int* y, int* m, int* d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

// A date as written: its calendar day, and when a time follows, the instant
// in UTC and whether an offset was written.
struct WrittenDate {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  bool has_offset = false;  // "Z" or "+HH:MM"-style after the time
  long utc_minutes = 0;     // minutes since 1970-01-01T00:00Z (with a time)
  int second = 0;
};

std::optional<WrittenDate> readDate(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  WrittenDate date;
  int& year = date.year;
  int& month = date.month;
  int& day = date.day;
  if (!digits(s, 0, 4, &year) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, &month) || s[7] != '-' ||
      !digits(s, 8, 2, &day)) {
    return std::nullopt;
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return std::nullopt;
  if (s.size() == 10) return date;
  if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
  int hour, minute, second = 0;
  if (!digits(s, 11, 2, &hour) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2, &minute)) {
    return std::nullopt;
  }
  std::size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    if (!digits(s, pos + 1, 2, &second)) return std::nullopt;
    pos += 3;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    }
  }
  if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
  if (pos < s.size() && s[pos] == ' ') ++pos;
  int offset_minutes = 0;
  if (pos == s.size()) {
    // no offset: taken as UTC
  } else if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) {
    date.has_offset = true;
  } else if (s[pos] == '+' || s[pos] == '-') {
    const int sign = s[pos] == '-' ? -1 : 1;
    int oh, om = 0;
    if (!digits(s, pos + 1, 2, &oh)) return std::nullopt;
    std::size_t after = pos + 3;
    const bool colon = after < s.size() && s[after] == ':';
    if (colon) ++after;
    if (after < s.size() || colon) {
      if (!digits(s, after, 2, &om)) return std::nullopt;
      after += 2;
    }
    if (after != s.size() || oh > 23 || om > 59) return std::nullopt;
    offset_minutes = sign * (oh * 60 + om);
    date.has_offset = true;
  } else {
    return std::nullopt;
  }
  date.has_time = true;
  date.second = second == 60 ? 59 : second;  // a leap second sorts with its minute
  date.utc_minutes = (daysFromCivil(year, month, day) * 1440L + hour * 60L + minute) - offset_minutes;
  return date;
}

// The calendar day `minutes` (since 1970-01-01T00:00) falls on, or "" before year 1.
std::string dayOfMinutes(long minutes, long* minute_of_day = nullptr) {
  const long days = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
  if (minute_of_day != nullptr) *minute_of_day = minutes - days * 1440;
  int year = 0, month = 0, day = 0;
  civilFromDays(days, &year, &month, &day);
  if (year < 1) return "";
  char buffer[96];  // room for any int the format could print
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

// An ICU calendar (Gregorian, weeks from Monday) in `zone`, or in the
// system's zone when `zone` is empty or unknown; null when ICU fails.
struct CalendarCloser {
  void operator()(UCalendar* calendar) const { ucal_close(calendar); }
};
using CalendarPtr = std::unique_ptr<UCalendar, CalendarCloser>;

CalendarPtr openCalendar(const std::string& zone) {
  const bool known = isKnownTimeZone(zone);
  std::u16string zone16(zone.size() + 1, u'\0');
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  if (known) {
    u_strFromUTF8(reinterpret_cast<UChar*>(zone16.data()), static_cast<int32_t>(zone16.size()), &length, zone.c_str(),
                  static_cast<int32_t>(zone.size()), &status);
  }
  if (U_FAILURE(status)) return nullptr;
  UCalendar* calendar = ucal_open(known ? reinterpret_cast<const UChar*>(zone16.data()) : nullptr, known ? length : 0,
                                  "en_GB@calendar=gregorian", UCAL_GREGORIAN, &status);
  if (U_FAILURE(status)) return nullptr;
  return CalendarPtr(calendar);
}

// The calendar of `zone` kept for this thread: opening one costs more than
// the reading it is used for, and a feed's dates are all read in one zone.
UCalendar* calendarIn(const std::string& zone) {
  thread_local std::string kept_zone;
  thread_local CalendarPtr kept;
  if (!kept || kept_zone != zone) {
    kept = openCalendar(zone);
    kept_zone = zone;
  }
  return kept.get();
}

}  // namespace

std::optional<std::string> parsePostDate(std::string_view s) {
  const std::optional<WrittenDate> date = readDate(s);
  if (!date) return std::nullopt;
  char buffer[96];
  if (!date->has_time) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date->year, date->month, date->day);
    return std::string(buffer);
  }
  long minute_of_day = 0;
  const std::string day = dayOfMinutes(date->utc_minutes, &minute_of_day);
  if (day.empty()) return std::nullopt;  // an offset pushed 0001-01-01 into year 0
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02dZ", day.c_str(), static_cast<int>(minute_of_day / 60),
                static_cast<int>(minute_of_day % 60), date->second);
  return std::string(buffer);
}

std::optional<std::string> dateFromFileName(std::string_view file_name) {
  if (file_name.size() < 11 || file_name[10] != '-') return std::nullopt;
  return parsePostDate(file_name.substr(0, 10));
}

bool isKnownTimeZone(const std::string& zone) {
  if (zone.empty()) return false;
  const icu::UnicodeString id = icu::UnicodeString::fromUTF8(zone);
  icu::UnicodeString canonical;
  UBool system = false;
  UErrorCode status = U_ZERO_ERROR;
  icu::TimeZone::getCanonicalID(id, canonical, system, status);
  return U_SUCCESS(status) && system;
}

std::string dayInTimeZone(std::string_view written, const std::string& zone) {
  const std::optional<WrittenDate> date = readDate(written);
  if (!date || (date->has_time && dayOfMinutes(date->utc_minutes).empty())) return "";  // as parsePostDate
  char as_written[16];
  std::snprintf(as_written, sizeof as_written, "%04d-%02d-%02d", date->year, date->month, date->day);
  if (!date->has_offset || !isKnownTimeZone(zone)) return as_written;
  const std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz->getOffset((static_cast<double>(date->utc_minutes) * 60.0 + date->second) * 1000.0, false, raw, dst, status);
  if (U_FAILURE(status)) return as_written;
  const std::string local = dayOfMinutes(date->utc_minutes + (raw + dst) / 60000);
  return local.empty() ? std::string(as_written) : local;
}

std::optional<std::string> parseShowTime(std::string_view text, bool day_end) {
  const std::optional<WrittenDate> date = readDate(text);
  if (!date) return std::nullopt;
  long minutes = date->utc_minutes;  // with no offset: the local minute as written
  int second = date->second;
  if (!date->has_time) {
    minutes = (daysFromCivil(date->year, date->month, date->day) + (day_end ? 1 : 0)) * 1440L;
    second = 0;
  }
  long minute_of_day = 0;
  const std::string day = dayOfMinutes(minutes, &minute_of_day);
  if (day.empty()) return std::nullopt;
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d%s", day.c_str(), static_cast<int>(minute_of_day / 60),
                static_cast<int>(minute_of_day % 60), second, date->has_offset ? "Z" : "");
  return std::string(buffer);
}

std::string showTimeOfInstant(std::int64_t t) {
  const std::int64_t minutes = t >= 0 ? t / 60 : (t - 59) / 60;
  long minute_of_day = 0;
  const std::string day = dayOfMinutes(static_cast<long>(minutes), &minute_of_day);
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02dZ", day.c_str(), static_cast<int>(minute_of_day / 60),
                static_cast<int>(minute_of_day % 60), static_cast<int>(t - minutes * 60));
  return buffer;
}

std::optional<std::int64_t> instantOf(const std::string& show_time, const std::string& zone) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  const std::string_view s = show_time;
  const bool utc = s.size() == 20 && s[19] == 'Z';
  if ((s.size() != 19 && !utc) || !digits(s, 0, 4, &year) || s[4] != '-' || !digits(s, 5, 2, &month) || s[7] != '-' ||
      !digits(s, 8, 2, &day) || s[10] != 'T' || !digits(s, 11, 2, &hour) || s[13] != ':' ||
      !digits(s, 14, 2, &minute) || s[16] != ':' || !digits(s, 17, 2, &second)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return std::nullopt;
  }
  if (utc) return (daysFromCivil(year, month, day) * 1440LL + hour * 60 + minute) * 60 + second;
  UCalendar* calendar = calendarIn(zone);
  if (calendar == nullptr) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  ucal_clear(calendar);
  ucal_setDateTime(calendar, year, month - 1, day, hour, minute, second, &status);
  const UDate millis = ucal_getMillis(calendar, &status);
  if (U_FAILURE(status)) return std::nullopt;
  return static_cast<std::int64_t>(std::floor(millis / 1000.0));
}

std::string showTimeText(const std::string& show_time, bool day_end) {
  // Read as UTC, the fields come back as written.
  const std::optional<std::int64_t> t = instantOf(show_time.substr(0, 19) + "Z", "");
  if (show_time.size() < 19 || !t) return show_time;
  std::int64_t at = *t;
  int minute_of_day = static_cast<int>(((at / 60) % 1440 + 1440) % 1440);
  if (day_end && minute_of_day == 0 && at % 60 == 0) {
    at -= 60;
    minute_of_day = 24 * 60;
  }
  std::string text = showTimeOfInstant(at).substr(0, 10);
  char clock[16];
  std::snprintf(clock, sizeof clock, " %02d:%02d", minute_of_day / 60, minute_of_day % 60);
  return text + clock + (show_time.back() == 'Z' ? " UTC" : "");
}

LocalTime localTime(std::int64_t t, const std::string& zone) {
  LocalTime local;
  UCalendar* calendar = calendarIn(zone);
  if (calendar == nullptr) return local;
  UErrorCode status = U_ZERO_ERROR;
  ucal_setMillis(calendar, static_cast<UDate>(t) * 1000.0, &status);
  const int weekday = ucal_get(calendar, UCAL_DAY_OF_WEEK, &status);  // 1 = Sunday
  const int hour = ucal_get(calendar, UCAL_HOUR_OF_DAY, &status);
  const int minute = ucal_get(calendar, UCAL_MINUTE, &status);
  const int second = ucal_get(calendar, UCAL_SECOND, &status);
  const int year = ucal_get(calendar, UCAL_EXTENDED_YEAR, &status);
  const int month = ucal_get(calendar, UCAL_MONTH, &status) + 1;
  const int day = ucal_get(calendar, UCAL_DATE, &status);
  if (U_FAILURE(status)) return LocalTime{};
  local.weekday = (weekday + 5) % 7;
  local.minute_of_day = hour * 60 + minute;
  local.second_of_minute = second;
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  local.day = buffer;
  return local;
}

std::string localMinuteText(std::int64_t t, const std::string& zone, bool day_end) {
  LocalTime local = localTime(t, zone);
  if (local.day.empty()) return "";
  int minute_of_day = local.minute_of_day;
  if (day_end && minute_of_day == 0 && local.second_of_minute == 0) {
    local = localTime(t - 1, zone);  // the day that ends here
    minute_of_day = 24 * 60;
  }
  char buffer[128];
  std::snprintf(buffer, sizeof buffer, "%s %02d:%02d", local.day.c_str(), minute_of_day / 60, minute_of_day % 60);
  return buffer;
}

}  // namespace newsticker::content
