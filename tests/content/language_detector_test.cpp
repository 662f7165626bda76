// SPDX-License-Identifier: Apache-2.0
// detectLanguage, and how readPost uses it with the declared tag.
#include <doctest/doctest.h>

#include <string>

#include "content/LanguageDetector.hpp"
#include "content/PostReader.hpp"

using namespace newsticker::content;

TEST_CASE("language detection: kana, hangul, Han") {
  CHECK(detectLanguage("ひらがなとカタカナ") == "ja");
  CHECK(detectLanguage("市立図書館は日曜日もひらいています") == "ja");  // kanji with some kana
  CHECK(detectLanguage("ｶﾀｶﾅ") == "ja");                                // halfwidth katakana
  CHECK(detectLanguage("도서관이 일요일에도 문을 엽니다") == "ko");
  CHECK(detectLanguage("图书馆星期天也开放") == "zh-Hans");
}

TEST_CASE("language detection: simplified vs traditional Chinese") {
  CHECK(detectLanguage("这是我们的国家图书馆，开放时间会变长。") == "zh-Hans");
  CHECK(detectLanguage("這是我們的國家圖書館，開放時間會變長。") == "zh-Hant");
  // Shared characters only: no traditional-only form, so simplified.
  CHECK(detectLanguage("大山中天人") == "zh-Hans");
}

TEST_CASE("language detection: no opinion") {
  CHECK(detectLanguage("").empty());
  CHECK(detectLanguage("The ferry leaves at nine from the east pier.").empty());
  CHECK(detectLanguage("The night market on the 中 street reopens this weekend with twenty food stalls.").empty());
  CHECK(detectLanguage("1234 !?").empty());
}

TEST_CASE("language: readPost uses lang/language, then detection, then the feed default") {
  FeedDefaults defaults;
  defaults.language = "en";
  const auto read = [&](const std::string& front_matter, const std::string& body = "") {
    const auto result = readPost("posts/l.md", "---\n" + front_matter + "---\n" + body, defaults);
    REQUIRE(result.post.has_value());
    return result.post->language;
  };
  CHECK(read("title: Plain English headline\nlang: ja\n") == "ja");
  CHECK(read("title: Plain English headline\nlanguage: zh-TW\n") == "zh-Hant");
  CHECK(read("title: Plain English headline\nlang: ko-KR\n") == "ko");
  CHECK(read("title: Plain English headline\n") == "en");
  CHECK(read("title: \"港の夜市がはじまります\"\n") == "ja");
  CHECK(read("title: \"항구 야시장이 열립니다\"\n") == "ko");
  CHECK(read("title: \"港口夜市开幕\"\n") == "zh-Hans");
  CHECK(read("title: \"港口夜市開幕，攤位變多\"\n") == "zh-Hant");
  // The summary counts too.
  CHECK(read("title: \"2026\"\n", "\n港の夜市がはじまります。\n") == "ja");
}
