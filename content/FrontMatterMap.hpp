// SPDX-License-Identifier: Apache-2.0
// Front matter of any format (YAML, TOML, JSON) as one mapping that the
// field rules of PostReader read: a yaml-cpp node tree, the same whatever
// the file's format, checked against the same limits (YamlLimits).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "content/FrontMatter.hpp"
#include "content/YamlLimits.hpp"

namespace newsticker::content {

class YamlFlowText;

struct FrontMatterMap {
  bool ok = false;
  YAML::Node root;     // a map when ok; scalars are text ("true", "42", "2026-03-26")
  int error_line = 0;  // 0-based line within the front matter text, when !ok
  std::string error;   // the reason, when !ok
  // TOML and JSON are copied into a YAML text (YamlFlowText.hpp) to make
  // `root`: for each line of that text, the 0-based front matter line it
  // stands for. Empty for YAML, whose node marks are front matter lines.
  std::vector<int> original_lines;
};

// The 0-based front matter line where `node`, a node of `map.root`, is
// written (for a map entry's value, the line of its key in TOML and JSON),
// or -1 when the node carries no mark.
int frontMatterLine(const FrontMatterMap& map, const YAML::Node& node);

// `flow` (TOML or JSON written as YAML) loaded into `map`: its root and its
// original lines, ok; an error when yaml-cpp cannot read the text (not
// expected: YamlFlowText writes what yaml-cpp reads).
void loadFlowText(YamlFlowText& flow, FrontMatterMap& map);

// Each reader turns front matter text into the mapping, or says why not
// (syntax, aliases/anchors in YAML, more than limits.max_depth levels of
// nesting, more than limits.max_nodes values, a top level that is not a
// map). TOML dates and times become their RFC 3339 text; every value's node
// knows its line (frontMatterLine). Never throws.
FrontMatterMap readYamlFrontMatter(std::string_view text, const YamlLimits& limits);
FrontMatterMap readTomlFrontMatter(std::string_view text, const YamlLimits& limits);
FrontMatterMap readJsonFrontMatter(std::string_view text, const YamlLimits& limits);

// The reader for `format`.
FrontMatterMap readFrontMatter(FrontMatterFormat format, std::string_view text, const YamlLimits& limits);

}  // namespace newsticker::content
