// Front matter of any format (YAML, TOML, JSON) as one mapping that the
// field rules of PostReader read: a yaml-cpp node tree, the same whatever
// the file's format, checked against the same limits (YamlLimits).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "content/FrontMatter.hpp"
#include "content/YamlLimits.hpp"

namespace newsticker::content {

struct FrontMatterMap {
  bool ok = false;
  YAML::Node root;    // a map when ok; scalars are text ("true", "42", "2026-03-26")
  int error_line = 0;  // 0-based line within the front matter text, when !ok
  std::string error;   // the reason, when !ok
  // 0-based line of each top-level key, where the format's parser tells it
  // (YAML nodes carry their own marks; TOML keys are listed here).
  std::map<std::string, int> key_lines;
};

// Each reader turns front matter text into the mapping, or says why not
// (syntax, aliases/anchors in YAML, more than limits.max_depth levels of
// nesting, more than limits.max_nodes values, a top level that is not a
// map). TOML dates and times become their RFC 3339 text. Never throws.
FrontMatterMap readYamlFrontMatter(std::string_view text, const YamlLimits& limits);
FrontMatterMap readTomlFrontMatter(std::string_view text, const YamlLimits& limits);
FrontMatterMap readJsonFrontMatter(std::string_view text, const YamlLimits& limits);

// The reader for `format`.
FrontMatterMap readFrontMatter(FrontMatterFormat format, std::string_view text, const YamlLimits& limits);

}  // namespace newsticker::content
