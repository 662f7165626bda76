// SPDX-License-Identifier: Apache-2.0
// The dates feeds carry: RFC 822 (RSS pubDate) and RFC 3339 (Atom, dc:date).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsticker::content {

// "Tue, 06 Oct 2026 09:30:00 +0900", "6 Oct 26 09:30 EDT" (RFC 822/1123,
// weekday and seconds optional, two-digit years as 19xx from 50 and 20xx
// below, zones +HHMM, UT, GMT, Z, the US zone names and a few common others)
// or "2026-10-06T09:30:00+09:00" (RFC 3339) -> "2026-10-06T00:30:00Z" (UTC,
// as parsePostDate gives it; a bare RFC 3339 day stays "YYYY-MM-DD").
// nullopt for anything else, an impossible day or an unknown zone name
// (undated is better than wrong). Pure; never throws.
std::optional<std::string> parseSyndicationDate(std::string_view text);

}  // namespace newsticker::content
