// SPDX-License-Identifier: Apache-2.0
#include "content/FeedLoader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <optional>
#include <queue>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "content/HugoConfig.hpp"
#include "content/LanguageDetector.hpp"
#include "content/LogoResolver.hpp"
#include "content/Permalink.hpp"
#include "content/PhotoResolver.hpp"
#include "content/PostCache.hpp"
#include "content/PostReader.hpp"
#include "content/SiteConfig.hpp"

namespace newsticker::content {
namespace {

constexpr std::size_t kMaxFeedYamlBytes = 64 * 1024;

// "719 bytes", "20.0 KiB", "1.5 MiB": sizes an editor can compare.
std::string byteCount(std::size_t bytes) {
  char text[32];
  if (bytes < 10 * 1024) {
    std::snprintf(text, sizeof text, "%zu bytes", bytes);
  } else if (bytes < 1024 * 1024) {
    std::snprintf(text, sizeof text, "%.1f KiB", bytes / 1024.0);
  } else {
    std::snprintf(text, sizeof text, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }
  return text;
}

// `text` as a site address ("https://news.example.org", optionally with a
// path and port), without trailing '/'; nullopt when it is not an http(s)
// address with a host name, or holds spaces, a query or a fragment.
std::optional<std::string> siteAddress(std::string text) {
  std::string lowered;
  for (char c : text.substr(0, 8)) lowered += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  std::size_t host_start = 0;
  if (lowered.rfind("https://", 0) == 0) {
    host_start = 8;
  } else if (lowered.rfind("http://", 0) == 0) {
    host_start = 7;
  } else {
    return std::nullopt;
  }
  if (text.find_first_of(" \t\r\n?#\\\"<>") != std::string::npos) return std::nullopt;
  while (text.size() > host_start && text.back() == '/') text.pop_back();
  const std::string host = text.substr(host_start, text.find('/', host_start) - host_start);
  const std::string name = host.substr(0, host.find(':'));
  if (name.empty() || name.find('@') != std::string::npos) return std::nullopt;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ok) return std::nullopt;
  }
  if (name.front() == '.' || name.front() == '-' || name.find("..") != std::string::npos) return std::nullopt;
  if (const auto colon = host.find(':'); colon != std::string::npos) {
    const std::string port = host.substr(colon + 1);
    const bool digits = !port.empty() && port.size() <= 5 && port.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) return std::nullopt;
  }
  return text;
}

// A post file's name: .md, .markdown, .txt, and with `html` (a Jekyll
// site's _posts) .html and .htm too.
bool isPostFileName(const std::string& name, bool html) {
  if (name.empty() || name[0] == '.' || name[0] == '_' || name[0] == '#' || name.back() == '~') return false;
  for (const char* extension : {".md", ".markdown", ".txt", ".html", ".htm"}) {
    const std::string ext(extension);
    if (!html && ext.rfind(".htm", 0) == 0) continue;
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) return true;
  }
  return false;
}

// The post files of `posts_folder` and of its sub-folders (posts/feeds/<feed>/
// of newsticker fetch, a blog's year folders), as paths inside the tree
// ("posts/2026/a.md"), sorted byte-wise; with `html`, .html posts too
// (isPostFileName). Hidden and '_' folders are not read, nor folders deeper than
// kMaxPostFolderDepth or past kMaxPostFolders (one warning says so); special
// files and links out of the folder that look like posts are reported.
constexpr int kMaxPostFolderDepth = 4;
constexpr std::size_t kMaxPostFolders = 1000;

std::vector<std::string> postFileNames(const ContentTree& tree, const std::string& posts_folder, bool html,
                                       Feed& feed) {
  std::vector<std::string> names;
  std::vector<std::pair<std::string, int>> folders = {{"", 0}};  // relative to posts_folder, depth
  std::size_t visited = 0;
  bool left_out = false;
  const auto inTree = [&](const std::string& relative) {
    if (posts_folder.empty()) return relative;
    return relative.empty() ? posts_folder : posts_folder + "/" + relative;
  };
  while (!folders.empty()) {
    const auto [relative, depth] = folders.back();
    folders.pop_back();
    const std::string dir = inTree(relative);
    const std::string prefix = relative.empty() ? "" : relative + "/";
    for (const SkippedEntry& entry : tree.listSkipped(dir)) {
      if (!isPostFileName(entry.name, html)) continue;
      feed.diagnostics.push_back({inTree(prefix + entry.name), 0, Severity::Error, entry.reason + "; not read"});
      ++feed.rejected_files;
    }
    for (const std::string& name : tree.listFiles(dir)) {
      if (isPostFileName(name, html)) names.push_back(inTree(prefix + name));
    }
    // The top of a folder of posts only (no posts/): its sub-folders are
    // logos/, images/ and the like, not posts.
    if (posts_folder.empty()) continue;
    for (const std::string& name : tree.listFolders(dir)) {
      if (name.empty() || name[0] == '.' || name[0] == '_') continue;
      if (depth + 1 > kMaxPostFolderDepth || visited == kMaxPostFolders) {
        left_out = true;
        continue;
      }
      ++visited;
      folders.emplace_back(prefix + name, depth + 1);
    }
  }
  if (left_out) {
    feed.diagnostics.push_back({posts_folder, 0, Severity::Warning,
                                "holds folders deeper than " + std::to_string(kMaxPostFolderDepth) +
                                    " levels or more than " + std::to_string(kMaxPostFolders) +
                                    " folders; their posts are not read"});
  }
  std::sort(names.begin(), names.end());
  return names;
}

void readFeedYaml(const ContentTree& tree, const LoadLimits& limits, Feed& feed) {
  const std::string file = tree.hasFile("feed.yaml") ? "feed.yaml" : tree.hasFile("feed.yml") ? "feed.yml" : "";
  if (file.empty()) return;
  const auto fail = [&](int line, const std::string& message) {
    feed.diagnostics.push_back({file, line, Severity::Error, message + "; folder defaults ignored"});
    ++feed.rejected_files;
  };
  const FileRead read = tree.read(file, kMaxFeedYamlBytes);
  if (read.status == FileRead::Status::TooLarge) return fail(0, "larger than 64 KiB");
  if (read.status != FileRead::Status::Ok) return fail(0, "cannot be read");
  if (const auto fault = checkYamlLimits(read.bytes, limits.yaml)) return fail(fault->line + 1, fault->message);
  try {
    const YAML::Node root = YAML::Load(read.bytes);
    if (root.IsNull()) return;
    if (!root.IsMap()) return fail(1, "must be 'key: value' lines");
    const auto text = [&](const char* key) {
      const YAML::Node node = root[key];
      return node && node.IsScalar() ? node.Scalar() : std::string();
    };
    FeedDefaults& d = feed.defaults;
    // What feed.yaml says wins over a site's configuration (SiteConfig.hpp).
    if (!text("name").empty()) {
      d.name = text("name");
    } else if (!text("source").empty()) {
      d.name = text("source");
    }
    if (!text("name").empty() || !text("source").empty()) {
      for (SiteLanguage& language : d.languages) language.name.clear();  // feed.yaml's name for every language
    }
    if (!text("logo").empty()) d.logo = text("logo");
    if (!text("language").empty()) d.language = LanguageTag(text("language"));
    if (const YAML::Node duration = root["duration"]; duration && duration.IsScalar()) {
      double seconds = 0;
      if (YAML::convert<double>::decode(duration, seconds) && seconds > 0 && seconds <= 3600) {
        d.duration_seconds = seconds;
      } else {
        feed.diagnostics.push_back({file, duration.Mark().line + 1, Severity::Warning,
                                    "duration must be a number of seconds between 0 and 3600; ignored"});
      }
    }
    if (const YAML::Node drafts = root["show_drafts"]; drafts && drafts.IsScalar()) {
      YAML::convert<bool>::decode(drafts, d.show_drafts);
    }
    if (const YAML::Node base_url = root["base_url"]; base_url && !base_url.IsNull()) {
      const auto address = base_url.IsScalar() ? siteAddress(base_url.Scalar()) : std::nullopt;
      if (address) {
        d.base_url = *address;
      } else {
        const std::string as_written = base_url.IsScalar() ? "'" + base_url.Scalar() + "' " : "";
        feed.diagnostics.push_back({file, base_url.Mark().line + 1, Severity::Warning,
                                    "base_url " + as_written +
                                        "is not an http:// or https:// address such as "
                                        "https://news.example.org; blog posts get no URL"});
      }
    }
    if (const YAML::Node permalink = root["permalink"]; permalink && !permalink.IsNull()) {
      const std::string pattern = permalink.IsScalar() ? permalinkPattern(permalink.Scalar()) : "";
      const std::string unknown = pattern.empty() ? "" : unknownPermalinkPlaceholder(pattern);
      if (!pattern.empty() && unknown.empty()) {
        d.permalink = pattern;
      } else {
        const std::string why = pattern.empty() ? "should be text such as /:year/:month/:day/:title/"
                                                : "uses " + unknown + ", which is not a placeholder newsticker knows";
        feed.diagnostics.push_back(
            {file, permalink.Mark().line + 1, Severity::Warning, "permalink " + why + "; using " + d.permalink});
      }
    }
    if (!text("logo").empty() && !tree.hasFile("logos/" + d.logo) && !tree.hasFile(d.logo)) {
      feed.diagnostics.push_back({file, 0, Severity::Warning, "logo '" + d.logo + "' is not a file inside logos/"});
    }
  } catch (const YAML::Exception& e) {
    fail(e.mark.line + 1, "not valid YAML: " + e.msg);
  }
}

// Keeps the posts' text within a budget while they are read, so memory never
// holds more than the budget and one post: past it the oldest posts
// (undated ones first; of equal dates the one read first) are left out, and
// so is any post read later that is older than one left out. The result is
// what leaving out the oldest after reading everything would give.
class BudgetKeeper {
 public:
  explicit BudgetKeeper(std::size_t budget) : budget_(budget) {}

  // Counts the posts added to `feed` since the last call and leaves out the oldest while over the budget.
  void update(Feed& feed) {
    for (; seen_ < feed.posts.size(); ++seen_) {
      dropped_.push_back(false);
      const Key key{feed.posts[seen_].date, seen_};
      if (cutoff_ && !(*cutoff_ < key)) {
        drop(feed, seen_);
        continue;
      }
      total_ += postBytes(feed.posts[seen_]);
      present_.push(key);
    }
    while (total_ > budget_ && !present_.empty()) {
      const Key oldest = present_.top();
      present_.pop();
      total_ -= postBytes(feed.posts[oldest.second]);
      drop(feed, oldest.second);
      cutoff_ = oldest;
    }
  }

  // Takes the posts left out away (the rest stay in file order) and says how many, once.
  void finish(Feed& feed) {
    if (count_ == 0) return;
    std::vector<Post> kept;
    for (std::size_t i = 0; i < feed.posts.size(); ++i) {
      if (i >= dropped_.size() || !dropped_[i]) kept.push_back(std::move(feed.posts[i]));
    }
    feed.posts = std::move(kept);
    feed.diagnostics.push_back({feed.posts_folder.empty() ? "." : feed.posts_folder, 0, Severity::Warning,
                                std::to_string(count_) +
                                    " posts left out, the oldest first: together the posts' "
                                    "text passes the content memory budget of " +
                                    std::to_string(budget_ >> 20) + " MiB"});
  }

 private:
  using Key = std::pair<std::string, std::size_t>;  // date, place in feed.posts
  void drop(Feed& feed, std::size_t index) {
    feed.posts[index] = Post{};  // its text freed now
    dropped_[index] = true;
    ++count_;
  }
  std::size_t budget_;
  std::size_t total_ = 0;
  std::size_t seen_ = 0;
  std::size_t count_ = 0;
  std::vector<bool> dropped_;
  std::priority_queue<Key, std::vector<Key>, std::greater<Key>> present_;  // the oldest on top
  std::optional<Key> cutoff_;                                              // the newest post left out so far
};

// The folders under a Hugo site's `root` (content/) that hold an _index file
// (Hugo's nested sections), among the folders of the post files `names`.
std::set<std::string> hugoSectionFolders(const ContentTree& tree, const std::string& root,
                                         const std::vector<std::string>& names) {
  std::set<std::string> sections, looked_at;
  const std::string prefix = root + "/";
  for (const std::string& name : names) {
    if (name.rfind(prefix, 0) != 0) continue;
    std::string folder = name.substr(prefix.size());
    for (auto slash = folder.rfind('/'); slash != std::string::npos; slash = folder.rfind('/')) {
      folder.erase(slash);
      if (!looked_at.insert(folder).second) break;  // its parents were looked at with it
      for (const char* index : {"/_index.md", "/_index.markdown", "/_index.html"}) {
        if (tree.hasFile(prefix + folder + index)) sections.insert(folder);
      }
    }
  }
  return sections;
}

// The post files of a Hugo site (`names`) that are its news: pages Hugo
// builds (not those of a disabled language) in its main sections
// (hugoMainSectionPages).
std::vector<std::string> hugoNewsPages(std::vector<std::string> names, const FeedDefaults& defaults) {
  const auto not_built = [&](const std::string& name) {
    const SiteLanguage* language = hugoLanguageOf(defaults.languages, name);
    return language != nullptr && language->disabled;
  };
  names.erase(std::remove_if(names.begin(), names.end(), not_built), names.end());
  return hugoMainSectionPages(names, defaults.main_sections, defaults.languages, defaults.posts_root);
}

// A multilingual Hugo site's languages with an address of their own: one
// that is not an http(s) address is warned and its pages get the site's.
void checkLanguageAddresses(const SiteConfig& site, Feed& feed) {
  for (SiteLanguage& language : feed.defaults.languages) {
    if (language.base_url.empty()) continue;
    if (const auto address = siteAddress(language.base_url)) {
      language.base_url = *address;
      continue;
    }
    feed.diagnostics.push_back({site.config_file, 0, Severity::Warning,
                                "the address '" + language.base_url + "' of language '" + language.key +
                                    "' is not an http:// or https:// address; its pages get the site's"});
    language.base_url.clear();
    language.prefix = language.is_default ? "" : "/" + language.key;
  }
}

// A multilingual Hugo site's languages, one text: part of the cache's fingerprint.
std::string languagesText(const std::vector<SiteLanguage>& languages) {
  std::string text;
  for (const SiteLanguage& l : languages) {
    text += l.key + '\x01' + l.tag.str() + '\x01' + l.content_dir + '\x01' + l.prefix + '\x01' + l.base_url + '\x01' +
            l.name + (l.is_default ? "\x01d" : "\x01") + (l.disabled ? "x\x02" : "\x02");
  }
  return text;
}

// `fields` joined by NUL bytes, which none of them holds.
std::string joinedFields(std::initializer_list<std::string> fields) {
  std::string joined;
  for (const std::string& field : fields) {
    joined += field;
    joined += '\0';
  }
  return joined;
}

// A set's values, one text: part of the cache's fingerprint.
std::string setText(const std::set<std::string>& values) {
  std::string text;
  for (const std::string& value : values) text += value + '\x02';
  return text;
}

// A map's keys and values, one text: part of the cache's fingerprint.
std::string mapText(const std::map<std::string, std::string>& values) {
  std::string text;
  for (const auto& [key, value] : values) text += key + '\x01' + value + '\x02';
  return text;
}

// Adds what readPost gave for `file` to `feed`: the post with its logo and
// photo resolved in `tree` (these follow the folder, so they are never
// cached), or a rejection; the keys it does not read; and the diagnostics.
void addPost(const ContentTree& tree, const std::string& file, PostReadResult result, Feed& feed) {
  if (result.post) {
    result.post->logo = resolveLogo(tree, result.logo_hints, feed.defaults, file, result.diagnostics);
    result.post->photo = resolvePhoto(tree, result.photo_hints, result.post->logo, file, result.diagnostics);
    if (result.post->duration_seconds == 0) result.post->duration_seconds = feed.defaults.duration_seconds;
    feed.posts.push_back(std::move(*result.post));
  } else {
    ++feed.rejected_files;
  }
  for (const std::string& key : result.unused_keys) {
    const auto counted = feed.unused_keys.find(key);
    if (counted != feed.unused_keys.end()) {
      ++counted->second;
    } else if (feed.unused_keys.size() < kMaxUnusedKeysCounted) {
      feed.unused_keys.emplace(key, 1);
    }
  }
  for (auto& diagnostic : result.diagnostics) feed.diagnostics.push_back(std::move(diagnostic));
}

// The post files of the folder or site, sorted, each once: what the listing
// leaves out is said, not dropped (a posts/ or _posts/ that leads outside the
// folder, post files that are special files or links out of it); a Hugo
// site's are its news pages (hugoNewsPages), and its sections are noted in
// feed.defaults.hugo_sections.
// The cache of what each post file gave (limits.cache_file; nullopt without
// one), its fingerprint everything besides the file that decides a post.
std::optional<PostCache> openCache(const LoadLimits& limits, const FeedDefaults& d) {
  if (limits.cache_file.empty()) return std::nullopt;
  const std::string fingerprint = joinedFields({limits.cache_fingerprint,
                                                std::to_string(limits.max_post_bytes),
                                                std::to_string(limits.yaml.max_nodes),
                                                std::to_string(limits.yaml.max_depth),
                                                d.name,
                                                d.logo,
                                                d.language.str(),
                                                std::to_string(d.duration_seconds),
                                                d.show_drafts ? "1" : "0",
                                                d.base_url,
                                                d.permalink,
                                                std::to_string(static_cast<int>(d.site)),
                                                d.posts_root,
                                                d.excerpt_separator,
                                                d.time_zone,
                                                mapText(d.site_values),
                                                mapText(d.author_names),
                                                mapText(d.section_permalinks),
                                                setText(d.hugo_sections),
                                                d.slugify_paths,
                                                languagesText(d.languages),
                                                d.site_data_digest});
  return std::make_optional<PostCache>(limits.cache_file, fingerprint, 256u << 20, limits.max_cache_bytes);
}

std::vector<std::string> postFiles(const ContentTree& tree, const SiteConfig& site, Feed& feed) {
  for (const SkippedEntry& entry : tree.listSkipped("")) {
    if (entry.name != "posts" && entry.name != "_posts" && entry.name != feed.posts_folder) continue;
    feed.diagnostics.push_back({entry.name, 0, Severity::Error, entry.reason + "; its posts are not read"});
    ++feed.rejected_files;
  }
  // A Jekyll site's posts may also be in releases/_posts/ and the like (SiteConfig.hpp).
  std::vector<std::string> names;
  for (const std::string& folder :
       site.post_folders.empty() ? std::vector<std::string>{feed.posts_folder} : site.post_folders) {
    std::vector<std::string> found = postFileNames(tree, folder, site.kind == SiteKind::Jekyll, feed);
    names.insert(names.end(), found.begin(), found.end());
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  if (site.kind == SiteKind::Hugo) {
    names = hugoNewsPages(std::move(names), feed.defaults);
    for (const std::string& folder : site.post_folders) {
      feed.defaults.hugo_sections.merge(hugoSectionFolders(tree, folder, names));
    }
    for (const SiteLanguage& language : feed.defaults.languages) {
      if (!language.content_dir.empty()) {
        feed.defaults.hugo_sections.merge(hugoSectionFolders(tree, language.content_dir, names));
      }
    }
  }
  return names;
}

}  // namespace

Feed loadFeed(const ContentTree& tree, const LoadLimits& limits) {
  Feed feed;
  const SiteConfig site = readSiteConfig(tree, limits.yaml, feed.defaults, feed.diagnostics);
  if (!feed.defaults.base_url.empty()) {
    if (const auto address = siteAddress(feed.defaults.base_url)) {
      feed.defaults.base_url = *address;
    } else {
      feed.diagnostics.push_back({site.config_file, 0, Severity::Warning,
                                  "the site's address '" + feed.defaults.base_url +
                                      "' is not an http:// or https:// address; its posts get no URL"});
      feed.defaults.base_url.clear();
    }
  }
  checkLanguageAddresses(site, feed);
  readFeedYaml(tree, limits, feed);
  feed.logo = resolveFeedLogo(tree, feed.defaults);
  feed.posts_folder = !site.posts_folder.empty() ? site.posts_folder
                      : tree.hasFolder("posts")  ? "posts"
                      : tree.hasFolder("_posts") ? "_posts"
                                                 : "";

  std::vector<std::string> names = postFiles(tree, site, feed);
  if (!limits.only_file.empty()) names = {limits.only_file};  // `newsticker edit`: that post only

  std::optional<PostCache> cache = openCache(limits, feed.defaults);

  // A first look reads the last names first: dated file names put the newest there.
  if (limits.max_files_read > 0) std::reverse(names.begin(), names.end());
  std::size_t files_taken = 0;
  BudgetKeeper budget(limits.max_content_bytes);
  for (const std::string& name : names) {
    budget.update(feed);
    if (limits.max_files_read > 0 && files_taken == limits.max_files_read) {
      feed.complete = false;
      break;
    }
    ++files_taken;
    const std::string& file = name;
    const std::optional<FileStamp> stamp = cache ? tree.stamp(file) : std::nullopt;
    std::optional<PostReadResult> remembered = stamp ? cache->find(file, *stamp) : std::nullopt;
    if (remembered) {
      ++feed.cached_files;
      addPost(tree, file, std::move(*remembered), feed);
      continue;
    }
    const FileRead read = tree.read(file, limits.max_post_bytes);
    if (read.status != FileRead::Status::Ok) {
      std::string reason = "cannot be read";
      if (read.status == FileRead::Status::TooLarge) {
        reason = "is " + byteCount(read.size) + ", over the " + byteCount(limits.max_post_bytes) + " limit for a post";
      }
      feed.diagnostics.push_back({file, 0, Severity::Error, reason});
      ++feed.rejected_files;
      continue;
    }
    PostReadResult result = readPost(file, read.bytes, feed.defaults, limits.yaml);
    if (stamp) cache->store(file, *stamp, result);
    addPost(tree, file, std::move(result), feed);
  }
  budget.update(feed);
  if (cache && feed.complete) cache->save();
  budget.finish(feed);
  return feed;
}

std::size_t postBytes(const Post& post) {
  std::size_t bytes = sizeof(Post);
  for (const std::string* text :
       {&post.file, &post.title, &post.summary, &post.source, &post.author, &post.date, &post.url, &post.language.str(),
        &post.logo, &post.photo, &post.secondary_title, &post.secondary_summary, &post.secondary_language.str()}) {
    bytes += text->capacity();
  }
  for (const std::string& topic : post.topics) bytes += sizeof(std::string) + topic.capacity();
  for (const RelatedHeadline& related : post.related) {
    bytes += sizeof(RelatedHeadline) + related.title.capacity() + related.source.capacity();
  }
  return bytes;
}

}  // namespace newsticker::content
