// SPDX-License-Identifier: Apache-2.0
// One convention per screen: the header's 12 or 24 hours and its date order
// follow the feed (its own times, its language), not a C locale's US habits.
#include <doctest/doctest.h>

#include "render/ClockText.hpp"

using namespace newsticker;
using render::ClockHours;

TEST_CASE("clock convention: the feed's own times decide 24 or 12 hours, and an English date's order") {
  const std::string posix = "en_US_POSIX";  // ICU's name for the C / C.UTF-8 locale
  auto c = render::clockConventionFor("en", {"Extra ferries after 23:00 on Fridays", "From 07:30"}, posix);
  CHECK(c.hours == ClockHours::TwentyFour);
  CHECK(c.date_locale == "en_GB");
  c = render::clockConventionFor("en", {"Doors open at 6 pm", "until 11:30 p.m. on Fridays", "at 9am"}, posix);
  CHECK(c.hours == ClockHours::Twelve);
  CHECK(c.date_locale == "en_US");
  // Nothing in the posts and a C locale: 24 hours, as most of the world.
  c = render::clockConventionFor("en", {"3D printing desks, 2026, 1:2 scale"}, posix);
  CHECK(c.hours == ClockHours::TwentyFour);
  CHECK(c.date_locale == "en_GB");
  // A system locale of the feed's language with a region speaks when the posts do not.
  c = render::clockConventionFor("en", {}, "en_US");
  CHECK(c.hours == ClockHours::Twelve);
  CHECK(c.date_locale == "en_US");
  c = render::clockConventionFor("en", {}, "en_AU");
  CHECK(c.date_locale == "en_AU");
  // ...but the posts' own times win, and the date follows them.
  c = render::clockConventionFor("en", {"closes at 18:00"}, "en_US");
  CHECK(c.hours == ClockHours::TwentyFour);
  CHECK(c.date_locale == "en_GB");
  // Other languages: 24 hours, their own date.
  c = render::clockConventionFor("fr", {}, posix);
  CHECK(c.hours == ClockHours::TwentyFour);
  CHECK(c.date_locale == "fr");
  // The config's hours are kept.
  c = render::clockConventionFor("en", {"after 23:00"}, posix, ClockHours::Twelve);
  CHECK(c.hours == ClockHours::Twelve);
  CHECK(c.date_locale == "en_US");
}

TEST_CASE("clock text: the date in the convention's locale") {
  const std::time_t monday = 1796644800;  // 2026-12-07 12:00 UTC
  render::ClockStyle style;
  style.hours = ClockHours::TwentyFour;
  style.time_zone = "UTC";
  style.language = "en";
  style.date_locale = "en_GB";
  const render::ClockText british(style);
  CHECK(british.date(monday).find("7 Dec") != std::string::npos);
  CHECK(british.shortDate(monday) == "7 Dec");
  CHECK(british.time(monday) == "12:00");
  style.date_locale = "en_US";
  style.hours = ClockHours::Twelve;
  const render::ClockText american(style);
  CHECK(american.date(monday).find("Dec 7") != std::string::npos);
  CHECK(american.time(monday) == "12:00 PM");
}
