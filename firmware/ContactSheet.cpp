// SPDX-License-Identifier: Apache-2.0
#include "firmware/ContactSheet.hpp"

#include <SDL_image.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "firmware/Log.hpp"
#include "firmware/PngFile.hpp"
#include "firmware/PreviewSheet.hpp"
#include "render/CardPainter.hpp"
#include "render/FontCache.hpp"
#include "render/LineBreaker.hpp"

namespace newsticker::firmware {
namespace {

namespace fs = std::filesystem;

constexpr int kDefaultWidth = 1920, kDefaultHeight = 1080;  // the box of a board without a screen
constexpr render::Color kMissing{190, 195, 204};

std::vector<std::string> statusLines(const fs::path& file) {
  std::vector<std::string> lines;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    for (const char* key : {"display:", "card:", "content:", "sync:"}) {
      if (line.rfind(key, 0) != 0) continue;
      const auto text = line.find_first_not_of(' ', std::char_traits<char>::length(key));
      lines.push_back(std::string(key) + " " + (text == std::string::npos ? "" : line.substr(text)));
    }
  }
  return lines;
}

// `image` as ARGB8888 shrunk to fit `box` (aspect ratio kept), or null.
render::SurfacePtr thumbnailOf(const std::string& png, const render::Rect& box, std::string& error) {
  render::SurfacePtr loaded(IMG_Load(png.c_str()));
  if (!loaded) {
    error = IMG_GetError();
    return nullptr;
  }
  render::SurfacePtr argb(SDL_ConvertSurfaceFormat(loaded.get(), SDL_PIXELFORMAT_ARGB8888, 0));
  if (!argb) {
    error = SDL_GetError();
    return nullptr;
  }
  const double scale = std::min({1.0, static_cast<double>(box.w) / argb->w, static_cast<double>(box.h) / argb->h});
  const int w = std::max(1, static_cast<int>(argb->w * scale)), h = std::max(1, static_cast<int>(argb->h * scale));
  render::SurfacePtr thumb = shrinkCard(*argb, w, h);
  if (!thumb) error = SDL_GetError();
  return thumb;
}

}  // namespace

std::vector<BoardCapture> collectedBoards(const std::string& folder) {
  std::vector<BoardCapture> boards;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_directory(ec)) continue;
    BoardCapture board;
    board.name = it->path().filename().string();
    if (fs::is_regular_file(it->path() / "screen.png", ec)) board.screen_png = (it->path() / "screen.png").string();
    const bool has_status = fs::is_regular_file(it->path() / "status.txt", ec);
    if (has_status) board.status = statusLines(it->path() / "status.txt");
    if (!board.screen_png.empty() || has_status) boards.push_back(std::move(board));
  }
  std::sort(boards.begin(), boards.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return boards;
}

int writeContactSheet(const std::string& folder, const std::string& png_path, const fonts::FontChain& font_chain) {
  const std::vector<BoardCapture> boards = collectedBoards(folder);
  if (boards.empty()) {
    logError("contact-sheet: " + folder + " has no board folders with screen.png or status.txt");
    return 1;
  }
  // The thumbnails' box follows the first screen's shape.
  int width = kDefaultWidth, height = kDefaultHeight;
  for (const BoardCapture& board : boards) {
    render::SurfacePtr first(board.screen_png.empty() ? nullptr : IMG_Load(board.screen_png.c_str()));
    if (!first) continue;
    width = first->w;
    height = first->h;
    break;
  }
  const SheetGeometry geometry = sheetGeometry(width, height, boards.size(), 0);
  PngFile file(png_path);
  if (!file.isOpen()) {
    logError(joined("cannot write ", png_path, ": ", file.error()));
    return 1;
  }
  render::FontCache fonts(font_chain);
  render::LineBreaker breaker;
  const std::string title =
      "newsticker fleet: " + std::to_string(boards.size()) + (boards.size() == 1 ? " board" : " boards");
  render::SurfacePtr sheet = render::paintDrawList(
      sheetDrawList(geometry, title, "collected in " + folder, {}, "en", fonts, breaker), fonts, {});
  if (!sheet) {
    logError(joined("out of memory for a ", geometry.width, "x", geometry.height, " sheet"));
    return 1;
  }
  for (std::size_t i = 0; i < geometry.shown; ++i) {
    const BoardCapture& board = boards[i];
    CardLabel label;
    label.number = i + 1;
    label.file = board.name;
    label.notes = board.status;
    label.language = "en";
    const render::Rect box = geometry.thumbnail(i);
    std::string error = "no screen.png collected";
    render::SurfacePtr thumb = board.screen_png.empty() ? nullptr : thumbnailOf(board.screen_png, box, error);
    if (thumb) {
      const render::Rect at{box.x + (box.w - thumb->w) / 2, box.y + (box.h - thumb->h) / 2, thumb->w, thumb->h};
      if (!blitOpaque(*thumb, *sheet, at)) error = SDL_GetError();
      else error.clear();
    }
    if (!error.empty()) {
      SDL_Rect rect{box.x, box.y, box.w, box.h};
      SDL_FillRect(sheet.get(), &rect, SDL_MapRGB(sheet->format, kMissing.r, kMissing.g, kMissing.b));
      label.warnings.push_back(board.screen_png.empty() ? error : "screen.png: " + error);
    }
    const render::Rect label_box = geometry.label(i);
    render::SurfacePtr painted =
        render::paintDrawList(cardLabelDrawList(label, label_box.w, label_box.h, fonts, breaker), fonts, {});
    if (!painted || !blitOpaque(*painted, *sheet, label_box)) {
      logError(joined("cannot draw board ", board.name, " on the sheet: ", SDL_GetError()));
      return 1;
    }
  }
  std::vector<unsigned char> png;
  std::string error;
  if (!encodeSheet(*sheet, png, error) || !file.write(png)) {
    logError(joined("cannot write ", png_path, ": ", error.empty() ? file.error() : error));
    return 1;
  }
  return 0;
}

}  // namespace newsticker::firmware
