// SPDX-License-Identifier: Apache-2.0
// What readPost made of each post file, kept between runs in one cache file
// and keyed by the file's path and FileStamp, so a warm start of a large feed
// reads and parses no post at all.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "content/ContentTree.hpp"
#include "content/PostReader.hpp"

namespace newsticker::content {

constexpr std::size_t kMaxCacheBytes = 32u << 20;  // the entries a cache holds, and so its file

class PostCache {
 public:
  // Reads `file` (up to `max_bytes`) when it exists and was written for the
  // same `fingerprint` (what else decides a post's result: the program
  // build, the limits, feed.yaml's defaults); otherwise starts empty. A
  // damaged or foreign file is ignored, never trusted. Never throws.
  // At most `max_held` bytes of entries are held (see store).
  PostCache(std::string file, std::string fingerprint, std::size_t max_bytes = 256u << 20,
            std::size_t max_held = kMaxCacheBytes);

  // The result remembered for `path` at `stamp`; nullopt when there is none
  // or the file has changed since. Marks the entry as still in use.
  std::optional<PostReadResult> find(const std::string& path, const FileStamp& stamp);

  // Remembers `result` for `path` at `stamp`, unless the entries held would
  // pass `max_held` (then the file is simply parsed again next time).
  void store(const std::string& path, const FileStamp& stamp, const PostReadResult& result);

  // Writes the entries found or stored since construction (the files of this
  // load; entries of files gone are dropped) to the cache file, through a
  // temporary file and a rename, creating its folder. Does nothing when
  // nothing changed. Returns false (and leaves the old file) on failure.
  bool save();

  // Entries found and stored so far (for tests and the log).
  std::size_t hits() const { return hits_; }
  std::size_t misses() const { return stored_; }

 private:
  struct Entry {
    FileStamp stamp;
    std::string bytes;  // the serialised result
    bool used = false;
  };
  std::string file_;
  std::string fingerprint_;
  std::map<std::string, Entry> entries_;
  std::size_t loaded_entries_ = 0;
  std::size_t hits_ = 0;
  std::size_t stored_ = 0;
  std::size_t held_ = 0;  // bytes of the entries' paths and results
  std::size_t max_held_ = kMaxCacheBytes;
};

}  // namespace newsticker::content
