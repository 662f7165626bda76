// SPDX-License-Identifier: Apache-2.0
// Read-only access to a content folder, on disk or embedded in the program.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace newsticker::content {

struct FileRead {
  enum class Status { Ok, Missing, TooLarge, Unreadable } status = Status::Missing;
  std::string bytes;     // the file's content when status is Ok
  std::size_t size = 0;  // the file's size when known
};

// What identifies one version of a file: a rewrite, a replacement (rename
// over it) or a touch changes it.
struct FileStamp {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t inode = 0;
  bool operator==(const FileStamp& other) const {
    return size == other.size && mtime_ns == other.mtime_ns && inode == other.inode;
  }
  bool operator!=(const FileStamp& other) const { return !(*this == other); }
};

// A folder entry that listFiles leaves out although it is not a folder.
struct SkippedEntry {
  std::string name;    // the entry's name inside its folder
  std::string reason;  // "is a FIFO, not a regular file", ...
};

class ContentTree {
 public:
  virtual ~ContentTree() = default;
  // Names of the regular files directly inside folder `dir` ("" is the root),
  // sorted byte-wise. Empty when the folder does not exist.
  virtual std::vector<std::string> listFiles(const std::string& dir) const = 0;
  // Names of the real folders directly inside folder `dir` ("" is the root),
  // links to folders left out (so a walk down the tree never loops), sorted
  // byte-wise. Empty when there are none (the default).
  virtual std::vector<std::string> listFolders(const std::string& dir) const {
    (void)dir;
    return {};
  }
  // Entries directly inside `dir` ("" is the root) that are neither a regular
  // file nor a folder inside the tree: special files (FIFO, socket, device),
  // links that lead outside the tree or to nothing. Sorted by name; empty
  // when the tree can hold none (the default).
  virtual std::vector<SkippedEntry> listSkipped(const std::string& dir) const {
    (void)dir;
    return {};
  }
  // True when `dir` is a folder inside the tree.
  virtual bool hasFolder(const std::string& dir) const = 0;
  // True when `path` names a regular file inside the tree (after resolving
  // symlinks, it must still be inside the tree).
  virtual bool hasFile(const std::string& path) const = 0;
  // Reads the file at `path` (relative, '/'-separated) if it is at most
  // `max_bytes` long; never reads past the limit.
  virtual FileRead read(const std::string& path, std::size_t max_bytes) const = 0;
  // Reads at most the first `count` bytes of the file at `path` (an image
  // header); Ok however long the file is, with `size` the whole file's size.
  virtual FileRead readStart(const std::string& path, std::size_t count) const = 0;
  // The stamp of the regular file at `path`; nullopt when there is none.
  // Costs one stat, never a read.
  virtual std::optional<FileStamp> stamp(const std::string& path) const = 0;
  // Where the tree comes from, for messages ("/srv/feed", "built-in demo feed").
  virtual std::string describe() const = 0;
};

}  // namespace newsticker::content
