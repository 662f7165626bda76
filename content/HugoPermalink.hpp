// SPDX-License-Identifier: Apache-2.0
// A Hugo page's path on its site: the default one (its folder and slug or
// file name) or the one a [permalinks] pattern of the site's configuration
// gives it, made the way Hugo makes it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsticker::content {

// What a Hugo permalink pattern's tokens are filled from.
struct HugoPageFields {
  std::string day;        // "YYYY-MM-DD" of the page's date as written; "" = undated (Hugo: year 1)
  std::string title;      // front matter `title`
  std::string slug;       // front matter `slug`; "" = none
  std::string base_name;  // the file's name without extension; a page bundle's folder name
  std::string sections;   // the page's nearest section from the top: "posts", "notes/harbour"
};

// Hugo's path element rule (MakePathSanitized): letters, digits, marks and
// . / \ _ - # + ~ @ (and %XX escapes) are kept, a run of white space between
// kept characters becomes one '-' (none after a '-'), everything else is
// left out; then lower-cased (Unicode, simple case mapping).
std::string hugoPathElement(std::string_view text);

// The first token of `pattern` that hugoPermalinkPath cannot fill (":hour"),
// or "" when every one is known: :year :month :monthname :day :weekday
// :weekdayname :yearday :section :sections :title :slug :slugorfilename
// :filename :contentbasename :slugorcontentbasename. "\:" is a ':' of its own.
std::string unknownHugoToken(std::string_view pattern);

// `pattern` with its tokens filled as Hugo fills them (the title, slug and
// file name made path elements; :slug falls back to the title,
// :slugorfilename and :slugorcontentbasename to the file name), then read
// as Hugo reads the result: '+' is a blank and %XX a byte, "." and ".."
// elements resolved, and, unless `sanitize` is false (a page's own `url`
// with tokens), every element made a hugoPathElement. Starts and ends with
// '/' (as Hugo's pretty URLs: an own `url` whose last element holds a '.'
// keeps it as a file name). An undated page's date tokens are those of Go's
// zero time, as Hugo's are: "/1/01/...". nullopt when the pattern holds an
// unknown token (or `fields.day` is not a date).
std::optional<std::string> hugoPermalinkPath(std::string_view pattern, const HugoPageFields& fields,
                                             bool sanitize = true);

// A page's path without a [permalinks] pattern: its folder under content/
// ("posts/2026"), then its slug or else its base name, each element a
// hugoPathElement: "/posts/2026/paint-swap-day/".
std::string hugoDefaultPath(std::string_view folder, const HugoPageFields& fields);

}  // namespace newsticker::content
