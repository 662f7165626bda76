// SPDX-License-Identifier: Apache-2.0
#include "content/MemoryTree.hpp"

#include <functional>

namespace newsticker::content {

MemoryTree::MemoryTree(std::string description, std::map<std::string, std::string> files)
    : description_(std::move(description)), files_(std::move(files)) {}

std::vector<std::string> MemoryTree::listFiles(const std::string& dir) const {
  std::vector<std::string> names;
  const std::string prefix = dir.empty() ? "" : dir + "/";
  for (const auto& [path, bytes] : files_) {
    if (path.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string rest = path.substr(prefix.size());
    if (!rest.empty() && rest.find('/') == std::string::npos) names.push_back(rest);
  }
  return names;  // std::map keeps them sorted
}

std::vector<std::string> MemoryTree::listFolders(const std::string& dir) const {
  std::vector<std::string> names;
  const std::string prefix = dir.empty() ? "" : dir + "/";
  for (const auto& [path, bytes] : files_) {
    if (path.compare(0, prefix.size(), prefix) != 0) continue;
    const std::size_t slash = path.find('/', prefix.size());
    if (slash == std::string::npos) continue;
    std::string name = path.substr(prefix.size(), slash - prefix.size());
    if (!name.empty() && (names.empty() || names.back() != name)) names.push_back(std::move(name));
  }
  return names;  // std::map keeps them sorted, and a folder's files together
}

bool MemoryTree::hasFolder(const std::string& dir) const {
  if (dir.empty()) return true;
  const std::string prefix = dir + "/";
  const auto it = files_.lower_bound(prefix);
  return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

bool MemoryTree::hasFile(const std::string& path) const { return files_.count(path) != 0; }

FileRead MemoryTree::read(const std::string& path, std::size_t max_bytes) const {
  FileRead result;
  const auto it = files_.find(path);
  if (it == files_.end()) return result;
  result.size = it->second.size();
  if (result.size > max_bytes) {
    result.status = FileRead::Status::TooLarge;
    return result;
  }
  result.bytes = it->second;
  result.status = FileRead::Status::Ok;
  return result;
}

FileRead MemoryTree::readStart(const std::string& path, std::size_t count) const {
  FileRead result;
  const auto it = files_.find(path);
  if (it == files_.end()) return result;
  result.size = it->second.size();
  result.bytes = it->second.substr(0, count);
  result.status = FileRead::Status::Ok;
  return result;
}

std::optional<FileStamp> MemoryTree::stamp(const std::string& path) const {
  const auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  FileStamp stamp;
  stamp.size = it->second.size();
  stamp.mtime_ns = static_cast<std::int64_t>(std::hash<std::string>{}(it->second));
  return stamp;
}

std::string MemoryTree::describe() const { return description_; }

}  // namespace newsticker::content
