// SPDX-License-Identifier: Apache-2.0
// A font path that is not a regular file is named at once, never opened.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>

#include "fonts/FontChain.hpp"

namespace fs = std::filesystem;

TEST_CASE("a FIFO or a folder named as the main font is reported missing at once, without blocking") {
  const fs::path dir = fs::temp_directory_path() / "newsticker-font-fifo";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path fifo = dir / "NotoSansCJK-Regular.ttc";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  newsticker::fonts::FontChain chain = newsticker::fonts::defaultFontChain();
  chain.regular_file = fifo.string();
  chain.bold_file = dir.string();  // a folder
  const auto start = std::chrono::steady_clock::now();
  const std::vector<std::string> missing = newsticker::fonts::missingFontFiles(chain);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
  REQUIRE(missing.size() == 2);
  CHECK(missing[0] == fifo.string());
  CHECK(missing[1] == dir.string());
  fs::remove_all(dir);
}
