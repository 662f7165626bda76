// The --check report: what loaded, what was rejected and why.
#pragma once

#include <ostream>

#include "content/FeedLoader.hpp"

namespace newsticker::firmware {

// Writes one line per post (file, title, source, date, logo, draft) and one
// per rejected file or warning ("file:line: reason"), then a summary line.
void writeCheckReport(const content::Feed& feed, std::ostream& out);

// Writes the same as one JSON document: {"posts": [...], "rejected": [...],
// "warnings": [...]}; absent values are null.
void writeCheckJson(const content::Feed& feed, std::ostream& out);

}  // namespace newsticker::firmware
