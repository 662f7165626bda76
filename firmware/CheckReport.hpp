// The --check report: what loaded, what was rejected and why.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "content/FeedLoader.hpp"

namespace newsticker::firmware {

// Post file -> characters no configured font can draw (see GlyphCoverage).
using MissingGlyphs = std::map<std::string, std::vector<char32_t>>;

// Writes one line per post (file, title, source, date, logo, draft, and the
// characters no font draws) and one per rejected file or warning
// ("file:line: reason"), then a summary line.
void writeCheckReport(const content::Feed& feed, const MissingGlyphs& missing, std::ostream& out);

// Writes the same as one JSON document: {"posts": [...], "rejected": [...],
// "warnings": [...]}; absent values are null.
void writeCheckJson(const content::Feed& feed, const MissingGlyphs& missing, std::ostream& out);

}  // namespace newsticker::firmware
