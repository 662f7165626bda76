// Finds the logo file for a post, in the order DESIGN.md fixes, inside the
// content folder only.
#pragma once

#include <string>
#include <vector>

#include "content/ContentTree.hpp"
#include "content/Diagnostic.hpp"
#include "content/FeedDefaults.hpp"
#include "content/PostReader.hpp"

namespace newsticker::content {

// Returns the logo's path relative to the tree, or "" for the monogram.
// Order: front matter `logo:` (in logos/), the body's first image (logos/NAME,
// then the site path inside the folder, unless that is in images/, which
// holds photos), news `images[].url` by file name in logos/,
// logos/<provider.domain>.(svg|png|jpg), feed.yaml's logo. A named logo that
// is missing or escapes the folder adds a warning for `file`.
std::string resolveLogo(const ContentTree& tree, const LogoHints& hints, const FeedDefaults& defaults,
                        const std::string& file, std::vector<Diagnostic>& diagnostics);

}  // namespace newsticker::content
