// SPDX-License-Identifier: Apache-2.0
// Reads what a card needs out of a Markdown body (via md4c): the first prose
// paragraph, the first image, and a second-language section after a rule.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsticker::content {

struct MarkdownDigest {
  std::string first_paragraph;   // plain text of the first prose paragraph before any rule
  std::string lead_paragraphs;   // every prose paragraph before any rule, joined by a space
  std::string first_image;       // src of the first image, as written ("" when none)
  std::vector<std::string> images;  // src of every image, in order (at most 32)
  std::string lead_text;         // title-worthy text before the first rule, for language detection
  bool has_rule = false;         // a horizontal rule (Markdown or <hr>) splits the body
  std::string after_rule_title;  // first line of the first block after the rule
  std::string after_rule_summary;  // the paragraph that follows it (or the rest of that block)
};

// Plain text means: images, headings, raw HTML, code blocks and kramdown
// attribute lists "{: ...}" removed, entities decoded, whitespace collapsed
// (no space is kept where a line break joins two CJK characters). Only the
// first 64 KiB of the body are read.
// Never throws; malformed Markdown yields whatever md4c makes of it.
MarkdownDigest digestMarkdown(std::string_view body);

}  // namespace newsticker::content
