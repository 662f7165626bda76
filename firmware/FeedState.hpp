// SPDX-License-Identifier: Apache-2.0
// What `newsticker fetch` remembers about one feed between runs, kept in a
// small file next to the feed's posts: the HTTP validators for a conditional
// GET, and each written item (its date, its picture, since when it is gone
// from the feed, when it was first seen).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace newsticker::firmware {

struct FeedStateItem {
  std::string published;        // the item's date as written in its post ("" = undated)
  std::string image;            // its picture, relative to the content folder ("" = none)
  std::int64_t gone_since = 0;  // unix seconds of the first fetch it was missing from; 0 = in the feed
  std::int64_t first_seen = 0;  // unix seconds of the first fetch that kept it (an undated item ages from
                                // then); 0 = not recorded (a state written before this was kept)
};

struct FeedState {
  std::string url;                             // the feed these validators belong to
  std::string etag;                            // the last 200 response's ETag
  std::string last_modified;                   // and Last-Modified
  std::map<std::string, FeedStateItem> items;  // by post file stem (the item's hash)

  bool operator==(const FeedState& other) const;
};

// The file's text (YAML). Deterministic: equal states give equal bytes.
std::string writeFeedState(const FeedState& state);

// Reads text written by writeFeedState; nullopt when it is not such text
// (a damaged state is read as none: the next fetch is unconditional). Never throws.
std::optional<FeedState> readFeedState(const std::string& text);

}  // namespace newsticker::firmware
