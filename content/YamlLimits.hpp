// Checks front matter against the limits a hostile file could abuse, before
// yaml-cpp builds a node tree from it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsticker::content {

struct YamlLimits {
  std::size_t max_nodes = 20000;
  int max_depth = 32;
};

struct YamlFault {
  int line = 0;  // 0-based line within the YAML text
  std::string message;
};

// Streams the YAML events once: rejects anchors and aliases, more than
// `max_nodes` nodes and nesting deeper than `max_depth`; syntax errors come
// back as faults too. nullopt means the text is safe to load.
std::optional<YamlFault> checkYamlLimits(std::string_view yaml, const YamlLimits& limits);

}  // namespace newsticker::content
