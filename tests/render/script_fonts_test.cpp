// SPDX-License-Identifier: Apache-2.0
// The font chain's faces for scripts Noto Sans CJK does not draw (Thai,
// Devanagari, Bengali, Tamil, ... from fonts-noto-core): their text has no
// undrawable character, Thai lines break between words without spaces, and
// each script's face opens only for its own text.
#include <doctest/doctest.h>

#include <algorithm>

#include <string>

#include "RealFonts.hpp"
#include "fonts/FontChain.hpp"
#include "render/LineBreaker.hpp"
#include "render/TextFitter.hpp"

using namespace newsticker;
using namespace newsticker::render;

TEST_CASE("script faces: Thai, Devanagari, Bengali, Tamil, Khmer and Georgian text is drawable") {
  const char* const texts[] = {
      "ตลาดนัดริมท่าเรือเปิดทุกวันเสาร์",               // Thai
      "बंदरगाह पर शनिवार को रात का बाज़ार लगेगा",  // Hindi (Devanagari)
      "বন্দরে শনিবার রাতের বাজার বসবে",          // Bengali
      "துறைமுகத்தில் சனிக்கிழமை இரவு சந்தை",        // Tamil
      "ផ្សាររាត្រីនៅកំពង់ផែ",                        // Khmer
      "ღამის ბაზარი ნავსადგურში",               // Georgian
  };
  for (const char* text : texts) {
    CAPTURE(text);
    CHECK(realFonts().missingCodePoints(text, "en").empty());
    CHECK(realFonts().width(text, FontSpec{fonts::Weight::Bold, 40, "en"}) > 0);
  }
}

TEST_CASE("script faces: a script's face is asked only for its own blocks") {
  const fonts::FontChain chain = fonts::defaultFontChain();
  const auto faces = chain.faces("en", fonts::Weight::Regular);
  bool thai_seen = false;
  for (const fonts::FontFace& face : faces) {
    if (face.file.find("NotoSansThai") == std::string::npos) continue;
    thai_seen = true;
    CHECK(face.serves(U'ต'));
    CHECK_FALSE(face.serves(U'A'));
    CHECK_FALSE(face.serves(U'字'));
  }
  CHECK(thai_seen);
  // The main face and the symbol fallbacks have no ranges: asked for anything.
  CHECK(faces.front().serves(U'A'));
}

TEST_CASE("script faces: Thai breaks between words (ICU's dictionary), not only at spaces") {
  LineBreaker breaker;
  const FontSpec font{fonts::Weight::Regular, 40, "th"};
  const std::string text = "ตลาดนัดริมท่าเรือเปิดทุกวันเสาร์และมีดนตรีสดตลอดคืน";
  bool cut = false;
  const auto lines = wrapText(text, 400, font, realFonts(), breaker, &cut);
  CHECK_FALSE(cut);  // no word had to be cut: the breaker found places between words
  REQUIRE(lines.size() >= 2);
  std::string joined;
  for (const std::string& line : lines) {
    CHECK(realFonts().width(line, font) <= 400);
    joined += line;
  }
  CHECK(joined == text);
}

TEST_CASE("script faces: Devanagari is shaped as Devanagari (conjuncts formed, vowel signs reordered)") {
  // Shaped as its script, क + ् + ष is the one conjunct glyph क्ष, narrower
  // than क and ष side by side; shaped without a script the virama stays and
  // the three glyphs stand in a row.
  const FontSpec font{fonts::Weight::Regular, 60, "hi"};
  const int conjunct = realFonts().width("क्ष", font);
  const int apart = realFonts().width("क", font) + realFonts().width("ष", font);
  INFO("क्ष " << conjunct << " px, क + ष " << apart << " px");
  CHECK(conjunct > 0);
  CHECK(conjunct * 4 < apart * 3);  // 44 against 83 px shaped; 81 against 83 unshaped
}

TEST_CASE("script faces: Lao, Khmer and Burmese, written without spaces, break between words too") {
  LineBreaker breaker;
  // "The harbour market opens every Saturday", without a single space.
  const std::pair<const char*, const char*> texts[] = {
      {"lo", "ຕະຫຼາດນັດແຄມທ່າເຮືອເປີດທຸກວັນເສົາ"},
      {"km", "ផ្សារនៅមាត់កំពង់ផែបើករៀងរាល់ថ្ងៃសៅរ៍"},
      {"my", "ဆိပ်ကမ်းဈေးသည်စနေနေ့တိုင်းဖွင့်သည်"},
  };
  for (const auto& entry : texts) {
    const std::string language = entry.first;  // not a binding: CAPTURE takes it in a lambda
    CAPTURE(language);
    const std::string s = entry.second;
    const auto opportunities = breaker.opportunities(s, language);
    REQUIRE_FALSE(opportunities.empty());
    CHECK(opportunities.back().offset == s.size());
    CHECK(opportunities.size() >= 3);  // the dictionary found at least two places inside
    const auto clusters = breaker.graphemeBoundaries(s);
    for (const auto& o : opportunities) {
      CHECK(std::find(clusters.begin(), clusters.end(), o.offset) != clusters.end());  // never inside a cluster
    }
    // And the face of the script draws every character.
    CHECK(realFonts().missingCodePoints(s, language).empty());
  }
}
