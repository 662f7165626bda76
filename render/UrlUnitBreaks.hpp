// SPDX-License-Identifier: Apache-2.0
// Line breaks that UAX #14 gets wrong for web addresses, numbers with their
// units and words joined by a slash: the usual typographic rules, applied to
// the opportunities ICU found (render/LineBreaker).
#pragma once

#include <string_view>
#include <vector>

#include "render/LineBreaker.hpp"

namespace newsticker::render {

// A web address in a text: a token that starts with a scheme and "://"
// (https://, ftp://) or with "www.", up to the next space, non-ASCII
// character or other character that cannot be in an address (RFC 3986),
// without the punctuation that ends a sentence or closes a bracket after it.
// Byte offsets.
struct UrlSpan {
  std::size_t begin = 0;
  std::size_t path = 0;  // the first '/' after the host, or `end` when there is none
  std::size_t end = 0;
};

// The web addresses of `utf8`, in order, not overlapping. Pure.
std::vector<UrlSpan> findUrls(std::string_view utf8);

// True when `word` (without the punctuation after it) is a unit a number
// stands with: a symbol of SI or common units (km, kg, km/h, °C, kWh, GB,
// Mbit/s...), a per cent or per mille sign (%, ‰, ‱, ٪), a currency sign
// (Unicode Sc: €, $, ₪, ₹...) or a common currency code or name (USD, EUR,
// đồng). A unit followed by "/" and more ("km/h", "đồng/lượt") counts. Pure.
bool isUnit(std::string_view word);

// Corrects `found`, the opportunities ICU gives for `utf8` (ascending, the
// last at utf8.size()), by the usual typographic rules:
//  - a web address breaks only after a '/' of its path or before a '.' of its
//    path, never inside its scheme or its host (not after "https://", not at
//    the hyphen of a host name);
//  - elsewhere a slash between two words or numbers holds them together
//    (km/h, and/or, đồng/lượt, 1/2), as Chromium does;
//  - a number stays with the unit, per cent sign or currency that follows it
//    after a space (100 km, 25 %, 100 €), and a currency sign with the number
//    after it (€ 100), as a no-break space would keep them.
// Mandatory breaks are kept. Pure; the result stays ascending.
void applyUrlAndUnitRules(std::string_view utf8, std::vector<BreakOpportunity>& found);

}  // namespace newsticker::render
