// SPDX-License-Identifier: Apache-2.0
// A regular file mapped read-only into memory, for fonts: FreeType then reads
// glyphs straight from memory (shared page cache) instead of a seek and a
// read system call per glyph through stdio.
#pragma once

#include <cstddef>
#include <string>

namespace newsticker::render {

class MappedFile {
 public:
  // Opens `path` non-blocking, checks on the descriptor that it is a
  // non-empty regular file, and maps it. Throws std::runtime_error naming the
  // file and the reason otherwise (a FIFO, a folder, unreadable, empty).
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const void* data() const { return data_; }
  std::size_t size() const { return size_; }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace newsticker::render
