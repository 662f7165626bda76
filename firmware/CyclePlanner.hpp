// SPDX-License-Identifier: Apache-2.0
// Which cards the cycle shows, in which slots, as the wall clock moves:
// posts join and leave at their minute (show windows, show_hours), a
// high-priority post takes every other slot, an urgent notice cuts in and
// the cycle then returns to where it was. It makes the CardCycles the main
// loop runs; it has no clock of its own (wall times are given) and no SDL.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "content/Post.hpp"
#include "content/ShowWindow.hpp"
#include "firmware/CardCycle.hpp"
#include "firmware/SceneSettings.hpp"

namespace newsticker::firmware {

// The hold time of `post`'s card: `settings.hold_seconds`, else the post's
// duration, else 8 s.
double cardHoldSeconds(const SceneSettings& settings, const content::Post& post);

// An urgent notice's hold: its own duration, else cardHoldSeconds.
double urgentHoldSeconds(const SceneSettings& settings, const content::Post& post);

class CyclePlanner {
 public:
  // Hold times and the transition come from `settings`, the time zone of
  // show windows and hours from `settings.clock.time_zone` (empty: the system's).
  // With `log`, each urgent notice's turn is logged (a line on stderr).
  explicit CyclePlanner(const SceneSettings& settings, bool log = true);

  // The cycle of `posts` (a newly loaded feed; borrowed until the next
  // start, it must stay alive) at wall time `wall` (seconds since the Unix
  // epoch), from its first slot. With `cut_in`, urgent notices that are due
  // come first (and are counted as shown) and the regular cycle goes on
  // after them from the post of file `cut_into` (the card on screen when
  // they came; "": from the first); without, they wait for update.
  CardCycle start(const std::vector<content::Post>& posts, double wall, bool cut_in = true,
                  const std::string& cut_into = "");

  // Called by the loop while a card holds (`t`: the time in `cycle`, as
  // CardCycle::at reads it; nothing is done during a transition). When the
  // posts that show changed since the last call (a new minute), an urgent
  // notice is due or ran its course, or the card on screen stopped showing,
  // replaces `cycle` and returns the time in the new cycle that continues
  // what is on screen: the same card goes on holding, or, when it leaves or
  // an urgent notice cuts in, its hold ends now (the transition starts). An
  // urgent notice holds for its own hold time, then the cycle returns to the
  // card it cut into, which holds again. nullopt: nothing changed.
  std::optional<double> update(double wall, double t, CardCycle& cycle);

  // The wall time after `wall` when update next has work: the next minute
  // when any post has show rules, an urgent notice's next turn (one due
  // already waits for the loop's next wake); infinity when nothing will
  // ever change.
  double nextChange(double wall) const;

  // The cards of the regular cycle, each once, in their order, then the
  // urgent notices that show: what the crawl lists (never the standby card).
  std::vector<std::size_t> shownCards() const;

  // Slot `slot`'s place in the regular cycle and that cycle's length, for
  // the header's "3 / 11": a cut-in's slots count as the card it cut into.
  std::pair<std::size_t, std::size_t> position(std::size_t slot, const CardCycle& cycle) const;

  // True once after a start or update that changed which cards show.
  bool takeShownChanged();

 private:
  bool evaluate(double wall);
  std::vector<std::size_t> dueUrgent(double wall) const;
  CardCycle plan(std::vector<std::size_t> prefix, std::vector<double> prefix_holds, std::size_t rotation);
  std::size_t successorIn(const std::vector<std::size_t>& old_order, std::size_t old_index) const;
  std::string urgentKey(std::size_t card) const;

  SceneSettings settings_;
  bool log_;
  const std::vector<content::Post>* posts_ = nullptr;
  std::vector<content::ShowSpan> spans_;
  bool any_rules_ = false;
  long minute_ = 0;
  std::vector<bool> showing_;
  std::vector<std::size_t> regular_;            // the regular order now (content::cycleOrder)
  std::vector<std::size_t> plan_regular_;       // the regular order the current cycle was made with
  std::size_t prefix_ = 0;                      // slots before the regular part: a cut-in, run once
  std::size_t rotation_ = 0;                    // the regular part starts at plan_regular_[rotation_]
  std::map<std::string, double> urgent_shown_;  // urgent notice -> wall time its last turn began
  bool shown_changed_ = true;
};

}  // namespace newsticker::firmware
