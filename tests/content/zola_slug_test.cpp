// SPDX-License-Identifier: Apache-2.0
// Zola's slugify.paths strategies: "on" (the default: ASCII, lower case,
// '-' between words), "safe" and "off".
#include <doctest/doctest.h>

#include <string>

#include "content/ZolaSlug.hpp"

using namespace newsticker::content;

TEST_CASE("zola slug, on: lower-case ASCII letters and digits, one '-' for every other run, none at the ends") {
  CHECK(zolaSlug("Tide Tables") == "tide-tables");
  CHECK(zolaSlug("  -Lantern--night: (2026)!- ") == "lantern-night-2026");
  CHECK(zolaSlug("glass_cutting.v2") == "glass-cutting-v2");
  CHECK(zolaSlug("") == "");
  CHECK(zolaSlug("!!!") == "");
}

TEST_CASE("zola slug, on: other characters are spelled in ASCII first, a Han character as its own word") {
  CHECK(zolaSlug("Café Größe") == "cafe-grosse");
  CHECK(zolaSlug("Ærø fjord") == "aero-fjord");
  CHECK(zolaSlug("港口") == "gang-kou");
  CHECK(zolaSlug("Москва") == "moskva");
}

TEST_CASE("zola slug, safe and off") {
  CHECK(zolaSlugifyNamed("safe") == ZolaSlugify::Safe);
  CHECK(zolaSlugifyNamed("off") == ZolaSlugify::Off);
  CHECK(zolaSlugifyNamed("on") == ZolaSlugify::On);
  CHECK(zolaSlugifyNamed("") == ZolaSlugify::On);
  CHECK(zolaSlug("Notes: a/b?. ", ZolaSlugify::Safe) == "Notes ab");
  CHECK(zolaSlug("Café <Größe>", ZolaSlugify::Safe) == "Café Größe");
  CHECK(zolaSlug("Tide Tables. ", ZolaSlugify::Off) == "Tide Tables. ");
}
