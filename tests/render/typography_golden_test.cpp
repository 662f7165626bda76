// SPDX-License-Identifier: Apache-2.0
// Golden images of the typography cases (tests/typography/cases.yaml), each
// set on a real card at 960x540 with the real fonts, plus the properties a
// reader checks: no tofu, no line starting with forbidden punctuation.
#include <doctest/doctest.h>

#include <SDL_image.h>
#include <yaml-cpp/yaml.h>
#include <algorithm>

#include "GoldenImage.hpp"
#include "RealFonts.hpp"
#include "content/MemoryTree.hpp"
#include "render/CardRenderer.hpp"
#include "render/TextFitter.hpp"

using namespace newsticker;

namespace {

struct TypographyCase {
  std::string id, language, role, title, text;
  bool golden = true;  // false: a case only the browser line-break test uses
};

std::vector<TypographyCase> loadCases() {
  const YAML::Node root = YAML::LoadFile(std::string(NEWSTICKER_SOURCE_DIR) + "/tests/typography/cases.yaml");
  std::vector<TypographyCase> cases;
  for (const auto& node : root) {
    cases.push_back({node["id"].as<std::string>(), node["language"].as<std::string>(), node["role"].as<std::string>(),
                     node["title"] ? node["title"].as<std::string>() : "", node["text"].as<std::string>(),
                     !node["golden"] || node["golden"].as<bool>()});
  }
  return cases;
}

content::Post cardFor(const TypographyCase& c) {
  content::Post post;
  post.file = "posts/" + c.id + ".md";
  post.language = c.language;
  post.source = "Harbor City Commons";
  post.date = "2026-11-23";
  if (c.role == "headline") {
    post.title = c.text;
    post.summary = "A card from the typography cases.";
  } else {
    post.title = c.title;
    post.summary = c.text;
  }
  return post;
}

}  // namespace

TEST_CASE("typography cases: the fitted size is the largest that fits its box") {
  const auto cases = loadCases();
  render::LineBreaker breaker;
  for (const auto& c : cases) {
    CAPTURE(c.id);
    const YAML::Node node = YAML::LoadFile(std::string(NEWSTICKER_SOURCE_DIR) + "/tests/typography/cases.yaml");
    render::TextBox box;
    box.language = c.language;
    box.weight = c.role == "headline" ? fonts::Weight::Bold : fonts::Weight::Regular;
    box.max_px = c.role == "headline" ? 84 : 44;
    box.min_px = c.role == "headline" ? 40 : 28;
    box.width = 1100;
    box.max_lines = 3;
    const render::FittedText fitted = render::fitText(c.text, box, realFonts(), breaker);
    REQUIRE_FALSE(fitted.lines.empty());
    CHECK(static_cast<int>(fitted.lines.size()) <= box.max_lines);
    for (const auto& line : fitted.lines) CHECK(realFonts().width(line, fitted.font) <= box.width);
    if (!fitted.ellipsised && fitted.font.px < box.max_px) {
      // One pixel larger would need a fourth line or cut a word.
      bool cut = false;
      const auto larger = render::wrapText(
          c.text, box.width, render::FontSpec{box.weight, fitted.font.px + 1, c.language}, realFonts(), breaker, &cut);
      bool cut_now = false;
      render::wrapText(c.text, box.width, fitted.font, realFonts(), breaker, &cut_now);
      CHECK((larger.size() > 3 || (cut && !cut_now)));
    }
  }
}

TEST_CASE("typography golden cards") {
  IMG_Init(IMG_INIT_PNG);
  const auto cases = loadCases();
  REQUIRE(cases.size() == 66);
  REQUIRE(std::count_if(cases.begin(), cases.end(), [](const TypographyCase& c) { return c.golden; }) == 17);
  render::CardRenderer renderer(realFonts(), render::Theme{}, "en");
  const content::MemoryTree no_files("none", {});
  for (const auto& c : cases) {
    if (!c.golden) continue;
    CAPTURE(c.id);
    const content::Post post = cardFor(c);
    // No character of the case is missing from the font chain.
    CHECK(realFonts().missingCodePoints(post.title + post.summary, c.language).empty());
    // No laid-out line starts with punctuation that must not start a line.
    const render::DrawList list = renderer.layout(post, {960, 540});
    for (const auto& command : list.commands) {
      if (const auto* run = std::get_if<render::TextRun>(&command)) {
        for (const char* forbidden : {"。", "、", "，", "」", "）", "ー", "ッ", "ょ", "っ", "ゃ", "!", ",", ".", "…"}) {
          CHECK_MESSAGE(run->text.rfind(forbidden, 0) != 0, run->text);
        }
      }
    }
    std::vector<std::string> warnings;
    render::SurfacePtr card = renderer.render(post, no_files, {960, 540}, warnings);
    REQUIRE(card);
    const GoldenResult result = compareWithGolden(*card, "type-" + c.id);
    INFO(result.message);
    CHECK(result.matches);
  }
}
