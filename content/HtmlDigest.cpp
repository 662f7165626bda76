// SPDX-License-Identifier: Apache-2.0
#include "content/HtmlDigest.hpp"

#include <string>
#include <vector>

#include "content/HtmlText.hpp"

namespace newsticker::content {
namespace {

constexpr std::size_t kMaxHtmlBytes = 64 * 1024;
constexpr std::size_t kMaxLeadBytes = 4000;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The position of the next tag `<name` or `</name` (as `closing` says) from
// `from`, its name ending at a blank, '>' or '/'; npos when there is none.
std::size_t findTag(std::string_view html, std::size_t from, std::string_view name, bool closing) {
  const std::size_t skip = closing ? 2 : 1;
  for (std::size_t at = html.find('<', from); at != std::string_view::npos; at = html.find('<', at + 1)) {
    if (closing && (at + 1 >= html.size() || html[at + 1] != '/')) continue;
    const std::size_t end = at + skip + name.size();
    if (end >= html.size()) return std::string_view::npos;
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i) same = lower(html[at + skip + i]) == name[i];
    const char after = html[end];
    if (same && (after == '>' || after == '/' || after == ' ' || after == '\t' || after == '\n' || after == '\r')) {
      return at;
    }
  }
  return std::string_view::npos;
}

// The next <p> tag from `from`, past comments and the content of script,
// style and template elements (whose text is no paragraph); npos when none.
std::size_t nextParagraph(std::string_view html, std::size_t from) {
  for (std::size_t at = findTag(html, from, "p", false); at != std::string_view::npos;
       at = findTag(html, from, "p", false)) {
    std::size_t hidden_end = 0;
    const std::size_t comment = html.find("<!--", from);
    if (comment < at) hidden_end = html.find("-->", comment + 4);
    for (const char* name : {"script", "style", "template"}) {
      const std::size_t open = findTag(html, from, name, false);
      if (open < at && (hidden_end == 0 || open < comment)) hidden_end = findTag(html, open + 1, name, true);
    }
    if (hidden_end == 0) return at;
    if (hidden_end == std::string_view::npos) return hidden_end;
    from = hidden_end + 1;
  }
  return std::string_view::npos;
}

// The HTML of each <p> element of `html` (to its </p>, else to the next <p>).
std::vector<std::string_view> paragraphs(std::string_view html) {
  std::vector<std::string_view> found;
  for (std::size_t at = nextParagraph(html, 0); at != std::string_view::npos;) {
    const std::size_t close = findTag(html, at + 2, "p", true);
    const std::size_t next = nextParagraph(html, at + 2);
    const std::size_t end =
        close != std::string_view::npos && (next == std::string_view::npos || close < next) ? close : next;
    found.push_back(html.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
    at = next;
  }
  return found;
}

// The blocks of `html` between blank lines.
std::vector<std::string_view> blankLineBlocks(std::string_view html) {
  std::vector<std::string_view> found;
  std::size_t start = 0;
  while (start < html.size()) {
    std::size_t end = html.find("\n\n", start);
    const std::size_t crlf = html.find("\r\n\r\n", start);
    if (crlf < end) end = crlf;
    found.push_back(html.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 2;
  }
  return found;
}

}  // namespace

MarkdownDigest digestHtml(std::string_view html) {
  if (html.size() > kMaxHtmlBytes) html = html.substr(0, kMaxHtmlBytes);
  MarkdownDigest digest;
  std::vector<std::string_view> blocks = paragraphs(html);
  if (blocks.empty()) blocks = blankLineBlocks(html);
  for (std::string_view block : blocks) {
    const std::string text = readHtmlText(block).text;
    if (text.empty()) continue;
    if (digest.first_paragraph.empty()) digest.first_paragraph = text;
    if (digest.lead_paragraphs.size() >= kMaxLeadBytes) break;
    digest.lead_paragraphs += (digest.lead_paragraphs.empty() ? "" : " ") + text;
  }
  digest.lead_text = digest.first_paragraph;
  digest.first_image = readHtmlText(html).first_image;
  if (!digest.first_image.empty()) digest.images.push_back(digest.first_image);
  return digest;
}

}  // namespace newsticker::content
