// SPDX-License-Identifier: Apache-2.0
#include "firmware/GlyphCoverage.hpp"

#include <algorithm>

namespace newsticker::firmware {

std::map<std::string, std::vector<char32_t>> findMissingGlyphs(const std::vector<content::Post>& posts,
                                                               render::FontCache& fonts) {
  std::map<std::string, std::vector<char32_t>> result;
  for (const content::Post& post : posts) {
    std::string shown = post.title + "\n" + post.summary + "\n" + post.source + "\n";
    for (const auto& topic : post.topics) shown += topic + "\n";
    for (const auto& related : post.related) shown += related.title + "\n" + related.source + "\n";
    std::vector<char32_t> missing = fonts.missingCodePoints(shown, post.language);
    for (char32_t c :
         fonts.missingCodePoints(post.secondary_title + "\n" + post.secondary_summary, post.secondary_language)) {
      if (std::find(missing.begin(), missing.end(), c) == missing.end()) missing.push_back(c);
    }
    if (!missing.empty()) result.emplace(post.file, std::move(missing));
  }
  return result;
}

}  // namespace newsticker::firmware
