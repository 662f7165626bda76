// SPDX-License-Identifier: Apache-2.0
#include "content/Playlist.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace newsticker::content {

namespace {

// Drafts, repeated URLs and repeated title-and-source pairs left out of
// `posts`, the rest in file order.
std::vector<Post> chosenPosts(std::vector<Post> posts, bool show_drafts) {
  std::vector<Post> chosen;
  std::set<std::string> urls;
  std::set<std::pair<std::string, std::string>> titles;
  for (Post& post : posts) {
    if (post.draft && !show_drafts) continue;
    if (!post.url.empty() && !urls.insert(post.url).second) continue;
    if (!titles.insert({post.title, post.source}).second) continue;
    chosen.push_back(std::move(post));
  }
  return chosen;
}

void newestFirst(std::vector<Post>& chosen) {
  std::stable_sort(chosen.begin(), chosen.end(), [](const Post& a, const Post& b) {
    if (a.date.empty() != b.date.empty()) return !a.date.empty();
    if (!a.date.empty() && a.date != b.date) return a.date > b.date;
    if (a.date.empty()) return a.file < b.file;
    return false;
  });
}

}  // namespace

std::vector<Post> buildPlaylist(const std::vector<Post>& posts, bool show_drafts) {
  std::vector<Post> chosen = chosenPosts(posts, show_drafts);
  newestFirst(chosen);
  return chosen;
}

std::vector<Post> buildPlaylist(std::vector<Post>&& posts, bool show_drafts) {
  std::vector<Post> chosen = chosenPosts(std::move(posts), show_drafts);
  newestFirst(chosen);
  return chosen;
}

std::vector<std::size_t> cycleOrder(const std::vector<Post>& playlist, const std::vector<bool>& showing) {
  std::vector<std::size_t> high, normal, standby;
  for (std::size_t i = 0; i < playlist.size(); ++i) {
    const ShowRules& rules = playlist[i].show;
    if (rules.standby) standby.push_back(i);
    if (rules.standby || rules.urgent || i >= showing.size() || !showing[i]) continue;
    (rules.high_priority ? high : normal).push_back(i);
  }
  if (high.empty() && normal.empty()) return standby;
  if (high.empty()) return normal;
  if (normal.empty()) return high;
  std::vector<std::size_t> order;
  const std::size_t turns = std::max(high.size(), normal.size());
  for (std::size_t i = 0; i < turns; ++i) {
    order.push_back(high[i % high.size()]);
    order.push_back(normal[i % normal.size()]);
  }
  return order;
}

}  // namespace newsticker::content
