#include "firmware/FetchCommand.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "firmware/FeedFetcher.hpp"
#include "firmware/Log.hpp"

namespace newsticker::firmware {

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
  const int failed = fetchFeeds(options.feeds, settings);
  if (folder >= 0) ::close(folder);
  return failed == 0 ? 0 : 1;
}

}  // namespace newsticker::firmware
