// SPDX-License-Identifier: Apache-2.0
// Folder-wide defaults from a content folder's feed.yaml, or from the site
// configuration of a Jekyll, Hugo or Zola site (SiteConfig.hpp).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "content/LanguageTag.hpp"

namespace newsticker::content {

// What built the folder's posts: decides how their addresses are made.
enum class SiteKind { Folder, Jekyll, Hugo, Zola };

// One language of a multilingual Hugo site (`languages.KEY` of its configuration).
struct SiteLanguage {
  std::string key;          // "es", as the configuration names it (lower case)
  LanguageTag tag;          // its languageCode, else the key
  std::string content_dir;  // "content/es" (its contentDir); "" = the site's content/
  std::string prefix;       // "/es" before its addresses' paths; "" for the default language (or its own baseURL)
  std::string base_url;     // its own baseURL, "" = the site's
  std::string name;         // its own title, "" = the site's name
  bool is_default = false;  // defaultContentLanguage (default "en")
  bool disabled = false;    // `disabled: true` or in disableLanguages: its pages are not built
};

struct FeedDefaults {
  std::string name;             // source shown when a post names none
  std::string logo;             // path relative to logos/ (or the folder), used when a post has none
  LanguageTag language;         // used when a post neither says nor shows its language
  double duration_seconds = 0;  // 0 = the program's default
  bool show_drafts = false;
  std::string base_url;  // "https://news.example.org", no trailing '/'; "" = blog posts get no URL
  std::string permalink = "/:year/:month/:day/:title/";  // Jekyll-style pattern for a blog post's path
  SiteKind site = SiteKind::Folder;
  std::string posts_root;         // Hugo/Zola: "content", the folder a post's section path is relative to
  std::string excerpt_separator;  // Jekyll's excerpt_separator; "" = the first paragraph
  std::string time_zone;          // Jekyll's timezone (the zone of a post address's date parts) or Hugo's
                                  //   timeZone: dates without an offset are read there; "" = as written
  bool publish_future = false;    // Jekyll's `future`, Hugo's `buildFuture`: posts dated later show now
  bool publish_expired = false;   // Hugo's `buildExpired`: a post past its expiryDate still shows
  // Hugo's [permalinks] for pages: section path under content/ ("posts", "notes/harbour") -> pattern.
  std::map<std::string, std::string> section_permalinks;
  std::vector<SiteLanguage> languages;             // Hugo's languages; empty for a site in one language
  std::vector<std::string> main_sections;          // Hugo's params.mainSections (or mainSections); empty = not set
  std::set<std::string> hugo_sections;             // Hugo: folders under content/ with an _index file (nested sections)
  std::string slugify_paths;                       // Zola's slugify.paths ("on", "safe", "off"); "" = on
  std::map<std::string, std::string> site_values;  // the site config's text values, "author.name" for nested ones
  std::map<std::string, std::string> author_names;  // Jekyll _data/authors.yml: login -> display name
  // Jekyll's _data files (site.data.NAME): file name without extension -> its content, and a digest of
  // their text (for the cache's fingerprint).
  std::map<std::string, YAML::Node> site_data;
  std::string site_data_digest;
};

}  // namespace newsticker::content
