// SPDX-License-Identifier: Apache-2.0
// How a card writes a date for its reader, in the reader's language (ICU).
// No SDL.
#pragma once

#include <string>
#include <string_view>

#include "content/LanguageTag.hpp"

namespace newsticker::render {

// The calendar date of `iso_date` ("YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SSZ" whose
// date part is taken as written: never shifted by a time zone) as a reader of
// `language` writes it, with ICU's abbreviated-month pattern for that locale:
// "24 Nov 2026" (English, day first), "24 nov. 2026", "24. Nov. 2026",
// "2026年11月24日", "2026년 11월 24일"; always the Gregorian calendar. With
// `latin_digits` the digits are 0-9 whatever the language's own (an Arabic
// post that writes "12 ديسمبر" gets "28 نوفمبر 2026", as ar-u-nu-latn). ""
// when `iso_date` is empty or not a real date. The formatter of each language
// is made once and kept; thread-safe.
std::string formatCardDate(const std::string& iso_date, const content::LanguageTag& language,
                           bool latin_digits = false);

// True when `text` writes numbers in the digits 0-9 and in no other script's
// digits (Arabic-Indic, Persian, Devanagari, Bengali, Thai): a card's date
// then uses 0-9 too. Pure.
bool writesLatinDigits(std::string_view text);

}  // namespace newsticker::render
