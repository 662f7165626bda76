// SPDX-License-Identifier: Apache-2.0
// Warnings about a key inside a TOML table or a JSON object name the line of
// that key in the file, as they do for YAML; the YAML flow text the two are
// copied through gives back every value exactly.
#include <doctest/doctest.h>

#include <string>

#include "content/FrontMatterMap.hpp"
#include "content/PostReader.hpp"
#include "content/YamlFlowText.hpp"

using namespace newsticker::content;

namespace {

// The diagnostic whose message starts with `start`; fails the test when none does.
Diagnostic diagnosticStarting(const PostReadResult& result, const std::string& start) {
  for (const Diagnostic& d : result.diagnostics) {
    if (d.message.rfind(start, 0) == 0) return d;
  }
  FAIL("no diagnostic starting with '" << start << "'");
  return {};
}

}  // namespace

TEST_CASE("front matter lines: a nested TOML key's warning names its own line") {
  FeedDefaults zola;
  zola.site = SiteKind::Zola;
  // Line 1 is the opening '+++'.
  const std::string file =
      "+++\n"                                 // 1
      "title = \"Lantern repair evening\"\n"  // 2
      "date = 2026-05-14\n"                   // 3
      "\n"                                    // 4
      "[taxonomies]\n"                        // 5
      "categories = \"workshops\"\n"          // 6
      "tags = { kind = \"evening\" }\n"       // 7
      "\n"                                    // 8
      "[extra]\n"                             // 9
      "lang = [\"en\"]\n"                     // 10
      "duration = \"long\"\n"                 // 11
      "+++\n"                                 // 12
      "Bring a lantern that needs new glass.\n";
  const PostReadResult result = readPost("content/blog/lantern-repair.md", file, zola);
  REQUIRE(result.post);
  const Diagnostic tags = diagnosticStarting(result, "tags should be a list");
  CHECK(tags.file == "content/blog/lantern-repair.md");
  CHECK(tags.line == 7);
  CHECK(tags.message == "tags should be a list, found a set of keys; ignored");
  // Keys of [extra] are read as the post's own: their warnings name their line in [extra].
  CHECK(diagnosticStarting(result, "duration should be a number").line == 11);
  CHECK(diagnosticStarting(result, "lang should be text").line == 10);
}

TEST_CASE("front matter lines: a nested JSON key's warning names its own line") {
  FeedDefaults hugo;
  hugo.site = SiteKind::Hugo;
  hugo.base_url = "https://harbourlab.example.net";
  const std::string file =
      "{\n"                                               // 1
      "  \"title\": \"Glaze night moves to Tuesday\",\n"  // 2
      "  \"date\": \"2026-06-30\",\n"                     // 3
      "  \"image\": {\n"                                  // 4
      "    \"width\": 800,\n"                             // 5
      "    \"path\": [\"glaze.png\"]\n"                   // 6
      "  },\n"                                            // 7
      "  \"related\": [\n"                                // 8
      "    {\"title\": \"Kiln fixed\"},\n"                // 9
      "    {\n"                                           // 10
      "      \"title\": {\"text\": \"Paint swap\"}\n"     // 11
      "    }\n"                                           // 12
      "  ],\n"                                            // 13
      "  \"duration\": [12,\n"                            // 14
      "     13]\n"                                        // 15
      "}\n"                                               // 16
      "The kiln needs a day to cool.\n";
  const PostReadResult result = readPost("content/posts/glaze.md", file, hugo);
  REQUIRE(result.post);
  CHECK(diagnosticStarting(result, "path should be text").line == 6);
  CHECK(diagnosticStarting(result, "title should be text").line == 11);
  CHECK(diagnosticStarting(result, "duration should be a number").line == 14);
  REQUIRE(result.post->related.size() == 1);
  CHECK(result.post->related[0].title == "Kiln fixed");
}

TEST_CASE("front matter lines: each TOML and JSON value knows its line, lists item by item") {
  const FrontMatterMap toml = readFrontMatter(FrontMatterFormat::Toml,
                                              "title = \"T\"\n"
                                              "tags = [\n"
                                              "  \"a\",\n"
                                              "  \"b\",\n"
                                              "]\n"
                                              "[[related]]\n"
                                              "title = \"R1\"\n"
                                              "[[related]]\n"
                                              "title = \"R2\"\n"
                                              "[params.more]\n"
                                              "deep = 1\n",
                                              YamlLimits{});
  REQUIRE(toml.ok);
  CHECK(frontMatterLine(toml, toml.root["title"]) == 0);
  CHECK(frontMatterLine(toml, toml.root["tags"]) == 1);
  CHECK(frontMatterLine(toml, toml.root["tags"][0]) == 2);
  CHECK(frontMatterLine(toml, toml.root["tags"][1]) == 3);
  CHECK(frontMatterLine(toml, toml.root["related"][1]) == 7);
  CHECK(frontMatterLine(toml, toml.root["related"][1]["title"]) == 8);
  CHECK(frontMatterLine(toml, toml.root["params"]["more"]["deep"]) == 10);

  const FrontMatterMap json = readFrontMatter(FrontMatterFormat::Json,
                                              "{\"title\": \"T\",\n"
                                              " \"n\": [1,\n"
                                              "   2.5,\n"
                                              "   {\"k\":\n"
                                              "     true}],\n"
                                              " \"title\": \"Second\"}",
                                              YamlLimits{});
  REQUIRE(json.ok);
  // A key written twice: the last one counts, as nlohmann keeps it.
  CHECK(json.root["title"].Scalar() == "Second");
  CHECK(frontMatterLine(json, json.root["title"]) == 5);
  CHECK(frontMatterLine(json, json.root["n"]) == 1);
  CHECK(frontMatterLine(json, json.root["n"][0]) == 1);  // a number at the end of its line
  CHECK(frontMatterLine(json, json.root["n"][1]) == 2);
  CHECK(json.root["n"][1].Scalar() == "2.5");
  CHECK(frontMatterLine(json, json.root["n"][2]) == 3);
  CHECK(frontMatterLine(json, json.root["n"][2]["k"]) == 3);

  const FrontMatterMap yaml =
      readFrontMatter(FrontMatterFormat::Yaml, "title: T\nextra:\n  image: a.png\n", YamlLimits{});
  REQUIRE(yaml.ok);
  CHECK(frontMatterLine(yaml, yaml.root["extra"]["image"]) == 2);
}

TEST_CASE("front matter lines: the YAML flow text gives back every character of a value") {
  const std::string nul("a\0b", 3);
  const std::string values[] = {"plain",
                                "quote \" and backslash \\ and \\n written",
                                "tab\tnew\nline\rreturn",
                                nul,
                                "controls \x01\x1B\x7F",
                                "C1 \xC2\x85 and \xC2\x9B",
                                "separators \xE2\x80\xA8 \xE2\x80\xA9 bom \xEF\xBB\xBF",
                                "emoji \xF0\x9F\x8C\x8A and kana \xE3\x81\xAE",
                                "- looks: like yaml, [a], {b}, &anchor *alias #comment",
                                "  spaces around  ",
                                ""};
  YamlFlowText flow;
  int line = 0;
  for (const std::string& value : values) {
    flow.key("k" + std::to_string(line), line);
    flow.text(value);
    ++line;
  }
  flow.key("list", 40);
  flow.openList();
  flow.item(41);
  flow.null();
  flow.item(42);
  flow.openMap();
  flow.close();
  flow.close();
  const YAML::Node root = YAML::Load(flow.finish());
  REQUIRE(root.IsMap());
  for (int i = 0; i < line; ++i) {
    CAPTURE(i);
    CHECK(root["k" + std::to_string(i)].Scalar() == values[i]);
  }
  CHECK(root["list"][0].IsNull());
  CHECK(root["list"][1].IsMap());
  CHECK(root["list"][1].size() == 0);
  const std::vector<int>& lines = flow.originalLines();
  CHECK(lines[root["k3"].Mark().line] == 3);
  CHECK(lines[root["list"][1].Mark().line] == 42);
}
