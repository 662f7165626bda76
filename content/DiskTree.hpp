// SPDX-License-Identifier: Apache-2.0
// A content folder on disk. Every path is confined to the folder after
// symlinks are resolved: a link or "../" that leads outside is treated as
// missing. Confinement is worked out once per folder: each folder used is
// resolved and checked once, then held open, and its plain files are reached
// from that descriptor (a symlinked file is still resolved on its own).
#pragma once

#include <filesystem>
#include <map>
#include <mutex>

#include "content/ContentTree.hpp"

namespace newsticker::content {

class DiskTree final : public ContentTree {
 public:
  // `root` must exist and be a folder; throws std::runtime_error otherwise.
  explicit DiskTree(const std::filesystem::path& root);
  ~DiskTree() override;
  DiskTree(const DiskTree&) = delete;
  DiskTree& operator=(const DiskTree&) = delete;

  std::vector<std::string> listFiles(const std::string& dir) const override;
  std::vector<std::string> listFolders(const std::string& dir) const override;
  std::vector<SkippedEntry> listSkipped(const std::string& dir) const override;
  bool hasFolder(const std::string& dir) const override;
  bool hasFile(const std::string& path) const override;
  FileRead read(const std::string& path, std::size_t max_bytes) const override;
  FileRead readStart(const std::string& path, std::size_t count) const override;
  std::optional<FileStamp> stamp(const std::string& path) const override;
  std::string describe() const override;

  // The absolute path of `path` if it resolves inside the folder, else nullopt.
  std::optional<std::filesystem::path> confined(const std::string& path) const;

 private:
  // A file reached through its folder's descriptor: the folder's fd and the
  // name in it, or (for a symlink) its own resolved absolute path.
  struct Located {
    int dir_fd = -1;
    std::string name;
    std::filesystem::path resolved;  // set for a file reached by a symlink
    bool regular = false;            // a regular file inside the tree
  };
  // The descriptor of folder `dir` (held open), -1 when it is not a folder
  // inside the tree, kNotHeld (-2) past the bound of held folders.
  int folderFd(const std::string& dir) const;
  Located locate(const std::string& path) const;
  FileRead readFile(const std::string& path, std::size_t limit, bool start_only) const;
  template <typename Visit>
  void forEachEntry(const std::string& dir, Visit visit) const;

  std::filesystem::path root_;  // canonical
  mutable std::mutex folders_mutex_;
  mutable std::map<std::string, int> folders_;  // relative folder -> O_PATH descriptor (-1: not one)
};

}  // namespace newsticker::content
