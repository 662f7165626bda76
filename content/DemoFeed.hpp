// SPDX-License-Identifier: Apache-2.0
// The offline demo feed, embedded in the program at build time from content/demo/.
#pragma once

#include "content/ContentTree.hpp"

namespace newsticker::content {

// The built-in demo feed as a read-only tree; lives for the whole program.
const ContentTree& demoFeed();

}  // namespace newsticker::content
