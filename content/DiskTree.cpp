// SPDX-License-Identifier: Apache-2.0
#include "content/DiskTree.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>

namespace fs = std::filesystem;

namespace newsticker::content {
namespace {

constexpr std::size_t kMaxHeldFolders = 256;  // past this, folders are resolved on each use
constexpr int kNotHeld = -2;                  // folderFd: resolve the path on its own

std::int64_t modificationNs(const struct stat& info) {
  return static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
}

}  // namespace

DiskTree::DiskTree(const fs::path& root) {
  std::error_code ec;
  root_ = fs::canonical(root, ec);
  if (ec || !fs::is_directory(root_, ec)) {
    throw std::runtime_error(root.string() + ": not a readable folder");
  }
}

DiskTree::~DiskTree() {
  for (const auto& folder : folders_) {
    if (folder.second >= 0) ::close(folder.second);
  }
}

std::optional<fs::path> DiskTree::confined(const std::string& path) const {
  if (path.empty()) return root_;
  const fs::path relative(path);
  if (relative.is_absolute()) return std::nullopt;
  std::error_code ec;
  const fs::path resolved = fs::weakly_canonical(root_ / relative, ec);
  if (ec) return std::nullopt;
  // Inside means: equal to the root or below it, component-wise.
  auto r = root_.begin();
  auto p = resolved.begin();
  for (; r != root_.end(); ++r, ++p) {
    if (p == resolved.end() || *p != *r) return std::nullopt;
  }
  return resolved;
}

int DiskTree::folderFd(const std::string& dir) const {
  std::lock_guard<std::mutex> lock(folders_mutex_);
  const auto held = folders_.find(dir);
  if (held != folders_.end()) return held->second;
  // Rare (posts naming hundreds of folders): past the bound, folders are
  // resolved on each use instead of held open.
  if (folders_.size() >= kMaxHeldFolders) return kNotHeld;
  int fd = -1;
  if (const auto folder = confined(dir)) {
    fd = ::open(folder->c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  }
  folders_.emplace(dir, fd);
  return fd;
}

DiskTree::Located DiskTree::locate(const std::string& path) const {
  Located where;
  if (path.empty() || path.front() == '/') return where;
  const std::size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash);
  where.name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (where.name.empty() || where.name == "." || where.name == "..") return where;
  where.dir_fd = folderFd(dir);
  if (where.dir_fd == kNotHeld) {
    std::error_code ec;
    const auto resolved = confined(path);
    where.regular = resolved && fs::is_regular_file(*resolved, ec);
    if (where.regular) where.resolved = *resolved;
    return where;
  }
  if (where.dir_fd < 0) return where;
  struct stat info {};
  if (::fstatat(where.dir_fd, where.name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) return where;
  if (S_ISREG(info.st_mode)) {
    where.regular = true;  // a plain file in a folder already inside the tree
  } else if (S_ISLNK(info.st_mode)) {
    std::error_code ec;
    const auto resolved = confined(path);
    where.regular = resolved && fs::is_regular_file(*resolved, ec);
    if (where.regular) where.resolved = *resolved;
  }
  return where;
}

template <typename Visit>
void DiskTree::forEachEntry(const std::string& dir, Visit visit) const {
  const int folder = folderFd(dir);
  int fd = -1;
  if (folder >= 0) {
    fd = ::openat(folder, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  } else if (folder == kNotHeld) {
    if (const auto path = confined(dir)) fd = ::open(path->c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  }
  if (fd < 0) return;
  DIR* listing = ::fdopendir(fd);
  if (listing == nullptr) {
    ::close(fd);
    return;
  }
  while (const dirent* entry = ::readdir(listing)) {
    const std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    visit(name, entry->d_type);
  }
  ::closedir(listing);
}

std::vector<std::string> DiskTree::listFiles(const std::string& dir) const {
  std::vector<std::string> names;
  forEachEntry(dir, [&](const std::string& name, unsigned char type) {
    if (type == DT_REG || ((type == DT_LNK || type == DT_UNKNOWN) && hasFile(dir.empty() ? name : dir + "/" + name))) {
      names.push_back(name);
    }
  });
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> DiskTree::listFolders(const std::string& dir) const {
  std::vector<std::string> names;
  const std::optional<fs::path> folder = confined(dir);
  if (!folder) return names;
  forEachEntry(dir, [&](const std::string& name, unsigned char type) {
    if (type == DT_UNKNOWN) {
      std::error_code ec;
      if (!fs::is_directory(fs::symlink_status(*folder / name, ec))) return;
    } else if (type != DT_DIR) {
      return;
    }
    names.push_back(name);
  });
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<SkippedEntry> DiskTree::listSkipped(const std::string& dir) const {
  std::vector<SkippedEntry> skipped;
  const std::optional<fs::path> folder = confined(dir);
  if (!folder) return skipped;
  forEachEntry(dir, [&](const std::string& name, unsigned char type) {
    if (type == DT_REG || type == DT_DIR) return;
    const auto target = confined(dir.empty() ? name : dir + "/" + name);
    std::error_code type_ec;
    const fs::file_status status = fs::status(*folder / name, type_ec);
    std::string reason;
    if (!target) {
      reason = "is a link that leads outside the content folder";
    } else if (status.type() == fs::file_type::not_found) {
      reason = "is a link to nothing";
    } else if (status.type() == fs::file_type::fifo) {
      reason = "is a FIFO (named pipe), not a regular file";
    } else if (status.type() == fs::file_type::socket) {
      reason = "is a socket, not a regular file";
    } else if (status.type() == fs::file_type::block || status.type() == fs::file_type::character) {
      reason = "is a device, not a regular file";
    } else if (status.type() != fs::file_type::regular && status.type() != fs::file_type::directory) {
      reason = "is not a regular file";
    }
    if (!reason.empty()) skipped.push_back({name, reason});
  });
  std::sort(skipped.begin(), skipped.end(),
            [](const SkippedEntry& a, const SkippedEntry& b) { return a.name < b.name; });
  return skipped;
}

bool DiskTree::hasFolder(const std::string& dir) const {
  const int fd = folderFd(dir);
  if (fd != kNotHeld) return fd >= 0;
  std::error_code ec;
  const auto folder = confined(dir);
  return folder && fs::is_directory(*folder, ec);
}

bool DiskTree::hasFile(const std::string& path) const { return locate(path).regular; }

FileRead DiskTree::read(const std::string& path, std::size_t max_bytes) const {
  return readFile(path, max_bytes, false);
}

FileRead DiskTree::readStart(const std::string& path, std::size_t count) const { return readFile(path, count, true); }

std::optional<FileStamp> DiskTree::stamp(const std::string& path) const {
  const Located where = locate(path);
  if (!where.regular) return std::nullopt;
  struct stat info {};
  const int status = where.resolved.empty() ? ::fstatat(where.dir_fd, where.name.c_str(), &info, AT_SYMLINK_NOFOLLOW)
                                            : ::stat(where.resolved.c_str(), &info);
  if (status != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  return FileStamp{static_cast<std::uint64_t>(info.st_size), modificationNs(info),
                   static_cast<std::uint64_t>(info.st_ino)};
}

// Opened non-blocking (and, for a plain file, without following a link put
// in its place since) and checked to be a regular file on the descriptor
// itself, so that a FIFO or device put in a file's place after it was listed
// never blocks or streams forever.
FileRead DiskTree::readFile(const std::string& path, std::size_t limit, bool start_only) const {
  FileRead result;
  const Located where = locate(path);
  if (!where.regular) return result;
  // Without touching the access time where the files are ours (no write to
  // the SD card, and no change event for the folder's watcher to answer).
  constexpr int kFlags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
  const auto openWith = [&](int flags) {
    return where.resolved.empty() ? ::openat(where.dir_fd, where.name.c_str(), flags | O_NOFOLLOW)
                                  : ::open(where.resolved.c_str(), flags);
  };
  int fd = openWith(kFlags | O_NOATIME);
  if (fd < 0 && errno == EPERM) fd = openWith(kFlags);
  if (fd < 0) {
    result.status = FileRead::Status::Unreadable;
    return result;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size < 0) {
    ::close(fd);
    result.status = FileRead::Status::Unreadable;
    return result;
  }
  result.size = static_cast<std::size_t>(info.st_size);
  if (!start_only && result.size > limit) {
    ::close(fd);
    result.status = FileRead::Status::TooLarge;
    return result;
  }
  // One byte more than stat said, so a file that grew past the limit since
  // is still caught (size <= limit here).
  const std::size_t wanted = start_only ? limit : result.size + 1;
  result.bytes.resize(wanted);
  std::size_t got = 0;
  while (got < wanted) {
    const ssize_t n = ::read(fd, result.bytes.data() + got, wanted - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      result.bytes.clear();
      result.status = FileRead::Status::Unreadable;
      return result;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  result.bytes.resize(got);
  if (!start_only && result.bytes.size() > limit) {
    result.status = FileRead::Status::TooLarge;
    result.bytes.clear();
    return result;
  }
  if (!start_only) result.size = result.bytes.size();
  result.status = FileRead::Status::Ok;
  return result;
}

std::string DiskTree::describe() const { return root_.string(); }

}  // namespace newsticker::content
