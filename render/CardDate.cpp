// SPDX-License-Identifier: Apache-2.0
#include "render/CardDate.hpp"

#include <unicode/calendar.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <map>
#include <memory>
#include <mutex>

namespace newsticker::render {
namespace {

// One language's date pattern and a calendar to turn fields into a time,
// both in UTC so that the date shown is the date written.
struct DateFormatter {
  std::unique_ptr<icu::SimpleDateFormat> format;
  std::unique_ptr<icu::Calendar> calendar;
};

icu::Locale localeFor(const content::LanguageTag& language, bool latin_digits, UErrorCode& status) {
  // English cards write the day first ("24 Nov 2026"), as British English does.
  const std::string tag = language.empty() || language == "en" ? "en-GB" : language.str();
  icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status) || locale.isBogus()) {
    status = U_ZERO_ERROR;
    locale = icu::Locale("en", "GB");
  }
  locale.setKeywordValue("calendar", "gregorian", status);
  if (latin_digits) locale.setKeywordValue("numbers", "latn", status);
  return locale;
}

// Null when ICU cannot make one (no data for any locale).
std::unique_ptr<DateFormatter> makeFormatter(const content::LanguageTag& language, bool latin_digits) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = localeFor(language, latin_digits, status);
  std::unique_ptr<icu::DateTimePatternGenerator> patterns(
      icu::DateTimePatternGenerator::createInstance(locale, status));
  if (U_FAILURE(status)) return nullptr;
  // Year, abbreviated month, day, in the order and with the words of the locale.
  const icu::UnicodeString pattern = patterns->getBestPattern(icu::UnicodeString(u"yMMMd"), status);
  auto formatter = std::make_unique<DateFormatter>();
  formatter->format = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
  formatter->calendar = std::make_unique<icu::GregorianCalendar>(*icu::TimeZone::getGMT(), locale, status);
  if (U_FAILURE(status)) return nullptr;
  formatter->format->setTimeZone(*icu::TimeZone::getGMT());
  formatter->calendar->setLenient(false);
  return formatter;
}

}  // namespace

bool writesLatinDigits(std::string_view text) {
  bool latin = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= '0' && c <= '9') latin = true;
    if (c < 0xC0 || i + 1 >= text.size()) continue;
    // Digits of other scripts: U+0660-0669, U+06F0-06F9 (two bytes), U+0966-096F, U+09E6-09EF, U+0E50-0E59.
    const auto d = static_cast<unsigned char>(text[i + 1]);
    if ((c == 0xD9 && d >= 0xA0 && d <= 0xA9) || (c == 0xDB && d >= 0xB0 && d <= 0xB9)) return false;
    if (c == 0xE0 && i + 2 < text.size()) {
      const auto e = static_cast<unsigned char>(text[i + 2]);
      if ((d == 0xA5 && e >= 0xA6 && e <= 0xAF) || (d == 0xA7 && e >= 0xA6 && e <= 0xAF) ||
          (d == 0xB9 && e >= 0x90 && e <= 0x99)) {
        return false;
      }
    }
  }
  return latin;
}

std::string formatCardDate(const std::string& iso, const content::LanguageTag& language, bool latin_digits) {
  int year = 0, month = 0, day = 0;
  char dash1 = 0, dash2 = 0;
  if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d%c%2d%c%2d", &year, &dash1, &month, &dash2, &day) != 5 ||
      dash1 != '-' || dash2 != '-' || year < 1 || month < 1 || month > 12 || day < 1 || day > 31) {
    return "";
  }
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<DateFormatter>> formatters;
  const std::lock_guard<std::mutex> lock(mutex);
  const std::string key = language.str() + (latin_digits ? "@latn" : "");
  auto it = formatters.find(key);
  if (it == formatters.end()) it = formatters.emplace(key, makeFormatter(language, latin_digits)).first;
  if (!it->second) return "";
  DateFormatter& formatter = *it->second;
  UErrorCode status = U_ZERO_ERROR;
  formatter.calendar->clear();
  formatter.calendar->set(year, month - 1, day, 12, 0, 0);  // noon: far from any day boundary
  const UDate time = formatter.calendar->getTime(status);   // fails for a day the month lacks
  if (U_FAILURE(status)) return "";
  icu::UnicodeString text;
  formatter.format->format(time, text);
  std::string utf8;
  text.toUTF8String(utf8);
  return utf8;
}

}  // namespace newsticker::render
