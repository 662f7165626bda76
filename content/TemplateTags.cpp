// SPDX-License-Identifier: Apache-2.0
#include "content/TemplateTags.hpp"

#include <optional>
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
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
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

// True when the text written so far (`out`) ends inside a Markdown link's
// destination ("[a](...") or an HTML tag ("<a href=\"..."): a value missing
// there leaves no hole in what a reader sees.
bool insideLinkOrTag(const std::string& out) {
  const std::size_t line = out.rfind('\n');
  const std::size_t from = line == std::string::npos ? 0 : line + 1;
  const std::size_t link = out.rfind("](");
  if (link != std::string::npos && link >= from && out.find(')', link) == std::string::npos) return true;
  const std::size_t tag = out.rfind('<');
  return tag != std::string::npos && tag >= from && out.find('>', tag) == std::string::npos;
}

// True when a line starting at `at` of `text` starts a Markdown block of its
// own (a list item, heading, quote or table row), not a paragraph's next line.
bool startsBlock(const std::string& text, std::size_t at) {
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
  if (at >= text.size()) return true;
  const char c = text[at];
  if (c == '#' || c == '>' || c == '|' || c == '\n') return true;
  if ((c == '-' || c == '*' || c == '+') && at + 1 < text.size() && text[at + 1] == ' ') return true;
  std::size_t digits = at;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  return digits > at && digits + 1 < text.size() && (text[digits] == '.' || text[digits] == ')') &&
         text[digits + 1] == ' ';
}

// True when a paragraph or block starts at `at`: a line after a blank line,
// or a line that starts a block (startsBlock).
bool blockStartsAt(const std::string& text, std::size_t at) {
  if (at == 0 || text[at - 1] != '\n') return false;
  if (startsBlock(text, at)) return true;
  std::size_t before = at - 1;
  while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t' || text[before - 1] == '\r')) --before;
  return before == 0 || text[before - 1] == '\n';
}

// The length of a sentence's end mark ending just before `at` ("." ",!" "?"
// followed by white space, or the full-width 。！？) or 0.
std::size_t sentenceEndBefore(const std::string& text, std::size_t at) {
  for (const char* mark : {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F"}) {
    const std::size_t n = std::char_traits<char>::length(mark);
    if (at >= n && text.compare(at - n, n, mark) == 0) return n;
  }
  const bool spaced = at < text.size() && (text[at] == ' ' || text[at] == '\n' || text[at] == '\t');
  if (at >= 1 && spaced && (text[at - 1] == '.' || text[at - 1] == '!' || text[at - 1] == '?')) return 1;
  return 0;
}

// `text` without the sentences that hold a hole (a value that could not be
// filled, at the offsets `holes`, ascending): from the end of the sentence
// before (or the paragraph's or block's start) to its own end mark and the
// blanks after it (or the paragraph's end).
std::string withoutHoleSentences(std::string text, const std::vector<std::size_t>& holes) {
  std::size_t limit = text.size();
  for (auto hole = holes.rbegin(); hole != holes.rend(); ++hole) {
    if (*hole > limit) continue;  // in a sentence already taken out
    std::size_t start = *hole;
    while (start > 0 && !blockStartsAt(text, start) && !(sentenceEndBefore(text, start) > 0 && start < *hole)) {
      --start;
    }
    while (start < *hole && (text[start] == ' ' || text[start] == '\t')) ++start;
    std::size_t end = *hole;
    while (end < text.size() && !(text[end] == '\n' && startsBlock(text, end + 1)) &&
           sentenceEndBefore(text, end) == 0) {
      ++end;
    }
    while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
    text.erase(start, end - start);
    limit = start;
  }
  return text;
}

// Hugo's param shortcode's value: `name` (dotted) in the page's front matter,
// else in the site's params, keys in any case; nullopt when neither has it.
std::optional<std::string> hugoParam(std::string name, const LiquidScope& scope) {
  if (name.size() >= 2 && (name.front() == '"' || name.front() == '\'') && name.back() == name.front()) {
    name = name.substr(1, name.size() - 2);
  }
  const auto lowered = [](std::string text) {
    for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return text;
  };
  if (name.empty()) return std::nullopt;
  if (const auto own = liquidText("page." + name, scope)) return own;
  if (scope.site_values == nullptr) return std::nullopt;
  for (const auto& [key, value] : *scope.site_values) {
    if (!value.empty() && lowered(key) == lowered("params." + name)) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string removeTemplateTags(std::string_view text, const std::map<std::string, std::string>& site_values,
                               bool* expansion_cut) {
  LiquidScope scope;
  scope.site_values = &site_values;
  return removeTemplateTags(text, scope, expansion_cut);
}

namespace {

constexpr std::size_t kMaxEvaluations = 1000;  // values worked out in one text (assign, output, param)

// One pass over a text: tags removed or replaced (removeTemplateTags).
class TagRemover {
 public:
  TagRemover(std::string_view text, LiquidScope& scope, bool* expansion_cut)
      : text_(text), scope_(scope), expansion_cut_(expansion_cut) {
    out_.reserve(text.size());
  }

  std::string run() {
    while (pos_ < text_.size()) {
      const std::size_t open = text_.find('{', pos_);
      if (open == std::string_view::npos || open + 1 >= text_.size()) break;
      const char second = text_[open + 1];
      if (second != '{' && second != '%') {
        out_.append(text_, pos_, open + 1 - pos_);
        pos_ = open + 1;
        continue;
      }
      out_.append(text_, pos_, open - pos_);
      const char third = open + 2 < text_.size() ? text_[open + 2] : '\0';
      const bool more = second == '%'                  ? liquidTag(open)
                        : third == '<' || third == '%' ? shortcode(open, third)
                                                       : output(open);
      if (!more) return finish();
    }
    if (pos_ < text_.size()) out_.append(text_, pos_);
    return finish();
  }

 private:
  // A `{% ... %}` tag at `open`: assign read, raw kept, comment and
  // highlight blocks dropped, any other tag dropped. False: the rest is done.
  bool liquidTag(std::size_t open) {
    const std::size_t end = tagEnd(text_, open + 2, "%}");
    if (end == std::string_view::npos) return false;
    const std::string_view inside = text_.substr(open + 2, end - 2 - (open + 2));
    const std::string_view name = firstWord(inside);
    pos_ = end;
    if (name == "assign") {
      if (evaluating()) liquidAssign(inside, scope_);
    } else if (name == "raw") {
      for (std::size_t raw_end = text_.find("{%", pos_); raw_end != std::string_view::npos;
           raw_end = text_.find("{%", raw_end + 2)) {
        const std::size_t tag_end = tagEnd(text_, raw_end + 2, "%}");
        if (tag_end == std::string_view::npos) break;
        if (firstWord(text_.substr(raw_end + 2, tag_end - 2 - (raw_end + 2))) == "endraw") {
          out_.append(text_, pos_, raw_end - pos_);
          pos_ = tag_end;
          return true;
        }
      }
      out_.append(text_, pos_);  // never closed: the rest is literal
      return false;
    } else if (name == "comment" || name == "highlight") {
      pos_ = liquidBlockEnd(text_, pos_, name);
      return pos_ != std::string_view::npos;
    }
    return true;
  }

  // A Hugo shortcode `{{< ... >}}` / `{{% ... %}}` at `open`: param filled,
  // highlight and code blocks dropped with what they hold, others dropped.
  bool shortcode(std::size_t open, char third) {
    const std::string close = std::string(1, third == '<' ? '>' : '%') + "}}";
    const std::size_t end = tagEnd(text_, open + 3, close);
    if (end == std::string_view::npos) return false;
    const std::string_view inside = trimmed(text_.substr(open + 3, end - 3 - (open + 3)));
    const std::string_view name = firstWord(inside);
    pos_ = end;
    if (name == "param" && evaluating()) {  // Hugo's {{< param "name" >}}: the page's, else the site's params.NAME
      put(hugoParam(std::string(trimmed(inside.substr(5))), scope_));
    } else if ((name == "highlight" || name == "code") && unclosed_.count(std::string(name)) == 0) {
      const std::size_t end_block = shortcodeBlockEnd(text_, pos_, name);
      if (end_block != std::string_view::npos) {
        pos_ = end_block;
      } else {
        unclosed_.insert(std::string(name));
      }
    }
    return true;
  }

  // A Liquid output `{{ ... }}` at `open`: its value, or a hole. A plain
  // `site.KEY` is looked up without copying the value.
  bool output(std::size_t open) {
    const std::size_t end = tagEnd(text_, open + 2, "}}");
    if (end == std::string_view::npos) return false;
    const std::string_view inside = trimmed(text_.substr(open + 2, end - 2 - (open + 2)));
    pos_ = end;
    if (!evaluating()) return true;
    if (inside.substr(0, 5) == "site." && isLookupPath(inside.substr(5)) && scope_.site_values != nullptr) {
      const auto found = scope_.site_values->find(std::string(inside.substr(5)));
      if (found != scope_.site_values->end() && !found->second.empty()) {
        putText(found->second);
        return true;
      }
    }
    put(liquidText(inside, scope_));
    return true;
  }

  // False (the expansion cut) once a value was over the budget, or
  // kMaxEvaluations were made, or the expressions' work ran out
  // (LiquidScope::work_left): then no value is worked out any more.
  bool evaluating() {
    if (!cut_ && ++evaluations_ <= kMaxEvaluations && scope_.work_left > 0) return true;
    cut_ = true;
    if (expansion_cut_ != nullptr) *expansion_cut_ = true;
    return false;
  }

  // Puts `value` in within the budget; none is a hole where a reader would see it.
  void put(const std::optional<std::string>& value) {
    if (value) {
      putText(*value);
    } else if (!insideLinkOrTag(out_)) {
      holes_.push_back(out_.size());
    }
  }

  void putText(const std::string& value) {
    if (expanded_ + value.size() <= kMaxSiteValueBytes) {
      out_ += value;
      expanded_ += value.size();
      return;
    }
    cut_ = true;
    if (expansion_cut_ != nullptr) *expansion_cut_ = true;
  }

  std::string finish() { return holes_.empty() ? std::move(out_) : withoutHoleSentences(std::move(out_), holes_); }

  std::string_view text_;
  LiquidScope& scope_;
  bool* expansion_cut_;
  std::string out_;
  std::size_t pos_ = 0;
  std::size_t expanded_ = 0;        // bytes of values put in
  std::size_t evaluations_ = 0;     // values worked out
  bool cut_ = false;                // a value was over the budget: no more are worked out
  std::vector<std::size_t> holes_;  // where a value could not be filled in
  std::set<std::string> unclosed_;  // paired shortcodes with no end after some point: none after any later one
};

}  // namespace

std::string removeTemplateTags(std::string_view text, LiquidScope& scope, bool* expansion_cut) {
  if (text.find("{{") == std::string_view::npos && text.find("{%") == std::string_view::npos) {
    return std::string(text);
  }
  return TagRemover(text, scope, expansion_cut).run();
}

}  // namespace newsticker::content
