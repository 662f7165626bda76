// SPDX-License-Identifier: Apache-2.0
#include "firmware/CyclePlanner.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "content/Playlist.hpp"
#include "firmware/Log.hpp"

namespace newsticker::firmware {
namespace {

constexpr double kDefaultHoldSeconds = 8.0;
constexpr double kShortestHold = 1e-3;  // a hold that ends now: the transition starts at once
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

long minuteOf(double wall) { return static_cast<long>(std::floor(wall / 60.0)); }

// Where `card` is in `order`: at `preferred` when it is there, else its first place; kNone when it is not there.
std::size_t placeOf(const std::vector<std::size_t>& order, std::size_t card, std::size_t preferred) {
  if (preferred < order.size() && order[preferred] == card) return preferred;
  const auto it = std::find(order.begin(), order.end(), card);
  return it == order.end() ? kNone : static_cast<std::size_t>(it - order.begin());
}

}  // namespace

double cardHoldSeconds(const SceneSettings& settings, const content::Post& post) {
  double hold = settings.hold_seconds;
  if (hold <= 0) hold = post.duration_seconds;
  if (hold <= 0) hold = kDefaultHoldSeconds;
  return hold;
}

double urgentHoldSeconds(const SceneSettings& settings, const content::Post& post) {
  return post.duration_seconds > 0 ? post.duration_seconds : cardHoldSeconds(settings, post);
}

CyclePlanner::CyclePlanner(const SceneSettings& settings, bool log) : settings_(settings), log_(log) {}

CardCycle CyclePlanner::start(const std::vector<content::Post>& posts, double wall, bool cut_in,
                              const std::string& cut_into) {
  posts_ = &posts;
  spans_.clear();
  spans_.reserve(posts.size());
  any_rules_ = false;
  for (const content::Post& post : posts) {
    spans_.push_back(content::showSpanOf(post.show, settings_.clock.time_zone));
    any_rules_ = any_rules_ || post.show.any();
  }
  minute_ = minuteOf(wall) - 1;  // evaluated afresh
  showing_.clear();
  regular_.clear();
  evaluate(wall);
  shown_changed_ = true;
  std::vector<std::size_t> prefix = cut_in ? dueUrgent(wall) : std::vector<std::size_t>{};
  std::vector<double> holds;
  for (const std::size_t card : prefix) {
    holds.push_back(urgentHoldSeconds(settings_, posts[card]));
    urgent_shown_[urgentKey(card)] = wall;
    if (log_) logInfo("urgent notice " + posts[card].file + " shows first");
  }
  std::size_t resume = 0;
  for (std::size_t place = 0; !prefix.empty() && !cut_into.empty() && place < regular_.size(); ++place) {
    if (posts[regular_[place]].file == cut_into) {
      resume = place;
      break;
    }
  }
  return plan(std::move(prefix), std::move(holds), resume);
}

std::optional<double> CyclePlanner::update(double wall, double t, CardCycle& cycle) {
  if (posts_ == nullptr || cycle.size() == 0) return std::nullopt;
  const CycleFrame frame = cycle.at(t);
  if (frame.transitioning()) return std::nullopt;
  const bool changed = evaluate(wall);
  const std::size_t slot = frame.current;
  const std::size_t card = cycle.card(slot);
  if (card >= posts_->size()) return std::nullopt;
  const double into = std::max(t - cycle.holdStart(slot, t), kShortestHold);
  if (slot < prefix_) {
    // A cut-in runs its course, unless the urgent notice on screen stopped
    // showing (its show_until): then it leaves now, and the cycle goes on
    // with the card it cut into.
    if (!(*posts_)[card].show.urgent || showing_[card]) return std::nullopt;
    const std::size_t back = placeOf(regular_, plan_regular_[rotation_], kNone);
    cycle = plan({card}, {into}, back != kNone ? back : successorIn(plan_regular_, rotation_));
    return into;
  }
  const std::size_t reg = (slot - prefix_ + rotation_) % plan_regular_.size();
  const std::size_t in_regular = placeOf(regular_, card, regular_ == plan_regular_ ? reg : kNone);
  const std::size_t resume = in_regular != kNone ? in_regular : successorIn(plan_regular_, reg);
  std::vector<std::size_t> due = dueUrgent(wall);
  due.erase(std::remove(due.begin(), due.end(), card), due.end());
  if (!due.empty()) {
    // An urgent notice cuts in: the card on screen ends its hold now and
    // comes back after it, holding again.
    std::vector<double> holds{into};
    for (const std::size_t notice : due) {
      holds.push_back(urgentHoldSeconds(settings_, (*posts_)[notice]));
      urgent_shown_[urgentKey(notice)] = wall;
      if (log_) logInfo("urgent notice " + (*posts_)[notice].file + " cuts in");
    }
    due.insert(due.begin(), card);
    cycle = plan(std::move(due), std::move(holds), resume);
    return into;
  }
  if (prefix_ == 0 && !changed) return std::nullopt;
  if (in_regular != kNone) {
    // The card on screen goes on holding, in the cycle as it is now.
    cycle = plan({}, {}, 0);
    return cycle.holdStart(in_regular, 0) + std::min(into, cycle.hold(in_regular) - kShortestHold);
  }
  // The card on screen no longer shows: its hold ends now.
  cycle = plan({card}, {into}, resume);
  return into;
}

double CyclePlanner::nextChange(double wall) const {
  double next = any_rules_ ? (std::floor(wall / 60.0) + 1) * 60.0 + 0.001 : INFINITY;
  if (posts_ == nullptr) return next;
  for (std::size_t i = 0; i < posts_->size(); ++i) {
    const content::ShowRules& show = (*posts_)[i].show;
    const auto it = show.urgent ? urgent_shown_.find(urgentKey(i)) : urgent_shown_.end();
    if (it == urgent_shown_.end()) continue;
    const double due =
        it->second + (show.repeat_seconds > 0 ? show.repeat_seconds : content::kDefaultUrgentRepeatSeconds);
    // A turn that is due already waits for the transition on screen to end: the loop wakes then anyway.
    if (due > wall + 1e-3) next = std::min(next, due);
  }
  return next;
}

std::vector<std::size_t> CyclePlanner::shownCards() const {
  std::vector<std::size_t> cards;
  const auto add = [&](std::size_t card) {
    if (!(*posts_)[card].show.standby && std::find(cards.begin(), cards.end(), card) == cards.end()) {
      cards.push_back(card);
    }
  };
  for (const std::size_t card : regular_) add(card);
  for (std::size_t i = 0; i < showing_.size(); ++i) {
    if ((*posts_)[i].show.urgent && showing_[i]) add(i);
  }
  return cards;
}

std::pair<std::size_t, std::size_t> CyclePlanner::position(std::size_t slot, const CardCycle& cycle) const {
  if (plan_regular_.empty()) return {slot, cycle.size()};
  const std::size_t n = plan_regular_.size();
  return {slot < prefix_ ? rotation_ : (slot - prefix_ + rotation_) % n, n};
}

bool CyclePlanner::takeShownChanged() {
  const bool changed = shown_changed_;
  shown_changed_ = false;
  return changed;
}

// Works out which posts show at `wall`'s minute (once a minute); true when
// the regular order or the posts that show changed.
bool CyclePlanner::evaluate(double wall) {
  const long minute = minuteOf(wall);
  if (minute == minute_ && !showing_.empty()) return false;
  minute_ = minute;
  std::vector<bool> showing(posts_->size(), true);
  if (any_rules_) {
    const auto t = static_cast<std::int64_t>(std::floor(wall));
    const content::LocalTime local = content::localTime(t, settings_.clock.time_zone);
    for (std::size_t i = 0; i < posts_->size(); ++i) {
      const content::ShowRules& show = (*posts_)[i].show;
      if (show.any()) showing[i] = content::showsAt(show, spans_[i], t, local);
    }
  }
  std::vector<std::size_t> regular = content::cycleOrder(*posts_, showing);
  if (regular.empty()) regular.push_back(0);  // nothing shows and no standby card: the first post stands in
  const bool changed = regular != regular_ || showing != showing_;
  showing_ = std::move(showing);
  regular_ = std::move(regular);
  shown_changed_ = shown_changed_ || changed;
  return changed;
}

// The urgent notices that show and whose turn has come: never shown, or
// shown longer ago than their repeat interval (and than their own hold and
// two transitions, so one never follows itself).
std::vector<std::size_t> CyclePlanner::dueUrgent(double wall) const {
  std::vector<std::size_t> due;
  for (std::size_t i = 0; i < posts_->size(); ++i) {
    const content::Post& post = (*posts_)[i];
    if (!post.show.urgent || i >= showing_.size() || !showing_[i]) continue;
    const auto it = urgent_shown_.find(urgentKey(i));
    double repeat = post.show.repeat_seconds > 0 ? post.show.repeat_seconds : content::kDefaultUrgentRepeatSeconds;
    repeat = std::max(repeat, urgentHoldSeconds(settings_, post) + 2 * settings_.transition_seconds);
    if (it == urgent_shown_.end() || wall - it->second >= repeat - 0.5) due.push_back(i);
  }
  return due;
}

// A cycle of `prefix` (cards run once, holding `prefix_holds`) and then the
// regular order from its `rotation`-th card on.
CardCycle CyclePlanner::plan(std::vector<std::size_t> prefix, std::vector<double> prefix_holds, std::size_t rotation) {
  prefix_ = prefix.size();
  plan_regular_ = regular_;
  rotation_ = rotation % plan_regular_.size();
  for (std::size_t i = 0; i < plan_regular_.size(); ++i) {
    const std::size_t card = plan_regular_[(i + rotation_) % plan_regular_.size()];
    prefix.push_back(card);
    prefix_holds.push_back(cardHoldSeconds(settings_, (*posts_)[card]));
  }
  return CardCycle(std::move(prefix_holds), settings_.transition_seconds, std::move(prefix));
}

// The place in the regular order now of the first card after
// `old_order[old_index]` that still shows; 0 when none does.
std::size_t CyclePlanner::successorIn(const std::vector<std::size_t>& old_order, std::size_t old_index) const {
  for (std::size_t step = 1; step <= old_order.size(); ++step) {
    const std::size_t place = placeOf(regular_, old_order[(old_index + step) % old_order.size()], kNone);
    if (place != kNone) return place;
  }
  return 0;
}

// An urgent notice is remembered by its file and headline: a reload keeps its turn.
std::string CyclePlanner::urgentKey(std::size_t card) const {
  return (*posts_)[card].file + '\n' + (*posts_)[card].title;
}

}  // namespace newsticker::firmware
