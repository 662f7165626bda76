// SPDX-License-Identifier: Apache-2.0
// Links in feeds may be relative (to the feed's address or an xml:base):
// RFC 3986 reference resolution, and the one check every fetched address passes.
#pragma once

#include <string>
#include <string_view>

namespace newsticker::content {

// `reference` resolved against the absolute `base` (RFC 3986, section 5.2:
// "../a?b" against "http://h/x/y/z" gives "http://h/x/a?b"); surrounding
// whitespace is ignored. An absolute reference comes back as it is (dot
// segments removed). "" when `reference` is relative and `base` is not
// absolute. Pure; never throws.
std::string resolveUrl(std::string_view base, std::string_view reference);

// True for an absolute http:// or https:// address with a host and no
// whitespace or control characters: the only addresses a feed may send us to.
bool isWebUrl(std::string_view url);

}  // namespace newsticker::content
