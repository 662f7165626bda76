// SPDX-License-Identifier: Apache-2.0
#include "firmware/PreviewSheet.hpp"
#include "firmware/Log.hpp"
#include "firmware/PngFile.hpp"

#include <SDL.h>
#include <SDL_image.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "render/CardPainter.hpp"
#include "render/CardRenderer.hpp"
#include "render/FontCache.hpp"
#include "render/TextFitter.hpp"
#include "render/Theme.hpp"

namespace newsticker::firmware {
namespace {

// Sheet proportions, in sheet pixels.
constexpr int kMargin = 40;  // sheet edge to content
constexpr int kHeaderHeight = 88;
constexpr int kHeaderGap = 16;  // header to the first row
constexpr int kThumbBox = 480;  // a thumbnail fits a square this size
constexpr int kCellWidth = 480;
constexpr int kColumnGap = 32;
constexpr int kRowGap = 28;
constexpr int kLabelGap = 10;  // thumbnail to its label
constexpr int kLabelLines = 5;
constexpr int kLabelBottom = 5;   // room for the descenders of the last line
constexpr int kLineAdvance = 25;  // label lines
constexpr int kTextPx = 19;       // labels, details and notes
constexpr int kTitlePx = 30;
constexpr int kNoteAdvance = 26;
constexpr int kSectionGap = 24;  // grid to the lines below it
constexpr int kMoreLineHeight = 30;
constexpr std::size_t kMaxThumbnails = 120;
constexpr int kMaxGridHeight = 14000;
constexpr std::size_t kMaxNotes = 60;
constexpr int kWarningIndent = 16;  // bullet, then the warning's text
constexpr int kWarningFrame = 3;    // amber frame round a card with warnings

// Sheet colours: dark text on a light neutral background.
constexpr render::Color kBackground{236, 238, 242};
constexpr render::Color kText{28, 33, 43};
constexpr render::Color kMuted{92, 100, 114};
constexpr render::Color kWarning{176, 82, 6};
constexpr render::Color kRejected{185, 28, 28};
constexpr render::Color kRule{200, 205, 213};
constexpr render::Color kShadow{20, 28, 40, 70};

render::TextBox lineBox(int width, int max_lines, int px, int advance, fonts::Weight weight,
                        const content::LanguageTag& language) {
  render::TextBox box;
  box.width = std::max(1, width);
  box.max_lines = max_lines;
  box.min_px = box.max_px = px;
  box.line_height = static_cast<double>(advance) / px;
  box.weight = weight;
  box.language = language;
  return box;
}

// Appends the fitted lines as runs, the first line box at `top`; returns the
// number of lines.
int appendLines(const render::FittedText& text, int x, int top, render::Color color, render::TextMeasurer& measurer,
                render::DrawList& list) {
  const render::FontMetrics m = measurer.metrics(text.font);
  for (std::size_t i = 0; i < text.lines.size(); ++i) {
    const int box_top = top + static_cast<int>(i) * text.line_advance;
    const int baseline = box_top + (text.line_advance + m.ascent - m.descent) / 2;
    list.commands.push_back(render::TextRun{text.lines[i], text.lineFont(i), x, baseline, color});
  }
  return static_cast<int>(text.lines.size());
}

render::Rect grow(const render::Rect& r, int by) { return {r.x - by, r.y - by, r.w + 2 * by, r.h + 2 * by}; }

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

render::SurfacePtr shrinkCard(SDL_Surface& card, int w, int h) {
  render::SurfacePtr current(SDL_DuplicateSurface(&card));
  if (!current) return nullptr;
  while (current->w / 2 >= w && current->h / 2 >= h) {
    render::SurfacePtr half(
        SDL_CreateRGBSurfaceWithFormat(0, current->w / 2, current->h / 2, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!half || SDL_SoftStretchLinear(current.get(), nullptr, half.get(), nullptr) != 0) return nullptr;
    current = std::move(half);
  }
  if (current->w == w && current->h == h) return current;
  render::SurfacePtr thumb(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
  if (!thumb || SDL_SoftStretchLinear(current.get(), nullptr, thumb.get(), nullptr) != 0) return nullptr;
  return thumb;
}

bool blitOpaque(SDL_Surface& from, SDL_Surface& to, const render::Rect& at) {
  SDL_SetSurfaceBlendMode(&from, SDL_BLENDMODE_NONE);
  SDL_Rect target{at.x, at.y, from.w, from.h};
  return SDL_BlitSurface(&from, nullptr, &to, &target) == 0;
}

bool encodeSheet(SDL_Surface& sheet, std::vector<unsigned char>& png, std::string& error) {
  for (int y = 0; y < sheet.h; ++y) {
    auto* row =
        reinterpret_cast<Uint32*>(static_cast<Uint8*>(sheet.pixels) + static_cast<std::ptrdiff_t>(y) * sheet.pitch);
    for (int x = 0; x < sheet.w; ++x) {
      const Uint32 p = row[x];
      row[x] = (p & 0xFF00FF00u) | ((p >> 16) & 0xFFu) | ((p & 0xFFu) << 16);
    }
  }
  render::SurfacePtr surface(
      SDL_CreateRGBSurfaceWithFormatFrom(sheet.pixels, sheet.w, sheet.h, 32, sheet.pitch, SDL_PIXELFORMAT_ABGR8888));
  if (!surface) {
    error = SDL_GetError();
    return false;
  }
  return firmware::encodePng(*surface, png, error);
}

render::Rect SheetGeometry::thumbnail(std::size_t index) const {
  const int column = static_cast<int>(index % static_cast<std::size_t>(columns));
  const int row = static_cast<int>(index / static_cast<std::size_t>(columns));
  const int cell_x = kMargin + column * (cell_width + column_gap);
  const int cell_y = grid_top + row * (cell_height + row_gap);
  return {cell_x + (cell_width - thumb_width) / 2, cell_y, thumb_width, thumb_height};
}

render::Rect SheetGeometry::label(std::size_t index) const {
  const int column = static_cast<int>(index % static_cast<std::size_t>(columns));
  const int row = static_cast<int>(index / static_cast<std::size_t>(columns));
  const int cell_x = kMargin + column * (cell_width + column_gap);
  const int cell_y = grid_top + row * (cell_height + row_gap);
  return {cell_x, cell_y + thumb_height + kLabelGap, cell_width, label_height};
}

SheetGeometry sheetGeometry(int card_width, int card_height, std::size_t cards, std::size_t footer_lines) {
  SheetGeometry g;
  card_width = std::max(card_width, 1);
  card_height = std::max(card_height, 1);
  const double scale = std::min(1.0, static_cast<double>(kThumbBox) / std::max(card_width, card_height));
  g.thumb_width = std::max(1, static_cast<int>(std::lround(card_width * scale)));
  g.thumb_height = std::max(1, static_cast<int>(std::lround(card_height * scale)));
  g.columns = cards <= 9 ? 3 : 4;
  g.cell_width = kCellWidth;
  g.label_height = kLabelLines * kLineAdvance + kLabelBottom;
  g.cell_height = g.thumb_height + kLabelGap + g.label_height;
  g.column_gap = kColumnGap;
  g.row_gap = kRowGap;
  const std::size_t max_rows =
      static_cast<std::size_t>(std::max(1, (kMaxGridHeight + kRowGap) / (g.cell_height + kRowGap)));
  g.shown = std::min({cards, kMaxThumbnails, max_rows * static_cast<std::size_t>(g.columns)});
  g.hidden = cards - g.shown;
  g.rows = static_cast<int>((g.shown + g.columns - 1) / g.columns);

  g.width = 2 * kMargin + g.columns * g.cell_width + (g.columns - 1) * g.column_gap;
  const int content_width = g.width - 2 * kMargin;
  g.header = {kMargin, kMargin, content_width, kHeaderHeight};
  g.grid_top = kMargin + kHeaderHeight + kHeaderGap;
  int bottom = g.grid_top + g.rows * g.cell_height + std::max(0, g.rows - 1) * g.row_gap;
  if (g.hidden > 0) {
    g.more_line = {kMargin, bottom + kSectionGap, content_width, kMoreLineHeight};
    bottom = g.more_line.y + g.more_line.h;
  } else {
    g.more_line = {kMargin, bottom, content_width, 0};
  }
  if (footer_lines > 0) {
    g.footer = {kMargin, bottom + kSectionGap, content_width, static_cast<int>(footer_lines) * kNoteAdvance};
    bottom = g.footer.y + g.footer.h;
  } else {
    g.footer = {kMargin, bottom, content_width, 0};
  }
  g.height = bottom + kMargin;
  return g;
}

std::vector<std::string> cardWarnings(const content::Feed& feed, const std::string& file,
                                      const std::vector<std::string>& renderer_warnings) {
  std::vector<std::string> warnings;
  for (const content::Diagnostic& d : feed.diagnostics) {
    if (d.file != file) continue;
    warnings.push_back(d.line > 0 ? "line " + std::to_string(d.line) + ": " + d.message : d.message);
  }
  const std::string prefix = file + ": ";
  for (const std::string& warning : renderer_warnings) {
    warnings.push_back(warning.compare(0, prefix.size(), prefix) == 0 ? warning.substr(prefix.size()) : warning);
  }
  return warnings;
}

render::DrawList cardLabelDrawList(const CardLabel& label, int width, int height, render::TextMeasurer& measurer,
                                   render::LineBreaker& breaker) {
  render::DrawList list;
  list.width = width;
  list.height = height;
  list.commands.push_back(render::FillShape{{0, 0, width, height}, 0, kBackground, kBackground, 0});
  const int max_lines = std::max(1, height / kLineAdvance);

  // The number, then the file name beside it (two lines at most).
  const std::string number = std::to_string(label.number);
  const render::FittedText number_text = render::fitText(
      number, lineBox(width, 1, kTextPx, kLineAdvance, fonts::Weight::Bold, label.language), measurer, breaker);
  appendLines(number_text, 0, 0, kText, measurer, list);
  const int file_x = measurer.width(number, number_text.font) + 10;
  const std::string file = label.draft ? label.file + "  (draft)" : label.file;
  const render::FittedText file_text = render::fitText(
      file,
      lineBox(width - file_x, std::min(2, max_lines), kTextPx, kLineAdvance, fonts::Weight::Regular, label.language),
      measurer, breaker);
  int used = std::max(1, appendLines(file_text, file_x, 0, kText, measurer, list));

  // The notes in grey, then the warnings, each behind an amber bullet; two
  // lines at most each; the last free line says how many warnings did not fit.
  const int text_width = width - kWarningIndent;
  for (const std::string& note : label.notes) {
    if (used >= max_lines) break;
    const render::FittedText text = render::fitText(
        note, lineBox(width, 1, kTextPx, kLineAdvance, fonts::Weight::Regular, label.language), measurer, breaker);
    used += appendLines(text, 0, used * kLineAdvance, kMuted, measurer, list);
  }
  for (std::size_t i = 0; i < label.warnings.size(); ++i) {
    const int lines_left = max_lines - used;
    const bool more_after = i + 1 < label.warnings.size();
    const int budget = std::min(2, more_after ? lines_left - 1 : lines_left);
    const int top = used * kLineAdvance;
    if (budget <= 0) {
      if (lines_left <= 0) break;
      const std::size_t rest = label.warnings.size() - i;
      const render::FittedText more = render::fitText(
          "+" + plural(rest, "more warning", "more warnings"),
          lineBox(text_width, 1, kTextPx, kLineAdvance, fonts::Weight::Bold, label.language), measurer, breaker);
      used += appendLines(more, kWarningIndent, top, kWarning, measurer, list);
      break;
    }
    const render::FittedText text = render::fitText(
        label.warnings[i], lineBox(text_width, budget, kTextPx, kLineAdvance, fonts::Weight::Regular, label.language),
        measurer, breaker);
    if (text.lines.empty()) continue;
    // The bullet sits at the middle of the lower-case letters of the first line.
    const render::FontMetrics m = measurer.metrics(text.font);
    const int baseline = top + (text.line_advance + m.ascent - m.descent) / 2;
    const int dot = 8;
    const int dot_centre = baseline - text.font.px * 27 / 100;
    list.commands.push_back(render::FillShape{{2, dot_centre - dot / 2, dot, dot}, dot / 2, kWarning, kWarning, 1});
    used += appendLines(text, kWarningIndent, top, kWarning, measurer, list);
  }
  return list;
}

std::vector<SheetNote> sheetNotes(const content::Feed& feed, const std::set<std::string>& files_on_sheet) {
  std::vector<const content::Diagnostic*> rejected, others;
  for (const content::Diagnostic& d : feed.diagnostics) {
    if (d.severity == content::Severity::Error) {
      rejected.push_back(&d);
    } else if (files_on_sheet.count(d.file) == 0) {
      others.push_back(&d);
    }
  }
  std::vector<SheetNote> notes;
  std::size_t written = 0;
  const std::size_t total = rejected.size() + others.size();
  const auto group = [&](const std::vector<const content::Diagnostic*>& items, const std::string& heading,
                         SheetNote::Kind kind) {
    if (items.empty() || written >= kMaxNotes) return;
    if (!notes.empty()) notes.push_back({SheetNote::Kind::Heading, ""});  // a blank line between groups
    notes.push_back({SheetNote::Kind::Heading, heading});
    for (const content::Diagnostic* d : items) {
      if (written >= kMaxNotes) break;
      content::Diagnostic shown = *d;
      shown.severity = content::Severity::Error;  // the heading says which
      notes.push_back({kind, content::formatDiagnostic(shown)});
      ++written;
    }
  };
  group(rejected, "Rejected files (not in the cycle):", SheetNote::Kind::Rejected);
  group(others, "Warnings for files without a card on this sheet:", SheetNote::Kind::Warning);
  if (written < total) {
    notes.push_back({SheetNote::Kind::More, "and " + plural(total - written, "more message", "more messages") +
                                                " (newsticker --check lists them all)"});
  }
  return notes;
}

render::DrawList sheetDrawList(const SheetGeometry& geometry, const std::string& title, const std::string& details,
                               const std::vector<SheetNote>& notes, const content::LanguageTag& language,
                               render::TextMeasurer& measurer, render::LineBreaker& breaker) {
  render::DrawList list;
  list.width = geometry.width;
  list.height = geometry.height;
  list.commands.push_back(render::FillShape{{0, 0, geometry.width, geometry.height}, 0, kBackground, kBackground, 0});

  const render::Rect& header = geometry.header;
  appendLines(
      render::fitText(title, lineBox(header.w, 1, kTitlePx, 40, fonts::Weight::Bold, language), measurer, breaker),
      header.x, header.y, kText, measurer, list);
  appendLines(render::fitText(details, lineBox(header.w, 1, kTextPx, kNoteAdvance, fonts::Weight::Regular, language),
                              measurer, breaker),
              header.x, header.y + 44, kMuted, measurer, list);
  list.commands.push_back(render::FillShape{{header.x, header.y + header.h - 2, header.w, 1}, 0, kRule, kRule, 0});

  for (std::size_t i = 0; i < geometry.shown; ++i) {
    const render::Rect thumb = geometry.thumbnail(i);
    list.commands.push_back(render::FillShape{{thumb.x, thumb.y + 4, thumb.w, thumb.h}, 6, kShadow, kShadow, 12});
    list.commands.push_back(render::FillShape{grow(thumb, 1), 0, kRule, kRule, 0});
  }

  if (geometry.hidden > 0) {
    appendLines(
        render::fitText("and " + plural(geometry.hidden, "more card", "more cards") + " not shown",
                        lineBox(geometry.more_line.w, 1, kTextPx, geometry.more_line.h, fonts::Weight::Bold, language),
                        measurer, breaker),
        geometry.more_line.x, geometry.more_line.y, kText, measurer, list);
  }

  for (std::size_t i = 0; i < notes.size(); ++i) {
    const SheetNote& note = notes[i];
    const bool bold = note.kind == SheetNote::Kind::Heading || note.kind == SheetNote::Kind::More;
    const render::Color color = note.kind == SheetNote::Kind::Rejected  ? kRejected
                                : note.kind == SheetNote::Kind::Warning ? kWarning
                                                                        : kText;
    const int indent = bold ? 0 : kWarningIndent;
    appendLines(render::fitText(note.text,
                                lineBox(geometry.footer.w - indent, 1, kTextPx, kNoteAdvance,
                                        bold ? fonts::Weight::Bold : fonts::Weight::Regular, language),
                                measurer, breaker),
                geometry.footer.x + indent, geometry.footer.y + static_cast<int>(i) * kNoteAdvance, color, measurer,
                list);
  }
  return list;
}

int writePreviewSheet(const Options& options, ContentSession& content, const std::string& png_path) {
  const render::CardSize size{options.width > 0 ? options.width : 1920, options.height > 0 ? options.height : 1080};
  // Every card of the playlist but the standby one (ContentSession.hpp), unless it is all there is.
  std::vector<content::Post> cards;
  for (const content::Post& post : content.playlist) {
    if (!post.show.standby || content.playlist.size() == 1) cards.push_back(post);
  }

  // The files with a thumbnail decide which warnings go below the grid.
  const std::size_t shown = sheetGeometry(size.width, size.height, cards.size(), 0).shown;
  std::set<std::string> files_on_sheet;
  for (std::size_t i = 0; i < shown; ++i) files_on_sheet.insert(cards[i].file);
  const std::vector<SheetNote> notes = sheetNotes(content.feed, files_on_sheet);
  const SheetGeometry geometry = sheetGeometry(size.width, size.height, cards.size(), notes.size());

  // Opened before any card is rendered, so a path that cannot be written
  // fails at once; removed again unless written completely.
  PngFile file(png_path);
  if (!file.isOpen()) {
    logError(joined("cannot write ", png_path, ": ", file.error()));
    return 1;
  }

  const content::LanguageTag language = fallbackLanguage(content, options.language);
  render::FontCache fonts(options.font_chain);
  render::LineBreaker breaker;
  render::CardRenderer renderer(fonts, render::Theme{}, language);

  const std::string folder = content.tree->describe();
  const std::string title = content.feed.defaults.name.empty() ? folder : content.feed.defaults.name;
  std::string details = plural(cards.size(), "card", "cards") + " in cycle order \xC2\xB7 " +
                        std::to_string(size.width) + "x" + std::to_string(size.height);
  if (title != folder) details += " \xC2\xB7 " + folder;
  details += " \xC2\xB7 " + plural(content.feed.rejected_files, "file rejected", "files rejected");
  std::size_t drafts_left_out = 0;
  for (const content::Post& post : content.feed.posts) drafts_left_out += post.draft;
  for (const content::Post& card : cards) drafts_left_out -= card.draft;
  if (drafts_left_out > 0) {
    details += " \xC2\xB7 " + plural(drafts_left_out, "draft", "drafts") + " left out (--drafts shows them)";
  }

  render::SurfacePtr sheet =
      render::paintDrawList(sheetDrawList(geometry, title, details, notes, language, fonts, breaker), fonts, {});
  if (!sheet) {
    logError(joined("out of memory for a ", geometry.width, "x", geometry.height, " sheet"));
    return 1;
  }

  for (std::size_t i = 0; i < geometry.shown; ++i) {
    const content::Post& post = cards[i];
    std::vector<std::string> renderer_warnings;
    render::SurfacePtr thumbnail;
    {
      render::SurfacePtr card = renderer.render(post, *content.tree, size, renderer_warnings);
      if (card) thumbnail = shrinkCard(*card, geometry.thumb_width, geometry.thumb_height);
    }  // the full-size card is freed here, before the next one
    for (const std::string& warning : renderer_warnings) logWarning(warning);
    if (!thumbnail) {
      logError(joined("cannot make the thumbnail of ", post.file, ": ", SDL_GetError()));
      return 1;
    }

    CardLabel label;
    label.number = i + 1;
    label.file = post.file;
    label.draft = post.draft;
    label.warnings = cardWarnings(content.feed, post.file, renderer_warnings);
    label.language = post.language.empty() ? language : post.language;

    const render::Rect at = geometry.thumbnail(i);
    if (!label.warnings.empty()) {
      const render::Rect frame = grow(at, kWarningFrame);
      SDL_Rect rect{frame.x, frame.y, frame.w, frame.h};
      SDL_FillRect(sheet.get(), &rect, SDL_MapRGB(sheet->format, kWarning.r, kWarning.g, kWarning.b));
    }
    const render::Rect box = geometry.label(i);
    render::SurfacePtr label_surface =
        render::paintDrawList(cardLabelDrawList(label, box.w, box.h, fonts, breaker), fonts, {});
    if (!label_surface || !blitOpaque(*thumbnail, *sheet, at) || !blitOpaque(*label_surface, *sheet, box)) {
      logError(joined("cannot draw card ", i + 1, " on the sheet: ", SDL_GetError()));
      return 1;
    }
  }

  std::vector<unsigned char> png;
  std::string error;
  if (!encodeSheet(*sheet, png, error)) {
    logError(joined("cannot write ", png_path, ": ", error));
    return 1;
  }
  if (!file.write(png)) {
    logError(joined("cannot write ", png_path, ": ", file.error()));
    return 1;
  }
  return 0;
}

}  // namespace newsticker::firmware
