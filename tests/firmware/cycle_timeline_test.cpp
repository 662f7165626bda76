// SPDX-License-Identifier: Apache-2.0
// The cycle's timeline on the manual clock: each named move of its time zero
// (start, hold while late, continue after a first look, swap, restart) and
// what the frame and the next change are afterwards.
#include <doctest/doctest.h>

#include <cmath>

#include "firmware/Clock.hpp"
#include "firmware/CycleTimeline.hpp"

using namespace newsticker::firmware;

namespace {

// Three cards of 5 s with 1 s transitions; swaps take 1 s.
CycleTimeline threeCards() { return CycleTimeline(CardCycle({5, 5, 5}, 1), 1); }

}  // namespace

TEST_CASE("a started timeline counts from its start: holds, transitions, the crawl's clock") {
  ManualClock clock;
  CycleTimeline timeline = threeCards();
  CHECK_FALSE(timeline.started());
  clock.advanceTo(2);
  timeline.start(clock.now());
  CHECK(timeline.started());
  TimelineFrame frame = timeline.frameAt(clock.now());
  CHECK(frame.cycle.current == 0);
  CHECK_FALSE(frame.cycle.transitioning());
  CHECK(frame.t == 0);
  CHECK(frame.crawl == 0);
  CHECK_FALSE(frame.swapping());
  CHECK(timeline.nextChange(clock.now()) == doctest::Approx(7));  // card 0's hold ends

  clock.advanceTo(7.5);
  frame = timeline.frameAt(clock.now());
  CHECK(frame.cycle.current == 0);
  CHECK(frame.cycle.next == 1);
  CHECK(frame.cycle.transition == doctest::Approx(0.5));
  CHECK(frame.crawl == doctest::Approx(5.5));
  CHECK(timeline.transitioning(clock.now()));
  CHECK(timeline.nextChange(clock.now()) == doctest::Approx(8));  // the transition ends

  clock.advanceTo(8.5);
  CHECK(timeline.currentCard(clock.now()) == 1);
  CHECK_FALSE(timeline.transitioning(clock.now()));
}

TEST_CASE("holding for a late card keeps the current card on screen and lets the transition start from 0 later") {
  ManualClock clock;
  CycleTimeline timeline = threeCards();
  timeline.start(0);
  clock.advanceTo(3);
  timeline.holdCurrentCard(clock.now());  // no transition runs: nothing moves
  CHECK(timeline.frameAt(clock.now()).t == doctest::Approx(3));

  clock.advanceTo(5.4);  // 0.4 s into the transition to card 1, which is not ready
  timeline.holdCurrentCard(clock.now());
  TimelineFrame frame = timeline.frameAt(clock.now());
  CHECK(frame.cycle.current == 0);
  CHECK_FALSE(frame.cycle.transitioning());
  CHECK(frame.cycle.hold == doctest::Approx(1.0));
  CHECK(frame.crawl == doctest::Approx(5.4));  // the crawl is never held
  CHECK(timeline.nextChange(clock.now()) == doctest::Approx(5.4).epsilon(1e-5));

  // Still late for 2 s, held at every pass (each 0.1 s); then ready, the
  // transition runs from its start.
  for (int pass = 1; pass <= 20; ++pass) {
    clock.advanceTo(5.4 + pass * 0.1);
    timeline.holdCurrentCard(clock.now());
    CHECK(timeline.currentCard(clock.now()) == 0);
    CHECK_FALSE(timeline.transitioning(clock.now()));
  }
  clock.advanceTo(7.9);
  frame = timeline.frameAt(clock.now());
  CHECK(frame.cycle.next == 1);
  CHECK(frame.cycle.transition == doctest::Approx(0.5).epsilon(1e-4));
  clock.advanceTo(8.4 + 0.01);
  CHECK(timeline.currentCard(clock.now()) == 1);
}

TEST_CASE("continuing after a first look: the card on screen keeps its place in its hold in the whole feed") {
  ManualClock clock;
  CycleTimeline timeline(CardCycle({5, 5}, 1), 1);  // the first look: two cards
  timeline.start(0);
  clock.advanceTo(8);  // card 1 of the first look, 2 s into its 5 s hold
  REQUIRE(timeline.currentCard(clock.now()) == 1);
  // In the whole feed of six cards, the card on screen is card 4.
  timeline.continueIn(CardCycle({5, 5, 5, 5, 5, 5}, 1), 4, clock.now());
  const TimelineFrame frame = timeline.frameAt(clock.now());
  CHECK(frame.cycle.current == 4);
  CHECK_FALSE(frame.cycle.transitioning());
  CHECK(frame.cycle.hold == doctest::Approx(0.4));
  CHECK(frame.crawl == doctest::Approx(8));
  CHECK(timeline.nextChange(clock.now()) == doctest::Approx(11));  // its hold ends 3 s later
  clock.advanceTo(12.5);
  CHECK(timeline.currentCard(clock.now()) == 5);
}

TEST_CASE("swapping in a new feed: a swap of the transition's length, held while the first card is late") {
  ManualClock clock;
  CycleTimeline timeline = threeCards();
  timeline.start(0);
  clock.advanceTo(12);  // card 2's hold
  timeline.swapIn(CardCycle({4, 4}, 1), clock.now());
  TimelineFrame frame = timeline.frameAt(clock.now());
  CHECK(frame.swapping());
  CHECK(frame.swap == 0);
  CHECK(frame.cycle.current == 0);
  CHECK_FALSE(frame.cycle.transitioning());
  CHECK(timeline.nextChange(clock.now()) == doctest::Approx(13));  // the swap's end

  clock.advanceTo(12.5);
  CHECK(timeline.frameAt(clock.now()).swap == doctest::Approx(0.5));
  timeline.holdSwap(clock.now());  // the new first card is late
  CHECK(timeline.frameAt(clock.now()).swap == 0);
  CHECK_FALSE(timeline.finishSwap(clock.now()));

  clock.advanceTo(13);
  CHECK(timeline.frameAt(clock.now()).swap == doctest::Approx(0.5));
  CHECK_FALSE(timeline.finishSwap(clock.now()));
  clock.advanceTo(13.5);
  CHECK(timeline.finishSwap(clock.now()));
  CHECK_FALSE(timeline.finishSwap(clock.now()));  // once
  frame = timeline.frameAt(clock.now());
  CHECK_FALSE(frame.swapping());
  CHECK(frame.t == doctest::Approx(0));
  CHECK(frame.crawl == doctest::Approx(13.5));
  CHECK(timeline.nextChange(clock.now()) == doctest::Approx(17.5));  // the new card 0 holds 4 s
}

TEST_CASE("a swap to a feed of one card still takes the transition's time; a transition of 0 swaps at once") {
  CycleTimeline timeline = threeCards();
  timeline.start(0);
  timeline.swapIn(CardCycle({5}, 1), 3);
  CHECK(timeline.frameAt(3.5).swap == doctest::Approx(0.5));
  CHECK(std::isinf(CycleTimeline(CardCycle({5}, 1), 1).nextChange(0)));

  CycleTimeline instant(CardCycle({5, 5}, 0), 0);
  instant.start(0);
  instant.swapIn(CardCycle({5, 5}, 0), 2);
  CHECK(instant.finishSwap(2));
  CHECK(instant.frameAt(2).cycle.current == 0);
  CHECK(instant.nextChange(2) == doctest::Approx(7));
}

TEST_CASE("restarting after a blank schedule shows card 0 again; the crawl's clock runs on") {
  CycleTimeline timeline = threeCards();
  timeline.start(1);
  REQUIRE(timeline.currentCard(14) == 2);
  timeline.restart(300);
  const TimelineFrame frame = timeline.frameAt(300);
  CHECK(frame.cycle.current == 0);
  CHECK(frame.t == 0);
  CHECK(frame.crawl == doctest::Approx(299));
  CHECK(timeline.nextChange(300) == doctest::Approx(305));
}

TEST_CASE("the next change is after now and frameAt shows it there, however the time zero rounds") {
  // A loop on a manual clock sleeps to nextChange(now): were it now itself
  // (origin + edge rounding down), the loop would never move on.
  int near_misses = 0;
  for (int k = 1; k <= 2000; ++k) {
    CycleTimeline timeline(CardCycle({2, 2, 2, 2}, 0.5), 0.5);
    const double origin = k * 0.0137 + 0.05;
    timeline.start(origin);
    for (const double edge : {2.0, 2.5, 4.5, 5.0, 9.5, 10.0}) {
      const double now = std::nextafter(origin + edge, 0.0);  // a hair before the edge, as the clock reads it
      const TimelineFrame before = timeline.frameAt(now);
      if (before.t >= edge) continue;  // already past it at this rounding
      ++near_misses;
      const double next = timeline.nextChange(now);
      INFO("origin " << origin << ", edge " << edge);
      REQUIRE(next > now);
      const TimelineFrame after = timeline.frameAt(next);
      CHECK(after.t >= edge);
      CHECK(
          (after.cycle.current != before.cycle.current || after.cycle.transitioning() != before.cycle.transitioning()));
    }
  }
  CHECK(near_misses > 1000);
}

TEST_CASE("revising the cycle in place: the time the change returns is where the cycle stands now") {
  CycleTimeline timeline = threeCards();
  timeline.start(10);
  int calls = 0;
  double seen = -1;
  // Nothing changed: the time zero stays.
  CHECK_FALSE(timeline.revise(12, [&](CardCycle&, double t) -> std::optional<double> {
    ++calls;
    seen = t;
    return std::nullopt;
  }));
  CHECK(calls == 1);
  CHECK(seen == doctest::Approx(2));
  CHECK(timeline.frameAt(12).t == doctest::Approx(2));
  // A cycle of two 3 s cards replaces it, 4 s in (card 1's hold): the frame follows.
  CHECK(timeline.revise(12, [&](CardCycle& cycle, double) -> std::optional<double> {
    cycle = CardCycle({3, 3}, 1);
    return 4.0;
  }));
  const TimelineFrame frame = timeline.frameAt(12);
  CHECK(frame.t == doctest::Approx(4));
  CHECK(frame.cycle.current == 1);
  CHECK(timeline.cycle().size() == 2);
  CHECK(timeline.frameAt(13).t == doctest::Approx(5));
}
