// SPDX-License-Identifier: Apache-2.0
// Issue 10, cases 4 and 6: --check decodes logos and photos as the screen
// does and reports the files it cannot read; names are escaped in the text
// report and the JSON stays valid whatever bytes they hold.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include <SDL_image.h>

#include "firmware/CheckReport.hpp"
#include "firmware/ContentSession.hpp"
#include "tests/render/RealFonts.hpp"

#include "ShellCommand.hpp"
#include "TestFolders.hpp"
using namespace newsticker;
namespace fs = std::filesystem;

namespace {

// A fresh scratch folder that exists.
fs::path newFolder(const std::string& name) {
  const fs::path dir = freshFolder(name);
  fs::create_directories(dir);
  return dir;
}

void writeFile(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string post(const std::string& title, const std::string& extra = "") {
  return "---\ntitle: \"" + title + "\"\n" + extra + "---\nBody text.\n";
}

std::string le16(unsigned v) { return {static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF)}; }

// A 16x16 GIF whose one frame declares 65535x65535.
std::string gifBomb() {
  return "GIF89a" + le16(16) + le16(16) + std::string("\x80\x00\x00", 3) + std::string("\xFF\xFF\xFF\x00\x00\x00", 6) +
         "\x2C" + le16(0) + le16(0) + le16(65535) + le16(65535) + std::string("\x00\x02\x02\x44\x01\x00\x3B", 7);
}

// True when python3 reads `json` as strict UTF-8 JSON (it is on every machine that builds
// this; a missing python3 fails the test rather than passing it).
bool validJson(const std::string& json, const std::string& tag) {
  const fs::path file = fs::temp_directory_path() / ("newsticker-test-" + tag + ".json");
  std::ofstream(file, std::ios::binary) << json;
  return runCommand("python3 -c 'import json,sys; json.loads(sys.stdin.buffer.read().decode(\"utf-8\"))' < '" +
                    file.string() + "' && echo ok")
             .first == "ok\n";
}

}  // namespace

TEST_CASE("--check decodes each post's logo and photo and reports one that fails, with the reason") {
  const fs::path dir = newFolder("check-images");
  writeFile(dir / "posts/bad.md", post("Bad logo", "logo: bad.png\n"));
  writeFile(dir / "posts/bomb.md", post("Bomb logo", "logo: bomb.gif\n"));
  writeFile(dir / "posts/photo.md", post("Bad photo", "photo: broken.jpg\n"));
  writeFile(dir / "posts/fine.md", post("No logo at all"));
  writeFile(dir / "logos/bad.png", "this is text, not a picture");
  writeFile(dir / "logos/bomb.gif", gifBomb());
  writeFile(dir / "images/broken.jpg", std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10));

  firmware::ContentSession content = firmware::openContent(dir.string(), false);
  REQUIRE(content.feed.posts.size() == 4);
  const std::vector<content::Diagnostic> warnings = firmware::checkPostImages(content.feed.posts, *content.tree);
  std::vector<std::string> lines;
  for (const content::Diagnostic& d : warnings) {
    CHECK(d.severity == content::Severity::Warning);
    lines.push_back(content::formatDiagnostic(d));
  }
  CHECK(lines == std::vector<std::string>{
                     "posts/bad.md: warning: logo logos/bad.png is not a PNG, JPEG, GIF, BMP or SVG image; "
                     "the card shows a monogram instead",
                     "posts/bomb.md: warning: logo logos/bomb.gif is 65535x65535 pixels, over the 4096 px limit; "
                     "not decoded; the card shows a monogram instead",
                     "posts/photo.md: warning: photo images/broken.jpg is not a PNG, JPEG, GIF, BMP or SVG image; "
                     "the card is shown without it"});

  // The program itself: the warnings in the text and the JSON report.
  const std::string binary = NEWSTICKER_BINARY;
  const auto [text, status] = runCommand("'" + binary + "' --check --content '" + dir.string() + "' 2>/dev/null");
  CHECK(status == 0);  // warnings, nothing rejected
  CHECK(text.find("warning  posts/bad.md: logo logos/bad.png is not a PNG, JPEG, GIF, BMP or SVG image") !=
        std::string::npos);
  CHECK(text.find("warning  posts/bomb.md: logo logos/bomb.gif is 65535x65535 pixels") != std::string::npos);
  const auto [json, json_status] =
      runCommand("'" + binary + "' --check --json --content '" + dir.string() + "' 2>/dev/null");
  CHECK(json_status == 0);
  CHECK(json.find("{\"file\": \"posts/bad.md\", \"line\": null, \"reason\": \"logo logos/bad.png is not a PNG, "
                  "JPEG, GIF, BMP or SVG image; the card shows a monogram instead\"}") != std::string::npos);
  CHECK(validJson(json, "check-images"));
}

TEST_CASE("--check names special files, links out of the folder and names that hold any byte") {
  const fs::path dir = newFolder("check-names");
  writeFile(dir / "posts/good.md", post("Good"));
  writeFile(dir / "posts/forged\nREJECTED fake.md: \"Forged\".md", post("Newline in the name"));
  writeFile(dir / "posts/\x1B[31mred\x1B[0m.md", post("Escape in the name"));
  writeFile(dir / "posts/caf\xFF.md", post("Byte FF in the name"));
  writeFile(dir / "posts/back\\slash.md", post("Backslash"));
  REQUIRE(::mkfifo((dir / "posts/pipe.md").c_str(), 0600) == 0);
  fs::create_symlink("/etc/shadow", dir / "posts/shadow.md");

  firmware::ContentSession content = firmware::openContent(dir.string(), false);
  CHECK(content.feed.posts.size() == 5);
  CHECK(content.feed.rejected_files == 2);

  std::ostringstream text;
  firmware::writeCheckReport(content.feed, {}, text);
  const std::string report = text.str();
  CHECK(report.find('\x1B') == std::string::npos);
  CHECK(report.find('\xFF') == std::string::npos);
  CHECK(report.find("ok       posts/forged\\nREJECTED fake.md: \"Forged\".md | \"Newline in the name\"") !=
        std::string::npos);
  CHECK(report.find("\nREJECTED fake.md") == std::string::npos);  // no forged line
  CHECK(report.find("ok       posts/\\x1B[31mred\\x1B[0m.md | \"Escape in the name\"") != std::string::npos);
  CHECK(report.find("ok       posts/caf\\xFF.md | \"Byte FF in the name\"") != std::string::npos);
  CHECK(report.find("ok       posts/back\\\\slash.md") != std::string::npos);
  CHECK(report.find("REJECTED posts/pipe.md: is a FIFO (named pipe), not a regular file; not read") !=
        std::string::npos);
  CHECK(report.find("REJECTED posts/shadow.md: is a link that leads outside the content folder; not read") !=
        std::string::npos);
  CHECK(report.find("5 posts loaded (0 drafts), 2 files rejected, 0 warnings") != std::string::npos);
  std::size_t lines = 0;
  for (char c : report) lines += c == '\n';
  CHECK(lines == 5 + 2 + 1);

  std::ostringstream json;
  firmware::writeCheckJson(content.feed, {}, json);
  CHECK(validJson(json.str(), "check-names"));
  CHECK(json.str().find("\"file\": \"posts/caf\\\\xFF.md\"") != std::string::npos);
  CHECK(json.str().find("\"file\": \"posts/\\u001b[31mred\\u001b[0m.md\"") != std::string::npos);
  CHECK(json.str().find("\"file\": \"posts/back\\\\\\\\slash.md\"") != std::string::npos);

  const std::string binary = NEWSTICKER_BINARY;
  const auto [out, status] = runCommand("'" + binary + "' --check --json --content '" + dir.string() + "' 2>/dev/null");
  CHECK(status == 1);  // two files rejected
  CHECK(validJson(out, "check-names-binary"));
  CHECK(out.find("\"file\": \"posts/pipe.md\"") != std::string::npos);
  CHECK(out.find("\"file\": \"posts/shadow.md\"") != std::string::npos);
}

TEST_CASE("--check warns when a photo is enlarged more than 1.5 times in its slot at the configured size") {
  const fs::path dir = newFolder("check-soft-photo");
  writeFile(dir / "posts/small.md", post("A small photo", "photo: small.png\n"));
  writeFile(dir / "posts/large.md", post("A large photo", "photo: large.png\n"));
  for (const auto& [name, w, h] : {std::tuple{"small.png", 300, 200}, std::tuple{"large.png", 1500, 1000}}) {
    render::SurfacePtr image(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
    REQUIRE(image);
    SDL_FillRect(image.get(), nullptr, 0xFF336699u);
    fs::create_directories(dir / "images");
    REQUIRE(IMG_SavePNG(image.get(), (dir / "images" / name).c_str()) == 0);
  }
  firmware::ContentSession content = firmware::openContent(dir.string(), false);
  REQUIRE(content.feed.posts.size() == 2);
  render::FontCache& fonts = realFonts();
  const firmware::CardCuts cuts =
      firmware::measureCardCuts(content.feed.posts, fonts, {1920, 1080}, render::Theme{}, "en", content.tree);
  REQUIRE(cuts.soft_photos.size() == 1);
  const std::string line = content::formatDiagnostic(cuts.soft_photos[0]);
  CHECK(line.rfind("posts/small.md: warning: photo images/small.png is 300x200 pixels, enlarged ", 0) == 0);
  CHECK(line.find(" slot at 1920x1080; it will look soft (at least ") != std::string::npos);
  // Without the folder the sizes are not known: no warning.
  CHECK(firmware::measureCardCuts(content.feed.posts, fonts, {1920, 1080}, render::Theme{}, "en").soft_photos.empty());

  // The program: in the report at the configured size; a smaller screen needs less.
  const std::string binary = NEWSTICKER_BINARY;
  const auto [text, status] = runCommand("'" + binary + "' --check --content '" + dir.string() + "' 2>/dev/null");
  CHECK(status == 0);
  CHECK(text.find("warning  posts/small.md: photo images/small.png is 300x200 pixels, enlarged") != std::string::npos);
  CHECK(text.find("posts/large.md: photo") == std::string::npos);
  const auto [small_text, small_status] =
      runCommand("'" + binary + "' --check --size 640x360 --content '" + dir.string() + "' 2>/dev/null");
  CHECK(small_text.find("small.png is 300x200 pixels, enlarged") == std::string::npos);
}
