#include "content/DiskTree.hpp"

#include <algorithm>
#include <fstream>
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
  FileRead result;
  const auto file = confined(path);
  std::error_code ec;
  if (!file || !fs::is_regular_file(*file, ec)) return result;
  const auto size = fs::file_size(*file, ec);
  if (ec) {
    result.status = FileRead::Status::Unreadable;
    return result;
  }
  result.size = static_cast<std::size_t>(size);
  if (size > max_bytes) {
    result.status = FileRead::Status::TooLarge;
    return result;
  }
  std::ifstream in(*file, std::ios::binary);
  if (!in) {
    result.status = FileRead::Status::Unreadable;
    return result;
  }
  // One byte more than stat said, so a file that grew past the limit since
  // is still caught (size <= max_bytes here).
  result.bytes.resize(result.size + 1);
  in.read(result.bytes.data(), static_cast<std::streamsize>(result.bytes.size()));
  result.bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (result.bytes.size() > max_bytes) {
    result.status = FileRead::Status::TooLarge;
    result.bytes.clear();
    return result;
  }
  result.size = result.bytes.size();
  result.status = FileRead::Status::Ok;
  return result;
}

FileRead DiskTree::readStart(const std::string& path, std::size_t count) const {
  FileRead result;
  const auto file = confined(path);
  std::error_code ec;
  if (!file || !fs::is_regular_file(*file, ec)) return result;
  const auto size = fs::file_size(*file, ec);
  std::ifstream in(*file, std::ios::binary);
  if (ec || !in) {
    result.status = FileRead::Status::Unreadable;
    return result;
  }
  result.size = static_cast<std::size_t>(size);
  result.bytes.resize(count);
  in.read(result.bytes.data(), static_cast<std::streamsize>(count));
  result.bytes.resize(static_cast<std::size_t>(in.gcount()));
  result.status = FileRead::Status::Ok;
  return result;
}

std::string DiskTree::describe() const { return root_.string(); }

}  // namespace newsticker::content
