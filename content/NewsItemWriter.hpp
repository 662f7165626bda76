// SPDX-License-Identifier: Apache-2.0
// Writes a fetched feed item as a news-item post: the aggregator format
// PostReader reads (front matter only, docs/content.md).
#pragma once

#include <string>
#include <vector>

#include "content/LanguageTag.hpp"

namespace newsticker::content {

struct NewsItemImage {
  std::string url;  // where PhotoResolver finds it: a site path such as "/images/feeds/x/ab12.jpg"
  int width = 0;    // from the file's header; 0 = unknown
  int height = 0;
};

struct NewsItem {
  std::string title;  // required
  std::string excerpt;
  std::string published;  // "YYYY-MM-DDTHH:MM:SSZ" or "YYYY-MM-DD"; "" = undated
  std::string web_url;
  std::string provider_name;
  std::string provider_domain;
  LanguageTag language;  // "" = PostReader detects it from the text
  std::string logo;      // a file in logos/, or ""
  std::vector<NewsItemImage> images;
};

// The post file's text: "---", YAML keys (title, excerpt, publishedDateTime,
// webUrl, type: article, provider {name, domain}, language, logo, images
// [{url, width, height, isCached: true}]), "---". Empty fields are left out;
// every text is double-quoted, so no value is read back as another type and
// readPost gives back exactly these strings. Deterministic: the same item
// gives the same bytes. Never throws.
std::string writeNewsItem(const NewsItem& item);

}  // namespace newsticker::content
