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

namespace newsticker::firmware {

struct ContentSession {
  std::unique_ptr<content::ContentTree> owned_tree;  // a folder on disk; null for the demo feed
  const content::ContentTree* tree = nullptr;
  content::Feed feed;
  std::vector<content::Post> playlist;  // never empty: a "no news" card stands in
  std::time_t loaded_at = 0;            // when it was read (wall clock)
};

// Loads `content_dir` (empty: the built-in demo feed). A missing or unreadable
// folder gives an empty feed and the "no news" card, plus a diagnostic.
ContentSession openContent(const std::string& content_dir, bool show_drafts,
                           const content::LoadLimits& limits = {});

// The language for posts that neither say nor show one: feed.yaml's, else
// `configured` (config file), else "en".
std::string fallbackLanguage(const ContentSession& content, const std::string& configured);

// The card shown when there is nothing else: says where posts go.
content::Post noNewsPost(const std::string& where);

}  // namespace newsticker::firmware
