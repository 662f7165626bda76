// SPDX-License-Identifier: Apache-2.0
// The cycle's timeline: holds, crossfades, wrap-around and wake-up times.
#include <doctest/doctest.h>

#include <cmath>

#include "firmware/CardCycle.hpp"

using newsticker::firmware::CardCycle;

TEST_CASE("each card holds, then fades into the next, and the cycle loops") {
  const CardCycle cycle({5.0, 3.0, 4.0}, 1.0);  // period: 5+1 + 3+1 + 4+1 = 15
  CHECK(cycle.at(0).current == 0);
  CHECK_FALSE(cycle.at(4.9).transitioning());
  const auto fade = cycle.at(5.5);
  CHECK(fade.current == 0);
  CHECK(fade.next == 1);
  CHECK(fade.transition == doctest::Approx(0.5));
  CHECK(cycle.at(6.5).current == 1);
  CHECK_FALSE(cycle.at(6.5).transitioning());
  CHECK(cycle.at(14.5).current == 2);
  CHECK(cycle.at(14.5).next == 0);  // the last card fades into the first
  CHECK(cycle.at(15.2).current == 0);
  CHECK(cycle.at(15.0 * 1000 + 7.0).current == 1);  // far into the run
}

TEST_CASE("the next change is the start or end of a fade, so the loop can sleep until then") {
  const CardCycle cycle({5.0, 3.0}, 1.0);
  CHECK(cycle.nextChange(0.0) == doctest::Approx(5.0));
  CHECK(cycle.nextChange(5.2) == doctest::Approx(6.0));
  CHECK(cycle.nextChange(6.0) == doctest::Approx(9.0));
  CHECK(cycle.nextChange(9.9) == doctest::Approx(10.0));
  CHECK(cycle.nextChange(10.0) == doctest::Approx(15.0));  // next period
}

TEST_CASE("a single card never fades and never needs to wake up") {
  const CardCycle cycle({8.0}, 1.0);
  CHECK_FALSE(cycle.at(100.0).transitioning());
  CHECK(cycle.at(100.0).current == 0);
  CHECK(std::isinf(cycle.nextChange(3.0)));
}

TEST_CASE("nonsense hold times are treated as one second") {
  const CardCycle cycle({0.0, -3.0}, 0.5);
  CHECK(cycle.at(0.5).current == 0);
  CHECK(cycle.at(1.7).current == 1);
}
