// SPDX-License-Identifier: Apache-2.0
// A content folder held in memory: the built-in demo feed and unit tests.
#pragma once

#include <map>

#include "content/ContentTree.hpp"

namespace newsticker::content {

class MemoryTree final : public ContentTree {
 public:
  // `files` maps '/'-separated relative paths to file contents.
  MemoryTree(std::string description, std::map<std::string, std::string> files);

  std::vector<std::string> listFiles(const std::string& dir) const override;
  std::vector<std::string> listFolders(const std::string& dir) const override;
  bool hasFolder(const std::string& dir) const override;
  bool hasFile(const std::string& path) const override;
  FileRead read(const std::string& path, std::size_t max_bytes) const override;
  FileRead readStart(const std::string& path, std::size_t count) const override;
  // Size and a content hash in place of the modification time (the files never change).
  std::optional<FileStamp> stamp(const std::string& path) const override;
  std::string describe() const override;

 private:
  std::string description_;
  std::map<std::string, std::string> files_;
};

}  // namespace newsticker::content
