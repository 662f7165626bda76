// SPDX-License-Identifier: Apache-2.0
#include "render/CardLayout.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <iterator>

#include "render/CardCaption.hpp"
#include "render/TextDirection.hpp"
#include "render/TextFitter.hpp"
#include "render/UrgentBand.hpp"

namespace newsticker::render {
namespace {

// Calm badge colours for monograms, picked by the name's hash so a source
// keeps its colour across runs.
constexpr Color kBadgeColors[] = {{47, 111, 219}, {15, 138, 122}, {194, 65, 12},
                                  {124, 58, 237}, {190, 24, 93},  {14, 116, 144}};

constexpr double kHeadlineLineHeight = 1.12;
constexpr double kSummaryLineHeight = 1.42;
constexpr double kMetaLineHeight = 1.3;

std::size_t utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// The theme's units in pixels for one screen. Type scales with the short
// side; small screens (short side under 1080) spend proportionally less on
// margins and tiles and a little more on type, which never goes below the
// theme's minimum.
struct Proportions {
  double type_unit = 1;    // body and meta text
  double chrome_unit = 1;  // margins, paddings, tiles
  double unit = 1;         // plain short side / 1080: headlines, QR modules
  int chrome(double units) const { return std::max(1, static_cast<int>(std::lround(units * chrome_unit))); }
  int type(double units, int at_least) const {
    return std::max(at_least, static_cast<int>(std::lround(units * type_unit)));
  }
};

Proportions proportionsFor(const CardSize& size) {
  const double short_side = std::max(1, std::min(size.width, size.height));
  const double compact = std::clamp(0.7 + 0.3 * (short_side - 480.0) / 600.0, 0.7, 1.0);
  Proportions p;
  p.unit = short_side / 1080.0;
  p.type_unit = p.unit * (1 + (1 - compact) / 3);
  p.chrome_unit = p.unit * compact;
  return p;
}

int advanceOf(int px, double line_height) { return static_cast<int>(std::lround(px * line_height)); }

int right(const Rect& r) { return r.x + r.w; }
int bottom(const Rect& r) { return r.y + r.h; }

// Appends the lines of `text` as runs, the first line box starting at `top`.
// Returns the y just below the last line box.
int emitLines(const FittedText& text, int x, int top, Color color, TextMeasurer& measurer, DrawList& list) {
  const FontMetrics m = measurer.metrics(text.font);
  for (std::size_t i = 0; i < text.lines.size(); ++i) {
    const int box_top = top + static_cast<int>(i) * text.line_advance;
    const int baseline = box_top + (text.line_advance + m.ascent - m.descent) / 2;
    list.commands.push_back(TextRun{text.lines[i], text.font, x, baseline, color});
  }
  return top + text.height();
}

// A one-line box at a fixed size: the source, the date, topics, related headlines.
TextBox oneLine(int width, int px, double line_height, const content::LanguageTag& language,
                fonts::Weight weight = fonts::Weight::Regular) {
  TextBox box;
  box.width = width;
  box.max_lines = 1;
  box.min_px = box.max_px = px;
  box.line_height = line_height;
  box.language = language;
  box.weight = weight;
  return box;
}

int lineWidth(const FittedText& text, TextMeasurer& measurer) {
  int widest = 0;
  for (const std::string& line : text.lines) widest = std::max(widest, measurer.width(line, text.font));
  return widest;
}

// How much of `text` `fitted` shows, counted in line-break pieces.
TextCut cutOf(std::string_view text, const FittedText& fitted, const content::LanguageTag& language,
              LineBreaker& breaker) {
  TextCut cut;
  const std::vector<BreakOpportunity> opportunities = breaker.opportunities(text, language);
  for (const BreakOpportunity& o : opportunities) cut.words_total += o.offset > 0;
  const bool blank = text.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (blank || (!fitted.ellipsised && !fitted.lines.empty())) {
    cut.words_shown = cut.words_total;
    return cut;
  }
  cut.cut = true;
  if (fitted.lines.empty()) return cut;  // no room for any of it
  std::size_t end = fitted.shown_bytes;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\n' || text[end] == '\t')) ++end;
  for (const BreakOpportunity& o : opportunities) cut.words_shown += o.offset > 0 && o.offset <= end;
  return cut;
}

// What a card may give up, in this order, when its summary does not fit:
// some photo size, the headline's extra line (its size shrinks to keep to
// fewer lines), the topics' row of their own, then more photo size.
struct Concessions {
  double photo_scale = 1;     // of the theme's photo share
  bool headline_extra_line = true;
  bool chips_row = true;
};
constexpr Concessions kConcessions[] = {
    {1, true, true}, {0.8, true, true}, {0.8, false, true}, {0.8, false, false}, {0.65, false, false}};

// Lays out one card; each step adds its commands to `list`.
class CardComposer {
 public:
  CardComposer(const content::Post& post, const CardSize& size, const Theme& theme,
               const content::LanguageTag& language, TextMeasurer& measurer, LineBreaker& breaker,
               const CardAssets& assets, const Concessions& concessions)
      : post_(post), size_(size), theme_(theme), language_(language), measurer_(measurer), breaker_(breaker),
        assets_(assets), concessions_(concessions), p_(proportionsFor(size)) {
    meta_px_ = p_.type(theme.meta_px, theme.min_text_px);
    chip_px_ = p_.type(theme.chip_px, std::max(18, theme.min_text_px - 2));
    summary_px_ = p_.type(theme.summary_px, theme.min_text_px);
    summary_min_px_ = std::max(theme.min_text_px, static_cast<int>(std::lround(summary_px_ * theme.summary_min)));
    headline_px_ = std::max(theme.min_text_px * 3 / 2, static_cast<int>(std::lround(theme.headline_px * p_.unit)));
    headline_min_px_ = std::max(std::max(theme.min_text_px * 5 / 4, summary_px_ + 2),
                                static_cast<int>(std::lround(headline_px_ * theme.headline_min)));
    headline_min_px_ = std::min(headline_min_px_, headline_px_);
    secondary_px_ = p_.type(theme.secondary_px, theme.min_text_px);
    list_.width = size.width;
    list_.height = size.height;
  }

  DrawList compose(CardFit* fit) {
    placePanel();
    if (post_.show.urgent) placeUrgentBand();
    measureQrTile();
    placePhoto();
    placeQrCode();
    placeIdentity();
    placeText(fit);
    emitQrCode();
    return std::move(list_);
  }

 private:
  bool portrait() const { return panel_.h > panel_.w; }

  void placePanel() {
    list_.commands.push_back(FillShape{{0, 0, size_.width, size_.height}, 0, theme_.background_top,
                                       theme_.background_bottom, 0});
    const int margin = p_.chrome(theme_.margin);
    const Insets& in = size_.insets;
    panel_ = Rect{margin + in.left, margin + in.top, size_.width - 2 * margin - in.left - in.right,
                  size_.height - 2 * margin - in.top - in.bottom};
    const int radius = p_.chrome(theme_.panel_radius);
    list_.commands.push_back(FillShape{{panel_.x, panel_.y + p_.chrome(14), panel_.w, panel_.h}, radius,
                                       theme_.shadow, theme_.shadow, p_.chrome(44)});
    list_.commands.push_back(FillShape{panel_, radius, theme_.panel_top, theme_.panel_bottom, 1});
    const int pad_x = p_.chrome(theme_.padding_x);
    const int pad_top = p_.chrome(theme_.padding_top);
    text_ = Rect{panel_.x + pad_x, panel_.y + pad_top, panel_.w - 2 * pad_x,
                 panel_.h - pad_top - p_.chrome(theme_.padding_bottom)};
    text_bottom_ = bottom(text_);
    column_width_ = text_.w;
  }

  // An urgent notice's band across the top of the panel (UrgentBand.hpp);
  // everything else is placed below it.
  void placeUrgentBand() {
    const int band = addUrgentBand(list_, panel_, p_.chrome(theme_.panel_radius), p_.chrome(theme_.padding_x), p_.unit,
                                   theme_, language_, measurer_, breaker_);
    panel_ = Rect{panel_.x, panel_.y + band, panel_.w, panel_.h - band};
    text_.y += band;
    text_.h -= band;
  }

  // Landscape: the right part of the panel; portrait: its top. The text
  // area gives way.
  void placePhoto() {
    if (post_.photo.empty()) return;
    const int inset = p_.chrome(22);
    const int radius = std::max(p_.chrome(14), p_.chrome(theme_.panel_radius) - inset);
    if (!portrait()) {
      // Narrower than 85 % of its share, a photo beside the text is a sliver.
      const double scale = std::max(concessions_.photo_scale, 0.85);
      const int w = static_cast<int>(std::lround(panel_.w * theme_.photo_share * scale));
      photo_ = Rect{right(panel_) - inset - w, panel_.y + inset, w, panel_.h - 2 * inset};
      const int text_right = photo_.x - p_.chrome(theme_.padding_x * 0.7);
      text_.w = text_right - text_.x;
      column_width_ = text_.w;
    } else {
      int h = static_cast<int>(std::lround(panel_.h * theme_.photo_share * 0.9 * concessions_.photo_scale));
      if (qr_tile_.h > 0) h = std::max(h, qr_tile_.h + 2 * qrInsetOnPhoto());  // room for the QR code on it
      photo_ = Rect{panel_.x + inset, panel_.y + inset, panel_.w - 2 * inset, h};
      const int text_top = bottom(photo_) + p_.chrome(theme_.padding_top * 0.7);
      text_.h = bottom(text_) - text_top;
      text_.y = text_top;
      text_bottom_ = bottom(text_);
    }
    list_.commands.push_back(Photo{post_.photo, photo_, radius});
  }

  // The QR code's tile: the code (quiet zone included) with the caption
  // under it. Its size: modules of theme.qr_module units (rounded up), at
  // most 45 % of the panel's short side.
  void measureQrTile() {
    if (!theme_.qr || post_.url.empty()) return;
    const int modules = qrModulesFor(post_.url.size()) + 8;
    int module = std::max(2, static_cast<int>(std::ceil(theme_.qr_module * p_.unit - 1e-9)));
    const int limit = std::min(panel_.w, panel_.h) * 45 / 100;
    if (module * modules > limit) module = std::max(1, limit / modules);
    const int side = module * modules;
    // The caption on one line, the tile a little wider than the code if
    // need be; else on two even lines.
    TextBox box;
    box.width = side * 13 / 10 - 4 * module;
    box.max_lines = 1;
    box.max_px = p_.type(theme_.caption_px, 18);
    box.min_px = std::max(14, box.max_px * 3 / 4);
    box.line_height = 1.2;
    box.language = language_;
    const std::string caption = scanCaption(language_);
    caption_ = fitText(caption, box, measurer_, breaker_);
    if (caption_.ellipsised) {
      box.width = side - 2 * module;
      box.max_lines = 2;
      box.balance = true;
      caption_ = fitText(caption, box, measurer_, breaker_);
    }
    int tile_w = side;
    for (const std::string& line : caption_.lines) {
      tile_w = std::max(tile_w, measurer_.width(line, caption_.font) + 4 * module);
    }
    const FontMetrics m = measurer_.metrics(caption_.font);
    // The caption's first line sits right under the quiet zone, its ascent clear of it.
    caption_offset_ = std::max(m.ascent, (caption_.line_advance + m.ascent - m.descent) / 2);
    const int more_lines = std::max(0, static_cast<int>(caption_.lines.size()) - 1);
    const int caption_h = caption_.lines.empty() ? 0 : caption_offset_ + more_lines * caption_.line_advance + m.descent;
    qr_module_ = module;
    qr_side_ = side;
    qr_tile_ = Rect{0, 0, tile_w, side + caption_h + module * 2};
  }

  int qrInsetOnPhoto() const { return p_.chrome(26); }

  // The tile in the panel's bottom right corner, or on the photo's.
  void placeQrCode() {
    if (qr_tile_.h == 0) return;
    const int w = qr_tile_.w, h = qr_tile_.h;
    if (post_.photo.empty()) {
      // In the panel's corner, closer to its edges than the text.
      const int inset = std::min(p_.chrome(28), p_.chrome(theme_.padding_bottom));
      qr_tile_ = Rect{right(panel_) - inset - w, bottom(panel_) - inset - h, w, h};
      // The text flows around the tile (lines beside it end before it) when
      // that leaves lines long enough to read; else it stops above the tile.
      cutout_top_ = qr_tile_.y - p_.chrome(20);
      cutout_left_ = qr_tile_.x - p_.chrome(48);
      flows_around_qr_ = cutout_left_ - text_.x >= 14 * summary_px_;
      if (!flows_around_qr_) text_bottom_ = cutout_top_;
    } else {
      const int inset = qrInsetOnPhoto();
      qr_tile_ = Rect{right(photo_) - inset - w, bottom(photo_) - inset - h, w, h};
    }
  }

  void emitQrCode() {
    if (qr_tile_.h == 0) return;
    const Rect& t = qr_tile_;
    Color shadow = theme_.shadow;
    shadow.a = static_cast<std::uint8_t>(shadow.a / 2);
    list_.commands.push_back(FillShape{{t.x, t.y + qr_module_, t.w, t.h}, 2 * qr_module_, shadow, shadow,
                                       p_.chrome(24)});
    list_.commands.push_back(FillShape{t, 2 * qr_module_, theme_.qr_light, theme_.qr_light, 1});
    list_.commands.push_back(
        QrCode{post_.url, {t.x + (t.w - qr_side_) / 2, t.y, qr_side_, qr_side_}, theme_.qr_dark, theme_.qr_light});
    for (std::size_t i = 0; i < caption_.lines.size(); ++i) {
      const int w = measurer_.width(caption_.lines[i], caption_.font);
      const int baseline = t.y + qr_side_ + caption_offset_ + static_cast<int>(i) * caption_.line_advance;
      list_.commands.push_back(
          TextRun{caption_.lines[i], caption_.font, t.x + (t.w - w) / 2, baseline, theme_.qr_dark});
    }
  }

  bool qrInTextColumn() const { return qr_tile_.w > 0 && post_.photo.empty(); }

  // Gives `box` (whose first line box starts at `top`) the cut-out of the QR tile.
  void flowAroundQr(TextBox& box, int top) const {
    if (!qrInTextColumn() || !flows_around_qr_ || column_width_ < text_.w) return;
    box.wide_height = std::max(0, cutout_top_ - top);
    box.narrow_width = std::max(1, cutout_left_ - text_.x);
  }

  // Logo tile (or monogram badge), source and date beside it, topic chips.
  void placeIdentity() {
    const int meta_advance = advanceOf(meta_px_, kMetaLineHeight);
    const int tile_h = std::max(p_.chrome(theme_.logo_size), 2 * meta_advance + p_.chrome(20));
    Rect tile{text_.x, text_.y, 0, 0};
    if (!post_.logo.empty()) {
      const int inset = tile_h / 9;
      int inner_w = tile_h - 2 * inset;
      if (assets_.logo_aspect > 1.6) {
        // A wordmark gets a wide tile instead of being squeezed into the square.
        const double wide = (tile_h - 2 * inset) * std::min(assets_.logo_aspect, 4.0);
        inner_w = std::min(static_cast<int>(std::lround(wide)), text_.w * 2 / 5 - 2 * inset);
        inner_w = std::max(inner_w, tile_h - 2 * inset);
      }
      tile.w = inner_w + 2 * inset;
      tile.h = tile_h;
      list_.commands.push_back(FillShape{tile, p_.chrome(theme_.logo_radius), theme_.logo_tile, theme_.logo_tile, 1});
      list_.commands.push_back(Logo{post_.logo, {tile.x + inset, tile.y + inset, inner_w, tile_h - 2 * inset}});
    } else if (!post_.source.empty()) {
      tile.w = tile.h = tile_h;
      emitMonogram(tile);
    }

    const std::string date = formatCardDate(post_.date, language_);
    const bool has_tile = tile.w > 0;
    const int byline_x = has_tile ? right(tile) + p_.chrome(30) : text_.x;
    const int byline_width = right(text_) - byline_x;
    int row_h = has_tile ? tile_h : 0;
    std::vector<FittedText> byline;
    if (has_tile) {
      // Two lines beside the tile: the source, then the date.
      if (!post_.source.empty()) {
        TextBox box = oneLine(byline_width, meta_px_, kMetaLineHeight, language_, fonts::Weight::Bold);
        box.min_px = sourceMinPx();
        byline.push_back(fitText(post_.source, box, measurer_, breaker_));
      }
      if (!date.empty()) {
        byline.push_back(fitText(date, oneLine(byline_width, meta_px_, kMetaLineHeight, language_), measurer_,
                                 breaker_));
      }
      withAuthor(date, byline_x, byline_width, byline);
    } else if (!date.empty()) {
      // No logo and no source: no badge either, the date alone starts the row.
      byline.push_back(fitText(date, oneLine(byline_width, meta_px_, kMetaLineHeight, language_), measurer_,
                               breaker_));
    }

    // Chips: as many (up to three) as fit at the row's right end; on a tall
    // screen, in a row of their own when none fits there.
    const int chip_h = static_cast<int>(std::lround(chip_px_ * 1.85));
    const std::vector<std::string> labels = chipLabels();
    int byline_h = 0;
    for (const FittedText& t : byline) byline_h += t.height();
    const std::vector<std::string> beside = chipsBeside(byline, byline_x);
    row_h = std::max(row_h, byline_h);
    if (!beside.empty()) row_h = std::max(row_h, chip_h);
    int y = text_.y + (row_h - byline_h) / 2;
    for (std::size_t i = 0; i < byline.size(); ++i) {
      const bool source_line = has_tile && i == 0 && !post_.source.empty();
      y = emitLines(byline[i], byline_x, y, source_line ? theme_.summary : theme_.meta, measurer_, list_);
    }
    identity_bottom_ = text_.y + row_h;
    if (!beside.empty()) {
      emitChips(beside, right(text_), text_.y + (row_h - chip_h) / 2, chip_h, true);
    } else if (!labels.empty() && portrait() && concessions_.chips_row) {
      const std::vector<std::string> own_row = chipsThatFit(labels, text_.w);
      if (!own_row.empty()) {
        const int top = row_h > 0 ? identity_bottom_ + p_.chrome(28) : text_.y;
        emitChips(own_row, text_.x, top, chip_h, false);
        identity_bottom_ = top + chip_h;
      }
    }
  }

  // The byline: the date line gains " · " and the post's author when the
  // theme shows bylines, the post names an author who is not its source (a
  // site's post: the site is the source, the writer the byline), and the
  // line still fits whole without leaving out a topic chip that fitted
  // beside it. `lines` holds the source line, then the date line if any.
  void withAuthor(const std::string& date, int byline_x, int byline_width, std::vector<FittedText>& lines) {
    if (!theme_.byline || post_.author.empty() || post_.author == post_.source) return;
    const std::string text = date.empty() ? post_.author : date + " \xC2\xB7 " + post_.author;  // U+00B7
    FittedText meta = fitText(text, oneLine(byline_width, meta_px_, kMetaLineHeight, language_), measurer_, breaker_);
    if (meta.ellipsised || meta.lines.empty()) return;
    std::vector<FittedText> with_author = lines;
    if (date.empty()) with_author.push_back(std::move(meta));
    else with_author.back() = std::move(meta);
    if (chipsBeside(with_author, byline_x).size() < chipsBeside(lines, byline_x).size()) return;
    lines = std::move(with_author);
  }

  // The topic chips that fit on the identity row right of `lines` (the
  // source and date lines starting at `byline_x`).
  std::vector<std::string> chipsBeside(const std::vector<FittedText>& lines, int byline_x) {
    int used = 0;
    for (const FittedText& line : lines) used = std::max(used, lineWidth(line, measurer_));
    const int chips_left = used > 0 ? byline_x + used + p_.chrome(48) : byline_x;
    return chipsThatFit(chipLabels(), right(text_) - chips_left);
  }

  // A long source name is set a little smaller before it is shortened.
  int sourceMinPx() const { return std::max(theme_.min_text_px, meta_px_ * 17 / 20); }

  std::vector<std::string> chipLabels() const {
    std::vector<std::string> labels;
    for (const std::string& topic : post_.topics) {
      const std::string label = topicLabel(topic);
      if (!label.empty() && labels.size() < 3) labels.push_back(label);
    }
    return labels;
  }

  int chipWidth(const std::string& label) {
    return measurer_.width(label, FontSpec{fonts::Weight::Regular, chip_px_, language_}) + 2 * chipPadding();
  }
  int chipPadding() const { return static_cast<int>(std::lround(chip_px_ * 0.7)); }
  int chipGap() const { return static_cast<int>(std::lround(chip_px_ * 0.45)); }

  std::vector<std::string> chipsThatFit(const std::vector<std::string>& labels, int room) {
    std::vector<std::string> chosen;
    int used = 0;
    for (const std::string& label : labels) {
      const int w = chipWidth(label) + (chosen.empty() ? 0 : chipGap());
      if (used + w > room) break;
      used += w;
      chosen.push_back(label);
    }
    return chosen;
  }

  // Chips on one row, from `x` rightwards, or ending at `x` when `from_right`.
  void emitChips(const std::vector<std::string>& labels, int x, int top, int h, bool from_right) {
    int total = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) total += chipWidth(labels[i]) + (i ? chipGap() : 0);
    int left = from_right ? x - total : x;
    const FontSpec font{fonts::Weight::Regular, chip_px_, language_};
    const FontMetrics m = measurer_.metrics(font);
    for (const std::string& label : labels) {
      const int w = chipWidth(label);
      list_.commands.push_back(FillShape{{left, top, w, h}, h / 2, theme_.chip_fill, theme_.chip_fill, 1});
      list_.commands.push_back(
          TextRun{label, font, left + chipPadding(), top + (h + m.ascent - m.descent) / 2, theme_.chip_text});
      left += w + chipGap();
    }
  }

  void emitMonogram(const Rect& tile) {
    const Color badge = kBadgeColors[std::hash<std::string>{}(post_.source) % std::size(kBadgeColors)];
    list_.commands.push_back(FillShape{tile, p_.chrome(theme_.logo_radius), badge, badge, 1});
    const std::string letters = monogramLetters(post_.source, 2);
    const int side = tile.h;
    const FontSpec font{fonts::Weight::Bold, letters.size() > 1 || letters[0] & 0x80 ? side * 2 / 5 : side / 2,
                        language_};
    const FontMetrics m = measurer_.metrics(font);
    const int text_width = measurer_.width(letters, font);
    // Centre the ink of capitals/ideographs: their height is about the ascent
    // minus the font's internal leading, so centre on ascent - descent.
    const int baseline = tile.y + (side + m.ascent - m.descent) / 2 - font.px / 10;
    list_.commands.push_back(TextRun{letters, font, tile.x + (side - text_width) / 2, baseline, Color{255, 255, 255}});
  }

  // Headline, second-language title, summary and related headlines, top
  // down, between the identity row and the bottom of the text area.
  void placeText(CardFit* fit) {
    const int area_bottom = text_bottom_;
    int y = identity_bottom_ > text_.y ? identity_bottom_ + p_.chrome(theme_.gap) : text_.y;
    const int text_gap = p_.chrome(theme_.text_gap);
    const bool has_summary = post_.summary.find_first_not_of(" \t\r\n") != std::string::npos;

    TextBox headline_box;
    headline_box.width = text_.w;
    // Three lines across a landscape card; beside a photo a fourth, on a
    // portrait card four or five, while the summary still fits whole.
    const int extra = concessions_.headline_extra_line ? 1 : 0;
    headline_box.max_lines = portrait() ? 4 + extra : post_.photo.empty() ? 3 : 3 + extra;
    headline_box.min_px = headline_min_px_;
    headline_box.max_px = headline_px_;
    headline_box.line_height = kHeadlineLineHeight;
    headline_box.weight = fonts::Weight::Bold;
    headline_box.language = language_;
    headline_box.autospace = theme_.autospaces(language_);
    headline_box.balance = true;
    const int reserve = has_summary ? text_gap + 2 * advanceOf(summary_min_px_, kSummaryLineHeight) : 0;
    headline_box.max_height = std::max(1, area_bottom - y - reserve);
    const auto fitHeadline = [&](TextBox box) {
      FittedText fitted = fitText(post_.title, box, measurer_, breaker_);
      if (fitted.ellipsised) {
        // Rather more lines at the smallest size than a cut headline.
        box.max_lines += 2;
        box.max_px = box.min_px;
        fitted = fitText(post_.title, box, measurer_, breaker_);
      }
      return fitted;
    };
    FittedText headline = fitHeadline(headline_box);
    if (qrInTextColumn() && flows_around_qr_ && y + headline.height() + text_gap > cutout_top_) {
      // A headline reaching down beside the QR code would be broken around
      // it: the whole column gives way instead, a clean right edge.
      column_width_ = cutout_left_ - text_.x;
      headline_box.width = column_width_;
      headline = fitHeadline(headline_box);
    }
    y = emitLines(headline, text_.x, y, theme_.headline, measurer_, list_);

    // The second-language title is kept unless it alone makes the summary cut.
    FittedText secondary;
    if (!post_.secondary_title.empty()) {
      TextBox box;
      box.width = column_width_;
      box.max_lines = 2;
      box.max_px = secondary_px_;
      box.min_px = std::max(theme_.min_text_px, secondary_px_ * 4 / 5);
      box.line_height = 1.25;
      box.language = post_.secondary_language.empty() ? language_ : post_.secondary_language;
      box.autospace = theme_.autospaces(box.language);
      box.balance = true;
      box.max_height = std::max(1, area_bottom - y - text_gap - reserve);
      flowAroundQr(box, y + text_gap);
      secondary = fitText(post_.secondary_title, box, measurer_, breaker_);
      if (secondary.ellipsised && secondary.lines.size() <= 1) secondary = FittedText{};
    }
    const auto summaryAround = [&](int top, bool around_qr) {
      TextBox box;
      box.width = column_width_;
      box.max_lines = 1000;
      box.max_height = std::max(0, (around_qr || column_width_ < text_.w ? bottom(text_) : area_bottom) - top);
      box.min_px = summary_min_px_;
      box.max_px = summary_px_;
      box.line_height = kSummaryLineHeight;
      box.language = language_;
      box.autospace = theme_.autospaces(language_);
      box.avoid_widow = true;
      if (around_qr && column_width_ == text_.w) {
        box.wide_height = std::max(0, cutout_top_ - top);
        box.narrow_width = std::max(1, cutout_left_ - text_.x);
      }
      return box.max_height > 0 ? fitText(post_.summary, box, measurer_, breaker_) : FittedText{};
    };
    // Above the QR tile when the lines beside it would be short, unless that
    // cuts the summary and flowing around it shows more.
    const auto summaryFrom = [&](int top) {
      const bool in_column = qrInTextColumn();
      FittedText summary = summaryAround(top, in_column && flows_around_qr_);
      if (summary.ellipsised && in_column && !flows_around_qr_) {
        FittedText around = summaryAround(top, true);
        if (!around.ellipsised || around.shown_bytes > summary.shown_bytes) summary = std::move(around);
      }
      return summary;
    };
    const int secondary_bottom = secondary.lines.empty() ? y : y + text_gap + secondary.height();
    FittedText summary = has_summary ? summaryFrom(secondary_bottom + text_gap) : FittedText{};
    if (has_summary && !secondary.lines.empty() && summary.ellipsised) {
      FittedText without = summaryFrom(y + text_gap);
      if (!without.ellipsised) {
        secondary = FittedText{};
        summary = std::move(without);
      }
    }
    if (!secondary.lines.empty()) {
      y = emitLines(secondary, text_.x, y + text_gap, theme_.secondary, measurer_, list_);
    }
    if (!summary.lines.empty()) y = emitLines(summary, text_.x, y + text_gap, theme_.summary, measurer_, list_);
    placeRelated(y + text_gap);

    if (fit != nullptr) {
      fit->title = cutOf(post_.title, headline, language_, breaker_);
      fit->summary = has_summary ? cutOf(post_.summary, summary, language_, breaker_) : TextCut{};
      fit->headline_px = headline.font.px;
      fit->summary_px = summary.lines.empty() ? 0 : summary.font.px;
      fit->text_bottom = bottom(text_);
    }
  }

  // Related headlines (news items) in the room left at the bottom of the
  // text area, beside the QR code when there is one: "›  title  ·  source",
  // the title shortened, the source whole; in a narrow column a title may
  // take two lines and the source is left out.
  void placeRelated(int top) {
    if (post_.related.empty()) return;
    const int area_bottom = bottom(text_);
    const int width = qrInTextColumn() ? cutout_left_ - text_.x : text_.w;
    if (width <= 0) return;
    const bool narrow = width < 20 * meta_px_;
    const int limit = portrait() ? 5 : 3;
    const FontSpec font{fonts::Weight::Regular, meta_px_, language_};
    const std::string marker = "\xE2\x80\xBA  ";  // ›
    const int indent = measurer_.width(marker, font);
    const int entry_gap = meta_px_ / 3;
    std::vector<FittedText> entries;
    int total = 0;
    for (const content::RelatedHeadline& related : post_.related) {
      if (static_cast<int>(entries.size()) >= limit) break;
      const std::string source = related.source.empty() || narrow ? "" : "  \xC2\xB7  " + related.source;
      TextBox box = oneLine(width - indent, meta_px_, 1.4, language_);
      box.max_lines = narrow ? 2 : 1;
      // A source name longer than any line is not measured, only dropped.
      box.width = source.empty()       ? width - indent
                  : source.size() > 512 ? 0
                                        : width - indent - measurer_.width(source, font);
      if (box.width < width / 2) box.width = width - indent;  // a source too long to keep
      FittedText entry = fitText(related.title, box, measurer_, breaker_);
      if (entry.lines.empty()) continue;
      if (box.width < width - indent) entry.lines.back() += source;
      const int height = entry.height() + (entries.empty() ? 0 : entry_gap);
      if (top + total + height > area_bottom) break;
      total += height;
      entries.push_back(std::move(entry));
    }
    // Bottom-aligned; each entry behind a "›", its second line under its first.
    int line_top = area_bottom - total;
    for (const FittedText& entry : entries) {
      const FontMetrics m = measurer_.metrics(entry.font);
      const int baseline = line_top + (entry.line_advance + m.ascent - m.descent) / 2;
      list_.commands.push_back(TextRun{marker, entry.font, text_.x, baseline, theme_.related});
      line_top = emitLines(entry, text_.x + indent, line_top, theme_.related, measurer_, list_) + entry_gap;
    }
  }

  const content::Post& post_;
  const CardSize& size_;
  const Theme& theme_;
  const content::LanguageTag& language_;
  TextMeasurer& measurer_;
  LineBreaker& breaker_;
  const CardAssets& assets_;
  const Concessions concessions_;
  const Proportions p_;
  int meta_px_ = 0, chip_px_ = 0, summary_px_ = 0, summary_min_px_ = 0, headline_px_ = 0, headline_min_px_ = 0,
      secondary_px_ = 0;

  DrawList list_;
  Rect panel_, text_, photo_, qr_tile_;
  FittedText caption_;
  int qr_module_ = 0;
  int qr_side_ = 0;  // the code's box, quiet zone included
  int caption_offset_ = 0;  // from the code's bottom to the caption's first baseline
  int cutout_top_ = 0, cutout_left_ = 0;
  bool flows_around_qr_ = false;
  int column_width_ = 0;  // of headline and summary: the text area's, or less beside the QR code
  int text_bottom_ = 0;  // where headline and summary end: the text area's bottom, or above the QR tile
  int identity_bottom_ = 0;
};

}  // namespace

std::string monogramLetters(const std::string& name, std::size_t max_letters) {
  std::string letters;
  bool at_word_start = true;
  for (std::size_t i = 0; i < name.size() && letters.size() < max_letters;) {
    const auto lead = static_cast<unsigned char>(name[i]);
    const std::size_t length = std::min(utf8Length(lead), name.size() - i);
    if (lead >= 0x80) {
      // A CJK (or other non-ASCII) name: its first character stands alone.
      if (letters.empty()) return name.substr(i, length);
      break;
    }
    if (std::isalnum(lead)) {
      if (at_word_start) letters += static_cast<char>(std::toupper(lead));
      at_word_start = false;
    } else {
      at_word_start = true;
    }
    i += length;
  }
  return letters.empty() ? "N" : letters;
}

std::string topicLabel(const std::string& topic) {
  const bool slug = !topic.empty() && topic.find_first_of("-_") != std::string::npos &&
                    std::all_of(topic.begin(), topic.end(), [](char c) {
                      const auto u = static_cast<unsigned char>(c);
                      return std::islower(u) || std::isdigit(u) || c == '-' || c == '_';
                    });
  if (!slug) return topic;
  std::string label;
  for (const char c : topic) {
    const char shown = c == '-' || c == '_' ? ' ' : c;
    if (shown == ' ' && (label.empty() || label.back() == ' ')) continue;
    label += shown;
  }
  while (!label.empty() && label.back() == ' ') label.pop_back();
  return label;
}

int qrModulesFor(std::size_t bytes) {
  // Byte-mode capacity at error correction level M, versions 1 to 40.
  static constexpr int kCapacity[] = {14,   26,   42,   62,   84,   106,  122,  152,  180,  213,
                                      251,  287,  331,  362,  412,  450,  504,  560,  624,  666,
                                      711,  779,  857,  911,  997,  1059, 1125, 1190, 1264, 1370,
                                      1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331};
  for (int version = 1; version <= 40; ++version) {
    if (bytes <= static_cast<std::size_t>(kCapacity[version - 1])) return 17 + 4 * version;
  }
  return 177;
}

DrawList layoutCard(const content::Post& post, const CardSize& size, const Theme& theme,
                    const content::LanguageTag& fallback_language, TextMeasurer& measurer, LineBreaker& breaker,
                    const CardAssets& assets, CardFit* fit) {
  const content::LanguageTag language = post.language.empty() ? fallback_language : post.language;
  // The first set of concessions that shows the whole summary, else the one
  // that shows the most of it. Only cards with a photo or topics have any.
  DrawList best;
  CardFit best_fit;
  std::vector<Concessions> tried;
  for (Concessions concessions : kConcessions) {
    // Concessions a card cannot make (no photo, no topics row) are not tried twice.
    if (post.photo.empty()) concessions.photo_scale = 1;
    if (post.topics.empty() || size.width >= size.height) concessions.chips_row = true;
    if (post.photo.empty() && size.width >= size.height) concessions.headline_extra_line = true;
    const bool seen = std::any_of(tried.begin(), tried.end(), [&](const Concessions& c) {
      return c.photo_scale == concessions.photo_scale && c.chips_row == concessions.chips_row &&
             c.headline_extra_line == concessions.headline_extra_line;
    });
    if (seen) continue;
    tried.push_back(concessions);
    CardFit card_fit;
    CardComposer composer(post, size, theme, language, measurer, breaker, assets, concessions);
    DrawList list = composer.compose(&card_fit);
    if (best.commands.empty() || card_fit.summary.words_shown > best_fit.summary.words_shown) {
      best = std::move(list);
      best_fit = card_fit;
    }
    if (!card_fit.summary.cut) break;
  }
  // A right-to-left headline: the card as Arabic and Hebrew pages are set,
  // the left-to-right one in a mirror.
  if (runsRightToLeft(post.title, language)) mirrorDrawList(best, measurer);
  if (fit != nullptr) *fit = best_fit;
  return best;
}

}  // namespace newsticker::render
