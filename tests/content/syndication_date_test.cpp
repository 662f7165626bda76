// SPDX-License-Identifier: Apache-2.0
// parseSyndicationDate: RFC 822 and RFC 3339 dates with their offsets, in UTC.
#include <doctest/doctest.h>

#include "content/SyndicationDate.hpp"

using newsticker::content::parseSyndicationDate;

TEST_CASE("RFC 822 dates with numeric offsets, zone names, optional weekday and seconds") {
  CHECK(parseSyndicationDate("Tue, 06 Oct 2026 09:30:00 +0200") == "2026-10-06T07:30:00Z");
  CHECK(parseSyndicationDate("Tue, 06 Oct 2026 09:30:00 GMT") == "2026-10-06T09:30:00Z");
  CHECK(parseSyndicationDate("06 Oct 2026 09:30 -0530") == "2026-10-06T15:00:00Z");
  CHECK(parseSyndicationDate("Mon, 5 Oct 2026 18:00:00 EDT") == "2026-10-05T22:00:00Z");
  CHECK(parseSyndicationDate("Thu, 31 Dec 2026 23:30:00 PST") == "2027-01-01T07:30:00Z");
  CHECK(parseSyndicationDate("Thu, 01 Oct 2026 08:00:00 +0900") == "2026-09-30T23:00:00Z");
  CHECK(parseSyndicationDate("Wed, 02 Oct 02 13:00:00 UT") == "2002-10-02T13:00:00Z");
  CHECK(parseSyndicationDate("02 Oct 99 13:00 Z") == "1999-10-02T13:00:00Z");
  CHECK(parseSyndicationDate("Fri, 09 October 2026 09:00:00 +0900") == "2026-10-09T00:00:00Z");
  CHECK(parseSyndicationDate("  Fri, 09 Oct 2026 09:00:00  \n") == "2026-10-09T09:00:00Z");
}

TEST_CASE("RFC 3339 dates, as Atom and dc:date write them") {
  CHECK(parseSyndicationDate("2026-10-07T19:00:00-04:00") == "2026-10-07T23:00:00Z");
  CHECK(parseSyndicationDate("2026-10-07T19:00:00.250Z") == "2026-10-07T19:00:00Z");
  CHECK(parseSyndicationDate("2026-10-07") == "2026-10-07");
}

TEST_CASE("what is not a date, or names an unknown zone, is undated") {
  CHECK_FALSE(parseSyndicationDate(""));
  CHECK_FALSE(parseSyndicationDate("yesterday"));
  CHECK_FALSE(parseSyndicationDate("Tue, 31 Feb 2026 09:30:00 GMT"));
  CHECK_FALSE(parseSyndicationDate("Tue, 06 Oct 2026 25:30:00 GMT"));
  CHECK_FALSE(parseSyndicationDate("Tue, 06 Foo 2026 09:30:00 GMT"));
  CHECK_FALSE(parseSyndicationDate("2026-13-01T00:00:00Z"));
}

TEST_CASE("dates as feeds write them: RFC 5322 comments, unknown zones as UTC, no time, one-digit hours") {
  CHECK(parseSyndicationDate("Tue, 06 Oct 2026 09:30:00 +0200 (CEST)") == "2026-10-06T07:30:00Z");
  CHECK(parseSyndicationDate("Tue, 06 Oct 2026 09:30:00 +0200 CEST") == "2026-10-06T07:30:00Z");
  CHECK(parseSyndicationDate("Tue, 06 Oct 2026 (a (nested) note) 09:30:00 GMT") == "2026-10-06T09:30:00Z");
  CHECK(parseSyndicationDate("Tue, 06 Oct 2026 09:30:00 XYZ") == "2026-10-06T09:30:00Z");  // RFC 5322: as -0000
  CHECK(parseSyndicationDate("Tue, 06 Oct 2026 09:30:00 MESZ") == "2026-10-06T09:30:00Z");
  CHECK(parseSyndicationDate("Tue, 06 Oct 2026") == "2026-10-06");
  CHECK(parseSyndicationDate("6 Oct 2026 GMT") == "2026-10-06");
  CHECK(parseSyndicationDate("Tue, 6 Oct 2026 9:30:00 +0000") == "2026-10-06T09:30:00Z");
  CHECK(parseSyndicationDate("Tue, 6 Oct 2026 9:05 -0100") == "2026-10-06T10:05:00Z");
}

TEST_CASE("W3C-DTF's year and year-month, and its minutes-only times") {
  CHECK(parseSyndicationDate("2026") == "2026-01-01");
  CHECK(parseSyndicationDate("2026-10") == "2026-10-01");
  CHECK(parseSyndicationDate("2026-10-07T19:00-04:00") == "2026-10-07T23:00:00Z");
}

TEST_CASE("what stays undated: broken times, zones that are not zones, impossible months") {
  CHECK_FALSE(parseSyndicationDate("Tue, 06 Oct 2026 9:3:00 GMT"));
  CHECK_FALSE(parseSyndicationDate("Tue, 06 Oct 2026 09:30:00:11 GMT"));
  CHECK_FALSE(parseSyndicationDate("Tue, 06 Oct 2026 123:30 GMT"));
  CHECK_FALSE(parseSyndicationDate("Tue, 06 Oct 2026 09:30:00 +02x0"));
  CHECK_FALSE(parseSyndicationDate("Tue, 06 Oct 2026 09:30:00 GMT+2"));
  CHECK_FALSE(parseSyndicationDate("Tue, 06 Oct 2026 09:30:00 Central European Summer"));
  CHECK_FALSE(parseSyndicationDate("2026-13"));
  CHECK_FALSE(parseSyndicationDate("20261"));
  CHECK_FALSE(parseSyndicationDate("(only a comment)"));
  // Fuzz finding (syndication_feed_fuzz, UBSan): a year of 26 digits overflowed an int while it was read.
  CHECK_FALSE(parseSyndicationDate("Tue, 06 Oct 20255555555555555555555555556 09:30:00 +0200"));
}
