// SPDX-License-Identifier: Apache-2.0
// Tells a Jekyll, Hugo or Zola site from a plain content folder and reads
// the feed defaults its configuration gives (feed.yaml, read after, wins).
#pragma once

#include <string>
#include <vector>

#include "content/ContentTree.hpp"
#include "content/Diagnostic.hpp"
#include "content/FeedDefaults.hpp"
#include "content/YamlLimits.hpp"

namespace newsticker::content {

struct SiteConfig {
  SiteKind kind = SiteKind::Folder;
  std::string config_file;   // "_config.yml", "hugo.toml", "zola.toml", ...; "" for a plain folder
  std::string posts_folder;  // "_posts" (Jekyll), "content" (Hugo, Zola), "" for a plain folder
  // Every folder whose post files are the site's posts: Jekyll's _posts/ and
  // the _posts/ folders below the site's other folders ("releases/_posts";
  // jekyllPostFolders), or Hugo's and Zola's content/. Empty for a plain folder.
  std::vector<std::string> post_folders;
};

// The _posts folders of a Jekyll site, as Jekyll finds them: "_posts" and
// "X/_posts", "X/Y/_posts" ... below folders whose names do not start with
// '.' or '_' (nor node_modules, vendor), up to 4 levels down and 1000
// folders looked at, sorted byte-wise.
std::vector<std::string> jekyllPostFolders(const ContentTree& tree);

// A folder with _config.yml and a _posts/ (at the top or below; see
// jekyllPostFolders) is a Jekyll site; one with a content/ folder and
// zola.toml, or config.toml with `base_url`, is a Zola site; one with a
// content/ folder and the configuration files of hugoConfigFiles (hugo.toml
// ... config.json, config/_default/, config/production/) is a Hugo site,
// its files merged as Hugo merges them (HugoConfig.hpp). Fills `defaults` from the configuration: name
// (`title`/`name`), language (`lang`/`languageCode`/`default_language`), base URL as written
// (`url`+`baseurl`/`baseURL`/`base_url`; the caller checks it), logo
// (`logo`, `params.logo`, `extra.logo`), Jekyll's permalink (default "date")
// and excerpt_separator, Hugo's [permalinks] for pages (a pattern with an
// unknown token left out, with a warning), Zola's slugify.paths, every text
// value as site_values ("author.name"),
// and Jekyll's _data/authors.yml display names. A configuration that cannot
// be read is reported (with its line) and its defaults left out; the site
// is still read. Never throws.
SiteConfig readSiteConfig(const ContentTree& tree, const YamlLimits& limits, FeedDefaults& defaults,
                          std::vector<Diagnostic>& diagnostics);

}  // namespace newsticker::content
