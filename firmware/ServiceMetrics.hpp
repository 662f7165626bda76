// SPDX-License-Identifier: Apache-2.0
// The metrics each part of newsticker writes for Prometheus (node_exporter's
// textfile collector): the display's newsticker.prom and `newsticker fetch`'s
// newsticker-fetch.prom (newsticker-sync writes newsticker-sync.prom itself).
// docs/fleet.md says what each one means.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "firmware/FeedFetcher.hpp"
#include "firmware/FeedSource.hpp"
#include "firmware/PrometheusText.hpp"

namespace newsticker::firmware {

inline constexpr const char* kDisplayMetricsFile = "newsticker.prom";
inline constexpr const char* kFetchMetricsFile = "newsticker-fetch.prom";
inline constexpr const char* kSyncMetricsFile = "newsticker-sync.prom";

// What the display reports; times are Unix seconds (0: not yet).
struct DisplayState {
  std::string version;
  double started_at = 0;
  std::size_t posts = 0;     // cards in the cycle
  std::size_t rejected = 0;  // files left out of the last load
  double loaded_at = 0;      // when the content shown was read
  bool on = true;            // false: the schedule has the screen off
  std::size_t card = 0;      // 1-based position of the card on screen; 0 before the first
  std::string card_file, card_title;
  std::uint64_t frames = 0;       // frames presented
  std::uint64_t frames_late = 0;  // animation frames that came more than two frame intervals after the last
  std::uint64_t resident_bytes = 0;
  double captured_at = 0;  // last screen capture written
};

// The display's metric families, in a fixed order.
std::vector<MetricFamily> displayMetrics(const DisplayState& state);

// This process's resident set size in bytes (/proc/self/statm); 0 when unknown.
std::uint64_t residentMemoryBytes();

// The fetch's families for `results` (one per feed of `sources`, in order)
// at `now`: the last run's time and outcome per feed, the posts it keeps,
// and the last success, taken from `previous` (the families read from the
// file the last run wrote) for a feed that failed this time.
std::vector<MetricFamily> fetchMetrics(const std::vector<FeedSource>& sources,
                                       const std::vector<FeedFetchResult>& results, double now,
                                       const std::vector<MetricFamily>& previous);

// A line with `text` cut to at most `max_bytes` bytes, never inside a UTF-8
// character (label values such as a headline stay short).
std::string shortLabel(const std::string& text, std::size_t max_bytes);

}  // namespace newsticker::firmware
