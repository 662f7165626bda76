// SPDX-License-Identifier: Apache-2.0
// Wrapping and fitting with the real fonts: lines fit their box, break where
// a reader expects, and fitting picks the largest size that fits.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

#include "RealFonts.hpp"
#include "render/Hyphenator.hpp"
#include "render/TextFitter.hpp"

using namespace newsticker::render;
using newsticker::fonts::Weight;

namespace {

std::string joined(const std::vector<std::string>& lines, const char* glue) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? glue : "") + lines[i];
  return out;
}

// A text box for the tests: `width` px, up to `max_lines`, sizes min..max.
TextBox makeBox(int width, int max_lines, int min_px, int max_px, const char* language,
                Weight weight = Weight::Regular) {
  TextBox box;
  box.width = width;
  box.max_lines = max_lines;
  box.min_px = min_px;
  box.max_px = max_px;
  box.language = language;
  box.weight = weight;
  return box;
}

bool startsWithAny(const std::string& line, std::initializer_list<const char*> prefixes) {
  for (const char* prefix : prefixes) {
    if (line.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every wrapped line fits its width and no text is lost (English)") {
  LineBreaker breaker;
  const FontSpec font{Weight::Regular, 40, "en"};
  const std::string text =
      "The ferry terminal lab opens on weekday evenings, with benches, oscilloscopes and a small library of boards.";
  for (int width = 260; width <= 1400; width += 97) {
    const auto lines = wrapText(text, width, font, realFonts(), breaker);
    REQUIRE_FALSE(lines.empty());
    for (const auto& line : lines) CHECK(realFonts().width(line, font) <= width);
    CHECK(joined(lines, " ") == text);
  }
}

TEST_CASE("a Chinese paragraph fills its lines: breaks between ideographs, not only at spaces") {
  LineBreaker breaker;
  const FontSpec font{Weight::Regular, 40, "zh-Hans"};
  const std::string text =
      "潮汐开源基金会在港湾市开设社区硬件实验室，向所有贡献者免费开放测试台、单板计算机和显示面板。";
  const int width = 700;
  const auto lines = wrapText(text, width, font, realFonts(), breaker);
  REQUIRE(lines.size() >= 2);
  CHECK(joined(lines, "") == text);
  const int one_char = realFonts().width("汉", font);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const int w = realFonts().width(lines[i], font);
    CHECK(w <= width);
    CHECK(w > width - 2 * one_char);  // filled: at most one ideograph (plus kinsoku) short
  }
  for (const auto& line : lines) CHECK_FALSE(startsWithAny(line, {"，", "、", "。"}));
}

TEST_CASE("Japanese lines never start with forbidden punctuation or small kana, at any width") {
  LineBreaker breaker;
  const FontSpec font{Weight::Regular, 36, "ja"};
  const std::string text =
      "オーロラ科学館は、プラネタリウムの投影機を約15年ぶりに入れ替え、11月にリニューアルオープンします。"
      "「ちょっと寄ってみよう」という方も、ぜひどうぞ。";
  for (int width = 180; width <= 1200; width += 23) {
    const auto lines = wrapText(text, width, font, realFonts(), breaker);
    CHECK(joined(lines, "") == text);
    for (const auto& line : lines) {
      CHECK(realFonts().width(line, font) <= width);
      CHECK_FALSE(startsWithAny(line, {"。", "、", "」", "）", "ー", "ょ", "っ", "ゃ", "ュ", "ッ"}));
      CHECK_FALSE((line.size() >= 3 && line.compare(line.size() - 3, 3, "「") == 0));
    }
  }
}

TEST_CASE("Korean wraps between words only") {
  LineBreaker breaker;
  const FontSpec font{Weight::Regular, 40, "ko"};
  const std::string text = "브라이트포지 메이커스페이스가 겨울방학을 맞아 청소년 코딩 캠프 참가자를 모집합니다.";
  for (int width = 300; width <= 1100; width += 61) {
    const auto lines = wrapText(text, width, font, realFonts(), breaker);
    CHECK(joined(lines, " ") == text);  // every break was at a space
  }
}

TEST_CASE("a token wider than the line is cut between grapheme clusters, each cut marked with a hyphen") {
  LineBreaker breaker;
  const FontSpec font{Weight::Regular, 40, "en"};
  const std::string token(60, 'W');
  const auto lines = wrapText(token, 500, font, realFonts(), breaker);
  REQUIRE(lines.size() > 1);
  for (const auto& line : lines) CHECK(realFonts().width(line, font) <= 500);
  std::string rejoined;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool last = i + 1 == lines.size();
    CHECK(lines[i].back() == (last ? 'W' : '-'));
    rejoined += last ? lines[i] : lines[i].substr(0, lines[i].size() - 1);
  }
  CHECK(rejoined == token);
}

TEST_CASE("fitting: a short headline gets the largest size, a long one a smaller size") {
  LineBreaker breaker;
  TextBox box = makeBox(1500, 3, 48, 84, "en", Weight::Bold);
  const FittedText short_one = fitText("Repair Café opens", box, realFonts(), breaker);
  CHECK(short_one.font.px == 84);
  CHECK(short_one.lines.size() == 1);
  CHECK_FALSE(short_one.ellipsised);

  const std::string long_text =
      "Harbor City Libraries Extend Weekend Hours and Add Free 3D Printing Desks at Four Neighbourhood "
      "Branches Across the Northern and Eastern Districts Starting Next Month";
  const FittedText long_one = fitText(long_text, box, realFonts(), breaker);
  CHECK(long_one.font.px < 84);
  CHECK(long_one.font.px >= 48);
  CHECK(long_one.lines.size() <= 3);
  CHECK_FALSE(long_one.ellipsised);
  // One pixel larger would not fit in three lines.
  const auto bigger =
      wrapText(long_text, box.width, FontSpec{Weight::Bold, long_one.font.px + 1, "en"}, realFonts(), breaker);
  CHECK(bigger.size() > 3);
}

TEST_CASE("fitting: what does not fit at the minimum size ends with an ellipsis") {
  LineBreaker breaker;
  TextBox box = makeBox(800, 2, 34, 44, "en");
  std::string text;
  for (int i = 0; i < 12; ++i) text += "Volunteers mend lamps, radios and bicycles every month. ";
  const FittedText fitted = fitText(text, box, realFonts(), breaker);
  CHECK(fitted.ellipsised);
  CHECK(fitted.font.px == 34);
  REQUIRE(fitted.lines.size() == 2);
  const std::string& last = fitted.lines.back();
  // Latin text ends on a whole word and three full stops (the CJK font's
  // U+2026 is full-width).
  CHECK(last.compare(last.size() - 3, 3, "...") == 0);
  CHECK(last[last.size() - 4] != ' ');
  const std::string cut = last.substr(0, last.size() - 3);
  CHECK(text.find(cut + " ") != std::string::npos);  // the cut is at a word end
  for (const auto& line : fitted.lines) CHECK(realFonts().width(line, fitted.font) <= box.width);
}

TEST_CASE("fitting: Chinese overflow ends with U+2026 and never with a comma before it") {
  LineBreaker breaker;
  TextBox box = makeBox(600, 2, 34, 40, "zh-Hans");
  std::string text;
  for (int i = 0; i < 10; ++i) text += "港湾市的社区硬件实验室每周开放三个晚上，欢迎所有人参加。";
  const FittedText fitted = fitText(text, box, realFonts(), breaker);
  CHECK(fitted.ellipsised);
  REQUIRE(fitted.lines.size() == 2);
  const std::string& last = fitted.lines.back();
  REQUIRE(last.size() > 6);
  CHECK(last.compare(last.size() - 3, 3, "\xE2\x80\xA6") == 0);
  CHECK(last.compare(last.size() - 6, 3, "，") != 0);
  CHECK(realFonts().width(last, fitted.font) <= box.width);
  CHECK(realFonts().width(last, fitted.font) > box.width - 3 * 34);  // filled to the end
}

TEST_CASE("fitting respects the height limit as well as the line limit") {
  LineBreaker breaker;
  TextBox box;
  box.width = 900;
  box.max_lines = 5;
  box.max_height = 130;  // two lines at 54 px * 1.2
  box.min_px = 40;
  box.max_px = 80;
  box.line_height = 1.2;
  box.weight = Weight::Bold;
  box.language = "en";
  const FittedText fitted =
      fitText("Riverline adds bicycle racks to every harbour ferry before winter", box, realFonts(), breaker);
  CHECK(fitted.height() <= 130);
  CHECK_FALSE(fitted.lines.empty());
  CHECK(fitText("", box, realFonts(), breaker).lines.empty());
}

TEST_CASE("fitting prefers a smaller size that keeps a long word whole over cutting it") {
  LineBreaker breaker;
  TextBox box = makeBox(1000, 3, 24, 60, "en", Weight::Bold);
  const std::string text = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller wins award";
  const FittedText fitted = fitText(text, box, realFonts(), breaker);
  REQUIRE(fitted.lines.size() >= 2);
  CHECK(fitted.lines[0] == "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller");
  CHECK(fitted.font.px < 60);
  bool cut = false;
  wrapText(text, box.width, fitted.font, realFonts(), breaker, &cut);
  CHECK_FALSE(cut);
  wrapText(text, box.width, FontSpec{Weight::Bold, 60, "en"}, realFonts(), breaker, &cut);
  CHECK(cut);  // at the largest size the word would have been cut
}

TEST_CASE("emoji sequences are never split across lines, at any width") {
  LineBreaker breaker;
  const FontSpec font{Weight::Bold, 48, "en"};
  const std::string family = "👨‍👩‍👧‍👦";
  const std::string wave = "👋🏽";
  const std::string text =
      family + " Family Day " + wave + wave + wave + " at the Harbour Museum 🎉🎉 " + family + family;
  for (int width = 60; width <= 900; width += 17) {
    const auto lines = wrapText(text, width, font, realFonts(), breaker);
    std::string rejoined;
    for (const auto& line : lines) {
      // A line never starts or ends inside a sequence: no stray joiner or
      // skin-tone modifier at either end.
      CHECK(line.rfind("\xE2\x80\x8D", 0) != 0);      // ZWJ
      CHECK(line.rfind("\xF0\x9F\x8F\xBD", 0) != 0);  // skin tone
      CHECK((line.size() < 3 || line.compare(line.size() - 3, 3, "\xE2\x80\x8D") != 0));
      rejoined += line;
    }
    // Every family sequence survives whole.
    std::size_t families = 0;
    for (auto pos = rejoined.find(family); pos != std::string::npos; pos = rejoined.find(family, pos + 1)) ++families;
    CHECK(families == 3);
  }
}

TEST_CASE("a huge text costs what a card can show, not what the file holds") {
  // 140 kB of words and 100 kB without a single break opportunity: before
  // the per-line bound this took minutes (ctest's time limit catches a
  // regression); now each fits in a few milliseconds.
  LineBreaker breaker;
  TextBox box = makeBox(1700, 3, 48, 84, "en", Weight::Bold);
  std::string words;
  for (int i = 0; i < 15000; ++i) words += "word" + std::to_string(i) + " ";
  const FittedText fitted = fitText(words, box, realFonts(), breaker);
  REQUIRE(fitted.lines.size() == 3);
  CHECK(fitted.ellipsised);
  CHECK(fitted.lines[0].rfind("word0 word1 ", 0) == 0);
  const std::string one_token(100000, 'x');
  const FittedText token = fitText(one_token, box, realFonts(), breaker);
  REQUIRE(token.lines.size() == 3);
  for (const auto& line : token.lines) CHECK(realFonts().width(line, token.font) <= box.width);
  CHECK(wrapText(one_token, 1700, FontSpec{Weight::Bold, 48, "en"}, realFonts(), breaker, nullptr, 2).size() == 2);
}

TEST_CASE("an ellipsis never follows a full stop") {
  LineBreaker breaker;
  TextBox box;
  box.width = 900;
  box.max_lines = 1;
  box.min_px = box.max_px = 34;
  box.language = "en";
  std::string text;
  for (int i = 0; i < 20; ++i) text += "Short sentence. ";
  const FittedText fitted = fitText(text, box, realFonts(), breaker);
  REQUIRE(fitted.lines.size() == 1);
  const std::string& line = fitted.lines[0];
  CHECK(line.compare(line.size() - 3, 3, "...") == 0);
  CHECK(line[line.size() - 4] != '.');
}

TEST_CASE("Japanese brackets: no line starts with 』】） and none ends with 「『（【, at any width") {
  // Realistic text: a run of small kana longer than a line would have to be
  // cut somewhere, which is the last-resort rule, not kinsoku.
  LineBreaker breaker;
  const FontSpec font{Weight::Regular, 36, "ja"};
  const std::string text =
      "【お知らせ】科学館の『星空ガイド』（無料）を配布しています。「ぜひ」お立ち寄りください。"
      "【重要】（土）と（日）は『特別投影』があります。ちょっとしたキャンプ気分で、ジャッジやショーもお楽しみください"
      "。";
  for (int width = 150; width <= 1000; width += 13) {
    const auto lines = wrapText(text, width, font, realFonts(), breaker);
    CHECK(joined(lines, "") == text);
    for (const auto& line : lines) {
      CHECK_FALSE(
          startsWithAny(line, {"』", "】", "）", "」", "。", "、", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ",
                               "ょ", "ゎ", "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "ヮ", "ヵ", "ヶ"}));
      for (const char* opening : {"「", "『", "（", "【"}) {
        const std::string o(opening);
        CHECK_FALSE((line.size() >= o.size() && line.compare(line.size() - o.size(), o.size(), o) == 0));
      }
    }
  }
}

TEST_CASE("long unbreakable runs cost a line's worth of measuring, not the whole run") {
  // A letter with 64,000 combining accents, 1 MB without a break and a long
  // Korean run without spaces each took seconds to minutes per fit before.
  LineBreaker breaker;
  TextBox box = makeBox(1800, 3, 48, 84, "en");
  std::string marks = "a";
  for (int i = 0; i < 64000; ++i) marks += "\xCC\x81";
  CHECK(fitText(marks, box, realFonts(), breaker).lines.size() <= 3);
  CHECK(fitText(std::string(1000000, 'x'), box, realFonts(), breaker).lines.size() == 3);
  box.language = "ko";
  std::string korean;
  for (int i = 0; i < 100000; ++i) korean += "한";
  const FittedText fitted = fitText(korean, box, realFonts(), breaker);
  REQUIRE(fitted.lines.size() == 3);
  for (const auto& line : fitted.lines) CHECK(realFonts().width(line, fitted.font) <= box.width);
}

TEST_CASE("fitting: the ellipsis follows the text it ends, not the card's language") {
  LineBreaker breaker;
  // A Japanese summary whose cut falls in a Latin product name: three full
  // stops, as on a Latin card, not the CJK face's full-width centred U+2026.
  TextBox box = makeBox(600, 1, 34, 40, "ja");
  const std::string latin_end =
      "新しいボードはStratoVoltEdge Inference Accelerator Developer Kit Second Edition Preview Release Notes";
  const FittedText latin = fitText(latin_end, box, realFonts(), breaker);
  REQUIRE(latin.ellipsised);
  REQUIRE(latin.lines.size() == 1);
  const std::string& a = latin.lines.back();
  CHECK(a.compare(a.size() - 3, 3, "...") == 0);
  CHECK(a.find("\xE2\x80\xA6") == std::string::npos);
  CHECK(a[a.size() - 4] != ' ');  // and it ends on a whole word, as Latin text does
  CHECK(latin_end.find(a.substr(0, a.size() - 3) + " ") != std::string::npos);
  CHECK(realFonts().width(a, latin.font) <= box.width);

  // Japanese text in the same card keeps the CJK ellipsis.
  std::string japanese;
  for (int i = 0; i < 6; ++i) japanese += "港の新しい工作室は毎週三晩ひらいています";
  const FittedText kana = fitText(japanese, box, realFonts(), breaker);
  REQUIRE(kana.ellipsised);
  const std::string& b = kana.lines.back();
  CHECK(b.compare(b.size() - 3, 3, "\xE2\x80\xA6") == 0);
  CHECK(realFonts().width(b, kana.font) <= box.width);
}

TEST_CASE("wrapping: a word wider than the line is cut at camelCase, digit or punctuation boundaries, with a hyphen") {
  LineBreaker breaker;
  const FontSpec font{Weight::Bold, 72, "en"};
  // Room for "StratoVoltEdgeInfer": the letters of "Inference" that fit do
  // not count; the cut goes to the camelCase boundary before them.
  const int width = realFonts().width("StratoVoltEdgeInfer", font);
  REQUIRE(realFonts().width("StratoVoltEdgeInference-", font) > width);
  bool cut = false;
  const auto lines = wrapText("StratoVoltEdgeInferenceAccelerator ships", width, font, realFonts(), breaker, &cut);
  CHECK(cut);
  REQUIRE(lines.size() >= 2);
  // The last camelCase boundary that fits with its hyphen, not the last letter that fits.
  CHECK(lines[0] == "StratoVoltEdge-");
  CHECK(lines[1].rfind("Inference", 0) == 0);
  for (const std::string& line : lines) CHECK(realFonts().width(line, font) <= width);

  // Letters and digits, and punctuation (no hyphen after a slash).
  const auto digits = wrapText("RX9000Ultra2026EditionProSeriesMaxPlus", 700, font, realFonts(), breaker, &cut);
  REQUIRE(digits.size() >= 2);
  CHECK(digits[0].back() == '-');
  const std::string kept = digits[0].substr(0, digits[0].size() - 1);
  const char last = kept.back(), next = std::string("RX9000Ultra2026EditionProSeriesMaxPlus")[kept.size()];
  const bool boundary =
      (std::islower(static_cast<unsigned char>(last)) && std::isupper(static_cast<unsigned char>(next))) ||
      (std::isdigit(static_cast<unsigned char>(last)) != std::isdigit(static_cast<unsigned char>(next)));
  CHECK(boundary);
  const auto path = wrapText("example.org/harbour/ferries/timetable/winter", 700, font, realFonts(), breaker, &cut);
  REQUIRE(path.size() >= 2);
  CHECK(path[0].back() == '/');

  // No boundary at all: grapheme clusters, still marked.
  const auto plain = wrapText("Donaudampfschifffahrtsgesellschaft", 600, font, realFonts(), breaker, &cut);
  REQUIRE(plain.size() >= 2);
  CHECK(plain[0].back() == '-');
  for (const std::string& line : plain) CHECK(realFonts().width(line, font) <= 600);
}

TEST_CASE("wrapping: a box narrower than one letter and its hyphen gets the letter alone (fuzz finding)") {
  // text_layout_fuzz: a 50 px box at 53 px put "n-" (wider than the box) on a line.
  LineBreaker breaker;
  const FontSpec font{Weight::Bold, 53, "zh-Hant"};
  const int width = realFonts().width("n", font) + 1;
  REQUIRE(realFonts().width("n-", font) > width);
  bool cut = false;
  const auto lines = wrapText("nnnn", width, font, realFonts(), breaker, &cut);
  CHECK(cut);
  REQUIRE(lines.size() == 4);
  for (const std::string& line : lines) {
    CHECK(line == "n");
    CHECK(realFonts().width(line, font) <= width);
  }
}

// Issue 30 class 1: words wider than the line are hyphenated by their
// language's patterns (libhyphen, Debian's hyphen-* dictionaries); Korean
// breaks between syllables; no cut leaves punctuation to start a line.
namespace {

// `lines` without the hyphens the cuts added, joined without spaces: the
// text's letters again.
std::string rejoin(const std::vector<std::string>& lines) {
  std::string joined;
  for (const std::string& line : lines) joined += line.back() == '-' ? line.substr(0, line.size() - 1) : line;
  joined.erase(std::remove(joined.begin(), joined.end(), ' '), joined.end());
  return joined;
}

}  // namespace

TEST_CASE("the hyphenation patterns of a word's language: German, English, Tamil; none for Finnish") {
  newsticker::render::Hyphenator hyphenator;
  const std::string german = "Planfeststellungsverfahren";
  const auto points = hyphenator.points(german, "de");
  // plan-fest-stel-lungs-ver-fah-ren (hyph_de_DE.dic)
  CHECK(points == std::vector<std::size_t>{4, 8, 12, 17, 20, 23});
  // The language's own file, else its first regional one (hyph_ta_IN.dic); a word in a sentence.
  CHECK(hyphenator.dictionaryFor("ta").find("hyph_ta_IN.dic") != std::string::npos);
  CHECK(hyphenator.dictionaryFor("en").find("hyph_en") != std::string::npos);
  CHECK(hyphenator.points("an accelerator.", "en") == std::vector<std::size_t>{5, 8, 10, 11});
  // Tamil: after whole syllables (a vowel sign or virama stays with its letter).
  const std::string tamil = "தொழில்நுட்பக்கல்லூரி";
  const auto tamil_points = hyphenator.points(tamil, "ta");
  REQUIRE(tamil_points.size() >= 4);
  CHECK(tamil.substr(0, tamil_points[0]) == "தொ");
  CHECK(tamil.substr(0, tamil_points[1]) == "தொழில்");
  // Debian has no Finnish patterns (hyphen-fi does not exist): no points.
  CHECK(hyphenator.dictionaryFor("fi").empty());
  CHECK(hyphenator.points("lentokonesuihkuturbiinimoottoriapumekaanikko", "fi").empty());
  // Short words and a missing folder give none, without failing.
  CHECK(hyphenator.points("Haus", "de").empty());
  newsticker::render::Hyphenator nowhere("/nonexistent/hyphen");
  CHECK(nowhere.points(german, "de").empty());
}

TEST_CASE("a German compound wider than the line breaks at a hyphenation point, with a hyphen, measured as drawn") {
  LineBreaker breaker;
  const std::string text = "Das Planfeststellungsverfahren beginnt";
  for (int width = 260; width <= 420; width += 20) {
    CAPTURE(width);
    const FontSpec font{Weight::Regular, 40, "de"};
    bool cut = false;
    const auto lines = wrapText(text, width, font, realFonts(), breaker, &cut);
    CHECK(cut);
    for (const auto& line : lines) CHECK(realFonts().width(line, font) <= width);
    CHECK(rejoin(lines) == "DasPlanfeststellungsverfahrenbeginnt");
    // Every cut part ends at one of the word's points: plan-fest-stel-lungs-ver-fah-ren.
    for (const auto& line : lines) {
      if (line.back() != '-' || line == "Das") continue;
      CHECK(std::string("Planfest Planfeststel Planfeststellungs Planfeststellungsver Planfeststellungsverfah "
                        "fest festst stel stellungs stellungsver stellungsverfah lungs lungsver lungsverfah ver "
                        "verfah fah")
                .find(line.substr(0, line.size() - 1)) != std::string::npos);
    }
  }
  // At 400 px the last point that fits, not the last letter.
  const auto lines = wrapText(text, 400, FontSpec{Weight::Regular, 40, "de"}, realFonts(), breaker);
  REQUIRE(lines.size() >= 2);
  CHECK(lines[1] == "Planfeststellungsver-");
}

TEST_CASE("a Korean eojeol wider than the line breaks between syllables; no cut starts a line with . , ؟") {
  LineBreaker breaker;
  // One eojeol of 16 syllables and a full stop, then a comma after another.
  const std::string korean = "초고속인터넷서비스가입자모집안내합니다.";
  for (int width = 120; width <= 500; width += 4) {
    CAPTURE(width);
    const FontSpec font{Weight::Regular, 40, "ko"};
    const auto lines = wrapText(korean, width, font, realFonts(), breaker);
    REQUIRE(lines.size() >= 2);
    for (const auto& line : lines) {
      CHECK(realFonts().width(line, font) <= width);
      CHECK_FALSE(startsWithAny(line, {".", ","}));
      CHECK(line.back() != '-');  // syllables are not marked with a hyphen
    }
  }
  // Arabic: a word too long for the line, then a question mark.
  const std::string arabic = "هل تعرفون الاستخداماتالمتعددةللحواسيبالصغيرة؟";
  for (int width = 200; width <= 500; width += 4) {
    CAPTURE(width);
    const FontSpec font{Weight::Regular, 40, "ar", false, true};
    for (const auto& line : wrapText(arabic, width, font, realFonts(), breaker)) {
      CHECK(realFonts().width(line, font) <= width);
      CHECK_FALSE(startsWithAny(line, {"؟", "،"}));
    }
  }
}

// Issue 30 class 6: a soft hyphen shows a hyphen where the line breaks at it;
// a narrow no-break space is narrow.
TEST_CASE("a line broken at a soft hyphen ends with a hyphen, measured as drawn") {
  LineBreaker breaker;
  const std::string text = "Die Donau\u00ADdampf\u00ADschiff\u00ADfahrts\u00ADgesellschaft lädt ein";
  const FontSpec font{Weight::Regular, 40, "de"};
  int hyphenated = 0;
  for (int width = 240; width <= 600; width += 20) {
    CAPTURE(width);
    bool cut = false;
    const auto lines = wrapText(text, width, font, realFonts(), breaker, &cut);
    CHECK_FALSE(cut);  // the soft hyphens are enough: no word is cut elsewhere
    for (const auto& line : lines) {
      CHECK(realFonts().width(line, font) <= width);
      const bool trailing_soft_hyphen = line.size() >= 2 && line.compare(line.size() - 2, 2, "\u00AD") == 0;
      CHECK_FALSE(trailing_soft_hyphen);
      hyphenated += line.back() == '-';
    }
    std::string joined;
    for (const auto& line : lines) joined += line.back() == '-' ? line.substr(0, line.size() - 1) : line + " ";
    std::string plain = text;
    for (std::size_t at; (at = plain.find("\u00AD")) != std::string::npos;) plain.erase(at, 2);
    std::string letters = joined;
    for (std::size_t at; (at = letters.find("\u00AD")) != std::string::npos;) letters.erase(at, 2);
    letters.erase(std::remove(letters.begin(), letters.end(), ' '), letters.end());
    plain.erase(std::remove(plain.begin(), plain.end(), ' '), plain.end());
    CHECK(letters == plain);
  }
  CHECK(hyphenated >= 5);
  // fitText measures and draws the same lines (FittedText keeps the hyphen).
  TextBox box = makeBox(300, 8, 40, 40, "de", Weight::Regular);
  const FittedText fitted = fitText(text, box, realFonts(), breaker);
  REQUIRE(fitted.lines.size() >= 2);
  CHECK_FALSE(fitted.ellipsised);
  CHECK(fitted.lines[1].back() == '-');
  for (std::size_t i = 0; i < fitted.lines.size(); ++i) {
    CHECK(realFonts().width(fitted.lines[i], fitted.lineFont(i)) <= 300);
  }
}

TEST_CASE("a narrow no-break space (U+202F) is 7/64 em wide, in any face") {
  for (const int px : {40, 64}) {
    const FontSpec font{Weight::Regular, px, "fr"};
    const LineLayout plain = realFonts().layoutLine("25%", font);
    const LineLayout spaced = realFonts().layoutLine("25\u202F%", font);
    // The space is a piece of its own, the % after it by 4.4 px at 40 px
    // (DejaVu Sans's glyph is 0.2 em, 8 px).
    REQUIRE(spaced.runs.size() == 3);
    const int space = spaced.runs[2].x - spaced.runs[1].x;
    CHECK(std::abs(space * 64 - px * 7) <= 64);
    CHECK(std::abs((spaced.width - plain.width) * 64 - px * 7) <= 64);
  }
}

TEST_CASE("a web address wider than the line is cut before a dot, not after it, and gets no hyphen") {
  LineBreaker breaker;
  const FontSpec font{Weight::Regular, 40, "en"};
  const std::string text = "open at https://www.harbor-city.example/events/ now";
  const auto lines = wrapText(text, 500, font, realFonts(), breaker);
  REQUIRE(lines.size() >= 3);
  CHECK(lines[1] == "https://www.harbor-city");
  CHECK(lines[2].rfind(".example/", 0) == 0);
  for (const auto& line : lines) CHECK(realFonts().width(line, font) <= 500);
}

TEST_CASE("a cut moved off punctuation still fits: text whose width does not grow with its length (fuzz finding)") {
  // NULs and an invalid byte: "\0\0\xFF" is narrower than "\0\0"; the cut
  // after it would start the next line with '?', the one before it overflows.
  const std::string text(
      "\x00\x00\xff?\xdd\xb5"
      "88\xef\xb5",
      10);
  LineBreaker breaker;
  const FontSpec font{Weight::Regular, 37, "ko"};
  for (const auto& line : wrapText(text, 50, font, realFonts(), breaker)) {
    const bool one_cluster = breaker.graphemeBoundaries(line).size() <= 2;
    CHECK((one_cluster || realFonts().width(line, font) <= 50));
  }
}
