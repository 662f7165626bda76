// SPDX-License-Identifier: Apache-2.0
// One entry of the config's `feeds:` list: an RSS or Atom feed that
// `newsticker fetch` turns into posts.
#pragma once

#include <string>

namespace newsticker::firmware {

struct FeedSource {
  std::string url;          // http:// or https://
  std::string name;         // the source shown on cards; "" = the feed's own title
  std::string language;     // "" = the feed's language, else detected from the text
  int max_items = 20;       // the newest this many items are kept
  int max_age_days = 14;    // older items are not written, and removed
  std::string logo;         // a file in logos/ for every item; "" = none
  int line = 0;             // where the entry is in the config file, for messages
};

}  // namespace newsticker::firmware
