#include "content/Playlist.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace newsticker::content {

std::vector<Post> buildPlaylist(const std::vector<Post>& posts, bool show_drafts) {
  std::vector<Post> chosen;
  std::set<std::string> urls;
  std::set<std::pair<std::string, std::string>> titles;
  for (const Post& post : posts) {
    if (post.draft && !show_drafts) continue;
    if (!post.url.empty() && !urls.insert(post.url).second) continue;
    if (!titles.insert({post.title, post.source}).second) continue;
    chosen.push_back(post);
  }
  std::stable_sort(chosen.begin(), chosen.end(), [](const Post& a, const Post& b) {
    if (a.date.empty() != b.date.empty()) return !a.date.empty();
    if (!a.date.empty() && a.date != b.date) return a.date > b.date;
    if (a.date.empty()) return a.file < b.file;
    return false;
  });
  return chosen;
}

}  // namespace newsticker::content
