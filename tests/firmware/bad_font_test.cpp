// SPDX-License-Identifier: Apache-2.0
// Issue 27, item 2: fonts that crashed the kiosk. A fallback with index -1
// crashed in hb_ft_font_create, and a main font that is no font
// (regular: /etc/passwd) made --check abort with an uncaught exception and
// the display cycle blank cards. Indices are validated and non-fonts named.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "ShellCommand.hpp"
#include "TestFolders.hpp"
#include "firmware/Config.hpp"
#include "fonts/FontChain.hpp"

using namespace newsticker;
namespace fs = std::filesystem;

namespace {

const std::string kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

fs::path feedWithOnePost(const fs::path& dir) {
  fs::create_directories(dir / "feed" / "posts");
  std::ofstream(dir / "feed" / "posts" / "one.md") << "---\ntitle: Harbor opens\ndate: 2026-11-02\n---\nText.\n";
  return dir / "feed";
}

}  // namespace

TEST_CASE("a fallback's index -1 is a config error with its line; a face the file lacks is left out") {
  const fs::path dir = freshFolder("bad-font-index");
  fs::create_directories(dir);
  std::ofstream(dir / "config.yaml") << "fonts:\n  fallbacks:\n    - {regular: " << kDejaVu << ", index: -1}\n";
  const firmware::ConfigResult config = firmware::loadConfig((dir / "config.yaml").string(), firmware::Options{});
  CHECK(config.error.find("config.yaml:3: ") != std::string::npos);
  CHECK(config.error.find("fonts.fallbacks.index must be from 0 to 65535") != std::string::npos);

  CHECK(fonts::fontFaceProblem(kDejaVu, 0).empty());
  CHECK(fonts::fontFaceProblem(kDejaVu, 1) == "has no face 1 (it holds 1)");
  CHECK(fonts::fontFaceProblem(kDejaVu, -1) == "has no face -1 (it holds 1)");
  CHECK(fonts::fontFaceProblem("/etc/passwd", 0) == "is not a font (no TrueType, OpenType or collection header)");
  fonts::FontChain chain = fonts::defaultFontChain();
  chain.fallbacks = {{kDejaVu, "", 7, 0, false, {}, ""}, {"/etc/passwd", "", 0, 0, false, {}, ""}};
  CHECK(chain.faces(content::LanguageTag("en"), fonts::Weight::Regular).size() == 1);  // the main face only
  const std::vector<std::string> unusable = fonts::unusableFontFiles(chain);
  REQUIRE(unusable.size() == 2);
  CHECK(unusable[0] == "font " + kDejaVu + " has no face 7 (it holds 1); the fallback is left out");

  // The program runs with such a fallback: a warning, every card drawn.
  std::ofstream(dir / "config.yaml") << "fonts:\n  fallbacks:\n    - {regular: " << kDejaVu << ", index: 7}\n";
  const fs::path feed = feedWithOnePost(dir);
  const auto [out, status] =
      runCommand("XDG_CACHE_HOME='" + (dir / "cache").string() + "' '" + NEWSTICKER_BINARY + "' --config '" +
                 (dir / "config.yaml").string() + "' --check --content '" + feed.string() + "' 2>&1");
  CHECK(status == 0);
  CHECK(out.find("has no face 7 (it holds 1); the fallback is left out") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a main font that is no font: --check and the show stop with one line naming it, rc 1") {
  const fs::path dir = freshFolder("bad-font-file");
  const fs::path feed = feedWithOnePost(dir);
  std::ofstream(dir / "config.yaml") << "fonts:\n  regular: /etc/passwd\n";
  for (const std::string& mode : {std::string("--check"), "--screenshot '" + (dir / "shots").string() + "'"}) {
    CAPTURE(mode);
    const auto [out, status] =
        runCommand("XDG_CACHE_HOME='" + (dir / "cache").string() + "' '" + NEWSTICKER_BINARY + "' --config '" +
                   (dir / "config.yaml").string() + "' " + mode + " --content '" + feed.string() + "' 2>&1");
    CHECK(status == 1);
    CHECK(out.find("font /etc/passwd is not a font (no TrueType, OpenType or collection header)") != std::string::npos);
    CHECK(out.find("terminate") == std::string::npos);
  }
  fs::remove_all(dir);
}
