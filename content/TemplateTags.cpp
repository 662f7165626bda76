// SPDX-License-Identifier: Apache-2.0
#include "content/TemplateTags.hpp"

#include <set>
#include <vector>

namespace newsticker::content {
namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '-'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '-'))
    text.remove_suffix(1);
  return text;
}

// The first word of a tag's inside: "highlight ruby" gives "highlight".
std::string_view firstWord(std::string_view inside) {
  inside = trimmed(inside);
  std::size_t end = 0;
  while (end < inside.size() && inside[end] != ' ' && inside[end] != '\t' && inside[end] != '\n') ++end;
  return inside.substr(0, end);
}

bool isLookupPath(std::string_view path) {
  if (path.empty()) return false;
  for (char c : path) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// The offset just past the tag `open` + ... + `close` starting at `from`, or npos.
std::size_t tagEnd(std::string_view text, std::size_t from, std::string_view close) {
  const std::size_t at = text.find(close, from);
  return at == std::string_view::npos ? at : at + close.size();
}

// Where the Liquid block closed by `{% end<name> %}` ends (past its tag), from `from`.
std::size_t liquidBlockEnd(std::string_view text, std::size_t from, std::string_view name) {
  std::size_t pos = from;
  while ((pos = text.find("{%", pos)) != std::string_view::npos) {
    const std::size_t end = tagEnd(text, pos + 2, "%}");
    if (end == std::string_view::npos) return end;
    if (firstWord(text.substr(pos + 2, end - 2 - pos - 2)) == "end" + std::string(name)) return end;
    pos = end;
  }
  return std::string_view::npos;
}

// Where the paired shortcode closed by `{{< /name >}}` (or `{{% /name %}}`) ends.
std::size_t shortcodeBlockEnd(std::string_view text, std::size_t from, std::string_view name) {
  std::size_t pos = from;
  while ((pos = text.find("{{", pos)) != std::string_view::npos) {
    if (pos + 2 < text.size() && (text[pos + 2] == '<' || text[pos + 2] == '%')) {
      const std::string close = std::string(1, text[pos + 2] == '<' ? '>' : '%') + "}}";
      const std::size_t end = tagEnd(text, pos + 3, close);
      if (end == std::string_view::npos) return end;
      std::string_view inside = trimmed(text.substr(pos + 3, end - 3 - (pos + 3)));
      if (!inside.empty() && inside.front() == '/' && firstWord(inside.substr(1)) == name) return end;
      pos = end;
    } else {
      pos += 2;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::string removeTemplateTags(std::string_view text, const std::map<std::string, std::string>& site_values,
                               bool* expansion_cut) {
  if (text.find("{{") == std::string_view::npos && text.find("{%") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  std::size_t expanded = 0;          // bytes of site values put in
  std::set<std::string> unclosed;    // paired shortcodes with no end after some point: none after any later one
  while (pos < text.size()) {
    const std::size_t open = text.find('{', pos);
    if (open == std::string_view::npos || open + 1 >= text.size()) break;
    const char second = text[open + 1];
    if (second != '{' && second != '%') {
      out.append(text, pos, open + 1 - pos);
      pos = open + 1;
      continue;
    }
    out.append(text, pos, open - pos);
    if (second == '%') {  // Liquid tag
      const std::size_t end = tagEnd(text, open + 2, "%}");
      if (end == std::string_view::npos) return out;
      const std::string_view name = firstWord(text.substr(open + 2, end - 2 - (open + 2)));
      pos = end;
      if (name == "raw") {
        const std::size_t close = text.find("{%", pos);
        std::size_t raw_end = close;
        while (raw_end != std::string_view::npos) {
          const std::size_t tag_end = tagEnd(text, raw_end + 2, "%}");
          if (tag_end == std::string_view::npos) break;
          if (firstWord(text.substr(raw_end + 2, tag_end - 2 - (raw_end + 2))) == "endraw") {
            out.append(text, pos, raw_end - pos);
            pos = tag_end;
            break;
          }
          raw_end = text.find("{%", tag_end);
        }
        if (raw_end == std::string_view::npos) {  // never closed: the rest is literal
          out.append(text, pos);
          return out;
        }
      } else if (name == "comment" || name == "highlight") {
        const std::size_t end_block = liquidBlockEnd(text, pos, name);
        if (end_block == std::string_view::npos) return out;
        pos = end_block;
      }
      continue;
    }
    // "{{": a Hugo shortcode or a Liquid output.
    const char third = open + 2 < text.size() ? text[open + 2] : '\0';
    if (third == '<' || third == '%') {
      const std::string close = std::string(1, third == '<' ? '>' : '%') + "}}";
      const std::size_t end = tagEnd(text, open + 3, close);
      if (end == std::string_view::npos) return out;
      const std::string_view name = firstWord(text.substr(open + 3, end - 3 - (open + 3)));
      pos = end;
      if ((name == "highlight" || name == "code") && unclosed.count(std::string(name)) == 0) {
        const std::size_t end_block = shortcodeBlockEnd(text, pos, name);
        if (end_block != std::string_view::npos) pos = end_block;
        else unclosed.insert(std::string(name));
      }
      continue;
    }
    const std::size_t end = tagEnd(text, open + 2, "}}");
    if (end == std::string_view::npos) return out;
    const std::string_view inside = trimmed(text.substr(open + 2, end - 2 - (open + 2)));
    if (inside.substr(0, 5) == "site." && isLookupPath(inside.substr(5))) {
      const auto found = site_values.find(std::string(inside.substr(5)));
      if (found != site_values.end() && expanded + found->second.size() <= kMaxSiteValueBytes) {
        out += found->second;
        expanded += found->second.size();
      } else if (found != site_values.end() && expansion_cut != nullptr) {
        *expansion_cut = true;
      }
    }
    pos = end;
  }
  if (pos < text.size()) out.append(text, pos);
  return out;
}

}  // namespace newsticker::content
