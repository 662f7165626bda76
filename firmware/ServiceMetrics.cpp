// SPDX-License-Identifier: Apache-2.0
#include "firmware/ServiceMetrics.hpp"

#include <unistd.h>

#include <fstream>

namespace newsticker::firmware {
namespace {

MetricFamily gauge(const char* name, const char* help, double value) {
  return MetricFamily{name, help, MetricType::Gauge, {MetricSample{{}, value}}};
}

MetricFamily counter(const char* name, const char* help, double value) {
  return MetricFamily{name, help, MetricType::Counter, {MetricSample{{}, value}}};
}

}  // namespace

std::string shortLabel(const std::string& text, std::size_t max_bytes) {
  std::string out = text.substr(0, max_bytes);
  if (out.size() < text.size()) {
    // Back to the start of the character that was cut.
    std::size_t end = out.size();
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    out.resize(end);
  }
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return out;
}

std::vector<MetricFamily> displayMetrics(const DisplayState& s) {
  std::vector<MetricFamily> families;
  families.push_back(MetricFamily{"newsticker_build_info",
                                  "The newsticker version running (always 1).",
                                  MetricType::Gauge,
                                  {MetricSample{{{"version", s.version}}, 1}}});
  families.push_back(gauge("newsticker_start_time_seconds", "When the display started (Unix time).", s.started_at));
  families.push_back(
      gauge("newsticker_posts_loaded", "Cards in the cycle from the last content load.", static_cast<double>(s.posts)));
  families.push_back(gauge("newsticker_posts_rejected", "Post files the last content load left out (bad content).",
                           static_cast<double>(s.rejected)));
  families.push_back(
      gauge("newsticker_last_reload_timestamp_seconds", "When the content shown was read (Unix time).", s.loaded_at));
  MetricFamily card{"newsticker_card_info",
                    "The card on screen (always 1): its position, post file and headline.",
                    MetricType::Gauge,
                    {}};
  if (s.card > 0) {
    card.samples.push_back(MetricSample{{{"position", std::to_string(s.card)},
                                         {"file", shortLabel(s.card_file, 200)},
                                         {"title", shortLabel(s.card_title, 200)}},
                                        1});
  }
  families.push_back(std::move(card));
  families.push_back(
      gauge("newsticker_display_on", "1 while the schedule has the screen on, 0 while it is off.", s.on ? 1 : 0));
  families.push_back(
      counter("newsticker_frames_total", "Frames presented since the start.", static_cast<double>(s.frames)));
  families.push_back(counter("newsticker_frames_late_total",
                             "Animation frames presented more than two frame intervals after the previous one.",
                             static_cast<double>(s.frames_late)));
  families.push_back(gauge("newsticker_resident_memory_bytes", "Resident memory of the display process (RSS).",
                           static_cast<double>(s.resident_bytes)));
  families.push_back(gauge("newsticker_screen_capture_timestamp_seconds",
                           "When the last screen capture was written (Unix time; 0: none yet).", s.captured_at));
  return families;
}

std::uint64_t residentMemoryBytes() {
  std::ifstream statm("/proc/self/statm");
  std::uint64_t size = 0, resident = 0;
  if (!(statm >> size >> resident)) return 0;
  const long page = ::sysconf(_SC_PAGESIZE);
  return resident * static_cast<std::uint64_t>(page > 0 ? page : 4096);
}

std::vector<MetricFamily> fetchMetrics(const std::vector<FeedSource>& sources,
                                       const std::vector<FeedFetchResult>& results, double now,
                                       const std::vector<MetricFamily>& previous) {
  MetricFamily run{"newsticker_fetch_last_run_timestamp_seconds",
                   "When newsticker fetch last read the feed (Unix time).",
                   MetricType::Gauge,
                   {}};
  MetricFamily ok{"newsticker_fetch_last_run_success",
                  "1 when the last fetch of the feed succeeded (200 or 304), 0 when it failed.",
                  MetricType::Gauge,
                  {}};
  MetricFamily success{"newsticker_fetch_last_success_timestamp_seconds",
                       "When a fetch of the feed last succeeded (Unix time; 0: never).",
                       MetricType::Gauge,
                       {}};
  MetricFamily posts{"newsticker_fetch_posts",
                     "Posts the feed has in the content folder after the last success.",
                     MetricType::Gauge,
                     {}};
  const MetricFamily* old_success = findFamily(previous, success.name);
  const MetricFamily* old_posts = findFamily(previous, posts.name);
  for (std::size_t i = 0; i < sources.size() && i < results.size(); ++i) {
    const std::vector<std::pair<std::string, std::string>> labels = {{"feed", feedFolderName(sources[i].url)},
                                                                     {"url", sources[i].url}};
    const FeedFetchResult& result = results[i];
    run.samples.push_back({labels, now});
    ok.samples.push_back({labels, result.ok ? 1.0 : 0.0});
    const double last = result.ok ? now : old_success != nullptr ? old_success->value(labels, 0) : 0;
    success.samples.push_back({labels, last});
    const double kept = result.ok              ? static_cast<double>(result.posts.size())
                        : old_posts != nullptr ? old_posts->value(labels, 0)
                                               : 0;
    posts.samples.push_back({labels, kept});
  }
  return {run, ok, success, posts};
}

}  // namespace newsticker::firmware
