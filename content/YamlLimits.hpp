// SPDX-License-Identifier: Apache-2.0
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

// Rejects anchors and aliases, more than `max_nodes` nodes and nesting deeper
// than `max_depth`. Text whose characters alone prove it within the limits
// (short, no '&' or '*', shallow: ordinary front matter) passes at once;
// any other is streamed through the YAML events once, and its syntax errors
// come back as faults too. nullopt means the text is safe to load (a text
// passed at once may still fail to parse: YAML::Load says where).
std::optional<YamlFault> checkYamlLimits(std::string_view yaml, const YamlLimits& limits);

// True when `yaml` cannot break `limits` whatever it parses to, told from its
// characters alone (no parse): then checkYamlLimits skips the event pass, so
// ordinary front matter is parsed once. False only means "not proven".
bool yamlProvablyWithinLimits(std::string_view yaml, const YamlLimits& limits);

}  // namespace newsticker::content
