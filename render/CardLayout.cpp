#include "render/CardLayout.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "render/TextFitter.hpp"

namespace newsticker::render {
namespace {

// Calm badge colours for monograms, picked by the name's hash so a source
// keeps its colour across runs.
constexpr Color kBadgeColors[] = {{47, 111, 219}, {15, 138, 122}, {194, 65, 12},
                                  {124, 58, 237}, {190, 24, 93},  {14, 116, 144}};

std::size_t utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

class Scale {
 public:
  explicit Scale(const CardSize& size) : unit_(std::min(size.width, size.height) / 1080.0) {}
  int operator()(int design_px) const { return std::max(1, static_cast<int>(std::lround(design_px * unit_))); }

 private:
  double unit_;
};

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

// A one-line box at a fixed size: topics, the source line, related headlines.
TextBox smallLine(int width, int px, double line_height, const std::string& language) {
  TextBox box;
  box.width = width;
  box.max_lines = 1;
  box.min_px = box.max_px = px;
  box.line_height = line_height;
  box.language = language;
  return box;
}

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

DrawList layoutCard(const content::Post& post, const CardSize& size, const Theme& theme,
                    const std::string& fallback_language, TextMeasurer& measurer, LineBreaker& breaker) {
  const Scale s(size);
  DrawList list;
  list.width = size.width;
  list.height = size.height;
  const std::string language = post.language.empty() ? fallback_language : post.language;
  const bool portrait = size.height > size.width;

  list.commands.push_back(FillShape{{0, 0, size.width, size.height}, 0, theme.background_top,
                                    theme.background_bottom, 0});
  const int margin = s(theme.margin);
  const Insets& in = size.insets;
  const Rect panel{margin + in.left, margin + in.top, size.width - 2 * margin - in.left - in.right,
                   size.height - 2 * margin - in.top - in.bottom};
  list.commands.push_back(FillShape{{panel.x, panel.y + s(14), panel.w, panel.h}, s(theme.panel_radius),
                                    theme.shadow, theme.shadow, s(44)});
  list.commands.push_back(FillShape{panel, s(theme.panel_radius), theme.panel_top, theme.panel_bottom, 1});

  const int x = panel.x + s(theme.padding_x);
  const int width = panel.w - 2 * s(theme.padding_x);
  int y = panel.y + s(theme.padding_top);
  const int gap = s(theme.gap);

  // Logo tile, or a monogram badge in the source's colour.
  const int logo = s(theme.logo_size);
  const Rect logo_box{x, y, logo, logo};
  if (!post.logo.empty()) {
    list.commands.push_back(FillShape{logo_box, s(theme.logo_radius), theme.logo_tile, theme.logo_tile, 1});
    const int inset = logo / 9;
    list.commands.push_back(Logo{post.logo, {x + inset, y + inset, logo - 2 * inset, logo - 2 * inset}});
  } else {
    const std::string name = post.source.empty() ? post.title : post.source;
    const Color badge = kBadgeColors[std::hash<std::string>{}(name) % std::size(kBadgeColors)];
    list.commands.push_back(FillShape{logo_box, s(theme.logo_radius), badge, badge, 1});
    // Initials of a source name ("AP"); a title only lends its first letter.
    const std::string letters = monogramLetters(name, post.source.empty() ? 1 : 2);
    const FontSpec font{fonts::Weight::Bold, letters.size() > 1 || letters[0] & 0x80 ? logo * 2 / 5 : logo / 2,
                        language};
    const FontMetrics m = measurer.metrics(font);
    const int text_width = measurer.width(letters, font);
    // Centre the ink of capitals/ideographs: their height is about the ascent
    // minus the font's internal leading, so centre on ascent - descent.
    const int baseline = y + (logo + m.ascent - m.descent) / 2 - font.px / 10;
    list.commands.push_back(TextRun{letters, font, x + (logo - text_width) / 2, baseline, theme.headline});
  }

  // Topics beside the logo, small and calm.
  if (!post.topics.empty()) {
    std::string topics;
    for (std::size_t i = 0; i < post.topics.size() && i < 3; ++i) {
      if (i > 0) topics += "  \xC2\xB7  ";
      topics += post.topics[i];
    }
    const TextBox box = smallLine(width - logo - gap, s(theme.meta_px), 1.2, language);
    const FittedText fitted = fitText(topics, box, measurer, breaker);
    emitLines(fitted, x + logo + gap, y + (logo - fitted.height()) / 2, theme.accent, measurer, list);
  }
  y += logo + gap + s(8);

  // Source and date at the bottom of the panel.
  std::string meta = post.source;
  const std::string date = formatCardDate(post.date, language);
  if (!date.empty()) meta += meta.empty() ? date : "   \xE2\x80\xA2   " + date;
  int bottom = panel.y + panel.h - s(theme.padding_bottom);
  FittedText meta_text;
  if (!meta.empty()) {
    const TextBox box = smallLine(width, s(theme.meta_px), 1.3, language);
    meta_text = fitText(meta, box, measurer, breaker);
    bottom -= meta_text.height();
    emitLines(meta_text, x, bottom, theme.meta, measurer, list);
    bottom -= gap;
  }

  // Headline, second-language title and summary share the space between.
  TextBox summary_box;
  summary_box.width = width;
  summary_box.max_lines = 3;
  summary_box.min_px = s(theme.summary_min);
  summary_box.max_px = s(theme.summary_max);
  summary_box.line_height = 1.45;
  summary_box.language = language;

  TextBox secondary_box;
  secondary_box.width = width;
  secondary_box.max_lines = portrait ? 2 : 1;
  secondary_box.min_px = s(theme.secondary_px) * 3 / 4;
  secondary_box.max_px = s(theme.secondary_px);
  secondary_box.line_height = 1.3;
  secondary_box.language = post.secondary_language;

  TextBox headline_box;
  headline_box.width = width;
  headline_box.max_lines = portrait ? 7 : 3;
  headline_box.min_px = s(theme.headline_min);
  headline_box.max_px = s(theme.headline_max);
  headline_box.line_height = 1.18;
  headline_box.weight = fonts::Weight::Bold;
  headline_box.language = language;

  const int available = bottom - y;
  FittedText summary = fitText(post.summary, summary_box, measurer, breaker);
  FittedText secondary = fitText(post.secondary_title, secondary_box, measurer, breaker);
  const auto blockHeight = [&](const FittedText& t) { return t.lines.empty() ? 0 : t.height() + gap; };
  const int headline_min_height = 2 * static_cast<int>(std::lround(headline_box.min_px * headline_box.line_height));
  // Give the headline room for two lines at least: shorten the summary, then
  // drop the second-language title.
  if (available - blockHeight(summary) - blockHeight(secondary) < headline_min_height && summary.lines.size() > 2) {
    summary_box.max_lines = 2;
    summary = fitText(post.summary, summary_box, measurer, breaker);
  }
  if (available - blockHeight(summary) - blockHeight(secondary) < headline_min_height) secondary = FittedText{};
  headline_box.max_height = std::max(0, available - blockHeight(summary) - blockHeight(secondary));
  const FittedText headline = fitText(post.title, headline_box, measurer, breaker);
  if (portrait && summary_box.max_lines == 3) {
    // A tall screen gives the summary what the headline left.
    summary_box.max_lines = 8;
    summary_box.max_height = std::max(0, available - headline.height() - blockHeight(secondary) - gap);
    summary = fitText(post.summary, summary_box, measurer, breaker);
  }

  y = emitLines(headline, x, y, theme.headline, measurer, list);
  if (!secondary.lines.empty()) y = emitLines(secondary, x, y + gap / 2, theme.secondary, measurer, list);
  if (!summary.lines.empty()) y = emitLines(summary, x, y + gap - s(6), theme.summary, measurer, list) - s(6);

  // Related headlines (news items) fill the space left above the source line.
  if (!post.related.empty()) {
    const TextBox box = smallLine(width, s(theme.meta_px), 1.5, language);
    const int advance = static_cast<int>(std::lround(box.max_px * box.line_height));
    const int room = (bottom - y - gap) / advance;
    const int count = std::min({room, portrait ? 5 : 3, static_cast<int>(post.related.size())});
    int top = bottom - count * advance;
    const FontSpec font{fonts::Weight::Regular, box.max_px, language};
    for (int i = 0; i < count; ++i) {
      // "› title · source": the title is shortened, the source stays whole.
      const content::RelatedHeadline& related = post.related[static_cast<std::size_t>(i)];
      const std::string source = related.source.empty() ? "" : "  \xC2\xB7  " + related.source;
      TextBox title_box = box;
      // A source name longer than any line is not measured, only dropped.
      title_box.width = source.size() > 512 ? 0 : width - measurer.width(source, font);
      if (title_box.width < width / 2) title_box.width = width;  // a source too long to keep
      FittedText line = fitText("\xE2\x80\xBA  " + related.title, title_box, measurer, breaker);
      if (!line.lines.empty() && title_box.width < width) line.lines[0] += source;
      top = emitLines(line, x, top, theme.related, measurer, list);
    }
  }
  return list;
}

}  // namespace newsticker::render
