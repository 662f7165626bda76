// A content folder on disk. Every path is confined to the folder after
// symlinks are resolved: a link or "../" that leads outside is treated as missing.
#pragma once

#include <filesystem>

#include "content/ContentTree.hpp"

namespace newsticker::content {

class DiskTree final : public ContentTree {
 public:
  // `root` must exist and be a folder; throws std::runtime_error otherwise.
  explicit DiskTree(const std::filesystem::path& root);

  std::vector<std::string> listFiles(const std::string& dir) const override;
  std::vector<SkippedEntry> listSkipped(const std::string& dir) const override;
  bool hasFolder(const std::string& dir) const override;
  bool hasFile(const std::string& path) const override;
  FileRead read(const std::string& path, std::size_t max_bytes) const override;
  FileRead readStart(const std::string& path, std::size_t count) const override;
  std::string describe() const override;

  // The absolute path of `path` if it resolves inside the folder, else nullopt.
  std::optional<std::filesystem::path> confined(const std::string& path) const;

 private:
  FileRead readFile(const std::string& path, std::size_t limit, bool start_only) const;

  std::filesystem::path root_;  // canonical
};

}  // namespace newsticker::content
