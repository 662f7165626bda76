// SPDX-License-Identifier: Apache-2.0
// How Zola turns a page's file name or `slug` into its path element (its
// `slugify.paths` setting).
#pragma once

#include <string>
#include <string_view>

namespace newsticker::content {

enum class ZolaSlugify { On, Safe, Off };

// The strategy a `slugify.paths` value names ("on", "safe", "off"); On for
// anything else, as Zola's default.
ZolaSlugify zolaSlugifyNamed(std::string_view name);

// `text` as Zola makes a path element of it. On (the default, the `slug`
// crate): every character outside ASCII is spelled in ASCII first (ICU's
// Any-Latin; Latin-ASCII, a Han character as a word of its own: "日本" is
// "ri ben", "héhé" is "hehe"; close to the deunicode tables Zola uses, not
// always the same), then ASCII letters are lower-cased, digits kept, every
// run of anything else becomes one '-', none at either end. Safe: the
// characters <>:"/\|?* removed, and blanks and '.' at the end. Off: unchanged.
std::string zolaSlug(std::string_view text, ZolaSlugify strategy = ZolaSlugify::On);

}  // namespace newsticker::content
