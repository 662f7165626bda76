// Splits a post file into its YAML front matter and its Markdown body.
#pragma once

#include <string>
#include <string_view>

namespace newsticker::content {

struct FrontMatter {
  bool present = false;   // the file starts with a "---" line
  bool closed = false;    // a closing "---" line was found
  std::string yaml;       // the lines between the two "---" lines, LF line ends
  std::string body;       // everything after the closing line, LF line ends
  int yaml_first_line = 0;  // 1-based file line of the first YAML line
  int body_first_line = 0;  // 1-based file line of the first body line
};

// Front matter starts with "---" on the first line (after an optional UTF-8
// BOM) and ends at the next line that is exactly "---" (or "..."); CRLF is
// accepted. Without an opening line the whole text is body.
FrontMatter splitFrontMatter(std::string_view text);

}  // namespace newsticker::content
