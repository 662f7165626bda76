// SPDX-License-Identifier: Apache-2.0
// The content a run shows: the folder (or the built-in demo feed), what
// loaded from it, and the playlist in showing order.
#pragma once

#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "content/ContentTree.hpp"
#include "content/FeedLoader.hpp"
#include "content/Post.hpp"
#include "firmware/CommandLine.hpp"

namespace newsticker::firmware {

struct ContentSession {
  std::unique_ptr<content::ContentTree> owned_tree;  // a folder on disk; null for the demo feed
  const content::ContentTree* tree = nullptr;
  content::Feed feed;
  std::vector<content::Post> playlist;  // never empty: a "no news" card stands in; when any post has show
                                        // rules, a standby card (standbyPost) comes last
  std::time_t loaded_at = 0;            // when it was read (wall clock)
  bool complete = true;                 // false: a first look; the whole feed is still to be read
};

// How `options` asks content to be read: its size limits, and the parse
// cache (postCacheFile) for a folder on disk.
content::LoadLimits loadLimitsFor(const Options& options);

// Where the parse cache of `content_dir` lives: in $CACHE_DIRECTORY (systemd's
// CacheDirectory=), else $XDG_CACHE_HOME/newsticker, else
// ~/.cache/newsticker, one file per folder; "" when none of these is set.
std::string postCacheFile(const std::string& content_dir);

// What else decides a cached post besides its file: this build of the
// program (its executable's size and modification time).
std::string programFingerprint();

// Loads `content_dir` (empty: the built-in demo feed). A missing or unreadable
// folder gives an empty feed and the "no news" card, plus a diagnostic.
// Without `keep_posts` the loaded posts move into the playlist and
// feed.posts is left empty (the feed held once, for a show); --check and the
// preview keep them.
ContentSession openContent(const std::string& content_dir, bool show_drafts, const content::LoadLimits& limits = {},
                           bool keep_posts = true);

// The language for posts that neither say nor show one: feed.yaml's, else
// `configured` (config file), else "en".
content::LanguageTag fallbackLanguage(const ContentSession& content, const std::string& configured);

// The cards of `content`'s playlist without the standby card (standbyPost),
// which stands in only while nothing else shows: what the log counts.
std::size_t cardCount(const ContentSession& content);

// The card shown when there is nothing else: says where posts go.
content::Post noNewsPost(const std::string& where);

// The card shown while every post of `where` is outside its show window or
// hours (ShowRules::standby): says so and how to see when each shows.
content::Post standbyPost(const std::string& where);

}  // namespace newsticker::firmware
