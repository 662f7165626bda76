// SPDX-License-Identifier: Apache-2.0
// The browser-reference cases of issue 30 (bidi per paragraph, URLs and
// units, words wider than the line, faces for symbols, soft hyphens, fine
// spaces, guillemets, the maqaf) set as a card sets them: fitText at the
// case's size and width, each line in its place in the paragraph
// (FittedText::lineFont), right-aligned when the text runs right to left.
// Each line's ink stays inside the box (measured = drawn), and the paragraph
// is written to a PNG to look at beside Chromium's screenshot of the case
// (browser_line_starts.py --screenshots DIR --only ID).
#include <doctest/doctest.h>

#include <SDL_image.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "RealFonts.hpp"
#include "TestImages.hpp"
#include "render/CardPainter.hpp"
#include "render/TextFitter.hpp"

using namespace newsticker;

namespace {

constexpr const char* kPrefixes[] = {"ar-percent",  "fa-percent",     "ar-hyphen",   "vi-units",
                                     "en-url",      "fr-units",       "de-compound", "ta-long",
                                     "fi-compound", "ko-nospace",     "he-shekel",   "hi-rupee",
                                     "fr-quotes",   "de-soft-hyphen", "he-maqaf",    "ko-middle-dot"};

bool isIssue30Case(const std::string& id) {
  for (const char* prefix : kPrefixes) {
    if (id.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

// Columns [first, last] with any ink in `s` (white on black), or {-1, -1}.
std::pair<int, int> inkColumns(const SDL_Surface& s) {
  int first = -1, last = -1;
  for (int x = 0; x < s.w; ++x) {
    for (int y = 0; y < s.h; ++y) {
      if (argbAt(s, x, y).r > 0) {
        if (first < 0) first = x;
        last = x;
        break;
      }
    }
  }
  return {first, last};
}

}  // namespace

TEST_CASE("issue 30 paragraphs: fitted as on a card, each line's ink inside the box, written to PNGs") {
  const YAML::Node root = YAML::LoadFile(std::string(NEWSTICKER_SOURCE_DIR) + "/tests/typography/cases.yaml");
  render::LineBreaker breaker;
  int painted = 0;
  for (const auto& node : root) {
    const std::string id = node["id"].as<std::string>();
    if (!isIssue30Case(id)) continue;
    CAPTURE(id);
    render::TextBox box;
    box.width = node["width"].as<int>();
    box.max_lines = 20;
    box.min_px = box.max_px = node["px"].as<int>();
    box.weight = node["weight"].as<std::string>() == "bold" ? fonts::Weight::Bold : fonts::Weight::Regular;
    box.language = node["language"].as<std::string>();
    const render::FittedText fitted = render::fitText(node["text"].as<std::string>(), box, realFonts(), breaker);
    REQUIRE_FALSE(fitted.lines.empty());
    CHECK_FALSE(fitted.ellipsised);
    const int margin = 20, advance = box.max_px * 6 / 5;
    const render::FontMetrics metrics = realFonts().metrics(fitted.font);
    render::DrawList list;
    list.width = box.width + 2 * margin;
    list.height = static_cast<int>(fitted.lines.size()) * advance + 2 * margin;
    for (std::size_t i = 0; i < fitted.lines.size(); ++i) {
      CAPTURE(fitted.lines[i]);
      const render::FontSpec font = fitted.lineFont(i);
      const int width = realFonts().width(fitted.lines[i], font);
      CHECK(width <= box.width);
      const int x = fitted.font.rtl ? margin + box.width - width : margin;
      const int baseline = margin + static_cast<int>(i) * advance + (advance + metrics.ascent - metrics.descent) / 2;
      list.commands.push_back(render::TextRun{fitted.lines[i], font, x, baseline, {255, 255, 255}});
      // The line drawn alone keeps its ink in the box (a pixel of antialiasing either side).
      render::DrawList one;
      one.width = list.width + 4 * box.max_px;
      one.height = 2 * box.max_px;
      one.commands.push_back(render::TextRun{fitted.lines[i], font, x, box.max_px * 3 / 2, {255, 255, 255}});
      const render::SurfacePtr drawn = render::paintDrawList(one, realFonts(), {});
      REQUIRE(drawn);
      const auto ink = inkColumns(*drawn);
      CHECK(ink.first >= margin - 2);
      CHECK(ink.second < margin + box.width + 2);
    }
    const render::SurfacePtr surface = render::paintDrawList(list, realFonts(), {});
    REQUIRE(surface);
    const char* output_env = std::getenv("NEWSTICKER_TEST_OUTPUT");
    const std::filesystem::path output =
        output_env != nullptr ? output_env : std::filesystem::temp_directory_path() / "newsticker-test-output";
    std::filesystem::create_directories(output);
    const std::filesystem::path png = output / ("issue30-" + id + ".png");
    CHECK(IMG_SavePNG(surface.get(), png.c_str()) == 0);
    ++painted;
  }
  CHECK(painted == 36);
}
