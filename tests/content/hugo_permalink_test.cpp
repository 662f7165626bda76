// SPDX-License-Identifier: Apache-2.0
// Hugo's page addresses: its path element rule, every [permalinks] token,
// an own `url` with tokens, and the default path, as Hugo makes them.
#include <doctest/doctest.h>

#include <string>

#include "content/HugoPermalink.hpp"

using namespace newsticker::content;

namespace {

HugoPageFields tideClock() {
  HugoPageFields fields;
  fields.day = "2026-07-02";  // a Thursday, day 183
  fields.title = "The tide clock: wound again!";
  fields.base_name = "Tide_Clock";
  fields.sections = "notes/harbour";
  return fields;
}

std::string path(const std::string& pattern, const HugoPageFields& fields, bool sanitize = true) {
  return hugoPermalinkPath(pattern, fields, sanitize).value_or("(none)");
}

}  // namespace

TEST_CASE("hugo path element: blanks become one '-', other marks are left out, lower case") {
  CHECK(hugoPathElement("Vim (text editor)") == "vim-text-editor");
  CHECK(hugoPathElement("River clean-up: forty bags") == "river-clean-up-forty-bags");
  CHECK(hugoPathElement("  lead and   trail  ") == "lead-and-trail");
  CHECK(hugoPathElement("a - b") == "a-b");
  CHECK(hugoPathElement("Café Größe") == "café-größe");
  CHECK(hugoPathElement("Lab's loom, v2.0_final#3~x@y") == "labs-loom-v2.0_final#3~x@y");
  CHECK(hugoPathElement("100% sure") == "100-sure");  // a '%' without two hex digits goes
  CHECK(hugoPathElement("%4a kept") == "%4a-kept");
  CHECK(hugoPathElement("港口 新闻") == "港口-新闻");
}

TEST_CASE("hugo permalinks: every date token, from the date as written") {
  const HugoPageFields f = tideClock();
  CHECK(path("/:year/:month/:monthname/:day/", f) == "/2026/07/july/02/");
  CHECK(path("/:weekday/:weekdayname/:yearday/", f) == "/4/thursday/183/");
  HugoPageFields leap = f;
  leap.day = "2028-12-31";
  CHECK(path("/:yearday/:weekdayname/", leap) == "/366/sunday/");
  // Undated: Hugo fills the tokens from Go's zero time, 1 January of year 1, a Monday.
  HugoPageFields undated = f;
  undated.day.clear();
  CHECK(path("/:year/:month/:day/:weekday/:title/", undated) == "/1/01/01/1/the-tide-clock-wound-again/");
}

TEST_CASE("hugo permalinks: title, slug with its fall-back to the title, file name, sections") {
  HugoPageFields f = tideClock();
  CHECK(path("/:title/", f) == "/the-tide-clock-wound-again/");
  CHECK(path("/:slug/", f) == "/the-tide-clock-wound-again/");  // no slug: the title
  CHECK(path("/:slugorfilename/", f) == "/tide_clock/");
  CHECK(path("/:filename/:contentbasename/", f) == "/tide_clock/tide_clock/");
  CHECK(path("/:section/", f) == "/notes/");
  CHECK(path("/:sections/:slug/", f) == "/notes/harbour/the-tide-clock-wound-again/");
  f.slug = "Wound Again";
  CHECK(path("/:slug/", f) == "/wound-again/");
  CHECK(path("/:slugorcontentbasename/", f) == "/wound-again/");
  // Literal text is a path element too: lower-cased, marks left out; "\:" is a ':' of its own.
  CHECK(path("/Archive (old)/:slug", f) == "/archive-old/wound-again/");
  CHECK(path("/a\\:b/:slug/", f) == "/ab/wound-again/");
  // Hugo reads the filled pattern as a query text: '+' becomes a blank, and so "c++-tips" is "c-tips".
  HugoPageFields plus;
  plus.title = "C++ tips";
  CHECK(path("/:title/", plus) == "/c-tips/");
  // "." and ".." elements are resolved.
  CHECK(path("/a/../b/./:slug/", f) == "/b/wound-again/");
}

TEST_CASE("hugo permalinks: unknown tokens and Hugo's slices are refused") {
  CHECK(unknownHugoToken("/:year/:month/:slug/") == "");
  CHECK(unknownHugoToken("/:year/:hour/:slug/") == ":hour");
  CHECK(unknownHugoToken("/:sections[1:]/:slug/") == ":sections[");
  CHECK(unknownHugoToken("/a\\:hour/") == "");
  CHECK_FALSE(hugoPermalinkPath("/:hour/", tideClock()).has_value());
}

TEST_CASE("hugo: a page's own url keeps its case, fills its tokens, and may name a file") {
  HugoPageFields f = tideClock();
  f.slug = "Queue Rules";
  CHECK(path("/Printer/:year/:slug", f, false) == "/Printer/2026/queue-rules/");
  CHECK(path("/files/:slug.html", f, false) == "/files/queue-rules.html");
  CHECK(path("/about", f, false) == "/about/");
}

TEST_CASE("hugo: the default path is the page's folder and slug or name, as path elements") {
  HugoPageFields f = tideClock();
  CHECK(hugoDefaultPath("Notes/Big Ideas", f) == "/notes/big-ideas/tide_clock/");
  f.slug = "Paint-Swap-Day";
  CHECK(hugoDefaultPath("posts", f) == "/posts/paint-swap-day/");
  CHECK(hugoDefaultPath("", f) == "/paint-swap-day/");
}
