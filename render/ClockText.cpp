// SPDX-License-Identifier: Apache-2.0
#include "render/ClockText.hpp"

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include <cctype>
#include <cstdlib>
#include <vector>

#include "content/PostDate.hpp"

namespace newsticker::render {
namespace {

std::u16string toUtf16(const std::string& utf8) {
  std::u16string out(utf8.size() + 1, u'\0');
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8(reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()), &length, utf8.c_str(),
                static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) return u"";
  out.resize(static_cast<std::size_t>(length));
  return out;
}

std::string toUtf8(const UChar* text, int32_t length) {
  std::string out(static_cast<std::size_t>(length) * 3 + 1, '\0');
  int32_t written = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &written, text, length, &status);
  if (U_FAILURE(status)) return "";
  out.resize(static_cast<std::size_t>(written));
  // ICU puts narrow no-break spaces before AM/PM; the fonts draw a plain space as well.
  std::string plain;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 3, "\xE2\x80\xAF") == 0) {
      plain += ' ';
      i += 2;
    } else {
      plain += out[i];
    }
  }
  return plain;
}

UDateFormat* openFormatter(const std::string& locale, const std::u16string& skeleton, const std::string& zone) {
  UErrorCode status = U_ZERO_ERROR;
  UDateTimePatternGenerator* generator = udatpg_open(locale.c_str(), &status);
  if (U_FAILURE(status)) return nullptr;
  std::vector<UChar> pattern(128);
  const int32_t length = udatpg_getBestPattern(generator, reinterpret_cast<const UChar*>(skeleton.data()),
                                               static_cast<int32_t>(skeleton.size()), pattern.data(),
                                               static_cast<int32_t>(pattern.size()), &status);
  udatpg_close(generator);
  if (U_FAILURE(status)) return nullptr;
  const std::u16string zone16 = toUtf16(zone);
  UDateFormat* format =
      udat_open(UDAT_PATTERN, UDAT_PATTERN, locale.c_str(),
                zone.empty() ? nullptr : reinterpret_cast<const UChar*>(zone16.data()),
                zone.empty() ? 0 : static_cast<int32_t>(zone16.size()), pattern.data(), length, &status);
  if (U_FAILURE(status)) return nullptr;
  return format;
}

std::string format(UDateFormat* formatter, std::time_t t) {
  if (formatter == nullptr) return "";
  UChar buffer[128];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length = udat_format(formatter, static_cast<UDate>(t) * 1000.0, buffer, 128, nullptr, &status);
  if (U_FAILURE(status)) return "";
  return toUtf8(buffer, length);
}

}  // namespace

struct ClockText::Formatters {
  UDateFormat* time = nullptr;
  UDateFormat* date = nullptr;
  UDateFormat* short_date = nullptr;
  ~Formatters() {
    if (time != nullptr) udat_close(time);
    if (date != nullptr) udat_close(date);
    if (short_date != nullptr) udat_close(short_date);
  }
};

ClockText::ClockText(const ClockStyle& style) : formatters_(std::make_unique<Formatters>()) {
  const std::string zone = content::isKnownTimeZone(style.time_zone) ? style.time_zone : "";
  const char* skeleton = style.hours == ClockHours::TwentyFour ? "Hm" : style.hours == ClockHours::Twelve ? "hm" : "jm";
  // Auto follows the system locale's habit (ICU reads LC_ALL / LC_TIME / LANG).
  const std::string locale = style.language.empty() ? std::string("en") : style.language.icuLocale();
  const std::string time_locale = style.hours == ClockHours::Auto ? uloc_getDefault() : locale;
  formatters_->time = openFormatter(time_locale, toUtf16(skeleton), zone);
  const std::string date_locale = style.date_locale.empty() ? locale : style.date_locale;
  formatters_->date = openFormatter(date_locale, u"EEEMMMd", zone);
  formatters_->short_date = openFormatter(date_locale, u"MMMd", zone);
}

ClockText::~ClockText() = default;

std::string ClockText::time(std::time_t t) const { return format(formatters_->time, t); }

std::string ClockText::date(std::time_t t) const { return format(formatters_->date, t); }

std::string ClockText::shortDate(std::time_t t) const { return format(formatters_->short_date, t); }

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// After `text[end]` (the end of a time), an "am"/"pm"/"a.m."/"p.m." marker.
bool meridiemAt(const std::string& text, std::size_t end) {
  while (end < text.size() && text[end] == ' ') ++end;
  if (end >= text.size()) return false;
  const char first = static_cast<char>(std::tolower(static_cast<unsigned char>(text[end])));
  if (first != 'a' && first != 'p') return false;
  std::size_t i = end + 1;
  if (i < text.size() && text[i] == '.') ++i;
  if (i >= text.size() || std::tolower(static_cast<unsigned char>(text[i])) != 'm') return false;
  ++i;
  if (i < text.size() && text[i] == '.') ++i;
  return i >= text.size() || !std::isalpha(static_cast<unsigned char>(text[i]));
}

// Counts the times in `text` written the 24-hour way ("23:00", "07:30") and
// the 12-hour way ("11 pm", "6:30 a.m.").
void countTimes(const std::string& text, int& twenty_four, int& twelve) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!isDigit(text[i]) || (i > 0 && (isDigit(text[i - 1]) || text[i - 1] == ':'))) continue;
    std::size_t end = i;
    while (end < text.size() && isDigit(text[end])) ++end;
    const std::size_t digits = end - i;
    if (digits > 2) continue;
    const int hour = std::atoi(text.substr(i, digits).c_str());
    bool minutes = false;
    if (end + 2 < text.size() && text[end] == ':' && isDigit(text[end + 1]) && isDigit(text[end + 2]) &&
        (end + 3 >= text.size() || !isDigit(text[end + 3]))) {
      minutes = true;
      end += 3;
    }
    if (meridiemAt(text, end) && hour >= 1 && hour <= 12) ++twelve;
    else if (minutes && hour <= 23 && (hour >= 13 || hour == 0 || (digits == 2 && text[i] == '0'))) ++twenty_four;
    i = end;
  }
}

// The hour cycle ICU's data gives `locale`: 24 unless its preferred pattern has h or K.
ClockHours hoursOf(const std::string& locale) {
  UErrorCode status = U_ZERO_ERROR;
  UDateTimePatternGenerator* generator = udatpg_open(locale.c_str(), &status);
  if (U_FAILURE(status)) return ClockHours::TwentyFour;
  UChar pattern[64];
  const int32_t length = udatpg_getBestPattern(generator, u"j", 1, pattern, 64, &status);
  udatpg_close(generator);
  if (U_FAILURE(status)) return ClockHours::TwentyFour;
  for (int32_t i = 0; i < length; ++i) {
    if (pattern[i] == u'h' || pattern[i] == u'K') return ClockHours::Twelve;
  }
  return ClockHours::TwentyFour;
}

}  // namespace

ClockConvention clockConventionFor(const content::LanguageTag& language, const std::vector<std::string>& texts,
                                   const std::string& system_locale, ClockHours hours) {
  const std::string primary = language.empty() ? "en" : language.primary();
  ClockConvention convention;
  int twenty_four = 0, twelve = 0;
  for (const std::string& text : texts) countTimes(text, twenty_four, twelve);
  // A system locale with a region, in the feed's language (not C / POSIX).
  const bool system_speaks =
      system_locale.rfind(primary + "_", 0) == 0 && system_locale.find("POSIX") == std::string::npos;
  if (hours != ClockHours::Auto) {
    convention.hours = hours;
  } else if (twenty_four != twelve) {
    convention.hours = twenty_four > twelve ? ClockHours::TwentyFour : ClockHours::Twelve;
  } else if (system_speaks) {
    convention.hours = hoursOf(system_locale);
  }
  if (primary == "en") {
    const bool same_hours = system_speaks && hoursOf(system_locale) == convention.hours;
    convention.date_locale = same_hours ? system_locale : convention.hours == ClockHours::Twelve ? "en_US" : "en_GB";
  } else {
    convention.date_locale = system_speaks ? system_locale : language.icuLocale();
  }
  return convention;
}

std::string systemLocale() { return uloc_getDefault(); }

}  // namespace newsticker::render
