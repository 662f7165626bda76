// SPDX-License-Identifier: Apache-2.0
// The YAML limits: ordinary front matter is proven safe from its characters
// (one parse per post), and every hostile shape still goes through the event
// pass and is refused.
#include <doctest/doctest.h>

#include <string>

#include "content/DemoFeed.hpp"
#include "content/FrontMatter.hpp"
#include "content/YamlLimits.hpp"

using namespace newsticker::content;

namespace {

std::string repeated(const std::string& part, int times) {
  std::string text;
  for (int i = 0; i < times; ++i) text += part;
  return text;
}

}  // namespace

TEST_CASE("the demo feed's front matter is proven within the limits without a second parse") {
  const ContentTree& demo = demoFeed();
  int posts = 0;
  for (const std::string& name : demo.listFiles("posts")) {
    const FileRead read = demo.read("posts/" + name, 1 << 20);
    REQUIRE(read.status == FileRead::Status::Ok);
    const FrontMatter split = splitFrontMatter(read.bytes);
    CAPTURE(name);
    const bool has_anchor_characters = split.yaml.find_first_of("&*") != std::string::npos;
    if (!has_anchor_characters) CHECK(yamlProvablyWithinLimits(split.yaml, YamlLimits{}));
    CHECK_FALSE(checkYamlLimits(split.yaml, YamlLimits{}).has_value());
    ++posts;
  }
  CHECK(posts >= 9);
}

TEST_CASE("hostile shapes are not proven safe, and the event pass refuses them") {
  const YamlLimits limits;  // 20000 nodes, depth 32
  struct Case {
    const char* name;
    std::string yaml;
    const char* reason;
  };
  std::string block_nesting;
  for (int depth = 0; depth < 40; ++depth)
    block_nesting += std::string(depth, ' ') + "k" + std::to_string(depth) + ":\n";
  std::string sequences_under_keys;  // a sequence under a key keeps the key's indentation
  for (int depth = 0; depth < 20; ++depth) {
    sequences_under_keys += std::string(2 * depth, ' ') + "- k:\n" + std::string(2 * depth, ' ') + "  - x\n";
  }
  const Case cases[] = {
      {"flow nesting", "title: x\nv: " + repeated("[", 40) + repeated("]", 40) + "\n", "nested more than 32"},
      {"flow maps", "title: x\nv: " + repeated("{a: ", 40) + "1" + repeated("}", 40) + "\n", "nested more than 32"},
      {"compact sequences", "title: x\nv:\n  " + repeated("- ", 40) + "x\n", "nested more than 32"},
      {"block nesting", block_nesting, "nested more than 32"},
      {"alias", "title: &t x\nsource: *t\n", "anchors"},
      {"many nodes", "title: x\nlist: [" + repeated("1,", 20001) + "1]\n", "more than 20000 values"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK_FALSE(yamlProvablyWithinLimits(c.yaml, limits));
    const auto fault = checkYamlLimits(c.yaml, limits);
    REQUIRE(fault.has_value());
    CHECK(fault->message.find(c.reason) != std::string::npos);
  }
  // Deep but legal under a raised limit: the bound is only a shortcut.
  CHECK_FALSE(yamlProvablyWithinLimits(sequences_under_keys, limits));
  CHECK_FALSE(checkYamlLimits(sequences_under_keys, YamlLimits{20000, 64}).has_value());
}

TEST_CASE("front matter that is proven safe but is not valid YAML still fails when loaded") {
  // The shortcut proves limits, not syntax: the post reader's YAML::Load
  // reports the syntax error with its line (post_reader_rejection_test).
  const std::string broken = "title: \"unclosed\nsource: x\n";
  CHECK(yamlProvablyWithinLimits(broken, YamlLimits{}));
  CHECK_FALSE(checkYamlLimits(broken, YamlLimits{}).has_value());
}
