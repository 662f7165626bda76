// SPDX-License-Identifier: Apache-2.0
// Dates and the QR caption in the reader's language: exact strings, so a
// wrong month or a shifted day fails.
#include <doctest/doctest.h>

#include <unicode/timezone.h>

#include <memory>

#include "render/CardCaption.hpp"
#include "render/CardDate.hpp"

using namespace newsticker;

TEST_CASE("formatCardDate writes the date as a reader of the post's language does") {
  const std::string date = "2026-11-24";
  CHECK(render::formatCardDate(date, "en") == "24 Nov 2026");
  CHECK(render::formatCardDate(date, "") == "24 Nov 2026");
  CHECK(render::formatCardDate(date, "fr") == "24 nov. 2026");
  CHECK(render::formatCardDate(date, "de") == "24. Nov. 2026");
  CHECK(render::formatCardDate(date, "es") == "24 nov 2026");
  CHECK(render::formatCardDate(date, "ja") == "2026年11月24日");
  CHECK(render::formatCardDate(date, "zh-Hans") == "2026年11月24日");
  CHECK(render::formatCardDate(date, "zh-Hant") == "2026年11月24日");
  CHECK(render::formatCardDate(date, "ko") == "2026년 11월 24일");
  // Months are the post's: February in French and German, May in Spanish.
  CHECK(render::formatCardDate("2024-02-27", "fr") == "27 févr. 2024");
  CHECK(render::formatCardDate("2024-02-27", "de") == "27. Feb. 2024");
  CHECK(render::formatCardDate("2025-05-03", "es") == "3 may 2025");
  CHECK(render::formatCardDate("2025-05-03", "en") == "3 May 2025");
  // Region tags and unknown languages.
  CHECK(render::formatCardDate(date, "fr-CA") == "24 nov. 2026");
  CHECK(render::formatCardDate(date, "zh-TW") == "2026年11月24日");
  CHECK(render::formatCardDate(date, "th") == render::formatCardDate(date, "th"));  // Gregorian, cached
  CHECK(render::formatCardDate(date, "th").find("2026") != std::string::npos);      // not Buddhist 2569
}

TEST_CASE("formatCardDate never shifts the date by a time zone") {
  // The process's zone is far east, then far west: the date is as written.
  std::unique_ptr<icu::TimeZone> saved(icu::TimeZone::createDefault());
  for (const char* zone : {"Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles"}) {
    CAPTURE(zone);
    icu::TimeZone::adoptDefault(icu::TimeZone::createTimeZone(zone));
    CHECK(render::formatCardDate("2026-11-24T23:30:00Z", "en") == "24 Nov 2026");
    CHECK(render::formatCardDate("2026-11-24T00:10:00Z", "ja") == "2026年11月24日");
    CHECK(render::formatCardDate("2026-01-01", "de") == "1. Jan. 2026");
    CHECK(render::formatCardDate("2026-12-31", "ko") == "2026년 12월 31일");
  }
  icu::TimeZone::adoptDefault(saved.release());
}

TEST_CASE("formatCardDate: empty for what is not a date") {
  CHECK(render::formatCardDate("", "en").empty());
  CHECK(render::formatCardDate("2026-13-01", "en").empty());
  CHECK(render::formatCardDate("2026-02-30", "fr").empty());
  CHECK(render::formatCardDate("2026-00-10", "en").empty());
  CHECK(render::formatCardDate("yesterday!", "en").empty());
  CHECK(render::formatCardDate("2026/11/24", "en").empty());
  CHECK(render::formatCardDate("0000-01-01", "en").empty());
  CHECK(render::formatCardDate("2024-02-29", "en") == "29 Feb 2024");  // a leap day is a day
}

TEST_CASE("scanCaption: 'Scan to read' in the post's language, English otherwise") {
  CHECK(render::scanCaption("en") == "Scan to read");
  CHECK(render::scanCaption("") == "Scan to read");
  CHECK(render::scanCaption("fr") == "Scannez pour lire");
  CHECK(render::scanCaption("fr-CA") == "Scannez pour lire");
  CHECK(render::scanCaption("de") == "Zum Lesen scannen");
  CHECK(render::scanCaption("es") == "Escanea para leer");
  CHECK(render::scanCaption("ja") == "スキャンして読む");
  CHECK(render::scanCaption("zh-Hans") == "扫码阅读全文");
  CHECK(render::scanCaption("zh") == "扫码阅读全文");
  CHECK(render::scanCaption("zh-Hant") == "掃碼閱讀全文");
  CHECK(render::scanCaption("zh-TW") == "掃碼閱讀全文");
  CHECK(render::scanCaption("ko") == "스캔하여 기사 읽기");
  CHECK(render::scanCaption("sv") == "Scan to read");
}

TEST_CASE("a card's date uses the digits its post writes: 0-9 in an Arabic post that writes them") {
  CHECK(render::writesLatinDigits("tonight at 23:00"));
  CHECK_FALSE(render::writesLatinDigits("no numbers here"));
  CHECK(render::writesLatinDigits(
      "\xD8\xA7\xD9\x84\xD8\xB3\xD8\xA8\xD8\xAA 12 \xD8\xAF\xD9\x8A\xD8\xB3\xD9\x85\xD8\xA8\xD8\xB1"));
  CHECK_FALSE(render::writesLatinDigits("\xD9\xA1\xD9\xA2 and 12"));          // Arabic-Indic ١٢ too
  CHECK_FALSE(render::writesLatinDigits("\xDB\xB1\xDB\xB2 and 12"));          // Persian ۱۲
  CHECK_FALSE(render::writesLatinDigits("\xE0\xA5\xA7\xE0\xA5\xA8 and 12"));  // Devanagari १२
  // ar-u-nu-latn: the Arabic month, Latin digits; without, the locale's own digits.
  CHECK(render::formatCardDate("2026-11-28", "ar", true) == "28 \xD9\x86\xD9\x88\xD9\x81\xD9\x85\xD8\xA8\xD8\xB1 2026");
  const std::string arabic_digits = render::formatCardDate("2026-11-28", "ar");
  CHECK(arabic_digits.find("\xD9\xA2\xD9\xA8") != std::string::npos);  // ٢٨
  CHECK(render::formatCardDate("2026-11-28", "en", true) == render::formatCardDate("2026-11-28", "en"));
}
