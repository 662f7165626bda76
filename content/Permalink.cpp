// SPDX-License-Identifier: Apache-2.0
#include "content/Permalink.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>

#include "content/Utf8.hpp"

namespace newsticker::content {
namespace {

bool isAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool isPlaceholderChar(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

// `text` lower-cased, Unicode letters included (Ruby's downcase, by ICU's simple case mapping).
std::string lowered(const std::string& text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    appendUtf8(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(nextCodePoint(text, pos)))));
  }
  return out;
}

// Jekyll's slugify: every run of characters that are not letters, marks or
// decimal digits (any script: \p{L} \p{M} \p{Nd}) nor in `also_kept`
// becomes one '-', with none left at either end; then lower-cased unless
// `lower_case` is false.
std::string slugify(const std::string& text, const std::string& also_kept, bool lower_case) {
  std::string out;
  bool pending_dash = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const auto cp = static_cast<UChar32>(nextCodePoint(text, pos));
    const bool kept = u_isalpha(cp) || u_isdigit(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0 ||
                      (cp < 0x80 && also_kept.find(static_cast<char>(cp)) != std::string::npos);
    if (!kept) {
      pending_dash = true;
      continue;
    }
    if (pending_dash && !out.empty()) out += '-';
    pending_dash = false;
    out.append(text, start, pos - start);
  }
  return lower_case ? lowered(out) : out;
}

// Percent-encodes what may not stand in a URL path as it is.
std::string escapePath(const std::string& path) {
  static const std::string kSafe = "-._~!$&'()*+,;=:@/";
  std::string out;
  for (char c : path) {
    if (isAsciiAlnum(c) || kSafe.find(c) != std::string::npos) {
      out += c;
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += escaped;
    }
  }
  return out;
}

int dayOfYear(int year, int month, int day) {
  static const int kBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kBefore[month - 1] + day + (leap && month > 2 ? 1 : 0);
}

// The value of `name` (without ':'), or nullopt when it is not a placeholder
// this module knows or needs a date the post lacks; `known` tells which.
std::optional<std::string> placeholderValue(const std::string& name, const PermalinkFields& fields, bool* known) {
  *known = true;
  if (name == "title") return slugify(fields.title, "._~!$&'()+,;=@", false);
  if (name == "slug") return slugify(fields.title, "", true);
  if (name == "output_ext") return std::string(".html");
  if (name == "categories" || name == "slugified_categories") {
    // Jekyll lower-cases each (or slugifies it) and keeps each result once, in order.
    std::vector<std::string> shown;
    for (const std::string& category : fields.categories) {
      std::string value;
      if (name == "categories") {
        value = lowered(category);
      } else {
        value = slugify(category, "", true);
      }
      if (!value.empty() && std::find(shown.begin(), shown.end(), value) == shown.end()) shown.push_back(value);
    }
    std::string joined;
    for (const std::string& value : shown) joined += (joined.empty() ? "" : "/") + value;
    return joined;
  }
  const bool date_field = name == "year" || name == "month" || name == "day" || name == "i_month" || name == "i_day" ||
                          name == "short_year" || name == "y_day";
  if (!date_field) {
    *known = false;
    return std::nullopt;
  }
  int year = 0, month = 0, day = 0;
  if (fields.day.size() != 10 || std::sscanf(fields.day.c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      month < 1 || month > 12 || day < 1 || day > 31) {
    return std::nullopt;
  }
  if (name == "year") return fields.day.substr(0, 4);
  if (name == "month") return fields.day.substr(5, 2);
  if (name == "day") return fields.day.substr(8, 2);
  if (name == "i_month") return std::to_string(month);
  if (name == "i_day") return std::to_string(day);
  if (name == "short_year") return fields.day.substr(2, 2);
  char three[8];
  std::snprintf(three, sizeof three, "%03d", dayOfYear(year, month, day));
  return std::string(three);
}

}  // namespace

std::string permalinkPattern(std::string_view value) {
  if (value == "date") return "/:categories/:year/:month/:day/:title:output_ext";
  if (value == "pretty") return "/:categories/:year/:month/:day/:title/";
  if (value == "ordinal") return "/:categories/:year/:y_day/:title:output_ext";
  if (value == "none") return "/:categories/:title:output_ext";
  std::string pattern(value);
  if (pattern.empty() || pattern.front() != '/') pattern.insert(pattern.begin(), '/');
  return pattern;
}

std::string unknownPermalinkPlaceholder(std::string_view pattern) {
  for (std::size_t pos = 0; pos < pattern.size(); ++pos) {
    if (pattern[pos] != ':') continue;
    std::size_t end = pos + 1;
    while (end < pattern.size() && isPlaceholderChar(pattern[end])) ++end;
    if (end == pos + 1) continue;  // a ':' of its own is text
    const std::string name(pattern.substr(pos + 1, end - pos - 1));
    bool known = false;
    placeholderValue(name, PermalinkFields{}, &known);
    if (!known) return ":" + name;
    pos = end - 1;
  }
  return "";
}

std::optional<std::string> permalinkUrl(std::string_view base_url, std::string_view pattern,
                                        const PermalinkFields& fields) {
  if (slugify(fields.title, "", true).empty()) return std::nullopt;
  std::string path;
  for (std::size_t pos = 0; pos < pattern.size();) {
    std::size_t end = pos + 1;
    while (pattern[pos] == ':' && end < pattern.size() && isPlaceholderChar(pattern[end])) ++end;
    if (end == pos + 1) {  // text, or a ':' of its own
      path += pattern[pos++];
      continue;
    }
    bool known = false;
    const auto value = placeholderValue(std::string(pattern.substr(pos + 1, end - pos - 1)), fields, &known);
    if (!value) return std::nullopt;
    path += *value;
    pos = end;
  }
  return sitePathUrl(base_url, path);
}

std::string sitePathUrl(std::string_view base_url, std::string_view path) {
  std::string collapsed;
  for (char c : path) {
    if (c == '/' && !collapsed.empty() && collapsed.back() == '/') continue;
    collapsed += c;
  }
  if (collapsed.empty() || collapsed.front() != '/') collapsed.insert(collapsed.begin(), '/');
  return std::string(base_url) + escapePath(collapsed);
}

}  // namespace newsticker::content
