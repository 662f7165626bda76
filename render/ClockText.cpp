#include "render/ClockText.hpp"

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

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
  formatters_->date = openFormatter(locale, u"EEEMMMd", zone);
  formatters_->short_date = openFormatter(locale, u"MMMd", zone);
}

ClockText::~ClockText() = default;

std::string ClockText::time(std::time_t t) const { return format(formatters_->time, t); }

std::string ClockText::date(std::time_t t) const { return format(formatters_->date, t); }

std::string ClockText::shortDate(std::time_t t) const { return format(formatters_->short_date, t); }

LocalTime localTime(std::time_t t, const std::string& zone) {
  LocalTime local;
  const bool known = content::isKnownTimeZone(zone);
  const std::u16string zone16 = toUtf16(zone);
  UErrorCode status = U_ZERO_ERROR;
  UCalendar* calendar = ucal_open(known ? reinterpret_cast<const UChar*>(zone16.data()) : nullptr,
                                  known ? static_cast<int32_t>(zone16.size()) : 0, "en_GB@calendar=gregorian",
                                  UCAL_GREGORIAN, &status);
  if (U_FAILURE(status)) return local;
  ucal_setMillis(calendar, static_cast<UDate>(t) * 1000.0, &status);
  const int day = ucal_get(calendar, UCAL_DAY_OF_WEEK, &status);  // 1 = Sunday
  local.weekday = (day + 5) % 7;
  local.minute_of_day = ucal_get(calendar, UCAL_HOUR_OF_DAY, &status) * 60 + ucal_get(calendar, UCAL_MINUTE, &status);
  local.second_of_minute = ucal_get(calendar, UCAL_SECOND, &status);
  ucal_close(calendar);
  if (U_FAILURE(status)) return LocalTime{};
  return local;
}

}  // namespace newsticker::render
