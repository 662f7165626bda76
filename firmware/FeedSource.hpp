// SPDX-License-Identifier: Apache-2.0
// One entry of the config's `feeds:` list: an RSS or Atom feed that
// `newsticker fetch` turns into posts.
#pragma once

#include <string>

namespace newsticker::firmware {

// The config refuses more: 500 items is far more than a screen cycles
// through, and ten years far more than news stays news.
constexpr int kMaxFeedItems = 500;
constexpr int kMaxFeedAgeDays = 3650;

struct FeedSource {
  std::string url;        // http:// or https://
  std::string name;       // the source shown on cards; "" = the feed's own title
  std::string language;   // "" = the feed's language, else detected from the text
  int max_items = 20;     // the newest this many items are kept (1 to kMaxFeedItems)
  int max_age_days = 14;  // older items are not written, and removed (1 to kMaxFeedAgeDays)
  std::string logo;       // a file in logos/ for every item; "" = none
  int line = 0;           // where the entry is in the config file, for messages
};

}  // namespace newsticker::firmware
