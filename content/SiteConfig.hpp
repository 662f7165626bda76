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
};

// A folder with _config.yml and _posts/ is a Jekyll site; one with
// hugo.toml/hugo.yaml/config.toml/config.yaml (Hugo) or zola.toml /
// config.toml with `base_url` (Zola) and a content/ folder is a Hugo or Zola
// site. Fills `defaults` from the configuration: name (`title`/`name`),
// language (`lang`/`languageCode`/`default_language`), base URL as written
// (`url`+`baseurl`/`baseURL`/`base_url`; the caller checks it), logo
// (`logo`, `params.logo`, `extra.logo`), Jekyll's permalink (default "date")
// and excerpt_separator, every text value as site_values ("author.name"),
// and Jekyll's _data/authors.yml display names. A configuration that cannot
// be read is reported (with its line) and its defaults left out; the site
// is still read. Never throws.
SiteConfig readSiteConfig(const ContentTree& tree, const YamlLimits& limits, FeedDefaults& defaults,
                          std::vector<Diagnostic>& diagnostics);

}  // namespace newsticker::content
