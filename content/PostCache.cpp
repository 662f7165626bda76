// SPDX-License-Identifier: Apache-2.0
#include "content/PostCache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <type_traits>

namespace newsticker::content {
namespace {

// Bumped whenever the layout below changes.
constexpr char kMagic[] = "newsticker post cache 4\n";

// Appends values in the host's byte order (the cache never leaves the machine).
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  template <typename T>
  void number(T value) {
    static_assert(std::is_arithmetic_v<T>);
    out_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void text(const std::string& value) {
    number<std::uint32_t>(static_cast<std::uint32_t>(value.size()));
    out_ += value;
  }
  void texts(const std::vector<std::string>& values) {
    number<std::uint32_t>(static_cast<std::uint32_t>(values.size()));
    for (const std::string& value : values) text(value);
  }

 private:
  std::string& out_;
};

// Reads what Writer wrote; every read is bounds-checked, and after the first
// failure every further read fails too.
class Reader {
 public:
  Reader(const char* data, std::size_t size) : data_(data), size_(size) {}
  bool ok() const { return ok_; }
  bool atEnd() const { return at_ == size_; }
  template <typename T>
  T number() {
    T value{};
    if (!ok_ || size_ - at_ < sizeof value) {
      ok_ = false;
      return value;
    }
    std::memcpy(&value, data_ + at_, sizeof value);
    at_ += sizeof value;
    return value;
  }
  std::string text() {
    const auto length = number<std::uint32_t>();
    if (!ok_ || size_ - at_ < length) {
      ok_ = false;
      return {};
    }
    std::string value(data_ + at_, length);
    at_ += length;
    return value;
  }
  std::vector<std::string> texts() {
    const auto count = number<std::uint32_t>();
    std::vector<std::string> values;
    for (std::uint32_t i = 0; ok_ && i < count; ++i) values.push_back(text());
    return values;
  }
  // How many items of at least `item_bytes` each could still follow: a count
  // larger than that is damage, refused before anything is reserved.
  bool plausibleCount(std::uint32_t count, std::size_t item_bytes) {
    if (count > (size_ - at_) / item_bytes) ok_ = false;
    return ok_;
  }

 private:
  const char* data_;
  std::size_t size_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

// A post's ShowRules (Post.hpp): its window, hours and turn.
void writeShowRules(Writer& w, const ShowRules& show) {
  w.text(show.from);
  w.text(show.until);
  w.number<std::int32_t>(show.from_line);
  w.number<std::int32_t>(show.until_line);
  w.number<std::uint32_t>(static_cast<std::uint32_t>(show.hours.size()));
  for (const DayPart& part : show.hours) {
    std::uint8_t days = 0;
    for (std::size_t d = 0; d < 7; ++d) days |= static_cast<std::uint8_t>(part.days[d] ? 1u << d : 0u);
    w.number(days);
    w.number<std::int32_t>(part.from_minute);
    w.number<std::int32_t>(part.until_minute);
  }
  w.number<std::uint8_t>(static_cast<std::uint8_t>((show.high_priority ? 1 : 0) | (show.urgent ? 2 : 0) |
                                                   (show.standby ? 4 : 0) | (show.from_is_date ? 8 : 0)));
  w.number(show.repeat_seconds);
}

void readShowRules(Reader& r, ShowRules& show) {
  show.from = r.text();
  show.until = r.text();
  show.from_line = r.number<std::int32_t>();
  show.until_line = r.number<std::int32_t>();
  const auto parts = r.number<std::uint32_t>();
  if (r.plausibleCount(parts, 9)) {
    for (std::uint32_t i = 0; i < parts && r.ok(); ++i) {
      DayPart part;
      const auto days = r.number<std::uint8_t>();
      for (std::size_t d = 0; d < 7; ++d) part.days[d] = (days >> d) & 1u;
      part.from_minute = r.number<std::int32_t>();
      part.until_minute = r.number<std::int32_t>();
      show.hours.push_back(part);
    }
  }
  const auto flags = r.number<std::uint8_t>();
  show.high_priority = flags & 1u;
  show.urgent = flags & 2u;
  show.standby = flags & 4u;
  show.from_is_date = flags & 8u;
  show.repeat_seconds = r.number<double>();
}

std::string serialise(const PostReadResult& result) {
  std::string out;
  Writer w(out);
  w.number<std::uint8_t>(result.post ? 1 : 0);
  if (result.post) {
    const Post& p = *result.post;
    for (const std::string* s :
         {&p.file, &p.title, &p.summary, &p.source, &p.author, &p.date, &p.url, &p.language.str(), &p.logo, &p.photo,
          &p.secondary_title, &p.secondary_summary, &p.secondary_language.str()}) {
      w.text(*s);
    }
    w.texts(p.topics);
    w.number(p.duration_seconds);
    w.number(p.weight);
    w.number<std::uint8_t>(p.draft ? 1 : 0);
    w.number<std::uint32_t>(static_cast<std::uint32_t>(p.related.size()));
    for (const RelatedHeadline& r : p.related) {
      w.text(r.title);
      w.text(r.source);
    }
    writeShowRules(w, p.show);
  }
  const LogoHints& logo = result.logo_hints;
  w.text(logo.front_matter);
  w.text(logo.body_image);
  w.texts(logo.image_urls);
  w.text(logo.provider_domain);
  const PhotoHints& photo = result.photo_hints;
  w.text(photo.front_matter);
  w.number<std::int32_t>(photo.front_matter_line);
  w.number<std::uint8_t>(photo.disabled ? 1 : 0);
  w.number<std::uint32_t>(static_cast<std::uint32_t>(photo.candidates.size()));
  for (const PhotoCandidate& c : photo.candidates) {
    w.text(c.reference);
    w.number<std::int32_t>(c.width);
    w.number<std::int32_t>(c.height);
  }
  w.number<std::uint32_t>(static_cast<std::uint32_t>(result.diagnostics.size()));
  for (const Diagnostic& d : result.diagnostics) {
    w.text(d.file);
    w.number<std::int32_t>(d.line);
    w.number<std::uint8_t>(d.severity == Severity::Error ? 0 : 1);
    w.text(d.message);
  }
  w.texts(result.unused_keys);
  return out;
}

std::optional<PostReadResult> deserialise(const std::string& bytes) {
  Reader r(bytes.data(), bytes.size());
  PostReadResult result;
  if (r.number<std::uint8_t>() == 1) {
    Post p;
    std::string language, secondary_language;  // normalised tags, as written
    for (std::string* s : {&p.file, &p.title, &p.summary, &p.source, &p.author, &p.date, &p.url, &language, &p.logo,
                           &p.photo, &p.secondary_title, &p.secondary_summary, &secondary_language}) {
      *s = r.text();
    }
    p.language = LanguageTag(language);
    p.secondary_language = LanguageTag(secondary_language);
    p.topics = r.texts();
    p.duration_seconds = r.number<double>();
    p.weight = r.number<double>();
    p.draft = r.number<std::uint8_t>() != 0;
    const auto related = r.number<std::uint32_t>();
    if (r.plausibleCount(related, 8)) {
      for (std::uint32_t i = 0; i < related && r.ok(); ++i) {
        RelatedHeadline headline;
        headline.title = r.text();
        headline.source = r.text();
        p.related.push_back(std::move(headline));
      }
    }
    readShowRules(r, p.show);
    result.post = std::move(p);
  }
  LogoHints& logo = result.logo_hints;
  logo.front_matter = r.text();
  logo.body_image = r.text();
  logo.image_urls = r.texts();
  logo.provider_domain = r.text();
  PhotoHints& photo = result.photo_hints;
  photo.front_matter = r.text();
  photo.front_matter_line = r.number<std::int32_t>();
  photo.disabled = r.number<std::uint8_t>() != 0;
  const auto candidates = r.number<std::uint32_t>();
  if (r.plausibleCount(candidates, 12)) {
    for (std::uint32_t i = 0; i < candidates && r.ok(); ++i) {
      PhotoCandidate c;
      c.reference = r.text();
      c.width = r.number<std::int32_t>();
      c.height = r.number<std::int32_t>();
      photo.candidates.push_back(std::move(c));
    }
  }
  const auto diagnostics = r.number<std::uint32_t>();
  if (r.plausibleCount(diagnostics, 13)) {
    for (std::uint32_t i = 0; i < diagnostics && r.ok(); ++i) {
      Diagnostic d;
      d.file = r.text();
      d.line = r.number<std::int32_t>();
      d.severity = r.number<std::uint8_t>() == 0 ? Severity::Error : Severity::Warning;
      d.message = r.text();
      result.diagnostics.push_back(std::move(d));
    }
  }
  result.unused_keys = r.texts();
  if (!r.ok() || !r.atEnd()) return std::nullopt;
  return result;
}

// FNV-1a over `size` bytes at `data`: catches a damaged cache file (a torn
// write, a flipped bit) so that it is never trusted.
std::uint64_t checksum(const char* data, std::size_t size) {
  std::uint64_t hash = 14695981039346656037ull;
  for (std::size_t i = 0; i < size; ++i) {
    hash ^= static_cast<unsigned char>(data[i]);
    hash *= 1099511628211ull;
  }
  return hash;
}

// The whole of `path` if it is a regular file of at most `max_bytes`.
std::optional<std::string> readWhole(const std::string& path, std::size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return std::nullopt;
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || static_cast<std::size_t>(info.st_size) > max_bytes) {
    ::close(fd);
    return std::nullopt;
  }
  std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t got = 0;
  while (got < bytes.size()) {
    const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (got != bytes.size()) return std::nullopt;
  return bytes;
}

}  // namespace

PostCache::PostCache(std::string file, std::string fingerprint, std::size_t max_bytes, std::size_t max_held)
    : file_(std::move(file)), fingerprint_(std::move(fingerprint)), max_held_(max_held) {
  const std::optional<std::string> bytes = readWhole(file_, max_bytes);
  constexpr std::size_t kMagicBytes = sizeof kMagic - 1;
  constexpr std::size_t kSumBytes = sizeof(std::uint64_t);
  if (!bytes || bytes->size() < kMagicBytes + kSumBytes || bytes->compare(0, kMagicBytes, kMagic) != 0) return;
  const std::size_t body = bytes->size() - kSumBytes;
  std::uint64_t sum = 0;
  std::memcpy(&sum, bytes->data() + body, kSumBytes);
  if (sum != checksum(bytes->data(), body)) return;
  Reader r(bytes->data() + kMagicBytes, body - kMagicBytes);
  if (r.text() != fingerprint_) return;
  const auto count = r.number<std::uint32_t>();
  if (!r.plausibleCount(count, 32)) return;
  std::map<std::string, Entry> entries;
  for (std::uint32_t i = 0; i < count && r.ok(); ++i) {
    std::string path = r.text();
    Entry entry;
    entry.stamp.size = r.number<std::uint64_t>();
    entry.stamp.mtime_ns = r.number<std::int64_t>();
    entry.stamp.inode = r.number<std::uint64_t>();
    entry.bytes = r.text();
    entries.emplace(std::move(path), std::move(entry));
  }
  if (!r.ok() || !r.atEnd()) return;  // damaged: start empty
  entries_ = std::move(entries);
  loaded_entries_ = entries_.size();
  for (const auto& entry : entries_) held_ += entry.first.size() + entry.second.bytes.size();
}

std::optional<PostReadResult> PostCache::find(const std::string& path, const FileStamp& stamp) {
  const auto it = entries_.find(path);
  if (it == entries_.end() || it->second.stamp != stamp) return std::nullopt;
  std::optional<PostReadResult> result = deserialise(it->second.bytes);
  if (!result) return std::nullopt;
  it->second.used = true;
  ++hits_;
  return result;
}

void PostCache::store(const std::string& path, const FileStamp& stamp, const PostReadResult& result) {
  std::string bytes = serialise(result);
  const auto old = entries_.find(path);
  const std::size_t old_bytes = old != entries_.end() ? path.size() + old->second.bytes.size() : 0;
  if (held_ - old_bytes + path.size() + bytes.size() > max_held_) {
    // Over the cap (300 posts with 0.9 MiB titles made a 276 MB cache): the
    // file is parsed again next time, and a stale entry for it is dropped.
    if (old != entries_.end()) {
      held_ -= old_bytes;
      entries_.erase(old);
      ++stored_;  // the file on disk changes
    }
    return;
  }
  held_ += path.size() + bytes.size() - old_bytes;
  Entry& entry = entries_[path];
  entry.stamp = stamp;
  entry.bytes = std::move(bytes);
  entry.used = true;
  ++stored_;
}

bool PostCache::save() {
  std::size_t used = 0;
  for (const auto& entry : entries_) used += entry.second.used ? 1 : 0;
  if (stored_ == 0 && used == loaded_entries_) return true;  // the file on disk says the same
  std::string out(kMagic);
  Writer w(out);
  w.text(fingerprint_);
  w.number<std::uint32_t>(static_cast<std::uint32_t>(used));
  for (const auto& [path, entry] : entries_) {
    if (!entry.used) continue;
    w.text(path);
    w.number(entry.stamp.size);
    w.number(entry.stamp.mtime_ns);
    w.number(entry.stamp.inode);
    w.text(entry.bytes);
  }
  w.number(checksum(out.data(), out.size()));
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path target(file_);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  const std::string temporary = file_ + ".tmp" + std::to_string(::getpid());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return false;
  std::size_t written = 0;
  while (written < out.size()) {
    const ssize_t n = ::write(fd, out.data() + written, out.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const bool complete = written == out.size() && ::close(fd) == 0;
  if (!complete || ::rename(temporary.c_str(), file_.c_str()) != 0) {
    if (written != out.size()) ::close(fd);
    ::unlink(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace newsticker::content
