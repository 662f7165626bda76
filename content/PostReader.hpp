// SPDX-License-Identifier: Apache-2.0
// Turns one post file (blog post or news item) into a normalised Post.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/Diagnostic.hpp"
#include "content/FeedDefaults.hpp"
#include "content/Post.hpp"
#include "content/YamlLimits.hpp"

namespace newsticker::content {

// Where a post says its logo may be; LogoResolver turns this into a file.
struct LogoHints {
  std::string front_matter;             // `logo:`
  std::string body_image;               // first Markdown image src
  std::vector<std::string> image_urls;  // news item `images[].url`
  std::string provider_domain;          // `provider.domain`
};

// A picture a post names that may serve as its photo.
struct PhotoCandidate {
  std::string reference;  // URL, site path or file name, as written
  int width = 0;          // as the post declares it; 0 = not given
  int height = 0;
};

// Where a post says its photo may be; PhotoResolver turns this into a file.
struct PhotoHints {
  std::string front_matter;                // `photo:` (a path), as written
  int front_matter_line = 0;               // its line in the file, for messages
  bool disabled = false;                   // `photo: none` or `photo: false`
  std::vector<PhotoCandidate> candidates;  // `image:`, news `images[]`, body images, in that order
};

struct PostReadResult {
  std::optional<Post> post;  // empty when the file is rejected
  LogoHints logo_hints;
  PhotoHints photo_hints;
  std::vector<Diagnostic> diagnostics;  // the rejection reason and/or warnings
  // The post's top-level front matter keys that newsticker does not read
  // (a generator's `layout`, a typo), in the file's order: at most
  // kMaxUnusedKeysPerPost, each cut to kMaxUnusedKeyBytes (at a character).
  std::vector<std::string> unused_keys;
};

constexpr std::size_t kMaxUnusedKeysPerPost = 64;
constexpr std::size_t kMaxUnusedKeyBytes = 64;

// Reads `bytes`, the content of the file at `file` (relative to the content
// folder; its name may carry a Jekyll date). Rejects invalid UTF-8 (with the
// byte offset), UTF-16/32, front matter (YAML "---", TOML "+++" or a JSON
// object; FrontMatterMap.hpp) over the YAML limits or without a text title.
// Liquid and Hugo shortcodes are removed before the body is read
// (TemplateTags.hpp). A blog post (no `provider`, no `publishedDateTime`)
// without an absolute address gets defaults.base_url + its generator's path:
// Jekyll's permalink (its own `permalink:`, else defaults.permalink) filled
// from its day and file-name slug (Permalink.hpp), Hugo's section/slug,
// Zola's `path` or section/slug; none without a base_url.
// Never throws.
PostReadResult readPost(const std::string& file, std::string_view bytes, const FeedDefaults& defaults,
                        const YamlLimits& limits = {});

}  // namespace newsticker::content
