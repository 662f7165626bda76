// SPDX-License-Identifier: Apache-2.0
#include "content/YamlFlowText.hpp"

#include <cstdio>

#include "content/Utf8.hpp"

namespace newsticker::content {
namespace {

// True for the characters a YAML double-quoted scalar must write as escapes:
// C0 and C1 controls, DEL, the line and paragraph separators, the byte order
// mark and the two non-characters U+FFFE and U+FFFF.
bool needsEscape(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
         cp == 0xFFFE || cp == 0xFFFF;
}

}  // namespace

YamlFlowText::YamlFlowText() {
  text_ = "{";
  original_lines_.push_back(0);
  open_.push_back({'}', true});
}

void YamlFlowText::openMap() {
  text_ += '{';
  open_.push_back({'}', true});
}

void YamlFlowText::openList() {
  text_ += '[';
  open_.push_back({']', true});
}

void YamlFlowText::close() {
  if (open_.empty()) return;
  text_ += open_.back().closer;
  open_.pop_back();
}

void YamlFlowText::beginEntry(int original_line) {
  if (!open_.back().empty) text_ += ',';
  open_.back().empty = false;
  text_ += '\n';
  original_lines_.push_back(original_line);
}

void YamlFlowText::key(std::string_view name, int original_line) {
  beginEntry(original_line);
  text(name);
  text_ += ": ";
}

void YamlFlowText::item(int original_line) { beginEntry(original_line); }

void YamlFlowText::text(std::string_view value) {
  text_ += '"';
  std::size_t pos = 0;
  while (pos < value.size()) {
    const std::size_t start = pos;
    const char32_t cp = nextCodePoint(value, pos);
    if (cp == '"' || cp == '\\') {
      text_ += '\\';
      text_ += static_cast<char>(cp);
    } else if (needsEscape(cp) || (cp == 0xFFFD && pos - start == 1)) {
      // An ill-formed byte (the text was checked as UTF-8 before; kept safe) becomes U+FFFD.
      char escaped[12];
      std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(cp));
      text_ += escaped;
    } else {
      text_.append(value, start, pos - start);
    }
  }
  text_ += '"';
}

void YamlFlowText::null() { text_ += '~'; }

std::string YamlFlowText::finish() {
  while (!open_.empty()) close();
  return text_;
}

}  // namespace newsticker::content
