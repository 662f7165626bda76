// Folder-wide defaults from a content folder's feed.yaml.
#pragma once

#include <string>

namespace newsticker::content {

struct FeedDefaults {
  std::string name;      // source shown when a post names none
  std::string logo;      // path relative to logos/ (or the folder), used when a post has none
  std::string language;  // used when a post neither says nor shows its language
  double duration_seconds = 0;  // 0 = the program's default
  bool show_drafts = false;
  std::string base_url;  // "https://news.example.org", no trailing '/'; "" = blog posts get no URL
  std::string permalink = "/:year/:month/:day/:title/";  // Jekyll-style pattern for a blog post's path
};

}  // namespace newsticker::content
