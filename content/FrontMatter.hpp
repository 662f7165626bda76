// SPDX-License-Identifier: Apache-2.0
// Splits a post file into its front matter (YAML, TOML or JSON) and its Markdown body.
#pragma once

#include <string>
#include <string_view>

namespace newsticker::content {

enum class FrontMatterFormat { Yaml, Toml, Json };

struct FrontMatter {
  bool present = false;  // the file starts with a "---" or "+++" line, or a '{'
  bool closed = false;   // a closing "---" / "+++" line (or the object's '}') was found
  FrontMatterFormat format = FrontMatterFormat::Yaml;
  std::string yaml;         // the front matter text (between the fences; a JSON object
                            // with its braces), LF line ends
  std::string body;         // everything after the closing line, LF line ends
  int yaml_first_line = 0;  // 1-based file line of the first front matter line
  int body_first_line = 0;  // 1-based file line of the first body line
};

// YAML front matter starts with "---" on the first line (after an optional
// UTF-8 BOM) and ends at the next line that is exactly "---" (or "...");
// TOML (Hugo, Zola) is fenced by "+++" lines the same way; JSON (Hugo) is an
// object starting with '{' on the first line and ending at its matching '}'
// (the rest of that line is skipped). CRLF is accepted. Without an opening
// line the whole text is body.
FrontMatter splitFrontMatter(std::string_view text);

}  // namespace newsticker::content
