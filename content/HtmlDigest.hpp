// SPDX-License-Identifier: Apache-2.0
// What a card needs out of a post written in HTML (a Jekyll _posts/*.html):
// its first paragraph and first picture, through the HTML-to-text step.
#pragma once

#include <string_view>

#include "content/MarkdownDigest.hpp"

namespace newsticker::content {

// Reads `html` (a post's body, template tags already removed) as
// digestMarkdown reads Markdown: first_paragraph is the text (readHtmlText)
// of the first <p> element that has any, lead_paragraphs that of every <p>
// (up to about 4,000 bytes); with no <p> at all, the blocks between blank
// lines stand for paragraphs, as Jekyll's excerpt takes them. first_image
// and images: the first <img>'s src. No rule or second language is read.
// Only the first 64 KiB are read. Never throws; linear in the input.
MarkdownDigest digestHtml(std::string_view html);

}  // namespace newsticker::content
