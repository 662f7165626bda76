// SPDX-License-Identifier: Apache-2.0
// One line per event, with the sd-daemon priority under systemd.
#include <doctest/doctest.h>

#include "firmware/Log.hpp"

using namespace newsticker::firmware;

TEST_CASE("journal lines carry the sd-daemon priority; terminal lines say the level in words") {
  CHECK(logLine(LogLevel::Error, "cannot open a window", true) == "<3>cannot open a window");
  CHECK(logLine(LogLevel::Warning, "posts/a.md:3: no title", true) == "<4>posts/a.md:3: no title");
  CHECK(logLine(LogLevel::Info, "reloaded", true) == "<6>reloaded");
  CHECK(logLine(LogLevel::Error, "x", false) == "newsticker: error: x");
  CHECK(logLine(LogLevel::Warning, "x", false) == "newsticker: warning: x");
  CHECK(logLine(LogLevel::Info, "x", false) == "newsticker: x");
}

TEST_CASE("a file name with a newline or an escape cannot forge a second line") {
  CHECK(logLine(LogLevel::Warning, "posts/evil\n<3>forged.md: bad", true) == "<4>posts/evil\\n<3>forged.md: bad");
  CHECK(logLine(LogLevel::Info, "a\x1b[31mred", false) == "newsticker: a\\x1B[31mred");
  CHECK(joined("card ", 3, " of ", 12) == "card 3 of 12");
}
