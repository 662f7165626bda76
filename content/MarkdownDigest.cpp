// SPDX-License-Identifier: Apache-2.0
#include "content/MarkdownDigest.hpp"

#include <md4c.h>

#include <cstdlib>
#include <utility>
#include <vector>

#include "content/Utf8.hpp"

namespace newsticker::content {
namespace {

struct Block {
  bool heading = false;
  int section = 0;  // 0 before the first rule, 1 after it
  std::string text;
};

struct Walker {
  std::vector<Block> blocks;
  std::vector<std::string> images;
  int section = 0;
  int skip_depth = 0;     // inside code, tables, lists: not prose
  int image_depth = 0;    // inside an image's alt text
  bool in_block = false;  // inside a paragraph or heading we keep
  bool in_html_block = false;
  std::string html;  // raw HTML block text, to spot <hr>
};

bool isCjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3134F);
}

char32_t lastCodePoint(const std::string& s) {
  std::size_t start = s.size();
  while (start > 0 && (static_cast<unsigned char>(s[start - 1]) & 0xC0) == 0x80) --start;
  if (start == 0) return 0;
  std::size_t pos = start - 1;
  return nextCodePoint(s, pos);
}

// Collapses runs of whitespace into one space; a line break between two CJK
// characters vanishes, as in a browser rendering Chinese or Japanese.
std::string collapseWhitespace(const std::string& in) {
  std::string out;
  bool pending_space = false, pending_newline = false;
  for (std::size_t pos = 0; pos < in.size();) {
    const std::size_t start = pos;
    const char32_t c = nextCodePoint(in, pos);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = true;
      if (c == '\n') pending_newline = true;
      continue;
    }
    if (pending_space && !out.empty()) {
      const bool join = pending_newline && isCjk(lastCodePoint(out)) && isCjk(c);
      if (!join) out += ' ';
    }
    pending_space = pending_newline = false;
    out.append(in, start, pos - start);
  }
  return out;
}

// Removes kramdown inline attribute lists such as {:style="max-width:250px"}.
std::string removeAttributeLists(const std::string& in) {
  std::string out;
  std::size_t pos = 0;
  while (pos < in.size()) {
    const std::size_t open = in.find("{:", pos);
    if (open == std::string::npos) break;
    const std::size_t close = in.find('}', open);
    if (close == std::string::npos) break;
    out.append(in, pos, open - pos);
    pos = close + 1;
  }
  out.append(in, pos);
  return out;
}

std::string decodeEntity(std::string_view entity) {
  // entity includes '&' and ';'
  const std::string_view name = entity.substr(1, entity.size() - 2);
  std::string out;
  if (!name.empty() && name[0] == '#') {
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string digits(name.substr(hex ? 2 : 1));
    const unsigned long cp = std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10);
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      appendUtf8(out, 0xFFFD);
    } else {
      appendUtf8(out, static_cast<char32_t>(cp));
    }
    return out;
  }
  static const struct {
    const char* name;
    char32_t cp;
  } kNamed[] = {{"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
                {"nbsp", 0xA0},    {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026}, {"lsquo", 0x2018},
                {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"copy", 0xA9},     {"reg", 0xAE},
                {"trade", 0x2122}, {"middot", 0xB7},  {"bull", 0x2022},  {"times", 0xD7},    {"euro", 0x20AC},
                {"eacute", 0xE9},  {"egrave", 0xE8},  {"aacute", 0xE1},  {"uuml", 0xFC},     {"ouml", 0xF6},
                {"auml", 0xE4},    {"szlig", 0xDF},   {"laquo", 0xAB},   {"raquo", 0xBB},    {"deg", 0xB0},
                {"shy", 0xAD},     {"ccedil", 0xE7}};
  for (const auto& named : kNamed) {
    if (name == named.name) {
      appendUtf8(out, named.cp);
      return out;
    }
  }
  return std::string(entity);  // unknown: show as written
}

int enterBlock(MD_BLOCKTYPE type, void*, void* userdata) {
  auto& w = *static_cast<Walker*>(userdata);
  switch (type) {
    case MD_BLOCK_P:
    case MD_BLOCK_H:
      if (w.skip_depth == 0) {
        w.blocks.push_back(Block{type == MD_BLOCK_H, w.section, {}});
        w.in_block = true;
      }
      break;
    case MD_BLOCK_HR:
      if (w.skip_depth == 0) ++w.section;
      break;
    case MD_BLOCK_HTML:
      w.in_html_block = true;
      w.html.clear();
      break;
    case MD_BLOCK_CODE:
    case MD_BLOCK_TABLE:
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      ++w.skip_depth;
      break;
    default:
      break;
  }
  return 0;
}

int leaveBlock(MD_BLOCKTYPE type, void*, void* userdata) {
  auto& w = *static_cast<Walker*>(userdata);
  switch (type) {
    case MD_BLOCK_P:
    case MD_BLOCK_H:
      w.in_block = false;
      break;
    case MD_BLOCK_HTML:
      w.in_html_block = false;
      if (w.skip_depth == 0 && (w.html.find("<hr") != std::string::npos || w.html.find("<HR") != std::string::npos)) {
        ++w.section;
      }
      break;
    case MD_BLOCK_CODE:
    case MD_BLOCK_TABLE:
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      --w.skip_depth;
      break;
    default:
      break;
  }
  return 0;
}

int enterSpan(MD_SPANTYPE type, void* detail, void* userdata) {
  auto& w = *static_cast<Walker*>(userdata);
  if (type == MD_SPAN_IMG) {
    ++w.image_depth;
    const auto* img = static_cast<const MD_SPAN_IMG_DETAIL*>(detail);
    constexpr std::size_t kMaxImages = 32;
    if (w.images.size() < kMaxImages && img->src.text != nullptr && img->src.size > 0) {
      w.images.emplace_back(img->src.text, img->src.size);
    }
  }
  return 0;
}

int leaveSpan(MD_SPANTYPE type, void*, void* userdata) {
  auto& w = *static_cast<Walker*>(userdata);
  if (type == MD_SPAN_IMG) --w.image_depth;
  return 0;
}

int onText(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
  auto& w = *static_cast<Walker*>(userdata);
  if (w.in_html_block) {
    w.html.append(text, size);
    return 0;
  }
  if (!w.in_block || w.image_depth > 0 || w.blocks.empty()) return 0;
  std::string& out = w.blocks.back().text;
  switch (type) {
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
      out.append(text, size);
      break;
    case MD_TEXT_ENTITY:
      out += decodeEntity(std::string_view(text, size));
      break;
    case MD_TEXT_SOFTBR:
    case MD_TEXT_BR:
      out += '\n';
      break;
    case MD_TEXT_NULLCHAR:
      appendUtf8(out, 0xFFFD);
      break;
    default:  // inline HTML, LaTeX: not prose
      break;
  }
  return 0;
}

std::string plainText(const std::string& raw) { return collapseWhitespace(removeAttributeLists(raw)); }

std::string firstLine(const std::string& raw, std::string* rest) {
  const std::string cleaned = removeAttributeLists(raw);
  std::size_t start = cleaned.find_first_not_of(" \t\n");
  if (start == std::string::npos) return "";
  const std::size_t newline = cleaned.find('\n', start);
  if (rest != nullptr && newline != std::string::npos) *rest = collapseWhitespace(cleaned.substr(newline + 1));
  return collapseWhitespace(cleaned.substr(start, newline == std::string::npos ? newline : newline - start));
}

// A line of Markdown and where the next one starts.
std::string_view lineAt(std::string_view text, std::size_t at, std::size_t* next) {
  const std::size_t end = text.find('\n', at);
  *next = end == std::string_view::npos ? text.size() : end + 1;
  return text.substr(at, (end == std::string_view::npos ? text.size() : end) - at);
}

// The line's text after at most 3 leading spaces, or nullopt-like "" with
// `*indented` set when it has 4 or more (or a tab first).
std::string_view unindented(std::string_view line, bool* indented) {
  std::size_t spaces = 0;
  while (spaces < line.size() && spaces < 4 && line[spaces] == ' ') ++spaces;
  *indented = spaces == 4 || (spaces < line.size() && line[spaces] == '\t');
  return line.substr(spaces);
}

bool isBlank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

// True when `line` opens or closes a fenced code block (``` or ~~~).
bool isFence(std::string_view line) {
  bool indented = false;
  line = unindented(line, &indented);
  return !indented && (line.rfind("```", 0) == 0 || line.rfind("~~~", 0) == 0);
}

// "[label]:" at the start of `line` (after at most 3 spaces): the label's
// end, or npos. `footnote` says which kind is asked for ("[^1]:").
std::size_t definitionLabelEnd(std::string_view line, bool footnote) {
  bool indented = false;
  const std::string_view rest = unindented(line, &indented);
  if (indented || rest.size() < 4 || rest[0] != '[' || (rest[1] == '^') != footnote) return std::string_view::npos;
  const std::size_t close = rest.find(']');
  if (close == std::string_view::npos || close < 2 || close + 1 >= rest.size() || rest[close + 1] != ':') {
    return std::string_view::npos;
  }
  return close;
}

// Where the footnote definition whose first line ends at `next` ends: its
// lazy continuation lines, then the indented blocks after blank lines.
std::size_t footnoteEnd(std::string_view body, std::size_t next) {
  std::size_t kept_end = next;
  bool after_blank = false;
  for (std::size_t at = next, after = next; at < body.size(); at = after) {
    const std::string_view line = lineAt(body, at, &after);
    if (isBlank(line)) {
      after_blank = true;
      continue;
    }
    bool indented = false;
    unindented(line, &indented);
    if (!indented && (after_blank || definitionLabelEnd(line, true) != std::string_view::npos)) break;
    kept_end = after;
    after_blank = false;
  }
  return kept_end;
}

// `body` without footnote definitions ("[^1]: ...", footnoteEnd) and
// footnote marks ("[^1]", a label without blanks), fenced code left as it is.
std::string withoutFootnotes(std::string_view body) {
  if (body.find("[^") == std::string_view::npos) return std::string(body);
  std::string out;
  bool in_fence = false;
  for (std::size_t at = 0, next = 0; at < body.size(); at = next) {
    std::string_view line = lineAt(body, at, &next);
    const bool newline = body[next - 1] == '\n';
    if (isFence(line)) in_fence = !in_fence;
    if (!in_fence && definitionLabelEnd(line, true) != std::string_view::npos) {
      next = footnoteEnd(body, next);
      continue;
    }
    for (std::size_t pos = 0; !in_fence && (pos = line.find("[^", pos)) != std::string_view::npos;) {
      const std::size_t close = line.find(']', pos + 2);
      const std::string_view label = close == std::string_view::npos ? "" : line.substr(pos + 2, close - pos - 2);
      if (label.empty() || label.find_first_of(" \t[") != std::string_view::npos) {
        pos += 2;
        continue;
      }
      out.append(line.substr(0, pos));
      line.remove_prefix(close + 1);
      pos = 0;
    }
    out.append(line);
    if (newline) out += '\n';
  }
  return out;
}

}  // namespace

std::string linkDefinitions(std::string_view body) {
  constexpr std::size_t kMaxDefinitionBytes = 16 * 1024;
  std::string definitions;
  bool in_fence = false;
  for (std::size_t at = 0, next = 0; at < body.size(); at = next) {
    const std::string_view line = lineAt(body, at, &next);
    if (isFence(line)) in_fence = !in_fence;
    if (in_fence || definitionLabelEnd(line, false) == std::string_view::npos) continue;
    if (definitions.size() + line.size() + 1 > kMaxDefinitionBytes) break;
    definitions.append(line);
    definitions += '\n';
  }
  return definitions;
}

MarkdownDigest digestMarkdown(std::string_view whole_body, std::string_view definitions) {
  // A card needs the first paragraph and the start of a second-language
  // section; Debian's md4c 0.4.8 is quadratic on some bracket patterns
  // (fixed upstream in 2024), so it never sees more than 64 KiB.
  constexpr std::size_t kMaxMarkdownBytes = 64 * 1024;
  std::string_view body = whole_body;
  std::string rest_definitions;
  if (body.size() > kMaxMarkdownBytes) {
    const std::size_t cut = body.rfind('\n', kMaxMarkdownBytes);
    body = body.substr(0, cut == std::string_view::npos ? kMaxMarkdownBytes : cut + 1);
    rest_definitions = linkDefinitions(whole_body.substr(body.size()));
  }
  // The definitions go after a blank line, so they cannot continue the body's last paragraph.
  std::string text = withoutFootnotes(body);
  for (std::string_view more : {std::string_view(rest_definitions), definitions}) {
    if (!more.empty()) text.append("\n\n").append(more);
  }
  Walker walker;
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEATXHEADERS;
  parser.enter_block = enterBlock;
  parser.leave_block = leaveBlock;
  parser.enter_span = enterSpan;
  parser.leave_span = leaveSpan;
  parser.text = onText;
  md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &walker);

  MarkdownDigest digest;
  digest.images = std::move(walker.images);
  if (!digest.images.empty()) digest.first_image = digest.images.front();
  digest.has_rule = walker.section > 0;
  for (const Block& block : walker.blocks) {
    if (block.section != 0) continue;
    const std::string text = plainText(block.text);
    if (text.empty()) continue;
    if (digest.lead_text.size() < 2000) digest.lead_text += text + "\n";
    if (!block.heading && digest.first_paragraph.empty()) digest.first_paragraph = text;
    if (!block.heading && digest.lead_paragraphs.size() < 4000) {
      digest.lead_paragraphs += (digest.lead_paragraphs.empty() ? "" : " ") + text;
    }
  }
  bool have_title = false;
  for (const Block& block : walker.blocks) {
    if (block.section == 0) continue;
    if (!have_title) {
      std::string rest;
      digest.after_rule_title = firstLine(block.text, &rest);
      if (digest.after_rule_title.empty()) continue;
      have_title = true;
      if (!rest.empty() && !block.heading) {
        digest.after_rule_summary = rest;
        break;
      }
      continue;
    }
    if (block.heading) continue;
    digest.after_rule_summary = plainText(block.text);
    if (!digest.after_rule_summary.empty()) break;
  }
  return digest;
}

}  // namespace newsticker::content
