// SPDX-License-Identifier: Apache-2.0
#include "content/FrontMatter.hpp"

namespace newsticker::content {
namespace {

// Returns the line starting at `pos` without its line end and moves `pos` to
// the next line.
std::string_view takeLine(std::string_view text, std::size_t& pos) {
  const std::size_t end = text.find('\n', pos);
  std::string_view line = text.substr(pos, end == std::string_view::npos ? text.npos : end - pos);
  pos = end == std::string_view::npos ? text.size() : end + 1;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string withLfLineEnds(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

bool isFence(std::string_view line, bool closing, FrontMatterFormat format) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (format == FrontMatterFormat::Toml) return line == "+++";
  return line == "---" || (closing && line == "...");
}

// The offset just past the '}' that closes the JSON object opening at
// text[0], or npos when it is not closed (strings and escapes skipped).
std::size_t jsonObjectEnd(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return i + 1;
    }
  }
  return std::string_view::npos;
}

FrontMatter splitJson(std::string_view text) {
  FrontMatter result;
  result.present = true;
  result.format = FrontMatterFormat::Json;
  result.yaml_first_line = 1;
  const std::size_t end = jsonObjectEnd(text);
  if (end == std::string_view::npos) {
    result.yaml = withLfLineEnds(text);
    return result;
  }
  result.closed = true;
  result.yaml = withLfLineEnds(text.substr(0, end));
  int line_number = 1;
  for (std::size_t i = 0; i < end; ++i) line_number += text[i] == '\n';
  std::size_t pos = end;
  takeLine(text, pos);  // the rest of the closing line
  result.body = withLfLineEnds(text.substr(pos));
  result.body_first_line = line_number + 1;
  return result;
}

}  // namespace

FrontMatter splitFrontMatter(std::string_view text) {
  FrontMatter result;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!text.empty() && text.front() == '{') return splitJson(text);
  std::size_t pos = 0;
  const std::string_view opening = takeLine(text, pos);
  const FrontMatterFormat format =
      isFence(opening, false, FrontMatterFormat::Toml) ? FrontMatterFormat::Toml : FrontMatterFormat::Yaml;
  if (!isFence(opening, false, format)) {
    result.body = withLfLineEnds(text);
    result.body_first_line = 1;
    return result;
  }
  result.present = true;
  result.format = format;
  result.yaml_first_line = 2;
  const std::size_t yaml_start = pos;
  int line_number = 1;
  while (pos < text.size()) {
    const std::size_t line_start = pos;
    ++line_number;
    if (isFence(takeLine(text, pos), true, format)) {
      result.closed = true;
      result.yaml = withLfLineEnds(text.substr(yaml_start, line_start - yaml_start));
      result.body = withLfLineEnds(text.substr(pos));
      result.body_first_line = line_number + 1;
      return result;
    }
  }
  result.yaml = withLfLineEnds(text.substr(yaml_start));
  return result;
}

}  // namespace newsticker::content
