// SPDX-License-Identifier: Apache-2.0
// Finds the logo file for a post, in the order docs/content.md gives, inside the
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
// logos/<provider.domain>.(svg|png|jpg), the feed's logo (resolveFeedLogo).
// A named logo that is missing or escapes the folder adds a warning for `file`.
std::string resolveLogo(const ContentTree& tree, const LogoHints& hints, const FeedDefaults& defaults,
                        const std::string& file, std::vector<Diagnostic>& diagnostics);

// The feed's own logo (feed.yaml's `logo`, else the site configuration's)
// as a path in the tree, or "" when there is none: looked for in logos/,
// then as a path inside the folder ("/assets/images/logo.png"), then where
// a site publishes it from: static/ (Hugo, Zola), assets/ and
// assets/images/ (Jekyll).
std::string resolveFeedLogo(const ContentTree& tree, const FeedDefaults& defaults);

}  // namespace newsticker::content
