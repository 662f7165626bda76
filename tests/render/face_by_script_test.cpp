// SPDX-License-Identifier: Apache-2.0
// Which CJK face draws which run: Chinese text gets the SC or TC face by its
// own script even inside an English post; a Japanese or Korean post keeps its
// face for every Han character. Checked on FontCache::runs and on the pixels
// the painter makes from them.
#include <doctest/doctest.h>

#include "RealFonts.hpp"
#include "TestImages.hpp"
#include "render/CardPainter.hpp"

using namespace newsticker;

namespace {

// The runs of `text` as "text|language" joined by " + ", main face only.
std::string faceRuns(const std::string& text, const std::string& language) {
  const render::FontSpec spec{fonts::Weight::Bold, 48, language};
  std::string described;
  for (const render::FaceRun& run : realFonts().runs(text, spec)) {
    CHECK(run.face == 0);
    if (!described.empty()) described += " + ";
    described += text.substr(run.begin, run.end - run.begin) + "|" + run.language.str();
  }
  return described;
}

// `text` painted white on black in one TextRun with `language`.
render::SurfacePtr painted(const std::string& text, const std::string& language) {
  render::DrawList list;
  list.width = 400;
  list.height = 80;
  list.commands.push_back(render::TextRun{text, {fonts::Weight::Regular, 56, language}, 8, 62, {255, 255, 255}});
  render::SurfacePtr surface = render::paintDrawList(list, realFonts(), {});
  REQUIRE(surface);
  return surface;
}

int differingPixels(const SDL_Surface& a, const SDL_Surface& b) {
  int differ = 0;
  for (int y = 0; y < a.h; ++y) {
    for (int x = 0; x < a.w; ++x) {
      const Argb p = argbAt(a, x, y), q = argbAt(b, x, y);
      differ += std::abs(p.r - q.r) > 8;
    }
  }
  return differ;
}

}  // namespace

TEST_CASE("CJK text in an English or unmarked post gets the face of its own script") {
  CHECK(faceRuns("正式发布", "en") == "正式发布|zh-Hans");
  CHECK(faceRuns("正式發佈", "en") == "正式發佈|zh-Hant");
  CHECK(faceRuns("ひらがな", "en") == "ひらがな|ja");
  CHECK(faceRuns("한국어 뉴스", "en") == "한국어 뉴스|ko");
  CHECK(faceRuns("正式发布", "") == "正式发布|zh-Hans");
  // A mixed headline: the Latin stays in the post's face, spaces around the
  // Chinese too; punctuation inside the Chinese goes with it.
  CHECK(faceRuns("Huawei 正式发布 HarmonyOS", "en") == "Huawei |en + 正式发布|zh-Hans +  HarmonyOS|en");
  CHECK(faceRuns("Tidewater：社区硬件实验室开放。", "en") == "Tidewater|en + ：社区硬件实验室开放。|zh-Hans");
  // Han beside kana is Japanese, even in a stretch of its own.
  CHECK(faceRuns("東京 and 大阪で", "en") == "東京|ja +  and |en + 大阪で|ja");
  // Hangul beside Han (hanja) is Korean.
  CHECK(faceRuns("大韓民國 한국", "en") == "大韓民國 한국|ko");
  // Latin text, accents included, keeps the post's face.
  CHECK(faceRuns("Café déjà vu", "en") == "Café déjà vu|en");
}

TEST_CASE("a post in a CJK language keeps its own face for every Han character") {
  CHECK(faceRuns("正式发布", "ja") == "正式发布|ja");
  CHECK(faceRuns("東京都庁", "ja") == "東京都庁|ja");
  CHECK(faceRuns("正式發佈", "zh-Hans") == "正式發佈|zh-Hans");
  CHECK(faceRuns("大韓民國", "ko") == "大韓民國|ko");
}

TEST_CASE("the painter draws each run with the face its language picks") {
  // 骨 and 直 are drawn differently by the SC, TC and JP faces.
  const std::string text = "骨直 正式发布";
  render::SurfacePtr in_english = painted(text, "en");
  render::SurfacePtr in_chinese = painted(text, "zh-Hans");
  render::SurfacePtr in_japanese = painted(text, "ja");
  writeTestPng(*in_english, "face-sc-in-english");
  writeTestPng(*in_japanese, "face-jp");
  CHECK(differingPixels(*in_english, *in_chinese) == 0);
  CHECK(differingPixels(*in_english, *in_japanese) > 20);
  // Measuring agrees with drawing: the width is the SC face's.
  const render::FontSpec en{fonts::Weight::Regular, 56, "en"}, sc{fonts::Weight::Regular, 56, "zh-Hans"};
  CHECK(realFonts().width(text, en) == realFonts().width(text, sc));
}

// Issue 30 class 5: a symbol the main face lacks is drawn in the face of the
// script around it, when that face has it.
TEST_CASE("₪ in Hebrew text comes from Noto Sans Hebrew, ₹ in Hindi from Noto Sans Devanagari, not DejaVu Sans") {
  auto& fonts = realFonts();
  const auto faceFileOf = [&](const std::string& text, const std::string& symbol, const char* language) {
    const render::FontSpec spec{fonts::Weight::Regular, 40, language};
    const std::size_t at = text.find(symbol);
    for (const render::FaceRun& run : fonts.runs(text, spec)) {
      if (at >= run.begin && at < run.end)
        return fonts::defaultFontChain().faces(language, fonts::Weight::Regular).at(run.face).file;
    }
    return std::string("(none)");
  };
  // "The ticket costs 25 ₪" / "Fee ₹500 per class"
  CHECK(faceFileOf("הכרטיס עולה 25 ₪ בלבד", "₪", "he").find("NotoSansHebrew") != std::string::npos);
  CHECK(faceFileOf("प्रति कक्षा ₹500 शुल्क", "₹", "hi").find("NotoSansDevanagari") != std::string::npos);
  // Before the first letter: the letter after decides.
  CHECK(faceFileOf("₪ 25 לכרטיס", "₪", "he").find("NotoSansHebrew") != std::string::npos);
  // In Latin text the chain's order stands (DejaVu Sans), as before.
  CHECK(faceFileOf("Tickets cost 25 ₪ only", "₪", "en").find("DejaVuSans") != std::string::npos);
  // Digits and spaces stay in the main face, as Chromium sets them.
  CHECK(faceFileOf("הכרטיס עולה 25 ₪ בלבד", "25", "he").find("NotoSansCJK") != std::string::npos);
}
