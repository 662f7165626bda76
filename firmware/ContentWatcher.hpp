// SPDX-License-Identifier: Apache-2.0
// Watches a content folder with inotify, from a thread of its own: posts
// (and folders below them), logos/, images/, feed.yaml, and the folder
// itself being replaced (a rename or a symlink flip in its parent). SIGHUP
// asks for a reload too.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <thread>

namespace newsticker::firmware {

class ContentWatcher {
 public:
  // Starts watching `folder` (the watches are in place when it returns). `changed(forced)` runs on the watcher's thread
  // after each batch of file events (forced = false) or a SIGHUP (forced =
  // true); it must be quick and thread-safe. When inotify is not available
  // the reason is logged once and only SIGHUP works. Installs the SIGHUP
  // handler (one watcher per process).
  ContentWatcher(std::string folder, std::function<void(bool forced)> changed);
  // Stops the thread and removes the handler.
  ~ContentWatcher();
  ContentWatcher(const ContentWatcher&) = delete;
  ContentWatcher& operator=(const ContentWatcher&) = delete;

  // How many directories are watched now (for tests and the log).
  int watchedFolders() const { return watched_.load(); }

 private:
  void run();
  void arm();

  std::string folder_;
  std::function<void(bool)> changed_;
  int inotify_fd_ = -1;
  int parent_watch_ = -1;  // the parent folder's watch: only events about folder_name_ count
  std::string folder_name_;
  int wake_pipe_[2] = {-1, -1};  // [0] read by the thread; [1] written by SIGHUP and the destructor
  std::atomic<int> watched_{0};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace newsticker::firmware
