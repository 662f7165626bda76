#include "firmware/ContentSession.hpp"

#include "content/DemoFeed.hpp"
#include "content/DiskTree.hpp"
#include "content/MemoryTree.hpp"
#include "content/Playlist.hpp"

namespace newsticker::firmware {

std::string fallbackLanguage(const ContentSession& content, const std::string& configured) {
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

ContentSession openContent(const std::string& content_dir, bool show_drafts, const content::LoadLimits& limits) {
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
  session.playlist = content::buildPlaylist(session.feed.posts, show_drafts || session.feed.defaults.show_drafts);
  if (session.playlist.empty()) session.playlist.push_back(noNewsPost(where));
  return session;
}

}  // namespace newsticker::firmware
