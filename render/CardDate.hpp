// SPDX-License-Identifier: Apache-2.0
// How a card writes a date for its reader, in the reader's language (ICU).
// No SDL.
#pragma once

#include <string>

#include "content/LanguageTag.hpp"

namespace newsticker::render {

// The calendar date of `iso_date` ("YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SSZ" whose
// date part is taken as written: never shifted by a time zone) as a reader of
// `language` writes it, with ICU's abbreviated-month pattern for that locale:
// "24 Nov 2026" (English, day first), "24 nov. 2026", "24. Nov. 2026",
// "2026年11月24日", "2026년 11월 24일"; always the Gregorian calendar. ""
// when `iso_date` is empty or not a real date. The formatter of each language
// is made once and kept; thread-safe.
std::string formatCardDate(const std::string& iso_date, const content::LanguageTag& language);

}  // namespace newsticker::render
