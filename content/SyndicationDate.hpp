// SPDX-License-Identifier: Apache-2.0
// The dates feeds carry: RFC 822 (RSS pubDate) and RFC 3339 (Atom, dc:date, dcterms).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsticker::content {

// "Tue, 06 Oct 2026 09:30:00 +0900", "6 Oct 26 9:30 EDT" (RFC 822/1123/5322:
// weekday, seconds and time optional, one-digit hours, two-digit years as
// 19xx from 50 and 20xx below, comments such as "(CEST)" ignored, zones
// +HHMM, UT, GMT, Z, the US zone names and a few common others, and any
// other alphabetic zone read as UTC as RFC 5322 says) or
// "2026-10-06T09:30:00+09:00" (RFC 3339 / W3C-DTF, also "2026-10" and
// "2026") -> "2026-10-06T00:30:00Z" (UTC, as parsePostDate gives it; a date
// without a time stays "YYYY-MM-DD", a month or year is its first day).
// nullopt for anything else or an impossible day (undated is better than
// wrong). Pure; never throws.
std::optional<std::string> parseSyndicationDate(std::string_view text);

}  // namespace newsticker::content
