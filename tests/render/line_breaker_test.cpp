// SPDX-License-Identifier: Apache-2.0
// Break opportunities from ICU with newsticker's per-language corrections.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "content/Utf8.hpp"
#include "render/LineBreaker.hpp"
#include "render/UrlUnitBreaks.hpp"

using newsticker::render::LineBreaker;
namespace render = newsticker::render;

namespace {

// Opportunities as code point indices (easier to read than byte offsets).
std::vector<std::size_t> breakIndices(LineBreaker& breaker, const std::string& text, const std::string& language) {
  std::vector<std::size_t> byte_to_index(text.size() + 1, 0);
  std::size_t index = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    byte_to_index[pos] = index++;
    newsticker::content::nextCodePoint(text, pos);
  }
  byte_to_index[text.size()] = index;
  std::vector<std::size_t> result;
  for (const auto& opportunity : breaker.opportunities(text, language))
    result.push_back(byte_to_index[opportunity.offset]);
  return result;
}

using Indices = std::vector<std::size_t>;

}  // namespace

TEST_CASE("Chinese breaks between ideographs but never before closing punctuation") {
  LineBreaker breaker;
  // 我们明天开会，请准时。 = 我 们 明 天 开 会 ， 请 准 时 。
  const Indices got = breakIndices(breaker, "我们明天开会，请准时。", "zh-Hans");
  CHECK(got == Indices{1, 2, 3, 4, 5, 7, 8, 9, 11});
}

TEST_CASE("Chinese with embedded Latin keeps the Latin word whole") {
  LineBreaker breaker;
  // 使用 Linux 系统 : the word "Linux" has no opportunity inside it.
  const std::string text = "使用Linux系统";
  const Indices got = breakIndices(breaker, text, "zh-Hans");
  CHECK(got == Indices{1, 2, 7, 8, 9});
}

TEST_CASE("Japanese uses strict kinsoku: no line starts with small kana, prolonged sound mark or 。") {
  LineBreaker breaker;
  // ちょっとコーヒー。 = ち ょ っ と コ ー ヒ ー 。
  const std::string text = "ちょっとコーヒー。";
  const Indices strict = breakIndices(breaker, text, "ja");
  CHECK(strict == Indices{3, 4, 6, 9});
}

TEST_CASE("Japanese never ends a line with an opening bracket") {
  LineBreaker breaker;
  // 「新しい」投影機 = 「 新 し い 」 投 影 機
  const Indices got = breakIndices(breaker, "「新しい」投影機", "ja");
  CHECK(got == Indices{2, 3, 5, 6, 7, 8});
}

TEST_CASE("Korean breaks only between words (keep-all)") {
  LineBreaker breaker;
  // 청소년 코딩 캠프 = 청 소 년 ␠ 코 딩 ␠ 캠 프
  CHECK(breakIndices(breaker, "청소년 코딩 캠프", "ko") == Indices{4, 7, 9});
}

TEST_CASE("English breaks after spaces and hyphens, and a newline is mandatory") {
  LineBreaker breaker;
  const auto got = breaker.opportunities("first-time speakers\nwelcome", "en");
  std::vector<std::size_t> offsets;
  for (const auto& o : got) offsets.push_back(o.offset);
  CHECK(offsets == std::vector<std::size_t>{6, 11, 20, 27});
  CHECK_FALSE(got[0].mandatory);
  CHECK_FALSE(got[1].mandatory);
  CHECK(got[2].mandatory);
}

TEST_CASE("grapheme clusters keep emoji sequences and combining marks whole") {
  LineBreaker breaker;
  const std::string family =
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";  // 👨‍👩‍👧
  const std::string thumbs = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD";                   // 👍🏽
  const std::string e_acute = "e\xCC\x81";                                         // e + combining acute
  const std::string text = family + thumbs + e_acute + "x";
  const auto bounds = breaker.graphemeBoundaries(text);
  CHECK(bounds == std::vector<std::size_t>{0, family.size(), family.size() + thumbs.size(),
                                           family.size() + thumbs.size() + e_acute.size(), text.size()});
}

TEST_CASE("iterators are reused: many calls in several languages give stable results") {
  LineBreaker breaker;
  const Indices first = breakIndices(breaker, "我们明天开会，请准时。", "zh-Hans");
  for (int i = 0; i < 50; ++i) {
    breakIndices(breaker, "ちょっとコーヒー。", "ja");
    breakIndices(breaker, "청소년 코딩 캠프", "ko");
  }
  CHECK(breakIndices(breaker, "我们明天开会，请准时。", "zh-Hans") == first);
  CHECK(breaker.opportunities("", "en").size() == 1);
}

TEST_CASE("phrase breaks for headlines: Chinese and Japanese between words, a number with its counter") {
  render::LineBreaker breaker;
  const auto offsets = [&](const std::string& text, const char* language) {
    std::vector<std::size_t> out;
    for (const render::BreakOpportunity& o : breaker.opportunities(text, language)) out.push_back(o.offset);
    return out;
  };
  const auto has = [](const std::vector<std::size_t>& v, std::size_t x) {
    return std::count(v.begin(), v.end(), x) > 0;
  };
  const std::string zh = "北辰開源大會公布議程";  // 北辰 開源 大會 公布 議程: 3 bytes a character
  const std::string ja = "新しい投影機で11月にリニューアル";
  const auto zh_legal = offsets(zh, "zh-Hant");
  const auto ja_legal = offsets(ja, "ja");
  CHECK(has(zh_legal, 3 * 7));                  // 公|布: any character boundary is a legal break
  const std::size_t month = ja.find("11") + 2;  // 11|月
  CHECK(has(ja_legal, month));                  // the rules allow it
  const std::size_t particle = ja.find("で");   // 機|で
  CHECK(has(ja_legal, particle));
  {
    const render::PhraseBreaks scope(breaker);
    CHECK(breaker.phrases());
    const auto zh_phrases = offsets(zh, "zh-Hant");
    CHECK_FALSE(has(zh_phrases, 3 * 7));  // not inside 公布
    CHECK(has(zh_phrases, 3 * 6));        // 大會|公布
    CHECK(zh_phrases.back() == zh.size());
    const auto ja_phrases = offsets(ja, "ja");
    CHECK_FALSE(has(ja_phrases, month));     // 11月 stays whole
    CHECK_FALSE(has(ja_phrases, particle));  // で stays with 投影機
    CHECK(has(ja_phrases, ja.find("11")));   // 機で|11月に
    // Other languages are untouched.
    CHECK(offsets("Night buses return", "en") == std::vector<std::size_t>{6, 12, 18});
  }
  CHECK_FALSE(breaker.phrases());
  CHECK(offsets(zh, "zh-Hant") == zh_legal);
}

// Issue 30 class 2: web addresses, numbers with their units, words joined by
// a slash (render/UrlUnitBreaks.hpp).
namespace {

// The text of each piece between opportunities, for readable checks.
std::vector<std::string> pieces(LineBreaker& breaker, const std::string& text, const std::string& language) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (const render::BreakOpportunity& o : breaker.opportunities(text, language)) {
    out.push_back(text.substr(from, o.offset - from));
    from = o.offset;
  }
  return out;
}

using Pieces = std::vector<std::string>;

}  // namespace

TEST_CASE("a web address breaks only after a slash or before a dot of its path, never in its scheme or host") {
  LineBreaker breaker;
  CHECK(pieces(breaker, "Visit https://www.example.org/events/repair-cafe.html for details", "en") ==
        Pieces{"Visit ", "https://www.example.org/", "events/", "repair-cafe", ".html ", "for ", "details"});
  // A host with a hyphen, an address without a scheme, a query.
  CHECK(pieces(breaker, "see www.harbor-city.example/news/2026/index.html now", "en") ==
        Pieces{"see ", "www.harbor-city.example/", "news/", "2026/", "index", ".html ", "now"});
  CHECK(pieces(breaker, "see http://example.com/a/b?x=1&y=2, then", "en") ==
        Pieces{"see ", "http://example.com/", "a/", "b?x=1&y=2, ", "then"});
  // The full stop after an address ends the sentence, not the path.
  CHECK(pieces(breaker, "at https://example.org/a.", "en") == Pieces{"at ", "https://example.org/", "a."});
  // In Japanese text too: the address is one piece up to its path.
  const Pieces japanese = pieces(breaker, "詳細はhttps://example.jp/info/を参照", "ja");
  CHECK(std::find(japanese.begin(), japanese.end(), "https://example.jp/") != japanese.end());
  CHECK(std::find(japanese.begin(), japanese.end(), "info/") != japanese.end());
}

TEST_CASE("a slash joins two words or numbers: km/h, đồng/lượt, and/or, 1/2 stay whole") {
  LineBreaker breaker;
  CHECK(pieces(breaker, "100km/h, 20.000 đồng/lượt", "vi") == Pieces{"100km/h, ", "20.000 đồng/lượt"});
  CHECK(pieces(breaker, "and/or 1/2 price", "en") == Pieces{"and/or ", "1/2 ", "price"});
  // A slash with spaces around it is not between two words: ICU's rules.
  CHECK(pieces(breaker, "red / blue", "en") == Pieces{"red / ", "blue"});
}

TEST_CASE("a number stays with its unit, per cent sign or currency; a currency sign with its number") {
  LineBreaker breaker;
  CHECK(pieces(breaker, "at 120 km/h for 100 km", "en") == Pieces{"at ", "120 km/h ", "for ", "100 km"});
  CHECK(pieces(breaker, "25 % or 3 ‰ off", "fr") == Pieces{"25 % ", "or ", "3 ‰ ", "off"});
  CHECK(pieces(breaker, "100 € or € 100 or 100 USD, 5 kg.", "en") ==
        Pieces{"100 € ", "or ", "€ 100 ", "or ", "100 USD, ", "5 kg."});
  // A narrow no-break space, as French writes it, was never a break; a word
  // that is no unit still breaks after a number.
  CHECK(pieces(breaker, "Le 12 novembre", "fr") == Pieces{"Le ", "12 ", "novembre"});
  CHECK(render::isUnit("km/h"));
  CHECK(render::isUnit("%)"));
  CHECK(render::isUnit("€»"));
  CHECK_FALSE(render::isUnit("novembre"));
  CHECK_FALSE(render::isUnit("km/"));
}

// Issue 30 class 6: guillemets and the Korean middle dot; class 7: the
// Hebrew maqaf.
TEST_CASE("« never ends a line and » never starts one, across an ordinary space; German quotes the other way") {
  LineBreaker breaker;
  CHECK(pieces(breaker, "Il a dit « Bonjour à tous » hier", "fr") ==
        Pieces{"Il ", "a ", "dit ", "« Bonjour ", "à ", "tous » ", "hier"});
  // With narrow no-break spaces (U+202F) there was never a break: still none.
  CHECK(pieces(breaker, "dit «\u202FBonjour\u202F» hier", "fr") == Pieces{"dit ", "«\u202FBonjour\u202F» ", "hier"});
  // German: » opens and « closes.
  CHECK(pieces(breaker, "Er sagte » Guten Tag « und ging", "de") ==
        Pieces{"Er ", "sagte ", "» Guten ", "Tag « ", "und ", "ging"});
}

TEST_CASE("a Korean line never starts with a middle dot") {
  LineBreaker breaker;
  for (const std::string& piece : pieces(breaker, "남·북 정상회담과 3·1절 기념식", "ko")) {
    CHECK(piece.rfind("·", 0) != 0);
  }
}

TEST_CASE("Hebrew: a break after the maqaf between Hebrew words, ה-Hackathon kept whole") {
  LineBreaker breaker;
  // "the school's library" written with a maqaf (U+05BE).
  CHECK(pieces(breaker, "ספריית בית־הספר", "he") == Pieces{"ספריית ", "בית־", "הספר"});
  CHECK(pieces(breaker, "משתתפים ב-Hackathon השנתי", "he") == Pieces{"משתתפים ", "ב-Hackathon ", "השנתי"});
}
