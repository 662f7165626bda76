// SPDX-License-Identifier: Apache-2.0
// Right-to-left text (Arabic, Hebrew): lines broken on the logical text, each
// line reordered for display by ICU's bidi algorithm (UAX #9), each piece
// shaped in its own direction; a right-to-left card is mirrored. Real fonts
// (Noto Sans Arabic and Hebrew from fonts-noto-core), real painter.
#include <doctest/doctest.h>

#include <SDL.h>

#include <algorithm>

#include "RealFonts.hpp"
#include "TestImages.hpp"
#include "content/Post.hpp"
#include "render/CardLayout.hpp"
#include "render/CardPainter.hpp"
#include "render/TextDirection.hpp"
#include "render/TextFitter.hpp"

using namespace newsticker;

namespace {

render::FontSpec arabic(int px = 40) { return render::FontSpec{fonts::Weight::Regular, px, "ar", false, true}; }

// The piece of `line` that holds byte `offset` of `text`.
const render::PlacedRun& pieceAt(const render::LineLayout& line, std::size_t offset) {
  for (const auto& run : line.runs) {
    if (offset >= run.begin && offset < run.end) return run;
  }
  FAIL("no piece holds byte " << offset);
  return line.runs.front();
}

// Columns [first, last] with ink in `surface` (white on black), or {-1, -1}.
std::pair<int, int> inkColumns(const SDL_Surface& s, int from = 0, int to = -1) {
  int first = -1, last = -1;
  for (int x = from; x < (to < 0 ? s.w : to); ++x) {
    for (int y = 0; y < s.h; ++y) {
      if (argbAt(s, x, y).r > 40) {
        if (first < 0) first = x;
        last = x;
        break;
      }
    }
  }
  return {first, last};
}

}  // namespace

TEST_CASE("paragraph direction: the language first, else the first strong letter") {
  // (Which languages run right to left: tests/content/language_tag_test.cpp.)
  CHECK(render::runsRightToLeft("Harbor City", "ar"));                   // the language decides first
  CHECK(render::runsRightToLeft("Raspberry Pi 5 في المكتبة", "ar"));     // Arabic post starting with a Latin name
  CHECK(render::runsRightToLeft("120 ספרים חדשים", "en"));               // digits are weak: the Hebrew decides
  CHECK_FALSE(render::runsRightToLeft("Harbor City في المكتبة", "en"));  // first strong letter is Latin
  CHECK_FALSE(render::runsRightToLeft("港湾市", ""));
}

TEST_CASE("a mixed Arabic line: Arabic words right to left, the Latin name and the number in their own order") {
  // "The library offers Raspberry Pi 5 devices to 120 readers."
  const std::string text = "تقدم المكتبة أجهزة Raspberry Pi 5 إلى 120 قارئًا.";
  const render::LineLayout line = realFonts().layoutLine(text, arabic());
  const auto at = [&](const std::string& part) { return pieceAt(line, text.find(part)); };
  // Reading order right to left: تقدم (first word) rightmost, then المكتبة,
  // أجهزة, the Latin name, إلى, 120, قارئًا, and the full stop at the far left.
  CHECK(at("تقدم").x > at("المكتبة").x);
  CHECK(at("المكتبة").x > at("أجهزة").x);
  CHECK(at("أجهزة").x > at("Raspberry").x);
  CHECK(at("Raspberry").x > at("إلى").x);
  CHECK(at("إلى").x > at("120").x);
  CHECK(at("120").x > at("قارئًا").x);
  CHECK(at(".").x == 0);  // the paragraph's final stop ends it on the left
  CHECK(at("تقدم").rtl);
  CHECK_FALSE(at("Raspberry").rtl);
  CHECK_FALSE(at("120").rtl);
  // "Raspberry Pi 5" is one left-to-right piece: its words keep their order.
  CHECK(at("Raspberry").begin == at("Pi 5").begin);
  // The width is the same whatever the order: what the breaker measured.
  CHECK(line.width == realFonts().width(text, arabic()));
  int covered = 0;
  for (const auto& run : line.runs) covered = std::max(covered, run.x);
  CHECK(covered < line.width);

  // Drawn: the Arabic of the first word is at the right end, the Latin name
  // in the middle, reading left to right ("R" left of "5").
  render::DrawList list;
  list.width = line.width + 20;
  list.height = 80;
  list.commands.push_back(render::TextRun{text, arabic(), 10, 56, {255, 255, 255}});
  render::SurfacePtr surface = render::paintDrawList(list, realFonts(), {});
  REQUIRE(surface);
  const auto [first, last] = inkColumns(*surface);
  CHECK(first >= 10);
  CHECK(first <= 14);                  // the full stop
  CHECK(last >= 10 + line.width - 6);  // the first Arabic word reaches the right end
  const int latin_left = 10 + at("Raspberry").x;
  const int latin_right = latin_left + realFonts().width("Raspberry Pi 5", arabic());
  const auto latin_ink = inkColumns(*surface, latin_left, latin_right);
  CHECK(latin_ink.first >= latin_left);
  CHECK(latin_ink.first <= latin_left + 6);  // "R" starts the Latin piece on its left
}

TEST_CASE("a line of many runs is as wide as its glyph advances add up to, not a pixel lost per run") {
  // Ten times "في" ("in"), each word a run in Noto Sans Arabic, each space a
  // run in the main face (Noto Sans CJK JP), as Chromium sets it. The fonts'
  // advances (hb-shape --font-size=upem): "في" 736 + 447 = 1183/1000 em,
  // the space 224/1000 em; at 40 px 47.32 px and 8.96 px. Summing whole
  // pixels per run gave 10 * 47 + 9 * 8 = 542 px; the line is 553.84 px.
  std::string text = "في";
  for (int i = 1; i < 10; ++i) text += " في";
  const render::LineLayout line = realFonts().layoutLine(text, arabic());
  REQUIRE(line.runs.size() == 19);
  CHECK(line.width == 554);
  CHECK(realFonts().width(text, arabic()) == 554);
  // Display order, left to right: word, space, word, ... each at the whole
  // pixel nearest its exact start (1/64 px: 47.32 = 3028.48/64, 8.96 = 573.44/64).
  const long word = 3028, space = 573;  // HarfBuzz's advances at 40 px, rounded to 1/64
  long exact = 0;
  for (std::size_t i = 0; i < line.runs.size(); ++i) {
    CAPTURE(i);
    CHECK(line.runs[i].x == static_cast<int>((exact + 32) / 64));
    exact += (i % 2 == 0) ? word : space;
  }
}

// Issue 30 class 3: the bidi algorithm resolves the paragraph, then orders
// each line (UAX #9 section 3.4; ubidi_setLine), so a line's order depends on
// the text before and after it, not on the line alone.
namespace {

// The lines fitText makes of `text` (40 px, `language`) at each width from
// 300 to 1200 px in steps of 20, each laid out in the font fitText gives it
// (FittedText::lineFont); `check` sees every line for which `wanted` holds.
// Returns how many it saw.
template <typename Wanted, typename Check>
int forLinesAtWidths(const std::string& text, const char* language, Wanted wanted, Check check) {
  render::LineBreaker breaker;
  int seen = 0;
  for (int width = 300; width <= 1200; width += 20) {
    render::TextBox box;
    box.width = width;
    box.max_lines = 8;
    box.min_px = box.max_px = 40;
    box.language = language;
    const render::FittedText fitted = render::fitText(text, box, realFonts(), breaker);
    REQUIRE_FALSE(fitted.ellipsised);
    for (std::size_t i = 0; i < fitted.lines.size(); ++i) {
      // Measured = drawn: each line, measured in its paragraph, fits the box.
      CHECK(realFonts().width(fitted.lines[i], fitted.lineFont(i)) <= width);
      if (!wanted(fitted.lines[i])) continue;
      CAPTURE(width);
      CAPTURE(fitted.lines[i]);
      check(fitted.lines[i], realFonts().layoutLine(fitted.lines[i], fitted.lineFont(i)));
      ++seen;
    }
  }
  return seen;
}

bool startsWith(const std::string& s, const std::string& start) { return s.rfind(start, 0) == 0; }

}  // namespace

TEST_CASE("a number starting a line after Arabic words keeps the order the paragraph gives it (38% reads %38)") {
  // "Participation in the reading programmes rose to 38% this year among the city's readers."
  const std::string text = "ارتفعت نسبة المشاركة في برامج القراءة إلى 38% هذا العام بين قراء المدينة";
  const int seen = forLinesAtWidths(
      text, "ar", [](const std::string& line) { return startsWith(line, "38%"); },
      [](const std::string& shown, const render::LineLayout& layout) {
        // In the paragraph 38 follows Arabic letters (an Arabic number, rule
        // W2), so the per cent sign is not part of it and stands on its left
        // (%38), as it would before the break.
        const render::PlacedRun& digits = pieceAt(layout, shown.find("38"));
        CHECK(digits.end == shown.find('%'));  // the digits alone, not "38%"
        CHECK(pieceAt(layout, shown.find('%')).x < digits.x);
        // Set on its own, the line made 38% one European number, % on the right.
        const render::LineLayout alone = realFonts().layoutLine(shown, arabic());
        CHECK(pieceAt(alone, shown.find('%')).begin == pieceAt(alone, shown.find("38")).begin);
      });
  CHECK(seen >= 2);
}

TEST_CASE("Persian digits with the Arabic per cent sign at a line start: ٪۲۵ as in the paragraph") {
  // "The number of participants in the library's workshops grew by 25% this year."
  const std::string text = "تعداد شرکت کنندگان در کارگاه های کتابخانه امسال ۲۵٪ بیشتر شد";
  const int seen = forLinesAtWidths(
      text, "fa", [](const std::string& line) { return startsWith(line, "۲۵٪"); },
      [](const std::string& shown, const render::LineLayout& layout) {
        CHECK(pieceAt(layout, shown.find("٪")).x < pieceAt(layout, shown.find("۲۵")).x);
        const render::LineLayout alone = realFonts().layoutLine(shown, arabic());
        CHECK(pieceAt(alone, shown.find("٪")).begin == pieceAt(alone, shown.find("۲۵")).begin);
      });
  CHECK(seen >= 2);
}

TEST_CASE("a Latin compound broken at its hyphen at a line end keeps the hyphen on its own side (open-)") {
  // "The electronics workshop uses open-source software in all its lessons this winter."
  const std::string text = "تستخدم ورشة الإلكترونيات برمجيات open-source في كل دروسها هذا الشتاء";
  const std::string part = "open-";
  const int seen = forLinesAtWidths(
      text, "ar",
      [&](const std::string& line) {
        return line.size() >= part.size() && line.compare(line.size() - part.size(), part.size(), part) == 0;
      },
      [](const std::string& shown, const render::LineLayout& layout) {
        // The hyphen sits between two Latin parts of the paragraph (rule N1):
        // left to right with them, at the right end of "open". On its own
        // the line ended with a neutral that took the paragraph's direction,
        // drawn on the far left: -open.
        const render::PlacedRun& word = pieceAt(layout, shown.find("open"));
        CHECK(pieceAt(layout, shown.size() - 1).begin == word.begin);  // one piece: open-
        const render::LineLayout alone = realFonts().layoutLine(shown, arabic());
        CHECK(pieceAt(alone, shown.size() - 1).x < pieceAt(alone, shown.find("open")).x);
      });
  CHECK(seen >= 2);
}

TEST_CASE("lineContext: the text around a line that its levels depend on") {
  const std::string text = "ارتفعت نسبة المشاركة إلى 38% هذا العام";
  const std::size_t begin = text.find("38%");
  const render::BidiParagraph info = render::bidiParagraph(text, true);
  CHECK(info.bidi);
  CHECK_FALSE(info.explicit_controls);
  const render::BidiContext context = render::lineContext(text, info, begin, text.find(" العام"));
  CHECK(context.before == "ى ");  // from the last strong letter before the line on
  CHECK(context.after == " ا");   // up to the first strong letter after it
  // Left-to-right text needs none.
  const std::string latin = "Harbor City opens 38% more hours";
  CHECK(render::lineContext(latin, render::bidiParagraph(latin, false), 18, 21).before.empty());
  // Explicit isolates span lines: all of the text before and after.
  const std::string isolated = "قال \u2067Harbor 38% City\u2069 أمس";
  const render::BidiParagraph isolates = render::bidiParagraph(isolated, true);
  CHECK(isolates.explicit_controls);
  const std::size_t at = isolated.find("38%");
  CHECK(render::lineContext(isolated, isolates, at, at + 3).before == isolated.substr(0, at));
}

TEST_CASE("a Hebrew line with a time span keeps the numbers readable") {
  // "Open from 16:00 to 21:00."
  const std::string text = "פתוח משעה 16:00 עד 21:00.";
  const render::FontSpec hebrew{fonts::Weight::Regular, 40, "he", false, true};
  const render::LineLayout line = realFonts().layoutLine(text, hebrew);
  const auto at = [&](const std::string& part) { return pieceAt(line, text.find(part)); };
  CHECK(at("פתוח").x > at("16:00").x);
  CHECK(at("16:00").x > at("21:00").x);  // the later time further left, each reading left to right
  CHECK(at(".").x == 0);
  CHECK(line.width == realFonts().width(text, hebrew));
}

TEST_CASE("left-to-right text is laid out as before: one piece per face, in logical order") {
  const render::FontSpec english{fonts::Weight::Regular, 40, "en"};
  const render::LineLayout line = realFonts().layoutLine("Harbor City Commons", english);
  REQUIRE(line.runs.size() == 1);
  CHECK(line.runs[0].x == 0);
  CHECK_FALSE(line.runs[0].rtl);
  // An Arabic name inside English text: the English stays left to right
  // around it, the name reads right to left.
  const std::string mixed = "Welcome to مكتبة الواجهة today";
  const render::LineLayout mixed_line = realFonts().layoutLine(mixed, english);
  const auto at = [&](const std::string& part) { return pieceAt(mixed_line, mixed.find(part)); };
  CHECK(at("Welcome").x == 0);
  CHECK(at("مكتبة").x > at("الواجهة").x);
  CHECK(at("today").x > at("مكتبة").x);
}

TEST_CASE("an Arabic card is mirrored: headline lines end at the right margin, badge right, QR code left") {
  content::Post post;
  post.file = "posts/arabic.md";
  post.language = "ar";
  post.title = "مكتبة الواجهة البحرية تطلق ساعة قراءة عربية كل سبت";
  post.summary =
      "تبدأ المكتبة ساعة قراءة باللغة العربية كل يوم سبت عند الساعة 10:30 صباحًا، وقد جمعت أكثر من 120 كتابًا.";
  post.source = "Harbor City Libraries";
  post.date = "2026-12-04";
  post.url = "https://example.org/libraries/arabic-hour";
  render::LineBreaker breaker;
  const render::Theme theme;
  const render::DrawList list = render::layoutCard(post, {1920, 1080}, theme, "en", realFonts(), breaker, {});
  std::vector<render::TextRun> headline;
  std::vector<render::TextRun> summary;
  const render::QrCode* qr = nullptr;
  for (const auto& command : list.commands) {
    if (const auto* run = std::get_if<render::TextRun>(&command)) {
      if (run->color == theme.headline && run->font.weight == fonts::Weight::Bold) headline.push_back(*run);
      if (run->color == theme.summary && post.summary.find(run->text) != std::string::npos) summary.push_back(*run);
    }
    if (const auto* code = std::get_if<render::QrCode>(&command)) qr = code;
  }
  REQUIRE(headline.size() >= 2);
  REQUIRE(summary.size() >= 2);
  const int right_edge = headline[0].x + realFonts().width(headline[0].text, headline[0].font);
  CHECK(right_edge > 1920 * 3 / 4);
  for (const auto& group : {headline, summary}) {
    for (const auto& run : group) {
      CAPTURE(run.text);
      CHECK(run.font.rtl);
      CHECK(run.x + realFonts().width(run.text, run.font) == right_edge);  // right-aligned, all on one edge
    }
  }
  REQUIRE(qr != nullptr);
  CHECK(qr->box.x + qr->box.w < 1920 / 2);  // the QR code at the bottom left

  // The painted card: the headline's ink ends at that right edge.
  render::SurfacePtr surface = render::paintDrawList(list, realFonts(), {});
  REQUIRE(surface);
  const render::FontMetrics m = realFonts().metrics(headline[0].font);
  int last_ink = -1;
  for (int x = right_edge + 8; x > right_edge - 60 && last_ink < 0; --x) {
    for (int y = headline[0].baseline - m.ascent; y < headline[0].baseline + m.descent; ++y) {
      const auto px = argbAt(*surface, x, y);
      if (px.r > 200 && px.g > 200 && px.b > 200) {
        last_ink = x;
        break;
      }
    }
  }
  CHECK(last_ink >= right_edge - 8);
  CHECK(last_ink <= right_edge + 2);

  // The same card in English is not mirrored.
  content::Post english = post;
  english.language = "en";
  english.title = "The waterfront library starts an Arabic reading hour";
  english.summary = "Every Saturday at 10:30.";
  for (const auto& command :
       render::layoutCard(english, {1920, 1080}, theme, "en", realFonts(), breaker, {}).commands) {
    if (const auto* code = std::get_if<render::QrCode>(&command)) CHECK(code->box.x > 1920 / 2);
  }
}
