// SPDX-License-Identifier: Apache-2.0
// Reads what a card needs out of a Markdown body (via md4c): the first prose
// paragraph, the first image, and a second-language section after a rule.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsticker::content {

struct MarkdownDigest {
  std::string first_paragraph;      // plain text of the first prose paragraph before any rule
  std::string lead_paragraphs;      // every prose paragraph before any rule, joined by a space
  std::string first_image;          // src of the first image, as written ("" when none)
  std::vector<std::string> images;  // src of every image, in order (at most 32)
  std::string lead_text;            // title-worthy text before the first rule, for language detection
  bool has_rule = false;            // a horizontal rule (Markdown or <hr>) splits the body
  std::string after_rule_title;     // first line of the first block after the rule
  std::string after_rule_summary;   // the paragraph that follows it (or the rest of that block)
};

// Plain text means: images, headings, raw HTML, code blocks and kramdown
// attribute lists "{: ...}" removed, footnote marks ("[^1]") and footnote
// definitions ("[^1]: ...") left out, entities decoded, whitespace collapsed
// (no space is kept where a line break joins two CJK characters). Only the
// first 64 KiB of the body are read, with the link reference definitions of
// the rest (linkDefinitions), so "[on Hacker News][hn]" reads as its text.
// `definitions` (link reference definitions, one a line) are read with the
// body: a lead cut from a longer body gives its body's here.
// Never throws; malformed Markdown yields whatever md4c makes of it.
MarkdownDigest digestMarkdown(std::string_view body, std::string_view definitions = {});

// The link reference definitions of `body` ("[hn]: https://... 'title'"), one
// a line as written (up to 3 spaces before the '['), outside fenced code
// blocks; footnote definitions ("[^1]: ...") are not ones. At most 16 KiB of
// them, the first ones. Never throws.
std::string linkDefinitions(std::string_view body);

}  // namespace newsticker::content
