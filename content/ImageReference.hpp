// SPDX-License-Identifier: Apache-2.0
// How a post names a picture (a URL, a site path, a file name), and where that
// name may be found inside the content folder. Shared by the logo and photo
// lookups; confinement itself is the ContentTree's (hasFile never leaves it).
#pragma once

#include <string>
#include <string_view>

namespace newsticker::content {

// The last path segment of a URL or path, without query or fragment:
// "https://cdn.example/a/b.png?w=3#x" gives "b.png"; "" when it ends in '/'.
std::string imageFileName(std::string_view reference);

// The folder-relative path a local reference names ("/assets/images/a.png?v=2"
// gives "assets/images/a.png"); "" for a remote URL ("https://...", "//host/...")
// or an empty path. The result is a lookup key, not yet known to be inside the
// folder: pass it to ContentTree::hasFile.
std::string sitePathOf(std::string_view reference);

}  // namespace newsticker::content
