// SPDX-License-Identifier: Apache-2.0
// The screen's hours: on and off times, weekdays, spans across midnight.
#include <doctest/doctest.h>

#include "firmware/ScreenSchedule.hpp"

using newsticker::firmware::ScreenSchedule;

TEST_CASE("office hours on weekdays: on from 07:00, off at 20:00, off at weekends") {
  ScreenSchedule s;
  s.enabled = true;
  s.on_minute = 7 * 60;
  s.off_minute = 20 * 60;
  s.days = {true, true, true, true, true, false, false};
  CHECK_FALSE(s.isOn(0, 6 * 60 + 59));
  CHECK(s.isOn(0, 7 * 60));
  CHECK(s.isOn(4, 19 * 60 + 59));
  CHECK_FALSE(s.isOn(4, 20 * 60));
  CHECK_FALSE(s.isOn(5, 12 * 60));
  CHECK(s.minutesUntilChange(0, 6 * 60) == 60);
  CHECK(s.minutesUntilChange(4, 20 * 60) == 2 * 24 * 60 + 11 * 60);  // Friday 20:00 -> Monday 07:00
}

TEST_CASE("a span across midnight belongs to the day it started") {
  ScreenSchedule s;
  s.enabled = true;
  s.on_minute = 18 * 60;
  s.off_minute = 2 * 60;
  s.days = {false, false, false, false, true, false, false};  // Friday night
  CHECK(s.isOn(4, 23 * 60));
  CHECK(s.isOn(5, 1 * 60));  // Saturday 01:00, still Friday's evening
  CHECK_FALSE(s.isOn(5, 19 * 60));
  CHECK_FALSE(s.isOn(3, 23 * 60));
}

TEST_CASE("times and weekdays as the config writes them") {
  using namespace newsticker::firmware;
  CHECK(parseMinuteOfDay("07:30") == 450);
  CHECK(parseMinuteOfDay("24:00") == 1440);
  CHECK_FALSE(parseMinuteOfDay("7:30"));
  CHECK_FALSE(parseMinuteOfDay("25:00"));
  CHECK_FALSE(parseMinuteOfDay("12:60"));
  CHECK(parseWeekday("mon") == 0);
  CHECK(parseWeekday("Sunday") == 6);
  CHECK_FALSE(parseWeekday("mo"));
  ScreenSchedule always;
  CHECK(always.isOn(6, 3 * 60));  // no schedule: always on
}
