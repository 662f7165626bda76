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

bool isFence(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
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

}  // namespace

FrontMatter splitFrontMatter(std::string_view text) {
  FrontMatter result;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t pos = 0;
  if (!isFence(takeLine(text, pos), false)) {
    result.body = withLfLineEnds(text);
    result.body_first_line = 1;
    return result;
  }
  result.present = true;
  result.yaml_first_line = 2;
  const std::size_t yaml_start = pos;
  int line_number = 1;
  while (pos < text.size()) {
    const std::size_t line_start = pos;
    ++line_number;
    if (isFence(takeLine(text, pos), true)) {
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
