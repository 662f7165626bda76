// SPDX-License-Identifier: Apache-2.0
// The normalised post: everything a card needs, whatever format the file had.
#pragma once

#include <string>
#include <vector>

#include "content/LanguageTag.hpp"

namespace newsticker::content {

struct RelatedHeadline {
  std::string title;
  std::string source;  // provider name, empty when unknown
};

struct Post {
  std::string file;      // path relative to the content folder, as shown in messages
  std::string title;     // exactly as written in the front matter
  std::string summary;   // plain text, whitespace collapsed; may be empty
  std::string source;    // provider / source / feed or site name / author; may be empty
  std::string author;    // the post's author (display name when the site gives one), for a byline; may be empty
  std::string date;      // ISO 8601: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" (UTC); empty = undated
  std::string url;
  std::vector<std::string> topics;
  LanguageTag language;  // "en", "ja", "ko", "zh-Hans", "zh-Hant", ... ("": unknown)
  std::string logo;      // resolved path relative to the content folder; empty = monogram
  std::string photo;     // resolved photo (not the logo) relative to the content folder; empty = none
  double duration_seconds = 0;  // 0 = the feed / command-line default
  double weight = 0;
  bool draft = false;
  std::vector<RelatedHeadline> related;
  std::string secondary_title;     // same news in a second language (after a horizontal rule)
  std::string secondary_summary;
  LanguageTag secondary_language;
};

}  // namespace newsticker::content
