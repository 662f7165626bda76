// SPDX-License-Identifier: Apache-2.0
#include "firmware/ContentWatcher.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "firmware/Log.hpp"

namespace newsticker::firmware {
namespace {

constexpr int kMaxWatchedFolders = 256;
constexpr int kMaxDepth = 4;

std::atomic<int> signal_pipe{-1};

void onHangup(int) {
  const int fd = signal_pipe.load();
  if (fd >= 0) {
    const char byte = 'h';
    const ssize_t ignored = write(fd, &byte, 1);
    (void)ignored;
  }
}

}  // namespace

ContentWatcher::ContentWatcher(std::string folder, std::function<void(bool)> changed)
    : folder_(std::move(folder)), changed_(std::move(changed)) {
  if (pipe2(wake_pipe_, O_CLOEXEC | O_NONBLOCK) != 0) {
    logError(std::string("cannot watch the content folder: ") + std::strerror(errno));
    return;
  }
  inotify_fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_fd_ < 0) {
    logWarning(std::string("cannot watch the content folder (inotify: ") + std::strerror(errno) +
               "); send SIGHUP to reload it");
  }
  signal_pipe.store(wake_pipe_[1]);
  struct sigaction action {};
  action.sa_handler = onHangup;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGHUP, &action, nullptr);
  // The watches are in place before the constructor returns: a change made
  // right after it (a save as soon as the first picture is up) is seen.
  arm();
  thread_ = std::thread([this] { run(); });
}

ContentWatcher::~ContentWatcher() {
  stopping_.store(true);
  if (wake_pipe_[1] >= 0) {
    const char byte = 's';
    const ssize_t ignored = write(wake_pipe_[1], &byte, 1);
    (void)ignored;
  }
  if (thread_.joinable()) thread_.join();
  signal(SIGHUP, SIG_DFL);
  signal_pipe.store(-1);
  if (inotify_fd_ >= 0) close(inotify_fd_);
  for (int fd : wake_pipe_) {
    if (fd >= 0) close(fd);
  }
}

void ContentWatcher::arm() {
  if (inotify_fd_ < 0) return;
  // Start afresh: the folder may be a new one under the same name.
  close(inotify_fd_);
  inotify_fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_fd_ < 0) return;
  namespace fs = std::filesystem;
  const uint32_t files = IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB |
                         IN_DELETE_SELF | IN_MOVE_SELF;
  int count = 0;
  // The parent sees the folder itself appear, vanish or be renamed over.
  const fs::path path = fs::path(folder_).lexically_normal();
  const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
  parent_watch_ =
      inotify_add_watch(inotify_fd_, parent.c_str(), IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR);
  if (parent_watch_ >= 0) ++count;
  folder_name_ = path.filename().string();
  std::error_code ec;
  if (inotify_add_watch(inotify_fd_, path.c_str(), files | IN_ONLYDIR) >= 0) ++count;
  for (fs::recursive_directory_iterator it(path, fs::directory_options::follow_directory_symlink, ec), end;
       !ec && it != end && count < kMaxWatchedFolders; it.increment(ec)) {
    if (it.depth() >= kMaxDepth) {
      it.disable_recursion_pending();
      continue;
    }
    std::error_code type_error;
    if (!it->is_directory(type_error)) continue;
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      it.disable_recursion_pending();  // .git and the like
      continue;
    }
    if (inotify_add_watch(inotify_fd_, it->path().c_str(), files | IN_ONLYDIR) >= 0) ++count;
  }
  watched_.store(count);
}

void ContentWatcher::run() {
  alignas(inotify_event) char buffer[16384];
  for (;;) {
    pollfd fds[2] = {{wake_pipe_[0], POLLIN, 0}, {inotify_fd_, POLLIN, 0}};
    const int n = poll(fds, inotify_fd_ >= 0 ? 2 : 1, -1);
    if (stopping_.load()) return;
    if (n < 0) {
      if (errno == EINTR) continue;
      return;
    }
    bool forced = false, files = false;
    if (fds[0].revents & POLLIN) {
      char bytes[64];
      const ssize_t got = read(wake_pipe_[0], bytes, sizeof bytes);
      for (ssize_t i = 0; i < got; ++i) {
        if (bytes[i] == 's') return;
        forced = true;
      }
    }
    if (inotify_fd_ >= 0 && (fds[1].revents & POLLIN)) {
      for (ssize_t got; (got = read(inotify_fd_, buffer, sizeof buffer)) > 0;) {
        // In the parent only the folder's own name counts: the rest of
        // /srv or /tmp coming and going is none of our business.
        for (ssize_t at = 0; at + static_cast<ssize_t>(sizeof(inotify_event)) <= got;) {
          const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
          const bool ours = event->wd != parent_watch_ || (event->len > 0 && folder_name_ == event->name) ||
                            (event->mask & IN_Q_OVERFLOW);
          files = files || ours;
          at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        }
      }
    }
    if (files) arm();  // new folders, or a replaced folder, get watches
    if (forced || files) changed_(forced);
  }
}

}  // namespace newsticker::firmware
