// SPDX-License-Identifier: Apache-2.0
#include "firmware/FetchCommand.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "firmware/FeedFetcher.hpp"
#include "firmware/Log.hpp"
#include "firmware/ServiceMetrics.hpp"

namespace newsticker::firmware {
namespace {

// newsticker-fetch.prom in the config's metrics_dir: each feed's last run,
// with the last success kept from the file's previous version.
void writeFetchMetrics(const Options& options, const std::vector<FeedFetchResult>& results) {
  std::error_code ec;
  if (options.metrics_dir.empty() || !std::filesystem::is_directory(options.metrics_dir, ec)) return;
  const std::filesystem::path folder = options.metrics_dir;
  std::ifstream in(folder / kFetchMetricsFile, std::ios::binary);
  std::ostringstream previous;
  if (in) previous << in.rdbuf();
  const double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  std::string error;
  if (!writeMetricsFile(folder, kFetchMetricsFile,
                        fetchMetrics(options.feeds, results, now, parseMetrics(previous.str()).families), error)) {
    logWarning("metrics: " + error);
  }
}

}  // namespace

int runFetchCommand(const Options& options, const std::string& user_agent) {
  if (options.content_dir.empty()) {
    logError("fetch needs the content folder: 'content:' in the config or --content DIR");
    return 2;
  }
  if (options.feeds.empty()) {
    logInfo("no feeds: in the config; nothing to fetch");
    return 0;
  }
  // One fetch at a time per folder (the timer and a hand-started run): the
  // lock is on the folder itself and goes with the process.
  const int folder = ::open(options.content_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder >= 0 && ::flock(folder, LOCK_EX | LOCK_NB) != 0) {
    logInfo("another newsticker fetch is writing " + options.content_dir + "; this one stops");
    ::close(folder);
    return 0;
  }
  FetchSettings settings;
  settings.content_dir = options.content_dir;
  settings.user_agent = user_agent;
  settings.dry_run = options.dry_run;
  std::vector<FeedFetchResult> results;
  const int failed = fetchFeeds(options.feeds, settings, &results);
  if (folder >= 0) ::close(folder);
  if (!options.dry_run) writeFetchMetrics(options, results);
  return failed == 0 ? 0 : 1;
}

}  // namespace newsticker::firmware
