#include "render/CardDate.hpp"

#include <cstdio>

namespace newsticker::render {

std::string formatCardDate(const std::string& iso, const std::string& language) {
  int year = 0, month = 0, day = 0;
  if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3 || month < 1 ||
      month > 12) {
    return "";
  }
  char buffer[64];
  if (language == "ja" || language == "zh-Hans" || language == "zh-Hant" || language == "zh") {
    std::snprintf(buffer, sizeof buffer, "%d\xE5\xB9\xB4%d\xE6\x9C\x88%d\xE6\x97\xA5", year, month, day);
  } else if (language == "ko") {
    std::snprintf(buffer, sizeof buffer, "%d\xEB\x85\x84 %d\xEC\x9B\x94 %d\xEC\x9D\xBC", year, month, day);
  } else {
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::snprintf(buffer, sizeof buffer, "%d %s %d", day, kMonths[month - 1], year);
  }
  return buffer;
}

}  // namespace newsticker::render
