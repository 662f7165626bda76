// SPDX-License-Identifier: Apache-2.0
// readYamlFrontMatter, frontMatterLine, loadFlowText and readFrontMatter (FrontMatterMap.hpp).
#include "content/FrontMatterMap.hpp"
#include "content/YamlFlowText.hpp"

namespace newsticker::content {

FrontMatterMap readYamlFrontMatter(std::string_view text, const YamlLimits& limits) {
  FrontMatterMap map;
  if (const auto fault = checkYamlLimits(text, limits)) {
    map.error_line = fault->line;
    map.error = fault->message;
    return map;
  }
  try {
    map.root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    map.error_line = e.mark.line < 0 ? 0 : e.mark.line;
    map.error = "front matter is not valid YAML: " + e.msg;
    return map;
  }
  if (!map.root.IsMap()) {
    const char* shape = map.root.IsSequence() ? "a list" : map.root.IsNull() ? "nothing" : "text";
    map.error = std::string("front matter must be 'key: value' lines, found ") + shape;
    return map;
  }
  map.ok = true;
  return map;
}

void loadFlowText(YamlFlowText& flow, FrontMatterMap& map) {
  try {
    map.root = YAML::Load(flow.finish());
  } catch (const YAML::Exception& e) {
    map.error = "front matter could not be read: " + e.msg;
    return;
  }
  map.original_lines = flow.originalLines();
  map.ok = true;
}

int frontMatterLine(const FrontMatterMap& map, const YAML::Node& node) {
  const int line = node.Mark().line;
  if (line < 0 || map.original_lines.empty()) return line;
  return static_cast<std::size_t>(line) < map.original_lines.size() ? map.original_lines[line] : -1;
}

FrontMatterMap readFrontMatter(FrontMatterFormat format, std::string_view text, const YamlLimits& limits) {
  switch (format) {
    case FrontMatterFormat::Toml:
      return readTomlFrontMatter(text, limits);
    case FrontMatterFormat::Json:
      return readJsonFrontMatter(text, limits);
    case FrontMatterFormat::Yaml:
      break;
  }
  return readYamlFrontMatter(text, limits);
}

}  // namespace newsticker::content
