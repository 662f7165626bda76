// How a card writes a date for its reader. Pure; no SDL.
#pragma once

#include <string>

namespace newsticker::render {

// The date as a reader of `language` writes it: "12 Sep 2022", "2022年9月12日",
// "2022년 9월 12일"; "" when `iso_date` is empty or malformed.
std::string formatCardDate(const std::string& iso_date, const std::string& language);

}  // namespace newsticker::render
