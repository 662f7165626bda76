// SPDX-License-Identifier: Apache-2.0
// The normalised post: everything a card needs, whatever format the file had.
#pragma once

#include <string>
#include <vector>

#include "content/DayPart.hpp"
#include "content/LanguageTag.hpp"

namespace newsticker::content {

struct RelatedHeadline {
  std::string title;
  std::string source;  // provider name, empty when unknown
};

// When a post shows and how it takes its turn (docs/content.md, "When a post
// shows"). All empty or false: always, in the cycle's order.
struct ShowRules {
  std::string from;           // the first moment it shows, parseShowTime's form (PostDate.hpp); "" = no start
  std::string until;          // the first moment it no longer shows, the same form; "" = no end
  bool from_is_date = false;  // `from` is the post's own date (a Jekyll or Hugo site's rule), not an editor's key
  int from_line = 0;          // where the front matter set them (0 = unknown), for messages
  int until_line = 0;
  std::vector<DayPart> hours;  // local hours it shows in (any of them); empty = all day
  bool high_priority = false;  // `priority: high`: every other slot of the cycle while it shows
  bool urgent = false;         // `urgent: true`: cuts into the cycle, again every repeat_seconds
  double repeat_seconds = 0;   // for an urgent post; 0 = the default (kDefaultUrgentRepeatSeconds)
  bool standby = false;        // shows only while no other post does (the "nothing to show" card)

  // True when any rule is set (the post does not simply always show).
  bool any() const { return !from.empty() || !until.empty() || !hours.empty() || high_priority || urgent || standby; }
};

constexpr double kDefaultUrgentRepeatSeconds = 600;

struct Post {
  std::string file;     // path relative to the content folder, as shown in messages
  std::string title;    // exactly as written in the front matter
  std::string summary;  // plain text, whitespace collapsed; may be empty
  std::string source;   // provider / source / feed or site name / author; may be empty
  std::string author;   // the post's author (display name when the site gives one), for a byline; may be empty
  std::string date;     // ISO 8601: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" (UTC); empty = undated
  std::string url;
  std::vector<std::string> topics;
  LanguageTag language;         // "en", "ja", "ko", "zh-Hans", "zh-Hant", ... ("": unknown)
  std::string logo;             // resolved path relative to the content folder; empty = monogram
  std::string photo;            // resolved photo (not the logo) relative to the content folder; empty = none
  double duration_seconds = 0;  // 0 = the feed / command-line default
  double weight = 0;
  bool draft = false;
  std::vector<RelatedHeadline> related;
  std::string secondary_title;  // same news in a second language (after a horizontal rule)
  std::string secondary_summary;
  LanguageTag secondary_language;
  ShowRules show;
};

}  // namespace newsticker::content
