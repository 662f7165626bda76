// SPDX-License-Identifier: Apache-2.0
#include "firmware/ShowReport.hpp"

#include <cmath>
#include <cstdint>

#include "content/PostDate.hpp"
#include "content/ShowWindow.hpp"
#include "firmware/CyclePlanner.hpp"

namespace newsticker::firmware {

ShowFacts showFacts(const std::vector<content::Post>& posts, const std::vector<content::Post>& playlist, double at,
                    bool with_cycle, const SceneSettings& settings) {
  ShowFacts facts;
  const std::string& zone = settings.clock.time_zone;
  for (const content::Post& post : posts) {
    content::ShowRules rules = post.show;
    // A site's post dated in the past shows as any other: its date needs no note.
    if (rules.from_is_date && content::showSpanOf(rules, zone).from <= static_cast<std::int64_t>(std::floor(at))) {
      rules.from.clear();
    }
    if (rules.any()) facts.notes[post.file] = content::showRulesText(rules, zone);
  }
  if (!with_cycle) return facts;
  facts.at = content::localMinuteText(static_cast<std::int64_t>(std::floor(at)), zone);
  CyclePlanner planner(settings, false);
  const CardCycle cycle = planner.start(playlist, at);
  for (std::size_t slot = 0; slot < cycle.size(); ++slot) {
    const content::Post& post = playlist[cycle.card(slot)];
    facts.cycle.push_back(post.file);
    facts.cycle_titles.push_back(post.title);
    facts.cycle_urgent.push_back(post.show.urgent);
  }
  return facts;
}

std::vector<content::Diagnostic> showWarnings(const std::vector<content::Post>& posts, double at,
                                              const std::string& zone) {
  std::vector<content::Diagnostic> warnings;
  const auto now = static_cast<std::int64_t>(std::floor(at));
  for (const content::Post& post : posts) {
    const content::ShowRules& show = post.show;
    if (show.from.empty() && show.until.empty()) continue;
    const content::ShowSpan span = content::showSpanOf(show, zone);
    const bool same_form = !show.from.empty() && !show.until.empty() && show.from.back() == show.until.back();
    if (span.inverted() && !same_form) {  // the same forms were compared when the post was read
      warnings.push_back({post.file, show.until_line, content::Severity::Warning,
                          "the show window ends before it starts (" + content::localMinuteText(span.from, zone) +
                              " to " + content::localMinuteText(span.until, zone, true) + "): the post never shows"});
    } else if (!span.inverted() && !show.until.empty() && span.until <= now) {
      warnings.push_back(
          {post.file, show.until_line, content::Severity::Warning,
           "show window ended " + content::localMinuteText(span.until, zone, true) + "; the post no longer shows"});
    }
  }
  return warnings;
}

}  // namespace newsticker::firmware
