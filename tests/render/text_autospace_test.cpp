// SPDX-License-Identifier: Apache-2.0
// CSS text-autospace (1/8 em between CJK and other letters or digits), off by
// default and on per language in the theme. The pairs and the 20 px figure
// below are what Chromium 156 measured with `text-autospace: normal` on the
// same text in Noto Sans CJK JP at 40 px (see tests/typography for the
// browser reference of whole paragraphs).
#include <doctest/doctest.h>

#include <SDL.h>

#include "RealFonts.hpp"
#include "TestImages.hpp"
#include "content/Post.hpp"
#include "render/CardLayout.hpp"
#include "render/CardPainter.hpp"
#include "render/TextAutospace.hpp"

using namespace newsticker;

namespace {

render::FontSpec spec(int px, bool autospace, const std::string& language = "ja") {
  return render::FontSpec{fonts::Weight::Regular, px, language, autospace};
}

// The first column with ink in `text` painted at x = 0 (white on black).
int firstInkAfter(const std::string& text, std::size_t skip_columns_left_of, const render::FontSpec& font) {
  render::DrawList list;
  list.width = 800;
  list.height = 2 * font.px;
  list.commands.push_back(render::TextRun{text, font, 0, font.px * 3 / 2, {255, 255, 255}});
  render::SurfacePtr surface = render::paintDrawList(list, realFonts(), {});
  REQUIRE(surface);
  for (int x = static_cast<int>(skip_columns_left_of); x < surface->w; ++x) {
    for (int y = 0; y < surface->h; ++y) {
      if (argbAt(*surface, x, y).r > 0) return x;
    }
  }
  return -1;
}

}  // namespace

TEST_CASE("autospace pairs: which neighbours get 1/8 em, as Chromium decides") {
  // Gap: an ideograph (Han, kana, bopomofo, hangul, ー 々 〆 〇) beside a letter
  // or decimal digit of another script.
  for (const char32_t* pair : {U"字A", U"A字", U"カA", U"ーA", U"字1", U"1字", U"국A", U"A국", U"字é", U"字α", U"字Б",
                               U"々A", U"〆A", U"ㄅA", U"〇A", U"ゝA", U"字٣", U"字ก", U"字ह"}) {
    CAPTURE(static_cast<std::uint32_t>(pair[0]));
    CAPTURE(static_cast<std::uint32_t>(pair[1]));
    CHECK(render::autospaceBetween(pair[0], pair[1]));
  }
  // No gap: full-width and half-width forms, punctuation, symbols, spaces,
  // right-to-left letters, circled and Roman numerals, two of a kind.
  for (const char32_t* pair : {U"字Ａ", U"ｶA", U"字,", U"字(", U"字-", U"字_", U"字$", U"字%", U"字ق", U"字①", U"字Ⅻ",
                               U"字 ", U" A", U"AB", U"字字", U"「A", U"A」", U"。A"}) {
    CAPTURE(static_cast<std::uint32_t>(pair[0]));
    CAPTURE(static_cast<std::uint32_t>(pair[1]));
    CHECK_FALSE(render::autospaceBetween(pair[0], pair[1]));
  }
}

TEST_CASE("autospace adds exactly 1/8 em per gap, rounded as the gaps add up, and only when asked") {
  const std::string text = "漢字ABC漢字123かな";  // 4 gaps: 字|A C|漢 字|1 3|か
  const int plain = realFonts().width(text, spec(40, false));
  CHECK(realFonts().width(text, spec(40, true)) == plain + 20);  // Chromium: 402.73 vs 382.73
  // 58 px: 7.25 px a gap; four take 29, not 4 x 7.
  CHECK(realFonts().width(text, spec(58, true)) == realFonts().width(text, spec(58, false)) + 29);
  // Text with a space between the scripts, or all one script, is unchanged.
  for (const std::string same : {"漢字 ABC 漢字", "漢字かな", "Harbor City", "漢字「ABC」"}) {
    CAPTURE(same);
    CHECK(realFonts().width(same, spec(40, true)) == realFonts().width(same, spec(40, false)));
  }
}

TEST_CASE("autospace: the painter draws the gap the measurer counted") {
  // "字A": with autospace the A's ink starts 5 px further right; the 字 is where it was.
  const int han_plain = firstInkAfter("字A", 0, spec(40, false));
  const int han_spaced = firstInkAfter("字A", 0, spec(40, true));
  CHECK(han_plain == han_spaced);
  const int em = 40;  // the A starts after the 1 em 字
  const int a_plain = firstInkAfter("字A", static_cast<std::size_t>(em - 1), spec(40, false));
  const int a_spaced = firstInkAfter("字A", static_cast<std::size_t>(em - 1), spec(40, true));
  REQUIRE(a_plain > 0);
  CHECK(a_spaced - a_plain == 5);
  CHECK(realFonts().width("字A", spec(40, true)) - realFonts().width("字A", spec(40, false)) == 5);
}

TEST_CASE("autospace on a card: only the languages the theme names, in headline and summary") {
  content::Post post;
  post.file = "posts/autospace.md";
  post.language = "ja";
  post.title = "港湾市ラボにRaspberry Pi 5を20台導入";
  post.summary = "毎週火曜日の夜にSDL2とLinuxの勉強会を開きます。";
  post.source = "Harbor City Commons";
  post.date = "2026-11-23";
  render::LineBreaker breaker;
  const auto textRuns = [&](const render::Theme& theme, const content::Post& p) {
    std::vector<render::TextRun> out;
    for (const auto& command : render::layoutCard(p, {1920, 1080}, theme, "en", realFonts(), breaker, {}).commands) {
      if (const auto* run = std::get_if<render::TextRun>(&command)) out.push_back(*run);
    }
    return out;
  };
  render::Theme on;
  on.autospace_languages = {"ja"};
  int spaced = 0;
  for (const auto& run : textRuns(on, post)) {
    if (post.title.find(run.text) != std::string::npos || post.summary.find(run.text) != std::string::npos) {
      CHECK(run.font.autospace);
      ++spaced;
    }
  }
  CHECK(spaced >= 2);
  for (const auto& run : textRuns(render::Theme{}, post)) CHECK_FALSE(run.font.autospace);
  content::Post zh = post;
  zh.language = "zh-Hans";
  for (const auto& run : textRuns(on, zh)) CHECK_FALSE(run.font.autospace);
}
