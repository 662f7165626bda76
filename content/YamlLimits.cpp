#include "content/YamlLimits.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

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
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string&) override {
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
      throw LimitExceeded{{mark.line, "front matter has more than " +
                                          std::to_string(limits_.max_nodes) + " values"}};
    }
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    node(mark, anchor);
    if (++depth_ > limits_.max_depth) {
      throw LimitExceeded{{mark.line, "front matter is nested more than " +
                                          std::to_string(limits_.max_depth) + " levels deep"}};
    }
  }

  const YamlLimits& limits_;
  std::size_t nodes_ = 0;
  int depth_ = 0;
};

}  // namespace

std::optional<YamlFault> checkYamlLimits(std::string_view yaml, const YamlLimits& limits) {
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
