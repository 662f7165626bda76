// SPDX-License-Identifier: Apache-2.0
// parsePostDate / dateFromFileName: one sortable ISO 8601 form, UTC.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "content/PostDate.hpp"

using newsticker::content::dateFromFileName;
using newsticker::content::dayInTimeZone;
using newsticker::content::isKnownTimeZone;
using newsticker::content::parsePostDate;

TEST_CASE("date: valid forms") {
  CHECK(parsePostDate("2026-03-04") == std::optional<std::string>("2026-03-04"));
  CHECK(parsePostDate("2022-09-12T13:00:00Z") == std::optional<std::string>("2022-09-12T13:00:00Z"));
  CHECK(parsePostDate("2022-09-12T13:00Z") == std::optional<std::string>("2022-09-12T13:00:00Z"));
  CHECK(parsePostDate("2022-09-12T13:00:00") == std::optional<std::string>("2022-09-12T13:00:00Z"));
  CHECK(parsePostDate("2022-09-12 13:00:00") == std::optional<std::string>("2022-09-12T13:00:00Z"));
  CHECK(parsePostDate("2022-09-12T13:00:00.123Z") == std::optional<std::string>("2022-09-12T13:00:00Z"));
  CHECK(parsePostDate("2022-09-12T15:00:00+02:00") == std::optional<std::string>("2022-09-12T13:00:00Z"));
  CHECK(parsePostDate("2022-09-12T15:30:00+0230") == std::optional<std::string>("2022-09-12T13:00:00Z"));
  CHECK(parsePostDate("2022-09-12T08:00:00-05:00") == std::optional<std::string>("2022-09-12T13:00:00Z"));
  CHECK(parsePostDate("  2026-03-04  ") == std::optional<std::string>("2026-03-04"));
  CHECK(parsePostDate("2024-02-29") == std::optional<std::string>("2024-02-29"));
  CHECK(parsePostDate("2000-02-29") == std::optional<std::string>("2000-02-29"));
}

TEST_CASE("date: Jekyll style with a space before the offset") {
  CHECK(parsePostDate("2026-10-12 18:00:00 -0400") == std::optional<std::string>("2026-10-12T22:00:00Z"));
  CHECK(parsePostDate("2026-10-12 18:00:00 +0100") == std::optional<std::string>("2026-10-12T17:00:00Z"));
}

TEST_CASE("date: offsets that cross a day, month or year boundary") {
  CHECK(parsePostDate("2026-12-31T23:30:00-01:00") == std::optional<std::string>("2027-01-01T00:30:00Z"));
  CHECK(parsePostDate("2026-03-01T01:00:00+02:00") == std::optional<std::string>("2026-02-28T23:00:00Z"));
  CHECK(parsePostDate("2024-03-01T01:00:00+02:00") == std::optional<std::string>("2024-02-29T23:00:00Z"));
}

TEST_CASE("date: impossible days and months are rejected") {
  CHECK_FALSE(parsePostDate("2026-02-30").has_value());
  CHECK_FALSE(parsePostDate("2026-02-29").has_value());
  CHECK_FALSE(parsePostDate("1900-02-29").has_value());
  CHECK_FALSE(parsePostDate("2026-04-31").has_value());
  CHECK_FALSE(parsePostDate("2026-13-01").has_value());
  CHECK_FALSE(parsePostDate("2026-00-10").has_value());
  CHECK_FALSE(parsePostDate("2026-01-00").has_value());
  CHECK_FALSE(parsePostDate("2026-02-30T10:00:00Z").has_value());
}

TEST_CASE("date: text that is not such a date") {
  for (const char* text :
       {"", "yesterday", "2026-3-4", "26-03-04", "2026/03/04", "04.03.2026", "2026-03-04X", "2026-03-04T",
        "2026-03-04T25:00", "2026-03-04T10:60", "2026-03-04T10", "2026-03-04T10:00:00ZZ", "2026-03-04T10:00:00+25:00",
        "2026-03-04T10:00:00+02:0", "2026-03-04T10:00:00 PST", "2026-03-04 extra"}) {
    CAPTURE(text);
    CHECK_FALSE(parsePostDate(text).has_value());
  }
}

TEST_CASE("date: offset forms outside the documented grammar") {
  // The header accepts "Z", "+HH:MM", "+HHMM" or nothing after the time.
  CHECK_FALSE(parsePostDate("2026-03-04T10:00:00+02:").has_value());
}

TEST_CASE("date: from a Jekyll file name") {
  CHECK(dateFromFileName("2026-03-04-slug.md") == std::optional<std::string>("2026-03-04"));
  CHECK(dateFromFileName("2026-10-12-a.txt") == std::optional<std::string>("2026-10-12"));
  CHECK_FALSE(dateFromFileName("2026-03-04.md").has_value());
  CHECK_FALSE(dateFromFileName("2026-02-30-slug.md").has_value());
  CHECK_FALSE(dateFromFileName("20260304-slug.md").has_value());
  CHECK_FALSE(dateFromFileName("000_085f738c2efbf0fc.txt").has_value());
  CHECK_FALSE(dateFromFileName("slug.md").has_value());
  CHECK_FALSE(dateFromFileName("").has_value());
}

TEST_CASE("dayInTimeZone: an address's day in the site's time zone") {
  // 23:30 at UTC-5 is 04:30 UTC, 06:30 in Berlin (summer time): the next day.
  CHECK(dayInTimeZone("2026-04-02 23:30:00 -0500", "Europe/Berlin") == "2026-04-03");
  // 01:30 at UTC+9 is 16:30 UTC the day before, 12:30 in New York.
  CHECK(dayInTimeZone("2026-04-03T01:30:00+09:00", "America/New_York") == "2026-04-02");
  CHECK(dayInTimeZone("2026-04-02T23:30:00Z", "Asia/Tokyo") == "2026-04-03");
  CHECK(dayInTimeZone("2026-12-31 23:30:00 +0000", "Pacific/Kiritimati") == "2027-01-01");  // UTC+14
  // No offset written: the time is the site's own, the day as written.
  CHECK(dayInTimeZone("2026-04-02 23:30:00", "Asia/Tokyo") == "2026-04-02");
  CHECK(dayInTimeZone("2026-04-02", "Asia/Tokyo") == "2026-04-02");
  // No zone, or one ICU does not know: as written.
  CHECK(dayInTimeZone("2026-04-02 23:30:00 -0500", "") == "2026-04-02");
  CHECK(dayInTimeZone("2026-04-02 23:30:00 -0500", "Mars/Olympus_Mons") == "2026-04-02");
  CHECK(dayInTimeZone(" 2026-04-02 ", "UTC") == "2026-04-02");
  CHECK(dayInTimeZone("April 2nd", "UTC").empty());
  CHECK(dayInTimeZone("2026-02-30 10:00:00 +0100", "UTC").empty());
}

TEST_CASE("isKnownTimeZone: ICU's system zones only") {
  CHECK(isKnownTimeZone("Europe/Berlin"));
  CHECK(isKnownTimeZone("UTC"));
  CHECK(isKnownTimeZone("America/Argentina/Buenos_Aires"));
  CHECK_FALSE(isKnownTimeZone(""));
  CHECK_FALSE(isKnownTimeZone("Mars/Olympus_Mons"));
  CHECK_FALSE(isKnownTimeZone("GMT+5"));  // a custom id, not a zone
}
