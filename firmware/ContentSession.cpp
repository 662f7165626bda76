// SPDX-License-Identifier: Apache-2.0
#include "firmware/ContentSession.hpp"

#include <sys/stat.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "content/DemoFeed.hpp"
#include "content/DiskTree.hpp"
#include "content/MemoryTree.hpp"
#include "content/Playlist.hpp"

namespace newsticker::firmware {

content::LanguageTag fallbackLanguage(const ContentSession& content, const std::string& configured) {
  if (!content.feed.defaults.language.empty()) return content.feed.defaults.language;
  return configured.empty() ? "en" : configured;
}

content::Post noNewsPost(const std::string& where) {
  content::Post post;
  post.file = "(none)";
  post.title = "No news to show yet";
  post.summary = "Put posts (Markdown with front matter) into " + where +
                 " and they appear here. Run 'newsticker --check' to see what loaded.";
  post.source = "newsticker";
  post.language = "en";
  return post;
}

content::LoadLimits loadLimitsFor(const Options& options) {
  content::LoadLimits limits;
  limits.max_post_bytes = options.max_post_bytes;
  limits.max_content_bytes = options.max_content_bytes;
  if (!options.content_dir.empty()) {
    limits.cache_file = postCacheFile(options.content_dir);
    if (!limits.cache_file.empty()) limits.cache_fingerprint = programFingerprint();
  }
  return limits;
}

std::string postCacheFile(const std::string& content_dir) {
  const auto variable = [](const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? std::string(value) : std::string();
  };
  std::string folder = variable("CACHE_DIRECTORY");
  folder = folder.substr(0, folder.find(':'));  // the first of several
  if (folder.empty() && !variable("XDG_CACHE_HOME").empty()) folder = variable("XDG_CACHE_HOME") + "/newsticker";
  if (folder.empty() && !variable("HOME").empty()) folder = variable("HOME") + "/.cache/newsticker";
  if (folder.empty()) return "";
  std::error_code ec;
  const std::filesystem::path canonical = std::filesystem::weakly_canonical(content_dir, ec);
  const std::string key = ec ? content_dir : canonical.string();
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a of the folder's path
  for (const char c : key) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  char name[40];
  std::snprintf(name, sizeof name, "posts-%016llx.cache", static_cast<unsigned long long>(hash));
  return folder + "/" + name;
}

std::string programFingerprint() {
  struct stat info {};
  if (::stat("/proc/self/exe", &info) != 0) return "unknown build";
  return std::to_string(info.st_size) + ":" + std::to_string(info.st_mtim.tv_sec) + "." +
         std::to_string(info.st_mtim.tv_nsec) + ":" + std::to_string(info.st_ino);
}

ContentSession openContent(const std::string& content_dir, bool show_drafts, const content::LoadLimits& limits,
                           bool keep_posts) {
  ContentSession session;
  std::string where = "posts/ in the content folder";
  if (content_dir.empty()) {
    session.tree = &content::demoFeed();
    session.feed = content::loadFeed(*session.tree, limits);
  } else {
    where = content_dir + "/posts/";
    try {
      session.owned_tree = std::make_unique<content::DiskTree>(content_dir);
      session.tree = session.owned_tree.get();
      session.feed = content::loadFeed(*session.tree, limits);
    } catch (const std::exception& error) {
      // No folder (yet): an empty tree, the reason, and the "no news" card.
      session.owned_tree = std::make_unique<content::MemoryTree>(content_dir, std::map<std::string, std::string>{});
      session.tree = session.owned_tree.get();
      session.feed.diagnostics.push_back({content_dir, 0, content::Severity::Error, error.what()});
      session.feed.rejected_files = 1;
    }
  }
  session.loaded_at = std::time(nullptr);
  session.complete = session.feed.complete;
  const bool drafts = show_drafts || session.feed.defaults.show_drafts;
  if (keep_posts) {
    session.playlist = content::buildPlaylist(session.feed.posts, drafts);
  } else {
    session.playlist = content::buildPlaylist(std::move(session.feed.posts), drafts);
    session.feed.posts = {};
  }
  if (session.playlist.empty()) session.playlist.push_back(noNewsPost(where));
  return session;
}

}  // namespace newsticker::firmware
