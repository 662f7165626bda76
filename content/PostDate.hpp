// SPDX-License-Identifier: Apache-2.0
// Parses the dates content editors write into one sortable ISO 8601 form.
#pragma once

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

}  // namespace newsticker::content
