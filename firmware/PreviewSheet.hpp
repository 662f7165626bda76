// SPDX-License-Identifier: Apache-2.0
// The content editor's preview: every card of the cycle as a thumbnail on one
// contact sheet PNG, each labelled with its number, file and warnings, and the
// rejected files listed below the grid.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "content/FeedLoader.hpp"
#include "firmware/CommandLine.hpp"
#include "firmware/ContentSession.hpp"
#include "render/DrawList.hpp"
#include "render/LineBreaker.hpp"
#include "render/SdlHandles.hpp"
#include "render/TextMeasurer.hpp"

namespace newsticker::firmware {

// Where everything sits on the sheet, in sheet pixels.
struct SheetGeometry {
  int width = 0, height = 0;  // the whole sheet
  int columns = 0, rows = 0;
  int thumb_width = 0, thumb_height = 0;  // one card scaled down, aspect ratio kept
  int cell_width = 0, cell_height = 0;    // thumbnail row + gap + label
  int label_height = 0;
  int column_gap = 0, row_gap = 0;
  int grid_top = 0;        // y of the first row of thumbnails
  render::Rect header;     // feed name, number of cards, card size
  render::Rect more_line;  // "and N more cards not shown"; h == 0 when every card is shown
  render::Rect footer;     // rejected files and other messages; h == 0 without any
  std::size_t shown = 0;   // thumbnails on the sheet: the first `shown` cards of the cycle
  std::size_t hidden = 0;  // cards after those, not on the sheet

  // Where card `index` (0-based, < shown) is drawn: centred in its cell.
  render::Rect thumbnail(std::size_t index) const;
  // The label box under card `index`'s thumbnail, as wide as the cell.
  render::Rect label(std::size_t index) const;
};

// Lays out a sheet for `cards` cards of card_width x card_height with
// `footer_lines` lines of messages below the grid. Thumbnails fit a 480 px
// square (never enlarged), in 3 columns up to 9 cards, else 4; at most 120
// thumbnails and a grid at most 14000 px tall (the rest are counted in
// `hidden`). `shown` does not depend on `footer_lines`. Pure arithmetic.
SheetGeometry sheetGeometry(int card_width, int card_height, std::size_t cards, std::size_t footer_lines);

// What the label under one thumbnail says.
struct CardLabel {
  std::size_t number = 0;  // 1-based position in the cycle
  std::string file;        // the post's file, relative to the content folder
  bool draft = false;
  std::vector<std::string> notes;     // plain lines in grey, one line each (a board's status)
  std::vector<std::string> warnings;  // one message each, without the file name
  content::LanguageTag language;      // picks the CJK face for the text
};

// The warnings for the card of `file`: its content diagnostics from `feed`
// ("line 3: unknown key 'x' ignored"), then `renderer_warnings` (from
// CardRenderer::render) with their "file: " prefix removed, in that order.
std::vector<std::string> cardWarnings(const content::Feed& feed, const std::string& file,
                                      const std::vector<std::string>& renderer_warnings);

// The label as a draw list of `width` x `height`, origin at the label's top
// left: the number (bold) and file name (up to two lines), the notes, then the warnings
// in amber, each at most two lines, "+N more warnings" when they do not all
// fit. Every line is fitted (wrapped or ellipsised) to the width, so nothing
// leaves the box. Throws only what the measurer throws.
render::DrawList cardLabelDrawList(const CardLabel& label, int width, int height, render::TextMeasurer& measurer,
                                   render::LineBreaker& breaker);

// One line of the messages below the grid.
struct SheetNote {
  enum class Kind { Heading, Rejected, Warning, More };
  Kind kind = Kind::Rejected;
  std::string text;
};

// The messages below the grid: the rejected files ("posts/x.md:3: reason"),
// then the warnings for files that have no thumbnail on the sheet (feed.yaml,
// drafts left out, cards not shown), each group under a heading, a blank
// line (an empty heading) between the groups; at most 60 messages, then one
// "More" line counting the rest. Empty when there are none.
std::vector<SheetNote> sheetNotes(const content::Feed& feed, const std::set<std::string>& files_on_sheet);

// The sheet without its thumbnails and labels, as a draw list of the sheet's
// size: the light background, the header (`title` over `details`), a shadow
// under each thumbnail, the "and N more cards" line and `notes`.
render::DrawList sheetDrawList(const SheetGeometry& geometry, const std::string& title, const std::string& details,
                               const std::vector<SheetNote>& notes, const content::LanguageTag& language,
                               render::TextMeasurer& measurer, render::LineBreaker& breaker);

// Shrinks an opaque ARGB8888 card to w x h: bilinear halvings while the
// image is at least twice the target, then one last bilinear step. Null
// (SDL_GetError says why) when memory runs out.
render::SurfacePtr shrinkCard(SDL_Surface& card, int w, int h);

// Copies opaque `from` onto `to` with its top left at `at`; false on failure.
bool blitOpaque(SDL_Surface& from, SDL_Surface& to, const render::Rect& at);

// Encodes the opaque ARGB8888 `sheet` as PNG bytes; false with `error` set
// when it cannot. Swaps red and blue in place first, so that SDL_image finds
// the pixels in the byte order PNG stores (ABGR8888 on little-endian) and does
// not copy a sheet that can be over 100 MB; `sheet` is not drawable after.
bool encodeSheet(SDL_Surface& sheet, std::vector<unsigned char>& png, std::string& error);

// Renders every card of `content.playlist` at the card size of `options`
// (default 1920x1080) through CardRenderer, one at a time, shrinks each to its
// thumbnail and writes the sheet as a PNG to `png_path` (opened before the
// first card is rendered). SDL must be running (the headless driver will do).
// Returns 0, or 1 after one line on stderr when the file cannot be opened,
// the sheet cannot be made or the file is not written completely (a partial
// file is removed). Throws what CardRenderer throws (a font that cannot be
// opened).
int writePreviewSheet(const Options& options, ContentSession& content, const std::string& png_path);

}  // namespace newsticker::firmware
