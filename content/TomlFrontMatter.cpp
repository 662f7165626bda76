// readTomlFrontMatter (FrontMatterMap.hpp): Hugo and Zola's "+++" front
// matter, read with toml++ and copied into the common yaml-cpp mapping.
#include <toml++/toml.h>

#include <sstream>

#include "content/FrontMatterMap.hpp"

namespace newsticker::content {
namespace {

struct LimitFault {
  int line;
  std::string message;
};

class Converter {
 public:
  explicit Converter(const YamlLimits& limits) : limits_(limits) {}

  YAML::Node convert(const toml::node& node, int depth) {
    const int line = node.source().begin.line > 0 ? static_cast<int>(node.source().begin.line) - 1 : 0;
    if (++nodes_ > limits_.max_nodes) {
      throw LimitFault{line, "front matter has more than " + std::to_string(limits_.max_nodes) + " values"};
    }
    if (const toml::table* table = node.as_table()) {
      checkDepth(depth, line);
      YAML::Node map(YAML::NodeType::Map);
      for (const auto& [key, value] : *table) map[std::string(key.str())] = convert(value, depth + 1);
      return map;
    }
    if (const toml::array* array = node.as_array()) {
      checkDepth(depth, line);
      YAML::Node list(YAML::NodeType::Sequence);
      for (const toml::node& item : *array) list.push_back(convert(item, depth + 1));
      return list;
    }
    if (const auto* text = node.as_string()) return YAML::Node(text->get());
    if (const auto* flag = node.as_boolean()) return YAML::Node(std::string(flag->get() ? "true" : "false"));
    if (const auto* whole = node.as_integer()) return YAML::Node(std::to_string(whole->get()));
    std::ostringstream out;  // floats, dates, times: toml++ writes them as TOML (RFC 3339) text
    node.visit([&](const auto& value) {
      if constexpr (toml::is_value<decltype(value)>) out << value;
    });
    return YAML::Node(out.str());
  }

 private:
  void checkDepth(int depth, int line) const {
    if (depth > limits_.max_depth) {
      throw LimitFault{line, "front matter is nested more than " + std::to_string(limits_.max_depth) +
                                 " levels deep"};
    }
  }
  const YamlLimits& limits_;
  std::size_t nodes_ = 0;
};

}  // namespace

FrontMatterMap readTomlFrontMatter(std::string_view text, const YamlLimits& limits) {
  FrontMatterMap map;
  toml::table table;
  try {
    table = toml::parse(text);
  } catch (const toml::parse_error& e) {
    const auto line = e.source().begin.line;
    map.error_line = line > 0 ? static_cast<int>(line) - 1 : 0;
    map.error = "front matter is not valid TOML: " + std::string(e.description());
    return map;
  }
  try {
    Converter converter(limits);
    map.root = converter.convert(table, 1);
  } catch (const LimitFault& fault) {
    map.error_line = fault.line;
    map.error = fault.message;
    return map;
  }
  for (const auto& [key, value] : table) {
    const auto line = key.source().begin.line;
    map.key_lines[std::string(key.str())] = line > 0 ? static_cast<int>(line) - 1 : 0;
    (void)value;
  }
  map.ok = true;
  return map;
}

}  // namespace newsticker::content
