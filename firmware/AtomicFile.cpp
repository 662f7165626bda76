// SPDX-License-Identifier: Apache-2.0
#include "firmware/AtomicFile.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace newsticker::firmware {
namespace {

// True when the file at `path` is a regular file holding exactly `bytes`.
bool holds(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size != bytes.size()) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string current(bytes.size(), '\0');
  in.read(current.data(), static_cast<std::streamsize>(current.size()));
  return in.gcount() == static_cast<std::streamsize>(bytes.size()) && current == bytes;
}

std::string reason(const std::string& what, const std::filesystem::path& path) {
  return what + " " + path.string() + ": " + std::strerror(errno);
}

}  // namespace

AtomicWrite writeFileAtomically(const std::filesystem::path& path, std::string_view bytes, std::string& error,
                                unsigned fixed_mode) {
  if (holds(path, bytes)) return AtomicWrite::Unchanged;
  const std::filesystem::path temporary =
      path.parent_path() / ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()));
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) {
    error = reason("cannot create", temporary);
    return AtomicWrite::Failed;
  }
  const auto fail = [&](const std::string& what) {
    error = reason(what, temporary);
    ::close(fd);
    ::unlink(temporary.c_str());
    return AtomicWrite::Failed;
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail("cannot write");
    done += static_cast<std::size_t>(n);
  }
  if (fixed_mode != 0 && ::fchmod(fd, static_cast<mode_t>(fixed_mode)) != 0) return fail("cannot set the mode of");
  if (::fsync(fd) != 0) return fail("cannot sync");
  if (::close(fd) != 0) {
    error = reason("cannot close", temporary);
    ::unlink(temporary.c_str());
    return AtomicWrite::Failed;
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    error = reason("cannot rename over " + path.string() + " from", temporary);
    ::unlink(temporary.c_str());
    return AtomicWrite::Failed;
  }
  // The rename itself reaches the disk with the folder.
  const int dir =
      ::open(path.parent_path().empty() ? "." : path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return AtomicWrite::Written;
}

bool isAtomicWriteLeftover(const std::string& name) {
  return name.size() > 1 && name[0] == '.' && name.find(".tmp-") != std::string::npos;
}

}  // namespace newsticker::firmware
