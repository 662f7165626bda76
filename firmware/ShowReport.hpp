// SPDX-License-Identifier: Apache-2.0
// What --check says about when posts show: a note per post ("shows from
// ... until ..."), warnings for windows that are over or never open, and
// with --at the cycle as it will be then.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "content/Diagnostic.hpp"
#include "content/Post.hpp"
#include "firmware/SceneSettings.hpp"

namespace newsticker::firmware {

struct ShowFacts {
  std::map<std::string, std::string> notes;  // post file -> "shows from 2026-12-24 09:00 until ...", for each
                                             //   post with show rules
  std::string at;                            // "2026-12-24 09:00" when --at was given, else ""
  std::vector<std::string> cycle;            // with --at: the files of the cycle's slots then, in order
  std::vector<std::string> cycle_titles;     // their titles
  std::vector<bool> cycle_urgent;            // which of them cut in as urgent notices
};

// The facts about `posts` (every post, drafts too: the notes) and
// `playlist` (the cycle at --at) at wall time `at`, times in
// `settings.clock.time_zone`; `with_cycle` when --at was given.
ShowFacts showFacts(const std::vector<content::Post>& posts, const std::vector<content::Post>& playlist, double at,
                    bool with_cycle, const SceneSettings& settings);

// A warning for each post of `posts` whose window is over at `at` ("show
// window ended 2026-11-12 11:00; the post no longer shows") or closes
// before it opens, at the line of its show_until.
std::vector<content::Diagnostic> showWarnings(const std::vector<content::Post>& posts, double at,
                                              const std::string& zone);

}  // namespace newsticker::firmware
