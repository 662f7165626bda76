// SPDX-License-Identifier: Apache-2.0
// `newsticker fetch`: reads RSS and Atom feeds over HTTP(S) and keeps their
// items as news-item posts in the content folder, offline first: a failed
// fetch changes nothing and the last good posts keep showing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "firmware/FeedSource.hpp"

namespace newsticker::firmware {

struct FetchSettings {
  std::filesystem::path content_dir;  // must exist
  std::string user_agent = "newsticker";
  bool dry_run = false;                 // fetch and print what would change; write nothing
  std::ostream* dry_run_out = nullptr;  // where --dry-run prints; nullptr = std::cout
  long connect_timeout_ms = 10000;
  long total_timeout_ms = 30000;
  std::size_t max_feed_bytes = 5u << 20;
  std::int64_t now = 0;  // unix seconds; 0 = the system clock (tests set it)
};

struct FeedFetchResult {
  bool ok = false;                 // false: nothing in the folder changed and `error` was logged
  bool not_modified = false;       // the server answered 304 to the conditional GET
  std::string error;               // the logged reason, without the feed's address
  std::string folder;              // the feed's posts, relative to the content folder: "posts/feeds/<name>"
  int written = 0;                 // post files created or changed
  int unchanged = 0;               // post files that already held the same bytes (not touched)
  int removed = 0;                 // post and picture files removed
  int pictures = 0;                // pictures downloaded
  std::vector<std::string> posts;  // the feed's post files after the run, relative to the content folder
};

// The folder name of a feed in posts/feeds/ and images/feeds/: its host and
// path in lower-case letters, digits and '-' ("news.example.org/feed.xml"
// gives "news-example-org-feed-xml"), at most 64 characters (a longer one
// ends in a hash of the whole address, so names stay distinct).
std::string feedFolderName(const std::string& url);

// Fetches `source` (a conditional GET when the last fetch left validators and
// all its posts are still there) and brings <content>/posts/feeds/<name>/ in
// line with it: one post per item (the newest max_items, none older than
// max_age_days), named by a hash of the item's guid (else link, else title
// and date) so the same item always has the same file; a file whose bytes
// would not change is not written (its mtime stays); every write is a
// temporary file renamed into place. Each item's picture is downloaded once
// into images/feeds/<name>/ (PNG or JPEG, the logo limits: 4 MiB, 4096 px a
// side; one that fails is a warning and the post goes without it). Items
// older than max_age_days, and items gone from the feed for more than a day,
// are removed with their pictures. A fetch that fails (network, time-out,
// HTTP status other than 200/304, a response over max_feed_bytes, XML that is
// malformed or declares entities) changes nothing and logs one line. A Jekyll
// folder (_posts/ without posts/) gets _posts/feeds/. Never throws.
FeedFetchResult fetchFeed(const FeedSource& source, const FetchSettings& settings);

// Fetches every feed in turn; returns how many failed (each logged once).
// Two feeds that would share a folder are refused before any fetch. With
// `results`, it receives one result per source, in order (all failed when refused).
int fetchFeeds(const std::vector<FeedSource>& sources, const FetchSettings& settings,
               std::vector<FeedFetchResult>* results = nullptr);

}  // namespace newsticker::firmware
