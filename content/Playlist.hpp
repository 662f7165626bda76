// SPDX-License-Identifier: Apache-2.0
// Chooses which posts the kiosk cycles through, and in what order.
#pragma once

#include <vector>

#include "content/Post.hpp"

namespace newsticker::content {

// Drafts are left out unless `show_drafts`; a post with the same url, or the
// same title and source, as an earlier one is shown once. Order: newest date
// first, then undated posts in file-name order; ties keep file order.
std::vector<Post> buildPlaylist(const std::vector<Post>& posts, bool show_drafts);

// The same, moving the chosen posts out of `posts` instead of copying them.
std::vector<Post> buildPlaylist(std::vector<Post>&& posts, bool show_drafts);

}  // namespace newsticker::content
