// SPDX-License-Identifier: Apache-2.0
// The time and date the screen's clock shows, in the reader's language and
// the configured time zone, through ICU's date formatting. No SDL.
#pragma once

#include <ctime>
#include <memory>
#include <string>

#include "content/LanguageTag.hpp"
#include "content/PostDate.hpp"

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

 private:
  struct Formatters;
  std::unique_ptr<Formatters> formatters_;
};

// The local weekday, minute and day at a time in a zone: one home, in content/PostDate.
using content::LocalTime;
using content::localTime;

}  // namespace newsticker::render
