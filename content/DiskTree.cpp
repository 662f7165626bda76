#include "content/DiskTree.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>

namespace fs = std::filesystem;

namespace newsticker::content {

DiskTree::DiskTree(const fs::path& root) {
  std::error_code ec;
  root_ = fs::canonical(root, ec);
  if (ec || !fs::is_directory(root_, ec)) {
    throw std::runtime_error(root.string() + ": not a readable folder");
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

std::vector<std::string> DiskTree::listFiles(const std::string& dir) const {
  std::vector<std::string> names;
  const auto folder = confined(dir);
  std::error_code ec;
  if (!folder || !fs::is_directory(*folder, ec)) return names;
  for (fs::directory_iterator it(*folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const std::string relative = dir.empty() ? name : dir + "/" + name;
    if (hasFile(relative)) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<SkippedEntry> DiskTree::listSkipped(const std::string& dir) const {
  std::vector<SkippedEntry> skipped;
  const auto folder = confined(dir);
  std::error_code ec;
  if (!folder || !fs::is_directory(*folder, ec)) return skipped;
  for (fs::directory_iterator it(*folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const auto target = confined(dir.empty() ? name : dir + "/" + name);
    std::error_code type_ec;
    const fs::file_status status = fs::status(it->path(), type_ec);
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
  }
  std::sort(skipped.begin(), skipped.end(), [](const SkippedEntry& a, const SkippedEntry& b) { return a.name < b.name; });
  return skipped;
}

bool DiskTree::hasFolder(const std::string& dir) const {
  const auto folder = confined(dir);
  std::error_code ec;
  return folder && fs::is_directory(*folder, ec);
}

bool DiskTree::hasFile(const std::string& path) const {
  const auto file = confined(path);
  std::error_code ec;
  return file && fs::is_regular_file(*file, ec);
}

FileRead DiskTree::read(const std::string& path, std::size_t max_bytes) const {
  return readFile(path, max_bytes, false);
}

FileRead DiskTree::readStart(const std::string& path, std::size_t count) const {
  return readFile(path, count, true);
}

// Opened non-blocking and checked to be a regular file on the descriptor
// itself, so that a FIFO or device put in a file's place after it was listed
// never blocks or streams forever.
FileRead DiskTree::readFile(const std::string& path, std::size_t limit, bool start_only) const {
  FileRead result;
  const auto file = confined(path);
  std::error_code ec;
  if (!file || !fs::is_regular_file(*file, ec)) return result;
  const int fd = ::open(file->c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
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
