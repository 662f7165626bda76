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

}  // namespace newsticker::content
