// SPDX-License-Identifier: Apache-2.0
// The time and date the screen's clock shows, in the reader's language and
// the configured time zone, through ICU's date formatting. No SDL.
#pragma once

#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "content/LanguageTag.hpp"
#include "content/PostDate.hpp"

namespace newsticker::render {

enum class ClockHours { Auto, TwentyFour, Twelve };

struct ClockStyle {
  ClockHours hours = ClockHours::Auto;  // Auto: as the system locale writes times (see clockConventionFor)
  std::string time_zone;                // IANA id such as "Europe/Berlin"; empty: the system's
  content::LanguageTag language;        // for the date's words ("en", "fr", "ja", ...); empty: "en"
  std::string date_locale;              // ICU locale of the date ("en_GB": "Mon 7 Dec"); empty: `language`'s
};

// How a screen writes the time and the date: one convention for the whole screen.
struct ClockConvention {
  ClockHours hours = ClockHours::TwentyFour;
  std::string date_locale;  // ICU locale id: "en_GB", "en_US", "fr", ...
};

// The convention of a feed in `language` whose posts read `texts` (titles,
// summaries), on a system whose ICU default locale is `system_locale`: the
// posts' own times decide the hours ("23:00", "18:30" against "11 pm",
// "6:30 p.m."), else a system locale of the feed's language with a region
// (not C or POSIX, which ICU calls en_US_POSIX), else 24 hours, as most of
// the world writes them. English dates follow: day first with 24 hours
// ("Mon 7 Dec", en_GB), month first with 12 ("Mon, Dec 7", en_US). Hours
// other than Auto in `hours` (the config's) are kept, and the date follows
// them. Pure.
ClockConvention clockConventionFor(const content::LanguageTag& language, const std::vector<std::string>& texts,
                                   const std::string& system_locale, ClockHours hours = ClockHours::Auto);

// ICU's default locale id, from LC_ALL / LC_TIME / LANG ("en_US_POSIX" for C).
std::string systemLocale();

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

// The local weekday, minute and day at a time in a zone: one home, in content/PostDate.
using content::LocalTime;
using content::localTime;

}  // namespace newsticker::render
