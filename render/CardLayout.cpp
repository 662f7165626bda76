// SPDX-License-Identifier: Apache-2.0
#include "render/CardLayout.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <iterator>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "render/CardCaption.hpp"
#include "render/TextDirection.hpp"
#include "render/TextFitter.hpp"
#include "render/UrgentBand.hpp"

namespace newsticker::render {
namespace {

// Calm badge colours for monograms, picked by the name's hash so a source
// keeps its colour across runs.
// (White letters on each at least 4.5:1.)
const std::vector<Color> kBadgeColors = {{47, 111, 219}, {13, 125, 110}, {194, 65, 12},
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

// The theme's units in pixels for one screen. From a short side of 720 up
// everything scales with it, so 1080p shows what 720p shows; a small panel
// (a 7-inch 800x480) spends proportionally less on margins and tiles and
// more on type (about a quarter more at 480), which never goes below the
// theme's minimum.
struct Proportions {
  double type_unit = 1;    // text
  double chrome_unit = 1;  // margins, paddings, tiles
  double unit = 1;         // plain short side / 1080: QR modules
  bool small_panel = false;
  int chrome(double units) const { return std::max(1, static_cast<int>(std::lround(units * chrome_unit))); }
  int type(double units, int at_least) const {
    return std::max(at_least, static_cast<int>(std::lround(units * type_unit)));
  }
};

Proportions proportionsFor(const CardSize& size) {
  const double short_side = std::max(1, std::min(size.width, size.height));
  const double smallness = std::clamp((720.0 - short_side) / 240.0, 0.0, 1.0);  // 0 from 720 up, 1 at 480
  Proportions p;
  p.unit = short_side / 1080.0;
  p.small_panel = short_side < 720;
  p.type_unit = p.unit * (1 + 0.26 * smallness);
  p.chrome_unit = p.unit * (1 - 0.3 * smallness);
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
    list.commands.push_back(TextRun{text.lines[i], text.lineFont(i), x, baseline, color});
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
  for (std::size_t i = 0; i < text.lines.size(); ++i) {
    widest = std::max(widest, measurer.width(text.lines[i], text.lineFont(i)));
  }
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
  // A word shown without the punctuation after it (dropped before the ellipsis) counts as shown.
  while (end < text.size() &&
         (std::isspace(static_cast<unsigned char>(text[end])) || std::ispunct(static_cast<unsigned char>(text[end])))) {
    ++end;
  }
  for (const BreakOpportunity& o : opportunities) cut.words_shown += o.offset > 0 && o.offset <= end;
  return cut;
}

// Lays out one card; each step adds its commands to `list`.
class CardComposer {
 public:
  CardComposer(const content::Post& post, const CardSize& size, const Theme& theme,
               const content::LanguageTag& language, TextMeasurer& measurer, LineBreaker& breaker,
               const CardAssets& assets)
      : post_(post), size_(size), theme_(theme), language_(language), measurer_(measurer), breaker_(breaker),
        assets_(assets), p_(proportionsFor(size)), type_(cardTypeScale(size, theme)) {
    list_.width = size.width;
    list_.height = size.height;
  }

  DrawList compose(CardFit* fit) {
    placePanel();
    if (post_.show.urgent) placeUrgentBand();
    measureQrTile();
    placeColumns();
    placeFooter();
    placeText(fit);
    emitQrCode();
    return std::move(list_);
  }

 private:
  bool portrait() const { return panel_.h > panel_.w; }
  int columnGap() const { return p_.chrome(56); }

  void placePanel() {
    list_.commands.push_back(
        FillShape{{0, 0, size_.width, size_.height}, 0, theme_.background_top, theme_.background_bottom, 0});
    const int margin = p_.chrome(theme_.margin);
    const Insets& in = size_.insets;
    panel_ = Rect{margin + in.left, margin + in.top, size_.width - 2 * margin - in.left - in.right,
                  size_.height - 2 * margin - in.top - in.bottom};
    const int radius = p_.chrome(theme_.panel_radius);
    list_.commands.push_back(FillShape{
        {panel_.x, panel_.y + p_.chrome(14), panel_.w, panel_.h}, radius, theme_.shadow, theme_.shadow, p_.chrome(44)});
    list_.commands.push_back(FillShape{panel_, radius, theme_.panel_top, theme_.panel_bottom, 1});
    const int pad_x = p_.chrome(theme_.padding_x);
    const int pad_top = p_.chrome(theme_.padding_top);
    text_ = Rect{panel_.x + pad_x, panel_.y + pad_top, panel_.w - 2 * pad_x,
                 panel_.h - pad_top - p_.chrome(theme_.padding_bottom)};
    top_ = text_.y;
  }

  // An urgent notice's band across the top of the panel (UrgentBand.hpp);
  // everything else is placed below it.
  void placeUrgentBand() {
    const int band = addUrgentBand(list_, panel_, p_.chrome(theme_.panel_radius), p_.chrome(theme_.padding_x), p_.unit,
                                   theme_, language_, measurer_, breaker_);
    panel_ = Rect{panel_.x, panel_.y + band, panel_.w, panel_.h - band};
    text_.y += band;
    text_.h -= band;
    top_ = text_.y;
  }

  // The QR code's tile: the code (quiet zone included) in a box of one size
  // for the screen, sized for a code of kQrBoxModules, with the caption under
  // it in a band of one line's height: a long caption is set smaller, or on
  // two lines, so that every tile of the screen has one size.
  void measureQrTile() {
    if (!theme_.qr || post_.url.empty()) return;
    const int module = qrModulePixels(size_, theme_);
    const int side = module * (kQrBoxModules + 8);
    const int band = static_cast<int>(std::lround(type_.caption * 1.5));
    TextBox box;
    box.width = side - 2 * module;
    box.max_lines = 1;
    box.max_px = type_.caption;
    box.min_px = std::max(14, type_.caption * 4 / 5);
    box.line_height = 1.2;
    box.language = language_;
    const std::string caption = scanCaption(language_);
    caption_ = fitText(caption, box, measurer_, breaker_);
    if (caption_.ellipsised) {
      box.max_lines = 2;
      box.min_px = std::max(10, type_.caption / 2);
      box.line_height = 1.1;
      box.max_height = band;
      box.balance = true;
      caption_ = fitText(caption, box, measurer_, breaker_);
    }
    const FontMetrics m = measurer_.metrics(caption_.font);
    // The caption's lines centred in the band under the quiet zone.
    const int lines_h = static_cast<int>(caption_.lines.size()) * caption_.line_advance;
    caption_offset_ = (band - lines_h) / 2 + (caption_.line_advance + m.ascent - m.descent) / 2;
    qr_side_ = side;
    qr_module_ = module;
    qr_tile_ = Rect{0, 0, side, side + band + module};
  }

  // The QR tile in the text area's bottom right corner; a photo in a slot of
  // a photo's shape (3:2, or 16:9 for a wide one), above the QR tile at the
  // right (landscape), or a 16:9 band across the top (portrait); the columns
  // of text beside them.
  void placeColumns() {
    int right_w = 0;
    if (qr_tile_.h > 0) {
      qr_tile_.x = right(text_) - qr_tile_.w;
      qr_tile_.y = bottom(text_) - qr_tile_.h;
      right_w = qr_tile_.w;
    }
    if (!post_.photo.empty()) {
      const double aspect = assets_.photo_aspect >= 1.6 ? 16.0 / 9.0 : 3.0 / 2.0;
      const int radius = std::max(p_.chrome(14), p_.chrome(theme_.panel_radius) - p_.chrome(22));
      if (!portrait()) {
        const int room = (qr_tile_.h > 0 ? qr_tile_.y - p_.chrome(theme_.gap) : bottom(text_)) - text_.y;
        int w = static_cast<int>(std::lround(text_.w * theme_.photo_share));
        int h = static_cast<int>(std::lround(w / aspect));
        if (h > room) h = room, w = static_cast<int>(std::lround(h * aspect));
        photo_ = Rect{right(text_) - w, text_.y, w, h};
        right_w = std::max(right_w, w);
      } else {
        // A band across the top, 16:9 whatever the photo: the text below needs the height.
        const int h = std::min(static_cast<int>(std::lround(text_.w * 9.0 / 16.0)), text_.h * 2 / 5);
        photo_ = Rect{text_.x, text_.y, text_.w, h};
        top_ = bottom(photo_) + p_.chrome(theme_.gap);
      }
      list_.commands.push_back(Photo{post_.photo, photo_, radius});
    }
    // Landscape: text left of the right column; portrait: across, the footer beside the QR tile.
    column_ = portrait() || right_w == 0 ? text_.w : text_.w - right_w - columnGap();
    footer_w_ = qr_tile_.h > 0 || !portrait() ? column_ : text_.w;
    if (portrait() && qr_tile_.h > 0) footer_w_ = text_.w - qr_tile_.w - columnGap();
  }

  void emitQrCode() {
    if (qr_tile_.h == 0) return;
    const Rect& t = qr_tile_;
    Color shadow = theme_.shadow;
    shadow.a = static_cast<std::uint8_t>(shadow.a / 2);
    list_.commands.push_back(
        FillShape{{t.x, t.y + qr_module_, t.w, t.h}, 2 * qr_module_, shadow, shadow, p_.chrome(24)});
    list_.commands.push_back(FillShape{t, 2 * qr_module_, theme_.qr_light, theme_.qr_light, 1});
    // A code needing more modules than the box was sized for gets smaller
    // modules; a smaller one keeps the module size, its quiet zone wider.
    const int span = qrModulesFor(post_.url.size()) + 8;
    const int module = std::min(qr_module_, qr_side_ / span);
    const int code = std::max(1, module) * span;
    const int inset = (qr_side_ - code) / 2;
    list_.commands.push_back(
        QrCode{post_.url, {t.x + inset, t.y + inset, code, code}, theme_.qr_dark, theme_.qr_light});
    for (std::size_t i = 0; i < caption_.lines.size(); ++i) {
      const int w = measurer_.width(caption_.lines[i], caption_.lineFont(i));
      const int baseline = t.y + qr_side_ + caption_offset_ + static_cast<int>(i) * caption_.line_advance;
      list_.commands.push_back(
          TextRun{caption_.lines[i], caption_.lineFont(i), t.x + (t.w - w) / 2, baseline, theme_.qr_dark});
    }
  }

  // The footer on the bottom margin, left of the QR tile: the logo tile (wide
  // for a wide logo), else a monogram badge of the source, else nothing; the
  // source and the date beside it; up to two topic chips at its right end.
  void placeFooter() {
    const int meta_advance = advanceOf(type_.meta, kMetaLineHeight);
    const int tile_h = std::max(p_.chrome(theme_.logo_size), 2 * meta_advance + p_.chrome(20));
    Rect tile{text_.x, 0, 0, 0};
    if (!post_.logo.empty()) {
      const int inset = tile_h / 9;
      int inner_w = tile_h - 2 * inset;
      if (assets_.logo_aspect > 1.6) {
        // A wordmark gets a wide tile instead of being squeezed into the square.
        const double wide = (tile_h - 2 * inset) * std::min(assets_.logo_aspect, 4.0);
        inner_w = std::min(static_cast<int>(std::lround(wide)), footer_w_ * 2 / 5 - 2 * inset);
        inner_w = std::max(inner_w, tile_h - 2 * inset);
      }
      tile.w = inner_w + 2 * inset;
      tile.h = tile_h;
    } else if (!post_.source.empty()) {
      tile.w = tile.h = tile_h;
    }
    const bool has_tile = tile.w > 0;
    const int byline_x = has_tile ? right(tile) + p_.chrome(30) : text_.x;
    const int byline_width = text_.x + footer_w_ - byline_x;
    std::vector<FittedText> byline = bylineLines(has_tile, byline_x, byline_width);
    int byline_h = 0;
    for (const FittedText& t : byline) byline_h += t.height();
    const int row_h = std::max(has_tile ? tile_h : 0, byline_h);
    footer_top_ = row_h > 0 ? bottom(text_) - row_h : bottom(text_);
    if (has_tile) {
      tile.y = footer_top_ + (row_h - tile_h) / 2;
      if (!post_.logo.empty()) {
        const int inset = tile_h / 9;
        list_.commands.push_back(FillShape{tile, p_.chrome(theme_.logo_radius), theme_.logo_tile, theme_.logo_tile, 1});
        list_.commands.push_back(
            Logo{post_.logo, {tile.x + inset, tile.y + inset, tile.w - 2 * inset, tile_h - 2 * inset}});
      } else {
        emitMonogram(tile);
      }
    }
    int y = footer_top_ + (row_h - byline_h) / 2;
    for (std::size_t i = 0; i < byline.size(); ++i) {
      const bool source_line = has_tile && i == 0 && !post_.source.empty();
      y = emitLines(byline[i], byline_x, y, source_line ? theme_.summary : theme_.meta, measurer_, list_);
    }
    const int chip_h = chipHeight();
    const std::vector<std::string> beside = chipsBeside(byline, byline_x);
    if (!beside.empty() && row_h > 0)
      emitChips(beside, text_.x + footer_w_, footer_top_ + (row_h - chip_h) / 2, chip_h);
  }

  // Beside a tile: the source (on two lines when one cannot hold it), then
  // the date (with the author); without a tile, the date line alone.
  std::vector<FittedText> bylineLines(bool has_tile, int byline_x, int byline_width) {
    // In the digits the post's own text writes.
    const std::string date = formatCardDate(post_.date, language_, writesLatinDigits(post_.title + post_.summary));
    std::vector<FittedText> byline;
    if (has_tile && !post_.source.empty()) {
      TextBox box = oneLine(byline_width, type_.meta, kMetaLineHeight, language_, fonts::Weight::Bold);
      FittedText source = fitText(post_.source, box, measurer_, breaker_);
      if (source.ellipsised) {
        // A narrow footer (portrait, beside the QR tile): the source on two lines, broken between
        // words, before it is cut.
        box.max_lines = 2;
        box.balance = true;
        const PhraseBreaks phrases(breaker_);
        source = fitText(post_.source, box, measurer_, breaker_);
      }
      byline.push_back(std::move(source));
    }
    if (!date.empty()) {
      byline.push_back(
          fitText(date, oneLine(byline_width, type_.meta, kMetaLineHeight, language_), measurer_, breaker_));
    }
    if (has_tile) withAuthor(date, byline_x, byline_width, byline);
    return byline;
  }

  // The byline: the date line gains " · " and the post's author when the
  // theme shows bylines, the post names an author who is not its source (a
  // site's post: the site is the source, the writer the byline), and the
  // line still fits whole without leaving out a topic chip that fitted
  // beside it. `lines` holds the source line, then the date line if any.
  void withAuthor(const std::string& date, int byline_x, int byline_width, std::vector<FittedText>& lines) {
    if (!theme_.byline || post_.author.empty() || post_.author == post_.source) return;
    const std::string text = date.empty() ? post_.author : date + " \xC2\xB7 " + post_.author;  // U+00B7
    FittedText meta = fitText(text, oneLine(byline_width, type_.meta, kMetaLineHeight, language_), measurer_, breaker_);
    if (meta.ellipsised || meta.lines.empty()) return;
    std::vector<FittedText> with_author = lines;
    if (date.empty()) with_author.push_back(std::move(meta));
    else with_author.back() = std::move(meta);
    if (chipsBeside(with_author, byline_x).size() < chipsBeside(lines, byline_x).size()) return;
    lines = std::move(with_author);
  }

  // The topic chips that fit in the footer right of `lines` (the source and
  // date lines starting at `byline_x`).
  std::vector<std::string> chipsBeside(const std::vector<FittedText>& lines, int byline_x) {
    if (type_.small_panel) return {};  // a small panel shows headline, summary and byline only
    int used = 0;
    for (const FittedText& line : lines) used = std::max(used, lineWidth(line, measurer_));
    const int chips_left = used > 0 ? byline_x + used + p_.chrome(48) : byline_x;
    return chipsThatFit(chipLabels(), text_.x + footer_w_ - chips_left);
  }

  std::vector<std::string> chipLabels() const {
    std::vector<std::string> labels;
    for (const std::string& topic : post_.topics) {
      const std::string label = chipLabel(topic, language_);
      if (!label.empty() && labels.size() < kMaxChips) labels.push_back(label);
    }
    return labels;
  }

  FontSpec chipFont() const { return FontSpec{fonts::Weight::Regular, type_.chip, language_}; }
  int chipHeight() const { return static_cast<int>(std::lround(type_.chip * 1.75)); }
  int chipWidth(const std::string& label) { return measurer_.width(label, chipFont()) + 2 * chipPadding(); }
  int chipPadding() const { return static_cast<int>(std::lround(type_.chip * 0.65)); }
  int chipGap() const { return static_cast<int>(std::lround(type_.chip * 0.45)); }

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

  // Chips on one row ending at `right_x`.
  void emitChips(const std::vector<std::string>& labels, int right_x, int top, int h) {
    int total = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) total += chipWidth(labels[i]) + (i ? chipGap() : 0);
    int left = right_x - total;
    const FontSpec font = chipFont();
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
    const Color badge = kBadgeColors[std::hash<std::string>{}(post_.source) % kBadgeColors.size()];
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
    list_.commands.push_back(TextRun{letters, font, tile.x + (side - text_width) / 2, baseline, kMonogramText});
  }

  // Lines of the headline: three across a landscape card, four beside a
  // photo, five on a portrait card (four under a photo), two on a small
  // landscape panel, at the screen's
  // larger headline size; at its smaller size, with one line more, only when
  // it does not fit there (or fills every line there with a short last one).
  FittedText fitHeadline(int width, int max_height) {
    const auto cjk = language_.cjk();
    if (cjk != content::LanguageTag::Cjk::Japanese && cjk != content::LanguageTag::Cjk::SimplifiedChinese &&
        cjk != content::LanguageTag::Cjk::TraditionalChinese) {
      return fitHeadlineLines(width, max_height);
    }
    // Chinese and Japanese headlines break between words, keeping a number
    // with its counter; where a word is wider than a line, or phrases need
    // more lines than the headline has, at any break the rules allow.
    FittedText phrased;
    std::vector<BreakOpportunity> phrase_breaks;
    {
      const PhraseBreaks scope(breaker_);
      phrased = fitHeadlineLines(width, max_height);
      phrase_breaks = breaker_.opportunities(post_.title, language_);
    }
    FittedText legal = fitHeadlineLines(width, max_height);
    if (phrased.ellipsised && !legal.ellipsised) return legal;
    if (phrased.font.px < legal.font.px) return legal;
    std::size_t pos = 0;
    for (std::size_t i = 0; i + 1 < phrased.lines.size(); ++i) {
      const std::size_t at = post_.title.find(phrased.lines[i], pos);
      if (at == std::string::npos) return legal;
      pos = at + phrased.lines[i].size();
      while (pos < post_.title.size() && post_.title[pos] == ' ') ++pos;
      const bool on_phrase = std::any_of(phrase_breaks.begin(), phrase_breaks.end(),
                                         [&](const BreakOpportunity& o) { return o.offset == pos; });
      if (!on_phrase) return legal;  // a word was cut to fit
    }
    return phrased;
  }

  FittedText fitHeadlineLines(int width, int max_height) {
    TextBox box;
    box.width = width;
    box.max_lines = portrait() ? (post_.photo.empty() ? 5 : 4) : post_.photo.empty() ? 3 : 4;
    if (type_.small_panel) box.max_lines = portrait() ? 4 : 2;
    box.min_px = box.max_px = type_.headline;
    box.line_height = kHeadlineLineHeight;
    box.weight = fonts::Weight::Bold;
    box.language = language_;
    box.autospace = theme_.autospaces(language_);
    box.balance = true;
    box.max_height = std::max(1, max_height);
    FittedText large = fitText(post_.title, box, measurer_, breaker_);
    if (type_.headline_small == type_.headline) return large;
    // Filling every line with a short last one (a widow), it reads better a step smaller.
    const bool widow =
        !large.ellipsised && large.lines.size() > 1 && static_cast<int>(large.lines.size()) == box.max_lines &&
        2 * measurer_.width(large.lines.back(), large.lineFont(large.lines.size() - 1)) < lineWidth(large, measurer_);
    if (!large.ellipsised && !widow) return large;
    box.min_px = box.max_px = type_.headline_small;
    box.max_lines += large.ellipsised ? 1 : 0;
    FittedText small = fitText(post_.title, box, measurer_, breaker_);
    return widow && small.ellipsised ? large : small;
  }

  // The summary in a column of `width` from `top` down to `bottom`, at the screen's summary size.
  FittedText fitSummary(int width, int top, int bottom) {
    TextBox box;
    box.width = width;
    box.max_lines = 1000;
    box.max_height = std::max(0, bottom - top);
    box.min_px = box.max_px = type_.summary;
    box.line_height = kSummaryLineHeight;
    box.language = language_;
    box.autospace = theme_.autospaces(language_);
    box.avoid_widow = true;
    return box.max_height > 0 ? fitText(post_.summary, box, measurer_, breaker_) : FittedText{};
  }

  // The second-language title under the headline, at most two lines.
  FittedText fitSecondary(int width, int max_height) {
    TextBox box;
    box.width = width;
    box.max_lines = 2;
    box.min_px = box.max_px = type_.secondary;
    box.line_height = 1.25;
    box.language = post_.secondary_language.empty() ? language_ : post_.secondary_language;
    box.autospace = theme_.autospaces(box.language);
    box.balance = true;
    box.max_height = std::max(1, max_height);
    FittedText secondary = fitText(post_.secondary_title, box, measurer_, breaker_);
    if (secondary.ellipsised && secondary.lines.size() <= 1) return FittedText{};
    return secondary;
  }

  // Headline, second-language title, summary and related headlines, top
  // down from the top of the text area (below a portrait photo) to the footer.
  void placeText(CardFit* fit) {
    const int gap = p_.chrome(theme_.gap);
    const int text_gap = p_.chrome(theme_.text_gap);
    const bool has_summary = post_.summary.find_first_not_of(" \t\r\n") != std::string::npos;
    // Landscape: the column left of the photo and QR tile, down to the
    // footer. Portrait: across, down to the QR tile (or the footer).
    const int body_bottom = (portrait() && qr_tile_.h > 0 ? qr_tile_.y : footer_top_) - gap;
    const int body_w = portrait() ? text_.w : column_;
    const int reserve = has_summary ? text_gap + 2 * advanceOf(type_.summary, kSummaryLineHeight) : 0;
    int headline_w = portrait() || !post_.photo.empty() ? body_w : text_.w;
    FittedText headline = fitHeadline(headline_w, body_bottom - top_ - reserve);
    if (headline_w > body_w && top_ + headline.height() + gap > (qr_tile_.h > 0 ? qr_tile_.y : footer_top_)) {
      // A headline reaching down beside the QR tile keeps to the column: a clean right edge.
      headline_w = body_w;
      headline = fitHeadline(headline_w, body_bottom - top_ - reserve);
    }
    int y = top_ + headline.height();

    const int summary_w = std::min(body_w, measureOf(type_.summary));
    // The second-language title is kept unless it alone makes the summary cut.
    FittedText secondary;
    if (!post_.secondary_title.empty()) secondary = fitSecondary(summary_w, body_bottom - y - text_gap - reserve);
    const int after_secondary = secondary.lines.empty() ? y : y + text_gap + secondary.height();
    FittedText summary = has_summary ? fitSummary(summary_w, after_secondary + text_gap, body_bottom) : FittedText{};
    if (has_summary && !secondary.lines.empty() && summary.ellipsised) {
      FittedText without = fitSummary(summary_w, y + text_gap, body_bottom);
      if (!without.ellipsised) {
        secondary = FittedText{};
        summary = std::move(without);
      }
    }
    // A sparse card (the text filling under half of its room, nothing else
    // in the column) sets its text in the middle of the room, not under an
    // empty half; a headline over the QR tile's column stays above the tile.
    int block = headline.height() + (secondary.lines.empty() ? 0 : text_gap + secondary.height()) +
                (summary.lines.empty() ? 0 : text_gap + summary.height());
    int shift = 0;
    if (post_.related.empty() && 2 * block < body_bottom - top_) {
      shift = (body_bottom - top_ - block) / 2;
      if (headline_w > body_w) shift = std::min(shift, (qr_tile_.h > 0 ? qr_tile_.y : footer_top_) - gap - y);
      shift = std::max(0, shift);
    }
    y = emitLines(headline, text_.x, top_ + shift, theme_.headline, measurer_, list_);
    if (!secondary.lines.empty()) y = emitLines(secondary, text_.x, y + text_gap, theme_.secondary, measurer_, list_);
    if (!summary.lines.empty()) y = emitLines(summary, text_.x, y + text_gap, theme_.summary, measurer_, list_);
    placeRelated(y + text_gap, footer_top_ - gap);

    if (fit != nullptr) {
      fit->title = cutOf(post_.title, headline, language_, breaker_);
      fit->summary = has_summary ? cutOf(post_.summary, summary, language_, breaker_) : TextCut{};
      fit->headline_px = headline.font.px;
      fit->summary_px = summary.lines.empty() ? 0 : summary.font.px;
      fit->text_bottom = bottom(text_);
      fit->body_bottom = body_bottom;
    }
  }

  // The summary's measure: about 62 characters of Latin text at `px` (28 em;
  // 28 ideographs).
  static int measureOf(int px) { return px * 28; }

  // Related headlines (news items) in the room left between `top` and
  // `area_bottom` in the footer's width: "›  title  ·  source", the title
  // shortened, the source whole; in a narrow column a title may take two
  // lines and the source is left out. Bottom-aligned.
  void placeRelated(int top, int area_bottom) {
    if (post_.related.empty()) return;
    const int width = footer_w_;
    if (width <= 0) return;
    const int meta = type_.meta;
    const bool narrow = width < 20 * meta;
    const int limit = portrait() ? 5 : 3;
    const FontSpec font{fonts::Weight::Regular, meta, language_};
    const std::string marker = "\xE2\x80\xBA  ";  // ›
    const int indent = measurer_.width(marker, font);
    const int entry_gap = meta / 3;
    std::vector<FittedText> entries;
    int total = 0;
    for (const content::RelatedHeadline& related : post_.related) {
      if (static_cast<int>(entries.size()) >= limit) break;
      const std::string source = related.source.empty() || narrow ? "" : "  \xC2\xB7  " + related.source;
      TextBox box = oneLine(width - indent, meta, 1.4, language_);
      box.max_lines = narrow ? 2 : 1;
      // A source name longer than any line is not measured, only dropped.
      box.width = source.empty()        ? width - indent
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
  const Proportions p_;
  const CardTypeScale type_;

  DrawList list_;
  Rect panel_, text_, photo_, qr_tile_;
  FittedText caption_;
  int qr_module_ = 0;
  int qr_side_ = 0;         // the code's box, quiet zone included
  int caption_offset_ = 0;  // from the code's bottom to the caption's first baseline
  int top_ = 0;             // where the headline starts: the text area's top, or below a portrait photo
  int column_ = 0;          // width of the text column: beside the photo and QR tile in landscape
  int footer_w_ = 0;        // width of the footer: left of the QR tile
  int footer_top_ = 0;      // the footer's top; it ends on the text area's bottom
};

}  // namespace

const std::vector<Color>& monogramBadgeColours() { return kBadgeColors; }

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

CardTypeScale cardTypeScale(const CardSize& size, const Theme& theme) {
  const Proportions p = proportionsFor(size);
  CardTypeScale t;
  t.meta = p.type(theme.meta_px, theme.min_text_px);
  t.chip = p.type(theme.chip_px, std::max(18, theme.min_text_px - 2));
  t.summary = p.type(theme.summary_px, theme.min_text_px);
  t.secondary = p.type(theme.secondary_px, theme.min_text_px);
  t.caption = p.type(theme.caption_px, 18);
  t.headline = std::max(theme.min_text_px * 3 / 2, static_cast<int>(std::lround(theme.headline_px * p.type_unit)));
  t.headline_small = std::clamp(static_cast<int>(std::lround(t.headline * theme.headline_step)),
                                std::min(t.headline, t.summary + 4), t.headline);
  t.small_panel = p.small_panel;
  return t;
}

int chromePixels(double units, int width, int height) { return proportionsFor(CardSize(width, height)).chrome(units); }

int qrModulePixels(const CardSize& size, const Theme& theme) {
  const Proportions p = proportionsFor(size);
  return std::max(2, static_cast<int>(std::ceil(theme.qr_module * p.unit - 1e-9)));
}

std::string chipLabel(const std::string& topic, const content::LanguageTag& language) {
  const icu::UnicodeString label = icu::UnicodeString::fromUTF8(topicLabel(topic));
  std::string upper;
  icu::UnicodeString(label).toUpper(icu::Locale(language.icuLocale().c_str())).toUTF8String(upper);
  return upper;
}

DrawList layoutCard(const content::Post& post, const CardSize& size, const Theme& theme,
                    const content::LanguageTag& fallback_language, TextMeasurer& measurer, LineBreaker& breaker,
                    const CardAssets& assets, CardFit* fit) {
  const content::LanguageTag language = post.language.empty() ? fallback_language : post.language;
  CardComposer composer(post, size, theme, language, measurer, breaker, assets);
  DrawList list = composer.compose(fit);
  // A right-to-left headline: the card as Arabic and Hebrew pages are set,
  // the left-to-right one in a mirror.
  if (runsRightToLeft(post.title, language)) mirrorDrawList(list, measurer);
  return list;
}

}  // namespace newsticker::render
