// SPDX-License-Identifier: Apache-2.0
// Loads a whole content folder: feed.yaml, every post, their logos and photos.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "content/ContentTree.hpp"
#include "content/Diagnostic.hpp"
#include "content/FeedDefaults.hpp"
#include "content/Post.hpp"
#include "content/PostCache.hpp"
#include "content/YamlLimits.hpp"

namespace newsticker::content {

struct LoadLimits {
  std::size_t max_post_bytes = 1 << 20;       // a post file larger than this is rejected unread
  std::size_t max_content_bytes = 64u << 20;  // the text of all posts together; past it the oldest are left out
  YamlLimits yaml;
  // Where to keep what each post file gave, between runs ("" = no cache),
  // and what else decides it besides the file and these limits (the
  // program's build); feed.yaml's defaults are added by loadFeed.
  std::string cache_file;
  std::string cache_fingerprint;
  std::size_t max_cache_bytes = kMaxCacheBytes;  // the entries the cache holds (PostCache)
  // A first look: stop after this many post files (0 = all), read or taken
  // from the cache alike, so a first card comes as fast with 10,000 posts
  // cached as with 10. The last file names come first, as dated names put
  // the newest there.
  std::size_t max_files_read = 0;
  // Read only this post file ("posts/notice.md", relative to the folder;
  // `newsticker edit`), wherever it is in the folder; "" = every post.
  std::string only_file;
};

struct Feed {
  FeedDefaults defaults;
  std::string logo;                     // the feed's own logo in the tree (resolveFeedLogo), "" = none: the header's
  std::string posts_folder;             // "posts", "_posts" or "" (post files at the top)
  std::vector<Post> posts;              // every post that loaded, drafts included, in file order
  std::vector<Diagnostic> diagnostics;  // rejections and warnings, in file order
  std::size_t rejected_files = 0;
  std::size_t cached_files = 0;  // post files taken from the cache, not read
  bool complete = true;          // false: a first look stopped at max_files_read
  // Front matter keys newsticker does not read -> how many of the posts read
  // have them (PostReadResult::unused_keys); at most kMaxUnusedKeysCounted
  // different keys are counted, later new ones are left out.
  std::map<std::string, std::size_t> unused_keys;
};

constexpr std::size_t kMaxUnusedKeysCounted = 1000;

// Posts are the .md, .markdown and .txt files in posts/ (or a Jekyll site's
// _posts/, or the folder itself when it has neither); each gets its logo
// (LogoResolver.hpp) and photo (PhotoResolver.hpp). feed.yaml's base_url must
// be an http(s) address and its permalink use known placeholders, else a
// warning with its line and none / the default is used. A bad file is reported
// and left out; nothing here throws for content faults. With
// limits.cache_file, a post file whose path and FileStamp match the cache is
// not read again, and the cache is rewritten when anything changed.
Feed loadFeed(const ContentTree& tree, const LoadLimits& limits = {});

// The memory `post`'s values take, roughly: the struct and its strings.
std::size_t postBytes(const Post& post);

}  // namespace newsticker::content
