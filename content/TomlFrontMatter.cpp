// SPDX-License-Identifier: Apache-2.0
// readTomlFrontMatter (FrontMatterMap.hpp): Hugo and Zola's "+++" front
// matter, read with toml++ and copied into the common yaml-cpp mapping
// through a YamlFlowText, so that every value keeps its line.
#include <toml++/toml.h>

#include <algorithm>
#include <optional>
#include <sstream>

#include "content/FrontMatterMap.hpp"
#include "content/YamlFlowText.hpp"

namespace newsticker::content {
namespace {

struct LimitFault {
  int line;
  std::string message;
};

// 0-based line of a toml++ source position (0 when toml++ does not know it).
int lineOf(const toml::source_region& region) {
  return region.begin.line > 0 ? static_cast<int>(region.begin.line) - 1 : 0;
}

// Writes a toml++ tree into a YamlFlowText, each entry on its key's line.
class Converter {
 public:
  Converter(const YamlLimits& limits, YamlFlowText& out) : limits_(limits), out_(out) {}

  // The document's top-level table, into the map YamlFlowText opens.
  void document(const toml::table& table) {
    countNode(0);
    entries(table, 1);
  }

 private:
  // The entries of `table` into the map open in `out_`.
  void entries(const toml::table& table, int depth) {
    checkDepth(depth, lineOf(table.source()));
    for (const auto& [key, value] : table) {
      out_.key(key.str(), lineOf(key.source()));
      convert(value, depth + 1);
    }
  }

  void convert(const toml::node& node, int depth) {
    const int line = lineOf(node.source());
    countNode(line);
    if (const toml::table* table = node.as_table()) {
      out_.openMap();
      entries(*table, depth);
      out_.close();
      return;
    }
    if (const toml::array* array = node.as_array()) {
      checkDepth(depth, line);
      out_.openList();
      for (const toml::node& item : *array) {
        out_.item(lineOf(item.source()));
        convert(item, depth + 1);
      }
      out_.close();
      return;
    }
    if (const auto* text = node.as_string()) return out_.text(text->get());
    if (const auto* flag = node.as_boolean()) return out_.text(flag->get() ? "true" : "false");
    if (const auto* whole = node.as_integer()) return out_.text(std::to_string(whole->get()));
    std::ostringstream written;  // floats, dates, times: toml++ writes them as TOML (RFC 3339) text
    node.visit([&](const auto& value) {
      if constexpr (toml::is_value<decltype(value)>) written << value;
    });
    out_.text(written.str());
  }

  void countNode(int line) {
    if (++nodes_ > limits_.max_nodes) {
      throw LimitFault{line, "front matter has more than " + std::to_string(limits_.max_nodes) + " values"};
    }
  }
  void checkDepth(int depth, int line) const {
    if (depth > limits_.max_depth) {
      throw LimitFault{line, "front matter is nested more than " + std::to_string(limits_.max_depth) + " levels deep"};
    }
  }
  const YamlLimits& limits_;
  YamlFlowText& out_;
  std::size_t nodes_ = 0;
};

// The nesting toml++ would recurse through, counted from the characters before
// it parses anything (it recurses once per dotted-key part and per inline
// table or array, and 50,000 levels overflow the stack): the parts of each
// key (dots outside quotes between a key's start and its '=' or a header's
// ']') plus the brackets open around it. A fault past `max_depth`.
std::optional<LimitFault> nestingFault(std::string_view text, int max_depth) {
  int line = 0, open = 0, dots = 0;
  bool in_key = true;    // at a key: a line's start, after '{' or a ',' inside '{'
  std::string brackets;  // the '[' and '{' open
  const auto fault = [&] {
    return LimitFault{line, "front matter is nested more than " + std::to_string(max_depth) + " levels deep"};
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      // A string: basic or literal, one-line or multi-line (""" or ''').
      const bool multi = text.substr(i, 3) == std::string(3, c);
      const std::string close = multi ? std::string(3, c) : std::string(1, c);
      std::size_t j = i + close.size();
      while (j < text.size() && text.substr(j, close.size()) != close && (multi || text[j] != '\n')) {
        if (text[j] == '\n') ++line;
        j += c == '"' && text[j] == '\\' ? 2 : 1;
      }
      i = std::min(text.size(), j + close.size()) - 1;
      continue;
    }
    if (c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
      continue;
    }
    if (c == '\n') {
      ++line;
      if (brackets.empty() || brackets.back() == '[') in_key = brackets.empty();
      dots = 0;
    } else if (c == '[' || c == '{') {
      brackets += c;
      in_key = c == '{' || (brackets.size() <= 2 && brackets.find('{') == std::string::npos);
      dots = 0;
    } else if (c == ']' || c == '}') {
      if (!brackets.empty()) brackets.pop_back();
      in_key = false;
    } else if (c == ',') {
      in_key = !brackets.empty() && brackets.back() == '{';
      dots = 0;
    } else if (c == '=') {
      in_key = false;
    } else if (c == '.' && in_key) {
      ++dots;
    }
    open = static_cast<int>(brackets.size());
    if (open + dots + 1 > max_depth) return fault();
  }
  return std::nullopt;
}

}  // namespace

FrontMatterMap readTomlFrontMatter(std::string_view text, const YamlLimits& limits) {
  FrontMatterMap map;
  if (const std::optional<LimitFault> fault = nestingFault(text, limits.max_depth)) {
    map.error_line = fault->line;
    map.error = fault->message;
    return map;
  }
  toml::table table;
  try {
    table = toml::parse(text);
  } catch (const toml::parse_error& e) {
    const auto line = e.source().begin.line;
    map.error_line = line > 0 ? static_cast<int>(line) - 1 : 0;
    map.error = "front matter is not valid TOML: " + std::string(e.description());
    return map;
  }
  YamlFlowText flow;
  try {
    Converter converter(limits, flow);
    converter.document(table);
  } catch (const LimitFault& fault) {
    map.error_line = fault.line;
    map.error = fault.message;
    return map;
  }
  loadFlowText(flow, map);
  return map;
}

}  // namespace newsticker::content
