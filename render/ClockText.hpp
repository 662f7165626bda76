// The time and date the screen's clock shows, in the reader's language and
// the configured time zone, through ICU's date formatting. No SDL.
#pragma once

#include <ctime>
#include <memory>
#include <string>

#include "content/LanguageTag.hpp"

namespace newsticker::render {

enum class ClockHours { Auto, TwentyFour, Twelve };

struct ClockStyle {
  ClockHours hours = ClockHours::Auto;  // Auto: as the system locale writes times
  std::string time_zone;                // IANA id such as "Europe/Berlin"; empty: the system's
  content::LanguageTag language;                 // for the date's words ("en", "fr", "ja", ...); empty: "en"
};

class ClockText {
 public:
  // Opens the ICU formatters once. An unknown time zone falls back to the
  // system's (use content::isKnownTimeZone to reject it first).
  explicit ClockText(const ClockStyle& style);
  ~ClockText();
  ClockText(const ClockText&) = delete;
  ClockText& operator=(const ClockText&) = delete;

  // "14:05" or "2:05 PM" for `t`.
  std::string time(std::time_t t) const;
  // "Tue, 24 Nov" / "24 nov." / "11月24日(火)": weekday, day and month.
  std::string date(std::time_t t) const;
  // "24 Nov" / "24 nov." / "11月24日": day and month, no weekday.
  std::string shortDate(std::time_t t) const;

 private:
  struct Formatters;
  std::unique_ptr<Formatters> formatters_;
};

// The local weekday (0 = Monday .. 6 = Sunday) and minute of the day at `t`
// in `zone` (IANA id; empty or unknown: the system's zone), by ICU's calendar.
struct LocalTime {
  int weekday = 0;
  int minute_of_day = 0;
  int second_of_minute = 0;
};
LocalTime localTime(std::time_t t, const std::string& zone);

}  // namespace newsticker::render
