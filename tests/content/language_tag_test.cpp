// SPDX-License-Identifier: Apache-2.0
// content::LanguageTag: how a written tag is normalised, and what each
// language means for faces, breaking, punctuation, direction and locales
// (the one place content, fonts and render ask).
#include <doctest/doctest.h>

#include <sstream>

#include "content/LanguageTag.hpp"

using newsticker::content::LanguageTag;
using Cjk = LanguageTag::Cjk;

TEST_CASE("language tag: normalisation") {
  CHECK(LanguageTag("ja").str() == "ja");
  CHECK(LanguageTag("ja-JP").str() == "ja");
  CHECK(LanguageTag("JA").str() == "ja");
  CHECK(LanguageTag(" ja ").str() == "ja");
  CHECK(LanguageTag("ko-KR").str() == "ko");
  CHECK(LanguageTag("en-US").str() == "en");
  CHECK(LanguageTag("en_GB").str() == "en");
  CHECK(LanguageTag("zh").str() == "zh-Hans");
  CHECK(LanguageTag("zh-CN").str() == "zh-Hans");
  CHECK(LanguageTag("zh-SG").str() == "zh-Hans");
  CHECK(LanguageTag("zh-Hans").str() == "zh-Hans");
  CHECK(LanguageTag("zh-TW").str() == "zh-Hant");
  CHECK(LanguageTag("zh-HK").str() == "zh-Hant");
  CHECK(LanguageTag("zh-MO").str() == "zh-Hant");
  CHECK(LanguageTag("zh_TW").str() == "zh-Hant");
  CHECK(LanguageTag("zh-Hant").str() == "zh-Hant");
  CHECK(LanguageTag("zh-Hant-TW").str() == "zh-Hant");
  CHECK(LanguageTag("zh-Hans-HK").str() == "zh-Hans");
  CHECK(LanguageTag("ar-EG").str() == "ar");
  CHECK(LanguageTag("").empty());
  CHECK(LanguageTag().str().empty());
  // Normalising a normalised tag changes nothing (the parse cache stores them).
  for (const char* tag : {"ja", "ko", "zh-Hans", "zh-Hant", "en", "ar", "he", ""}) {
    CAPTURE(tag);
    CHECK(LanguageTag(LanguageTag(tag).str()).str() == LanguageTag(tag).str());
  }
  // Equal when they normalise alike.
  CHECK(LanguageTag("zh-TW") == LanguageTag("zh-Hant-HK"));
  CHECK(LanguageTag("ja-JP") == "ja");
  CHECK(LanguageTag("ja") != "ko");
  std::ostringstream written;
  written << LanguageTag("zh_tw");
  CHECK(written.str() == "zh-Hant");
}

TEST_CASE("language tag: CJK conventions") {
  CHECK(LanguageTag("ja").cjk() == Cjk::Japanese);
  CHECK(LanguageTag("ko").cjk() == Cjk::Korean);
  CHECK(LanguageTag("zh").cjk() == Cjk::SimplifiedChinese);
  CHECK(LanguageTag("zh-TW").cjk() == Cjk::TraditionalChinese);
  CHECK(LanguageTag("en").cjk() == Cjk::None);
  CHECK(LanguageTag("").cjk() == Cjk::None);
  CHECK_FALSE(LanguageTag("jv").isCjk());  // Javanese
  // Punctuation trimming: Japanese and Chinese, not Korean (as Chromium).
  CHECK(LanguageTag("ja").trimsCjkPunctuation());
  CHECK(LanguageTag("zh-Hans").trimsCjkPunctuation());
  CHECK(LanguageTag("zh-Hant").trimsCjkPunctuation());
  CHECK_FALSE(LanguageTag("ko").trimsCjkPunctuation());
  CHECK_FALSE(LanguageTag("en").trimsCjkPunctuation());
  // Korean keeps words whole; nothing else does.
  CHECK(LanguageTag("ko-KR").keepsWordsWhole());
  CHECK_FALSE(LanguageTag("ja").keepsWordsWhole());
  CHECK_FALSE(LanguageTag("th").keepsWordsWhole());
}

TEST_CASE("language tag: direction") {
  CHECK(LanguageTag("ar").runsRightToLeft());
  CHECK(LanguageTag("he-IL").runsRightToLeft());
  CHECK(LanguageTag("iw").runsRightToLeft());  // Hebrew's old code
  CHECK(LanguageTag("fa").runsRightToLeft());
  CHECK(LanguageTag("ur").runsRightToLeft());
  CHECK(LanguageTag("ckb").runsRightToLeft());
  CHECK_FALSE(LanguageTag("en").runsRightToLeft());
  CHECK_FALSE(LanguageTag("ja").runsRightToLeft());
  CHECK_FALSE(LanguageTag("arn").runsRightToLeft());  // Mapudungun, not Arabic
  CHECK_FALSE(LanguageTag("").runsRightToLeft());
}

TEST_CASE("language tag: ICU locales and language ranges") {
  CHECK(LanguageTag("zh-TW").icuLocale() == "zh_Hant");
  CHECK(LanguageTag("zh").icuLocale() == "zh_Hans");
  CHECK(LanguageTag("ja-JP").icuLocale() == "ja");
  CHECK(LanguageTag("").icuLocale().empty());
  // A bare language covers each of its tags; a full tag only itself.
  CHECK(LanguageTag("zh-Hans").matches("zh"));
  CHECK(LanguageTag("zh-Hant").matches("zh"));
  CHECK(LanguageTag("zh-Hant").matches("ZH"));
  CHECK(LanguageTag("zh-Hant").matches("zh-Hant"));
  CHECK(LanguageTag("zh-Hant").matches("zh-TW"));
  CHECK_FALSE(LanguageTag("zh-Hans").matches("zh-Hant"));
  CHECK(LanguageTag("ja").matches("ja"));
  CHECK_FALSE(LanguageTag("ja").matches("jav"));
  CHECK_FALSE(LanguageTag("jv").matches("j"));
  CHECK_FALSE(LanguageTag("").matches("en"));
}
