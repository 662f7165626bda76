// SPDX-License-Identifier: Apache-2.0
// Parses the dates content editors write into one sortable ISO 8601 form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsticker::content {

// Accepts "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fff]]" followed by "Z", "+HH:MM",
// "+HHMM", "+HH" or nothing (taken as UTC), with 'T' or ' ' between date and time and
// an optional space before the offset (Jekyll's "2026-10-12 18:00:00 -0400").
// Returns "YYYY-MM-DD" for a bare date, else "YYYY-MM-DDTHH:MM:SSZ" in UTC;
// nullopt when the text is not such a date or names an impossible day.
std::optional<std::string> parsePostDate(std::string_view text);

// The calendar day ("YYYY-MM-DD") a site generator puts in a post's address
// for the date `written`: a time written with its offset ("... -0500", "Z")
// is that instant's day in the IANA time zone `zone` (Jekyll's `timezone`:
// "2026-04-02 23:30:00 -0500" is 2026-04-03 in Europe/Berlin); a bare date, a
// time without an offset, or an empty or unknown `zone` keep the day as
// written. "" when `written` is not a date parsePostDate accepts.
std::string dayInTimeZone(std::string_view written, const std::string& zone);

// True when ICU knows `zone` as a system time zone id ("Europe/Berlin",
// "UTC"); false for "" and for custom ids ("GMT+5").
bool isKnownTimeZone(const std::string& zone);

// The date of a Jekyll post file name "YYYY-MM-DD-slug.md", or nullopt.
std::optional<std::string> dateFromFileName(std::string_view file_name);

// A bound of a post's show window as written (show_from, show_until, Hugo's
// publishDate ...), in one form: "YYYY-MM-DDTHH:MM:SS" for a time written
// without an offset (a local time, read later in a time zone: instantOf), or
// "YYYY-MM-DDTHH:MM:SSZ" for an instant (written with "Z" or an offset,
// turned to UTC). A bare date is the start of that day, or with `day_end`
// the start of the next (an end date includes its day). nullopt when `text`
// is not a date parsePostDate accepts.
std::optional<std::string> parseShowTime(std::string_view text, bool day_end = false);

// The parseShowTime form of the instant `t` (seconds since the Unix epoch): "...Z".
std::string showTimeOfInstant(std::int64_t t);

// "2026-12-24 09:00" (a local time), "2026-12-24 08:00 UTC" (an instant):
// a parseShowTime form for an editor, without reading it in a zone; with
// `day_end`, a midnight is written as the end of the day before
// ("2027-01-31 24:00"). `show_time` itself when it is no such form.
std::string showTimeText(const std::string& show_time, bool day_end = false);

// Seconds since the Unix epoch of a parseShowTime form: an instant as it
// says, a local time as a clock in the IANA time zone `zone` shows it (empty
// or unknown: the system's zone; a time that a daylight saving change skips
// is read as the same time before the change, an hour on). nullopt for any
// other text.
std::optional<std::int64_t> instantOf(const std::string& show_time, const std::string& zone);

// What a clock in `zone` (IANA id; empty or unknown: the system's zone)
// shows at `t`, by ICU's calendar.
struct LocalTime {
  int weekday = 0;  // 0 = Monday .. 6 = Sunday
  int minute_of_day = 0;
  int second_of_minute = 0;
  std::string day;  // "YYYY-MM-DD"
};
LocalTime localTime(std::int64_t t, const std::string& zone);

// "2026-12-24 09:00": the local date and minute of `t` in `zone`; with
// `day_end`, a midnight is written as the end of the day before
// ("2027-01-31 24:00"), as an end of a window reads best.
std::string localMinuteText(std::int64_t t, const std::string& zone, bool day_end = false);

}  // namespace newsticker::content
