// SPDX-License-Identifier: Apache-2.0
// The content folder's watcher, on a real folder with real inotify: a change
// inside is seen, a change beside it (in the parent) is not, the folder being
// replaced is, and SIGHUP asks for an immediate reload.
#include <doctest/doctest.h>

#include <csignal>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "TestFolders.hpp"
#include "firmware/ContentWatcher.hpp"

namespace fs = std::filesystem;
using newsticker::firmware::ContentWatcher;

namespace {

struct Calls {
  std::atomic<int> changes{0};
  std::atomic<int> forced{0};
};

// Waits up to `limit` for `calls` to reach `count` changes.
bool reached(const Calls& calls, int count, std::chrono::milliseconds limit = std::chrono::milliseconds(3000)) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (calls.changes.load() < count && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return calls.changes.load() >= count;
}

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

}  // namespace

TEST_CASE("the watcher sees changes in the folder and the folder's own replacement, not its neighbours") {
  const fs::path parent = freshFolder("watcher");
  const fs::path folder = parent / "feed";
  write(folder / "posts" / "a.md", "one");
  Calls calls;
  ContentWatcher watcher(folder.string(), [&](bool forced) {
    calls.changes.fetch_add(1);
    if (forced) calls.forced.fetch_add(1);
  });
  // The thread arms its watches as it starts.
  for (int i = 0; i < 200 && watcher.watchedFolders() < 3; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  REQUIRE(watcher.watchedFolders() >= 3);  // parent, folder, posts/

  write(folder / "posts" / "b.md", "two");
  CHECK(reached(calls, 1));

  // Neighbours in the parent come and go: nothing to reload.
  const int before = calls.changes.load();
  write(parent / "other-cache" / "x.bin", "noise");
  write(parent / "feed-backup.tar", "noise");
  fs::remove(parent / "feed-backup.tar");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK(calls.changes.load() == before);

  // The folder replaced by a rename over its name (a deploy's atomic switch).
  write(parent / "feed.new" / "posts" / "c.md", "three");
  fs::rename(folder, parent / "feed.old");
  fs::rename(parent / "feed.new", folder);
  CHECK(reached(calls, before + 1));

  // SIGHUP: a forced reload.
  const int forced_before = calls.forced.load();
  std::raise(SIGHUP);
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while (calls.forced.load() == forced_before && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(calls.forced.load() == forced_before + 1);
  fs::remove_all(parent);
}
