// SPDX-License-Identifier: Apache-2.0
// Whether a post shows at a moment: its window (show_from, show_until) read
// in the config's time zone, and its hours (show_hours). No SDL, no clock:
// the moment is given.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "content/Post.hpp"
#include "content/PostDate.hpp"

namespace newsticker::content {

// A window as instants (seconds since the Unix epoch): shows from `from` on, until just before `until`.
struct ShowSpan {
  std::int64_t from = std::numeric_limits<std::int64_t>::min();
  std::int64_t until = std::numeric_limits<std::int64_t>::max();
  bool contains(std::int64_t t) const { return t >= from && t < until; }
  bool inverted() const { return until <= from; }
};

// The window of `rules` in the IANA time zone `zone` (local times written
// without an offset are read there; empty or unknown: the system's zone). A
// bound that is not a parseShowTime form is left open.
ShowSpan showSpanOf(const ShowRules& rules, const std::string& zone);

// Whether a post with `rules` and window `span` shows at `t`, where the
// local clock reads `local` (localTime(t, zone)). A standby post is not
// decided here (it shows when nothing else does: cycleOrder).
bool showsAt(const ShowRules& rules, const ShowSpan& span, std::int64_t t, const LocalTime& local);

// One flag per post of `posts`: whether it shows at `t` in `zone`.
std::vector<bool> showingAt(const std::vector<Post>& posts, std::int64_t t, const std::string& zone);

// "shows from 2026-12-24 09:00 until 2027-01-31 24:00, mon-fri 07:00-10:00,
// high priority", "shows until ...", "urgent, every 10 min": `rules` for an
// editor, times in `zone`; "" when the post has no rules.
std::string showRulesText(const ShowRules& rules, const std::string& zone);

// "10m", "10 min", "1h30m", "90s", "2 h", or a bare number of minutes ("15"):
// seconds; nullopt for other text or outside 30 s .. 7 days.
std::optional<double> parseInterval(const std::string& text);

// "10 min", "1 h 30 min", "45 s": a repeat interval for an editor.
std::string intervalText(double seconds);

}  // namespace newsticker::content
