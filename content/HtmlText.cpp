// SPDX-License-Identifier: Apache-2.0
#include "content/HtmlText.hpp"

#include <cstdlib>
#include <optional>

#include "content/HtmlEntities.hpp"
#include "content/Utf8.hpp"

namespace newsticker::content {
namespace {

bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool startsWithNoCase(std::string_view text, std::size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(text[at + i]) != prefix[i]) return false;
  }
  return true;
}

// What HTML makes of &#128; to &#159; (and of C1 controls in text): the
// windows-1252 characters; U+FFFD where windows-1252 has none.
constexpr char32_t kWindows1252[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                       0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                       0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                       0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

// Decodes the character reference at text[pos] ('&'); appends it to `out`
// and returns the position after it, or returns pos when there is none there.
std::size_t decodeReference(std::string_view text, std::size_t pos, std::string& out) {
  const std::size_t semicolon = text.find(';', pos + 1);
  if (semicolon == std::string_view::npos || semicolon - pos > 32) return pos;
  const std::string_view name = text.substr(pos + 1, semicolon - pos - 1);
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return pos;
    for (char c : digits) {
      const bool ok = hex ? ((c >= '0' && c <= '9') || (lower(c) >= 'a' && lower(c) <= 'f')) : (c >= '0' && c <= '9');
      if (!ok) return pos;
    }
    unsigned long cp = std::strtoul(std::string(digits).c_str(), nullptr, hex ? 16 : 10);
    // &#128; to &#159; stay C1 controls here; CollapsingWriter reads them as HTML does.
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    appendUtf8(out, static_cast<char32_t>(cp));
    return semicolon + 1;
  }
  const std::optional<std::string_view> named = htmlNamedReference(name);
  if (!named) return pos;
  out += *named;
  return semicolon + 1;
}

std::string decodeReferences(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '&') {
      const std::size_t next = decodeReference(text, i, out);
      if (next != i) {
        i = next;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

bool isBlockElement(std::string_view name) {
  static const char* const kBlocks[] = {
      "p",   "br",     "div",        "li",      "ul",         "ol",      "h1",     "h2",     "h3",    "h4",
      "h5",  "h6",     "tr",         "td",      "th",         "table",   "hr",     "dd",     "dt",    "dl",
      "pre", "figure", "figcaption", "section", "blockquote", "article", "header", "footer", "aside", "address"};
  for (const char* block : kBlocks) {
    if (name == block) return true;
  }
  return false;
}

bool isHiddenElement(std::string_view name) {
  return name == "script" || name == "style" || name == "template" || name == "head" || name == "noscript" ||
         name == "iframe" || name == "object";
}

// The end of the tag starting at text[pos] ('<'): the position after its
// '>', skipping quoted attribute values; text.size() when it never ends.
std::size_t tagEnd(std::string_view text, std::size_t pos) {
  char quote = 0;
  for (std::size_t i = pos + 1; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return text.size();
}

// The value of attribute `wanted` (lower case) in the tag text `tag`
// ("<img a=b ...>"), references decoded; "" when absent.
std::string attributeOf(std::string_view tag, std::string_view wanted) {
  std::size_t i = 1;
  while (i < tag.size() && !isAsciiSpace(tag[i]) && tag[i] != '>' && tag[i] != '/') ++i;  // the element name
  while (i < tag.size()) {
    while (i < tag.size() && (isAsciiSpace(tag[i]) || tag[i] == '/')) ++i;
    const std::size_t name_start = i;
    while (i < tag.size() && !isAsciiSpace(tag[i]) && tag[i] != '=' && tag[i] != '>' && tag[i] != '/') ++i;
    std::string name;
    for (std::size_t k = name_start; k < i; ++k) name += lower(tag[k]);
    if (name.empty()) break;
    while (i < tag.size() && isAsciiSpace(tag[i])) ++i;
    std::string_view value;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      while (i < tag.size() && isAsciiSpace(tag[i])) ++i;
      if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
        const char quote = tag[i++];
        const std::size_t end = tag.find(quote, i);
        value = tag.substr(i, (end == std::string_view::npos ? tag.size() : end) - i);
        i = end == std::string_view::npos ? tag.size() : end + 1;
      } else {
        const std::size_t start = i;
        while (i < tag.size() && !isAsciiSpace(tag[i]) && tag[i] != '>') ++i;
        value = tag.substr(start, i - start);
      }
    }
    if (name == wanted) return decodeReferences(value);
  }
  return "";
}

// Appends text to `out` with runs of whitespace as one space (none at the
// start) and control characters dropped.
class CollapsingWriter {
 public:
  explicit CollapsingWriter(std::string& out) : out_(out) {}
  void space() { pending_space_ = !out_.empty(); }
  void text(std::string_view piece) {
    for (std::size_t i = 0; i < piece.size(); ++i) {
      const char c = piece[i];
      const auto byte = static_cast<unsigned char>(c);
      if (isAsciiSpace(c)) {
        space();
      } else if (byte < 0x20 || byte == 0x7F) {
        continue;
      } else if (byte == 0xC2 && i + 1 < piece.size() && static_cast<unsigned char>(piece[i + 1]) >= 0x80 &&
                 static_cast<unsigned char>(piece[i + 1]) <= 0x9F) {
        // A C1 control (U+0080 to U+009F), which no font draws: almost always
        // windows-1252 read as Latin-1 somewhere upstream, so it is read as
        // HTML reads &#128; to &#159;; the five that windows-1252 leaves
        // unassigned are dropped.
        const char32_t meant = kWindows1252[static_cast<unsigned char>(piece[++i]) - 0x80];
        if (meant == 0xFFFD) continue;
        std::string utf8;
        appendUtf8(utf8, meant);
        word(utf8);
      } else {
        word(std::string_view(&piece[i], 1));
      }
    }
  }

 private:
  void word(std::string_view bytes) {
    if (pending_space_) out_ += ' ';
    pending_space_ = false;
    out_ += bytes;
  }

  std::string& out_;
  bool pending_space_ = false;
};

}  // namespace

HtmlText readHtmlText(std::string_view html) {
  HtmlText result;
  CollapsingWriter writer(result.text);
  std::size_t i = 0;
  std::string decoded;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '&') {
      decoded.clear();
      const std::size_t next = decodeReference(html, i, decoded);
      if (next != i) {
        // U+00A0 stays: a no-break space is the author's choice.
        writer.text(decoded);
        i = next;
        continue;
      }
      writer.text("&");
      ++i;
      continue;
    }
    if (c != '<' || i + 1 >= html.size()) {
      const std::size_t next = html.find_first_of("<&", i + 1);
      writer.text(html.substr(i, (next == std::string_view::npos ? html.size() : next) - i));
      i = next == std::string_view::npos ? html.size() : next;
      continue;
    }
    if (html.compare(i, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (html.compare(i, 9, "<![CDATA[") == 0) {
      const std::size_t end = html.find("]]>", i + 9);
      writer.text(html.substr(i + 9, (end == std::string_view::npos ? html.size() : end) - i - 9));
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const char next = html[i + 1];
    const bool closing = next == '/';
    if (!isAsciiLetter(next) && !(closing && i + 2 < html.size() && isAsciiLetter(html[i + 2])) && next != '!' &&
        next != '?') {
      writer.text("<");  // "a < b": not a tag
      ++i;
      continue;
    }
    const std::size_t end = tagEnd(html, i);
    const std::string_view tag = html.substr(i, end - i);
    std::string name;
    for (std::size_t k = closing ? 2 : 1; k < tag.size() && (isAsciiLetter(tag[k]) || (tag[k] >= '0' && tag[k] <= '9'));
         ++k) {
      name += lower(tag[k]);
    }
    i = end;
    if (isBlockElement(name)) writer.space();
    if (!closing && name == "img" && result.first_image.empty()) result.first_image = attributeOf(tag, "src");
    if (!closing && isHiddenElement(name) && tag.size() >= 2 && tag[tag.size() - 2] != '/') {
      // Skip to the matching end tag (not nested: these hold no markup of ours).
      std::size_t search = i;
      while (true) {
        const std::size_t close = html.find("</", search);
        if (close == std::string_view::npos) {
          i = html.size();
          break;
        }
        if (startsWithNoCase(html, close + 2, name)) {
          i = tagEnd(html, close);
          break;
        }
        search = close + 2;
      }
      writer.space();
    }
  }
  return result;
}

}  // namespace newsticker::content
