// SPDX-License-Identifier: Apache-2.0
#include "content/YamlLimits.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>

namespace newsticker::content {
namespace {

struct LimitExceeded {
  YamlFault fault;
};

class LimitingHandler final : public YAML::EventHandler {
 public:
  explicit LimitingHandler(const YamlLimits& limits) : limits_(limits) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { node(mark, anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw LimitExceeded{{mark.line, "YAML aliases (*name) are not allowed in front matter"}};
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string&) override {
    node(mark, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { --depth_; }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { --depth_; }
  void OnAnchor(const YAML::Mark& mark, const std::string&) override {
    throw LimitExceeded{{mark.line, "YAML anchors (&name) are not allowed in front matter"}};
  }

 private:
  void node(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      throw LimitExceeded{{mark.line, "YAML anchors (&name) are not allowed in front matter"}};
    }
    if (++nodes_ > limits_.max_nodes) {
      throw LimitExceeded{{mark.line, "front matter has more than " + std::to_string(limits_.max_nodes) + " values"}};
    }
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    node(mark, anchor);
    if (++depth_ > limits_.max_depth) {
      throw LimitExceeded{
          {mark.line, "front matter is nested more than " + std::to_string(limits_.max_depth) + " levels deep"}};
    }
  }

  const YamlLimits& limits_;
  std::size_t nodes_ = 0;
  int depth_ = 0;
};

}  // namespace

// Conservative bounds:
// - nodes: every key or item takes at least one byte and brings at most two
//   nodes (itself and an empty value), so nodes <= 2 * bytes + 1;
// - depth: a block collection nests under another only with more indentation
//   (or at the same one for a sequence under a key), or on the same line after
//   an indicator ('-', '?', ':'); a flow collection needs an opening bracket.
//   So depth <= 2 * (indentation + 1) + indicators on the line + every
//   bracket of the text;
// - anchors and aliases need '&' or '*': any such character sends the text
//   through the event pass.
bool yamlProvablyWithinLimits(std::string_view yaml, const YamlLimits& limits) {
  if (2 * yaml.size() + 1 > limits.max_nodes) return false;
  if (yaml.find_first_of("&*") != std::string_view::npos) return false;
  std::size_t brackets = 0, deepest_line = 0;
  std::size_t line_start = 0;
  while (line_start < yaml.size()) {
    std::size_t line_end = yaml.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = yaml.size();
    const std::string_view line = yaml.substr(line_start, line_end - line_start);
    const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
    std::size_t indicators = 0;
    for (const char c : line) {
      if (c == '-' || c == '?' || c == ':') ++indicators;
      if (c == '[' || c == '{') ++brackets;
    }
    deepest_line = std::max(deepest_line, 2 * (indent + 1) + indicators);
    line_start = line_end + 1;
  }
  return deepest_line + brackets <= static_cast<std::size_t>(std::max(limits.max_depth, 0));
}

std::optional<YamlFault> checkYamlLimits(std::string_view yaml, const YamlLimits& limits) {
  if (yamlProvablyWithinLimits(yaml, limits)) return std::nullopt;
  std::istringstream stream{std::string(yaml)};
  LimitingHandler handler(limits);
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(handler)) {
    }
  } catch (const LimitExceeded& exceeded) {
    return exceeded.fault;
  } catch (const YAML::Exception& error) {
    return YamlFault{error.mark.line, "front matter is not valid YAML: " + error.msg};
  }
  return std::nullopt;
}

}  // namespace newsticker::content
