// SPDX-License-Identifier: Apache-2.0
// Finds the photo a card shows beside its text: a picture of the story, never
// its logo, inside the content folder only.
#pragma once

#include <string>
#include <vector>

#include "content/ContentTree.hpp"
#include "content/Diagnostic.hpp"
#include "content/PostReader.hpp"

namespace newsticker::content {

// Returns the photo's path relative to the tree, or "" for none.
// `photo: none` (or false) means none. `photo: PATH` is looked for as
// images/PATH, then PATH inside the folder, and wins if it is a PNG or JPEG;
// otherwise a warning for `file` (at the key's line) and the automatic choice.
// Automatic: each candidate in order (`image:`, a news item's `images[]`, a
// blog post's body images) is looked for by file name in images/, then in
// logos/, then (a local path such as /assets/images/NAME) as that path inside
// the folder, then under static/ (Hugo, Zola). The first file found that is not `logo` (the post's resolved
// logo), is a PNG or JPEG by its bytes (never SVG), and is photo-shaped wins:
// at least 320 px on its shorter side and at most 2.5 times as long as wide
// (or tall), by the file's own header, else by the width/height the post
// declares; a size known from neither passes. Candidates that fail are
// skipped silently. Never reads more than a file's first 256 KiB.
std::string resolvePhoto(const ContentTree& tree, const PhotoHints& hints, const std::string& logo,
                         const std::string& file, std::vector<Diagnostic>& diagnostics);

}  // namespace newsticker::content
