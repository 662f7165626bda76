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

icu::Locale localeFor(const content::LanguageTag& language, UErrorCode& status) {
  // English cards write the day first ("24 Nov 2026"), as British English does.
  const std::string tag = language.empty() || language == "en" ? "en-GB" : language.str();
  icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status) || locale.isBogus()) {
    status = U_ZERO_ERROR;
    locale = icu::Locale("en", "GB");
  }
  locale.setKeywordValue("calendar", "gregorian", status);
  return locale;
}

// Null when ICU cannot make one (no data for any locale).
std::unique_ptr<DateFormatter> makeFormatter(const content::LanguageTag& language) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = localeFor(language, status);
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

std::string formatCardDate(const std::string& iso, const content::LanguageTag& language) {
  int year = 0, month = 0, day = 0;
  char dash1 = 0, dash2 = 0;
  if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d%c%2d%c%2d", &year, &dash1, &month, &dash2, &day) != 5 ||
      dash1 != '-' || dash2 != '-' || year < 1 || month < 1 || month > 12 || day < 1 || day > 31) {
    return "";
  }
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<DateFormatter>> formatters;
  const std::lock_guard<std::mutex> lock(mutex);
  auto it = formatters.find(language.str());
  if (it == formatters.end()) it = formatters.emplace(language.str(), makeFormatter(language)).first;
  if (!it->second) return "";
  DateFormatter& formatter = *it->second;
  UErrorCode status = U_ZERO_ERROR;
  formatter.calendar->clear();
  formatter.calendar->set(year, month - 1, day, 12, 0, 0);  // noon: far from any day boundary
  const UDate time = formatter.calendar->getTime(status);  // fails for a day the month lacks
  if (U_FAILURE(status)) return "";
  icu::UnicodeString text;
  formatter.format->format(time, text);
  std::string utf8;
  text.toUTF8String(utf8);
  return utf8;
}

}  // namespace newsticker::render
