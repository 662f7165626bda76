// SPDX-License-Identifier: Apache-2.0
#include "render/UrlUnitBreaks.hpp"

#include <algorithm>
#include <iterator>
#include <string>

#include <unicode/uchar.h>

#include "content/Utf8.hpp"

namespace newsticker::render {
namespace {

bool isAsciiAlnum(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

// A byte that can be part of a web address (RFC 3986's characters).
bool inUrl(char c) {
  if (isAsciiAlnum(c)) return true;
  return std::string_view("-._~:/?#[]@!$&'()*+,;=%").find(c) != std::string_view::npos;
}

// Punctuation that ends a sentence or closes a bracket after an address.
bool trailsUrl(char c) { return std::string_view(".,;:!?)]}'\"").find(c) != std::string_view::npos; }

// The code point before byte `pos` of `s` (0 at the start).
char32_t codePointBefore(std::string_view s, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t at = pos - 1;
  while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return content::nextCodePoint(s, at);
}

char32_t codePointAt(std::string_view s, std::size_t pos) {
  return pos < s.size() ? content::nextCodePoint(s, pos) : 0;
}

bool isSpace(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F || c == 0x2009; }

// The end of the URL token that starts at `begin`: the first byte that
// cannot be in an address (any non-ASCII byte too: in Chinese or Japanese
// text the words go on right after an address), without trailing
// punctuation.
std::size_t urlEnd(std::string_view s, std::size_t begin) {
  std::size_t end = begin;
  while (end < s.size() && inUrl(s[end])) ++end;
  while (end > begin && trailsUrl(s[end - 1])) --end;
  return end;
}

bool isUnitSymbol(std::string_view word) {
  static constexpr std::string_view kUnits[] = {
      // length, mass, volume, area
      "mm", "cm", "dm", "m", "km", "nm", "µm", "μm", "in", "ft", "mi", "mg", "g", "kg", "t", "lb", "lbs", "oz", "ml",
      "mL", "cl", "dl", "l", "L", "hl", "m²", "m2", "km²", "km2", "m³", "m3", "ha",
      // time, speed, frequency
      "s", "ms", "µs", "min", "h", "mph", "kn", "Hz", "kHz", "MHz", "GHz",
      // temperature, energy, power, electricity, pressure, sound
      "°C", "°F", "°", "K", "J", "kJ", "cal", "kcal", "W", "kW", "MW", "GW", "Wh", "kWh", "MWh", "GWh", "V", "mV", "kV",
      "A", "mA", "mAh", "Ω", "Pa", "hPa", "kPa", "bar", "dB",
      // data
      "B", "kB", "KB", "MB", "GB", "TB", "bit", "kbit", "Mbit", "Gbit", "Mbps", "Gbps",
      // currency codes and names (signs are found by their category)
      "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "INR", "ILS", "VND", "đồng", "euro", "euros"};
  return std::find(std::begin(kUnits), std::end(kUnits), word) != std::end(kUnits);
}

}  // namespace

std::vector<UrlSpan> findUrls(std::string_view utf8) {
  std::vector<UrlSpan> urls;
  std::size_t from = 0;
  while (from < utf8.size()) {
    const std::size_t scheme_mark = utf8.find("://", from);
    const std::size_t www = utf8.find("www.", from);
    std::size_t begin = std::string_view::npos, host = 0;
    if (scheme_mark != std::string_view::npos && (www == std::string_view::npos || scheme_mark < www + 4)) {
      begin = scheme_mark;
      while (begin > from && (isAsciiAlnum(utf8[begin - 1]) || utf8[begin - 1] == '+' || utf8[begin - 1] == '-' ||
                              utf8[begin - 1] == '.')) {
        --begin;
      }
      host = scheme_mark + 3;
      if (begin == scheme_mark || !((utf8[begin] | 0x20) >= 'a' && (utf8[begin] | 0x20) <= 'z')) {
        from = scheme_mark + 3;  // no scheme before "://"
        continue;
      }
    } else if (www != std::string_view::npos) {
      if (www > 0 && (isAsciiAlnum(utf8[www - 1]) || utf8[www - 1] == '.' || utf8[www - 1] == '/')) {
        from = www + 4;  // inside a word
        continue;
      }
      begin = host = www;
    } else {
      break;
    }
    const std::size_t end = urlEnd(utf8, host);
    if (end <= host) {
      from = host;
      continue;
    }
    const std::size_t slash = utf8.substr(0, end).find('/', host);
    urls.push_back(UrlSpan{begin, slash == std::string_view::npos ? end : slash, end});
    from = end;
  }
  return urls;
}

bool isUnit(std::string_view word) {
  // Without the punctuation after it: "km," "%)" "€»".
  for (bool trimmed = true; trimmed && !word.empty();) {
    trimmed = false;
    if (std::string_view(".,;:!?)]}'\"").find(word.back()) != std::string_view::npos) {
      word.remove_suffix(1);
      trimmed = true;
    }
    for (const std::string_view tail : {"\u00BB", "\u201D", "\u3002", "\u3001", "\uFF0C"}) {
      if (word.size() >= tail.size() && word.substr(word.size() - tail.size()) == tail) {
        word.remove_suffix(tail.size());
        trimmed = true;
      }
    }
  }
  if (word.empty()) return false;
  std::size_t pos = 0;
  const char32_t first = content::nextCodePoint(word, pos);
  if (first == '%' || first == 0x2030 || first == 0x2031 || first == 0x066A) return true;
  if (u_charType(static_cast<UChar32>(first)) == U_CURRENCY_SYMBOL && pos == word.size()) return true;
  const std::size_t slash = word.find('/');
  return isUnitSymbol(word.substr(0, slash)) && (slash == std::string_view::npos || slash + 1 < word.size());
}

void applyUrlAndUnitRules(std::string_view utf8, std::vector<BreakOpportunity>& found) {
  const std::vector<UrlSpan> urls = findUrls(utf8);
  std::vector<BreakOpportunity> kept;
  kept.reserve(found.size());
  std::size_t u = 0;
  for (const BreakOpportunity& o : found) {
    bool url_end = false;  // right after an address
    while (u < urls.size() && urls[u].end <= o.offset) url_end = urls[u++].end == o.offset;
    if (o.mandatory || o.offset >= utf8.size()) {
      kept.push_back(o);
      continue;
    }
    if (u < urls.size() && o.offset > urls[u].begin && o.offset < urls[u].end) continue;  // inside an address
    const char32_t before = codePointBefore(utf8, o.offset), after = codePointAt(utf8, o.offset);
    // A slash between two words or numbers: km/h, and/or, 1/2.
    if (before == '/' && !url_end && o.offset >= 2 && u_isalnum(static_cast<UChar32>(after)) &&
        u_isalnum(static_cast<UChar32>(codePointBefore(utf8, o.offset - 1)))) {
      continue;
    }
    // A number and its unit, a currency sign and its number, across spaces.
    std::size_t gap = o.offset;
    while (gap > 0 && isSpace(codePointBefore(utf8, gap))) {
      const char32_t c = codePointBefore(utf8, gap);
      gap -= c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    if (gap < o.offset && gap > 0) {
      const char32_t last = codePointBefore(utf8, gap);
      std::size_t word_end = o.offset;
      while (word_end < utf8.size() && !isSpace(codePointAt(utf8, word_end))) {
        content::nextCodePoint(utf8, word_end);
      }
      const bool number_unit =
          u_isdigit(static_cast<UChar32>(last)) && isUnit(utf8.substr(o.offset, word_end - o.offset));
      const bool sign_number =
          u_charType(static_cast<UChar32>(last)) == U_CURRENCY_SYMBOL && u_isdigit(static_cast<UChar32>(after));
      if (number_unit || sign_number) continue;
    }
    kept.push_back(o);
  }
  // Inside each address: after each '/' of its path, before each '.' of it.
  for (const UrlSpan& url : urls) {
    for (std::size_t p = url.path + 1; p < url.end; ++p) {
      const bool after_slash = utf8[p - 1] == '/' && utf8[p] != '/';
      const bool before_dot = utf8[p] == '.' && p > url.path + 1;
      if (after_slash || before_dot) kept.push_back(BreakOpportunity{p, false});
    }
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [](const BreakOpportunity& a, const BreakOpportunity& b) { return a.offset < b.offset; });
  kept.erase(std::unique(kept.begin(), kept.end(),
                         [](const BreakOpportunity& a, const BreakOpportunity& b) { return a.offset == b.offset; }),
             kept.end());
  found = std::move(kept);
}

}  // namespace newsticker::render
