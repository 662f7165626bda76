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

// The date of a Jekyll post file name "YYYY-MM-DD-slug.md", or nullopt.
std::optional<std::string> dateFromFileName(std::string_view file_name);

}  // namespace newsticker::content
