// SPDX-License-Identifier: Apache-2.0
// Chooses which posts the kiosk cycles through, and in what order.
#pragma once

#include <cstddef>
#include <vector>

#include "content/Post.hpp"

namespace newsticker::content {

// Drafts are left out unless `show_drafts`; a post with the same url, or the
// same title and source, as an earlier one is shown once. Order: newest date
// first, then undated posts in file-name order; ties keep file order.
std::vector<Post> buildPlaylist(const std::vector<Post>& posts, bool show_drafts);

// The same, moving the chosen posts out of `posts` instead of copying them.
std::vector<Post> buildPlaylist(std::vector<Post>&& posts, bool show_drafts);

// One round of the cycle: indexes into `playlist` of the posts that show
// (`showing`: one flag per post, ShowWindow.hpp) in the playlist's order,
// high-priority posts in every other slot (taking turns among themselves:
// H1 a H2 b H1 c ...). Urgent posts are left out (they cut into the cycle:
// firmware/CyclePlanner); standby posts come in only when nothing else
// shows. Empty when nothing shows and there is no standby post.
std::vector<std::size_t> cycleOrder(const std::vector<Post>& playlist, const std::vector<bool>& showing);

}  // namespace newsticker::content
