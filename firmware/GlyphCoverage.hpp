// SPDX-License-Identifier: Apache-2.0
// Which characters of each post no font of the chain can draw (they would
// show as tofu boxes), so --check can tell an editor before the screen does.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "content/Post.hpp"
#include "render/FontCache.hpp"

namespace newsticker::firmware {

// Post file -> the code points of its shown text (title, summary, source,
// topics, related headlines, second-language title and summary) that no
// face draws; posts with none are absent. Needs TTF_Init; throws what
// FontCache throws when the main font cannot be opened.
std::map<std::string, std::vector<char32_t>> findMissingGlyphs(const std::vector<content::Post>& posts,
                                                               render::FontCache& fonts);

}  // namespace newsticker::firmware
