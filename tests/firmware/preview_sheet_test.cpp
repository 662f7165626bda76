// SPDX-License-Identifier: Apache-2.0
// The --preview contact sheet: its geometry, the labels it paints, the PNG it
// writes for the demo feed and for a folder with warnings and a rejected file.
#include <doctest/doctest.h>

#include <SDL_image.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <vector>

#include "firmware/CommandLine.hpp"
#include "firmware/ContentSession.hpp"
#include "firmware/PreviewSheet.hpp"
#include "firmware/SdlRuntime.hpp"
#include "render/CardPainter.hpp"
#include "render/CardRenderer.hpp"
#include "render/FontCache.hpp"
#include "render/LineBreaker.hpp"
#include "render/SdlHandles.hpp"

#include "TestFolders.hpp"
using namespace newsticker;
namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

bool sameRect(const render::Rect& r, int x, int y, int w, int h) {
  return r.x == x && r.y == y && r.w == w && r.h == h;
}

std::vector<render::TextRun> textRuns(const render::DrawList& list) {
  std::vector<render::TextRun> runs;
  for (const render::DrawCommand& command : list.commands) {
    if (const auto* run = std::get_if<render::TextRun>(&command)) runs.push_back(*run);
  }
  return runs;
}

std::vector<std::string> textsInColor(const render::DrawList& list, const render::Color& color) {
  std::vector<std::string> texts;
  for (const render::TextRun& run : textRuns(list)) {
    if (run.color == color) texts.push_back(run.text);
  }
  return texts;
}

const render::Color kAmber{176, 82, 6};
const render::Color kRed{185, 28, 28};

Uint32 pixelAt(SDL_Surface& s, int x, int y) {
  return *reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(s.pixels) + y * s.pitch + x * 4);
}

double brightness(Uint32 p) { return (((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) + (p & 0xFF)) / 3.0; }

// Mean brightness and how many distinct-looking pixels (far from the mean)
// are in `r`: a rendered card is dark with bright text; the sheet is light.
struct AreaStats {
  double mean = 0;
  int bright = 0;  // pixels brighter than 150
  int dark = 0;    // pixels darker than 100
};

AreaStats statsOf(SDL_Surface& s, const render::Rect& r) {
  AreaStats stats;
  int count = 0;
  for (int y = r.y; y < r.y + r.h; ++y) {
    for (int x = r.x; x < r.x + r.w; ++x) {
      const double b = brightness(pixelAt(s, x, y));
      stats.mean += b;
      stats.bright += b > 150;
      stats.dark += b < 100;
      ++count;
    }
  }
  stats.mean /= std::max(count, 1);
  return stats;
}

render::SurfacePtr loadArgb(const fs::path& path) {
  render::SurfacePtr png(IMG_Load(path.c_str()));
  if (!png) return nullptr;
  return render::SurfacePtr(SDL_ConvertSurfaceFormat(png.get(), SDL_PIXELFORMAT_ARGB8888, 0));
}

firmware::ParsedCommandLine parse(std::vector<const char*> args) {
  args.insert(args.begin(), "newsticker");
  return firmware::parseCommandLine(static_cast<int>(args.size()), args.data());
}

// A folder with a post that has an unknown front-matter key, one whose logo
// is not an image, and one that is rejected (no title).
fs::path writeFolderWithFaults(const std::string& name) {
  const fs::path dir = freshFolder(name);
  writeText(dir / "feed.yaml", "name: Preview Test Feed\nlanguage: en\n");
  writeText(dir / "posts" / "2026-03-01-unknown-key.md",
            "---\ntitle: Community garden opens\ncolour: green\n---\nThe garden opens on Saturday.\n");
  writeText(dir / "posts" / "2026-02-01-broken-logo.md",
            "---\ntitle: Ferry timetable changes\nlogo: broken.png\n---\nNew departures from Monday.\n");
  writeText(dir / "logos" / "broken.png", "this is not a PNG file at all, only text pretending to be one\n");
  writeText(dir / "posts" / "2026-01-01-no-title.md", "---\nlayout: post\n---\nA body without a title.\n");
  return dir;
}

}  // namespace

TEST_CASE("sheet geometry: 9 landscape cards in 3 columns of 480x270 thumbnails") {
  const firmware::SheetGeometry g = firmware::sheetGeometry(1920, 1080, 9, 0);
  CHECK(g.columns == 3);
  CHECK(g.rows == 3);
  CHECK(g.thumb_width == 480);
  CHECK(g.thumb_height == 270);
  CHECK(g.cell_width == 480);
  CHECK(g.label_height == 130);
  CHECK(g.cell_height == 410);
  CHECK(g.shown == 9);
  CHECK(g.hidden == 0);
  CHECK(g.width == 1584);
  CHECK(g.height == 1470);
  CHECK(sameRect(g.header, 40, 40, 1504, 88));
  CHECK(sameRect(g.thumbnail(0), 40, 144, 480, 270));
  CHECK(sameRect(g.label(0), 40, 424, 480, 130));
  CHECK(sameRect(g.thumbnail(4), 552, 582, 480, 270));
  CHECK(sameRect(g.label(8), 1064, 1300, 480, 130));
  CHECK(g.more_line.h == 0);
  CHECK(g.footer.h == 0);

  const firmware::SheetGeometry with_notes = firmware::sheetGeometry(1920, 1080, 9, 3);
  CHECK(sameRect(with_notes.footer, 40, 1454, 1504, 78));
  CHECK(with_notes.height == 1572);
  CHECK(with_notes.shown == 9);
}

TEST_CASE("sheet geometry: 4 columns past 9 cards; portrait keeps its aspect; small cards are not enlarged") {
  const firmware::SheetGeometry ten = firmware::sheetGeometry(1920, 1080, 10, 0);
  CHECK(ten.columns == 4);
  CHECK(ten.rows == 3);
  CHECK(ten.width == 2096);
  CHECK(sameRect(ten.thumbnail(9), 552, 1020, 480, 270));

  const firmware::SheetGeometry portrait = firmware::sheetGeometry(1080, 1920, 9, 0);
  CHECK(portrait.thumb_width == 270);
  CHECK(portrait.thumb_height == 480);
  CHECK(portrait.cell_width == 480);
  CHECK(sameRect(portrait.thumbnail(0), 145, 144, 270, 480));
  CHECK(sameRect(portrait.label(0), 40, 634, 480, 130));

  const firmware::SheetGeometry small = firmware::sheetGeometry(320, 180, 2, 0);
  CHECK(small.thumb_width == 320);
  CHECK(small.thumb_height == 180);
  CHECK(sameRect(small.thumbnail(1), 552 + 80, 144, 320, 180));
  CHECK(small.rows == 1);

  // No cell reaches into its neighbours.
  for (std::size_t i = 0; i + 1 < ten.shown; ++i) {
    const render::Rect label = ten.label(i);
    const render::Rect below = ten.thumbnail(i + ten.columns);
    CHECK(label.y >= ten.thumbnail(i).y + ten.thumb_height);
    if (i + ten.columns < ten.shown) CHECK(label.y + label.h < below.y);
    if ((i + 1) % ten.columns != 0) CHECK(label.x + label.w < ten.label(i + 1).x);
  }
}

TEST_CASE("sheet geometry: a huge feed shows at most 120 thumbnails and counts the rest") {
  const firmware::SheetGeometry g = firmware::sheetGeometry(1920, 1080, 500, 2);
  CHECK(g.shown == 120);
  CHECK(g.hidden == 380);
  CHECK(g.rows == 30);
  const int grid_bottom = 144 + 30 * 410 + 29 * 28;
  CHECK(sameRect(g.more_line, 40, grid_bottom + 24, 2016, 30));
  CHECK(sameRect(g.footer, 40, grid_bottom + 24 + 30 + 24, 2016, 52));
  CHECK(g.height == grid_bottom + 24 + 30 + 24 + 52 + 40);

  // Tall portrait cells: the grid stays under 14000 px, so fewer fit.
  const firmware::SheetGeometry portrait = firmware::sheetGeometry(1080, 1920, 500, 0);
  CHECK(portrait.shown == 84);
  CHECK(portrait.hidden == 416);
  CHECK(portrait.rows == 21);
}

TEST_CASE("--preview FILE selects the preview mode and does not combine with --check or --screenshot") {
  const auto preview = parse({"--preview", "/tmp/p.png", "--content", "feed", "--size", "1080x1920", "--drafts"});
  REQUIRE(preview.error.empty());
  CHECK(preview.options.mode == firmware::Mode::Preview);
  CHECK(preview.options.preview_path == "/tmp/p.png");
  CHECK(preview.options.content_dir == "feed");
  CHECK(preview.options.width == 1080);
  CHECK(preview.options.show_drafts);
  CHECK(parse({"--preview"}).error.find("needs a value") != std::string::npos);
  const std::string with_check = parse({"--preview", "p.png", "--check"}).error;
  CHECK(with_check.find("--preview") != std::string::npos);
  CHECK(with_check.find("cannot be combined") != std::string::npos);
  const std::string with_screenshot = parse({"--screenshot", "dir", "--preview", "p.png"}).error;
  CHECK(with_screenshot.find("--preview") != std::string::npos);
  CHECK(with_screenshot.find("cannot be combined") != std::string::npos);
  CHECK_FALSE(parse({"--preview", "p.png", "--json"}).error.empty());
  CHECK(firmware::usageText().find("--preview FILE.png") != std::string::npos);
}

TEST_CASE("cardWarnings: the file's content diagnostics, then the renderer's, without the file name") {
  content::Feed feed;
  feed.diagnostics.push_back({"posts/a.md", 3, content::Severity::Warning, "unknown key 'colour' ignored"});
  feed.diagnostics.push_back({"posts/b.md", 2, content::Severity::Warning, "unknown key 'x' ignored"});
  feed.diagnostics.push_back({"posts/a.md", 0, content::Severity::Warning, "logo 'x.png' is not a file"});
  const auto warnings = firmware::cardWarnings(
      feed, "posts/a.md", {"posts/a.md: logo logos/a.png cannot be decoded; showing a monogram instead"});
  REQUIRE(warnings.size() == 3);
  CHECK(warnings[0] == "line 3: unknown key 'colour' ignored");
  CHECK(warnings[1] == "logo 'x.png' is not a file");
  CHECK(warnings[2] == "logo logos/a.png cannot be decoded; showing a monogram instead");
  CHECK(firmware::cardWarnings(feed, "posts/c.md", {}).empty());
}

TEST_CASE("a label never leaves its box: long names wrap or end in an ellipsis, extra warnings are counted") {
  firmware::SdlRuntime sdl("dummy");
  render::FontCache fonts(fonts::defaultFontChain());
  render::LineBreaker breaker;
  firmware::CardLabel label;
  label.number = 117;
  label.file =
      "posts/2026-11-16-a-very-long-file-name-that-goes-on-and-on-about-the-northstack-"
      "conference-agenda-and-its-many-tracks.md";
  label.language = "en";
  for (int i = 1; i <= 5; ++i)
    label.warnings.push_back("line " + std::to_string(i) + ": unknown key 'k" + std::to_string(i) + "' ignored");
  const render::DrawList list = firmware::cardLabelDrawList(label, 480, 130, fonts, breaker);
  CHECK(list.width == 480);
  CHECK(list.height == 130);
  const auto runs = textRuns(list);
  REQUIRE(runs.size() == 6);  // number, file on two lines, two warnings, "+3 more"
  CHECK(runs[0].text == "117");
  CHECK(runs[0].font.weight == fonts::Weight::Bold);
  CHECK(runs[2].text.size() >= 3);
  CHECK(runs[2].text.substr(runs[2].text.size() - 3) == "...");
  CHECK(textsInColor(list, kAmber) == std::vector<std::string>{"line 1: unknown key 'k1' ignored",
                                                               "line 2: unknown key 'k2' ignored", "+3 more warnings"});
  for (const render::TextRun& run : runs) {
    CHECK(run.x >= 0);
    CHECK(run.x + fonts.width(run.text, run.font) <= 480);
  }

  // Painted 20 px inside a white canvas, no ink lands outside the label's box.
  const int pad = 20;
  render::DrawList padded;
  padded.width = list.width + 2 * pad;
  padded.height = list.height + 2 * pad;
  const render::Color white{255, 255, 255};
  padded.commands.push_back(render::FillShape{{0, 0, padded.width, padded.height}, 0, white, white, 0});
  for (render::DrawCommand command : list.commands) {
    if (auto* shape = std::get_if<render::FillShape>(&command)) {
      shape->rect.x += pad;
      shape->rect.y += pad;
    } else if (auto* run = std::get_if<render::TextRun>(&command)) {
      run->x += pad;
      run->baseline += pad;
    }
    padded.commands.push_back(command);
  }
  render::SurfacePtr canvas = render::paintDrawList(padded, fonts, {});
  REQUIRE(canvas);
  int outside = 0;
  for (int y = 0; y < canvas->h; ++y) {
    for (int x = 0; x < canvas->w; ++x) {
      const bool inside = x >= pad && x < pad + list.width && y >= pad && y < pad + list.height;
      if (!inside && (pixelAt(*canvas, x, y) & 0xFFFFFF) != 0xFFFFFF) ++outside;
    }
  }
  CHECK(outside == 0);
}

TEST_CASE("--preview of the demo feed: one PNG of the sheet's size, every thumbnail a card, every label text") {
  firmware::SdlRuntime sdl("dummy");
  firmware::ContentSession content = firmware::openContent("", false);
  REQUIRE(content.playlist.size() >= 6);
  firmware::Options options;
  const fs::path out = freshFolder("preview-demo");
  fs::create_directories(out);
  const fs::path png_path = out / "sheet.png";
  REQUIRE(firmware::writePreviewSheet(options, content, png_path.string()) == 0);

  // Every card but the standby one (shown only while no other post is).
  std::set<std::string> files;
  for (const content::Post& post : content.playlist) {
    if (!post.show.standby) files.insert(post.file);
  }
  REQUIRE(files.size() == content.playlist.size() - 1);
  const auto notes = firmware::sheetNotes(content.feed, files);
  const firmware::SheetGeometry g = firmware::sheetGeometry(1920, 1080, files.size(), notes.size());
  REQUIRE(g.shown == files.size());
  render::SurfacePtr png = loadArgb(png_path);
  REQUIRE(png);
  CHECK(png->w == g.width);
  CHECK(png->h == g.height);
  // The sheet background is light where nothing is drawn.
  CHECK(brightness(pixelAt(*png, 10, 10)) > 220);
  for (std::size_t i = 0; i < g.shown; ++i) {
    CAPTURE(i);
    // A card: a dark panel with bright text on it.
    const AreaStats thumb = statsOf(*png, g.thumbnail(i));
    CHECK(thumb.mean < 120);
    CHECK(thumb.bright > 300);
    // Its label: dark text on the light sheet.
    const render::Rect label = g.label(i);
    const AreaStats text = statsOf(*png, {label.x, label.y, label.w, 25});
    CHECK(text.mean > 180);
    CHECK(text.dark > 150);
  }
  fs::remove_all(out);
}

TEST_CASE("--preview of a folder with faults: warnings under the right cards, the rejected file below the grid") {
  firmware::SdlRuntime sdl("dummy");
  const fs::path dir = writeFolderWithFaults("preview-faults");
  firmware::ContentSession content = firmware::openContent(dir.string(), false);
  REQUIRE(content.playlist.size() == 2);
  REQUIRE(content.playlist[0].file == "posts/2026-03-01-unknown-key.md");  // newest first
  REQUIRE(content.playlist[1].file == "posts/2026-02-01-broken-logo.md");
  CHECK(content.feed.rejected_files == 1);

  // The labels the sheet paints, built the way writePreviewSheet builds them.
  render::FontCache fonts(fonts::defaultFontChain());
  render::LineBreaker breaker;
  render::CardRenderer renderer(fonts, render::Theme{}, "en");
  const firmware::SheetGeometry g = firmware::sheetGeometry(1920, 1080, 2, 0);
  std::vector<std::vector<std::string>> amber;
  for (std::size_t i = 0; i < 2; ++i) {
    std::vector<std::string> renderer_warnings;
    render::SurfacePtr card = renderer.render(content.playlist[i], *content.tree, {1920, 1080}, renderer_warnings);
    REQUIRE(card);
    firmware::CardLabel label;
    label.number = i + 1;
    label.file = content.playlist[i].file;
    label.language = "en";
    label.warnings = firmware::cardWarnings(content.feed, label.file, renderer_warnings);
    const render::DrawList list = firmware::cardLabelDrawList(label, g.label(i).w, g.label(i).h, fonts, breaker);
    const auto runs = textRuns(list);
    REQUIRE(runs.size() >= 2);
    CHECK(runs[0].text == std::to_string(i + 1));
    CHECK(runs[1].text.rfind("posts/2026-0", 0) == 0);
    amber.push_back(textsInColor(list, kAmber));
  }
  CHECK(amber[0] == std::vector<std::string>{"line 3: unknown key 'colour' ignored"});
  REQUIRE_FALSE(amber[1].empty());
  std::string logo_warning;
  for (const std::string& line : amber[1]) logo_warning += line + " ";
  CHECK(logo_warning.find("logos/broken.png") != std::string::npos);
  CHECK(logo_warning.find("colour") == std::string::npos);

  // Below the grid: the rejected file with its line and reason.
  const auto notes = firmware::sheetNotes(content.feed, {content.playlist[0].file, content.playlist[1].file});
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].kind == firmware::SheetNote::Kind::Heading);
  CHECK(notes[1].kind == firmware::SheetNote::Kind::Rejected);
  CHECK(notes[1].text == "posts/2026-01-01-no-title.md:2: title is missing: add 'title: ...' to the front matter");
  const firmware::SheetGeometry with_notes = firmware::sheetGeometry(1920, 1080, 2, notes.size());
  const render::DrawList sheet =
      firmware::sheetDrawList(with_notes, "Preview Test Feed", "2 cards", notes, "en", fonts, breaker);
  CHECK(textsInColor(sheet, kRed) == std::vector<std::string>{notes[1].text});

  // The PNG: both cards, the warned ones framed in amber, the note in red.
  firmware::Options options;
  const fs::path png_path = dir / "sheet.png";
  REQUIRE(firmware::writePreviewSheet(options, content, png_path.string()) == 0);
  render::SurfacePtr png = loadArgb(png_path);
  REQUIRE(png);
  CHECK(png->w == with_notes.width);
  CHECK(png->h == with_notes.height);
  for (std::size_t i = 0; i < 2; ++i) {
    CAPTURE(i);
    const render::Rect thumb = with_notes.thumbnail(i);
    CHECK(statsOf(*png, thumb).mean < 120);
    const Uint32 frame = pixelAt(*png, thumb.x - 2, thumb.y + thumb.h / 2);
    CHECK(((frame >> 16) & 0xFF) == kAmber.r);
    CHECK(((frame >> 8) & 0xFF) == kAmber.g);
  }
  // The third cell is empty sheet.
  CHECK(statsOf(*png, with_notes.thumbnail(2)).mean > 220);
  int red = 0;
  const render::Rect footer = with_notes.footer;
  for (int y = footer.y; y < footer.y + footer.h; ++y) {
    for (int x = footer.x; x < footer.x + footer.w; ++x) {
      const Uint32 p = pixelAt(*png, x, y);
      red += ((p >> 16) & 0xFF) > 150 && ((p >> 8) & 0xFF) < 90;
    }
  }
  CHECK(red > 100);
  fs::remove_all(dir);
}

TEST_CASE("--preview returns 1 when the PNG cannot be written, or not completely") {
  firmware::SdlRuntime sdl("dummy");
  firmware::ContentSession content = firmware::openContent("", false);
  firmware::Options options;
  options.width = 320;
  options.height = 180;
  CHECK(firmware::writePreviewSheet(options, content, "/nonexistent-folder/sheet.png") == 1);
  const fs::path folder = freshFolder("preview-into-folder");
  fs::create_directories(folder);
  CHECK(firmware::writePreviewSheet(options, content, folder.string()) == 1);  // a folder, not a file
  CHECK(fs::is_directory(folder));
  fs::remove_all(folder);
  if (fs::exists("/dev/full")) {
    // Every write fails there with "No space left on device".
    CHECK(firmware::writePreviewSheet(options, content, "/dev/full") == 1);
  }
}
