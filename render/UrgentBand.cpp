// SPDX-License-Identifier: Apache-2.0
#include "render/UrgentBand.hpp"

#include <algorithm>
#include <cmath>

#include "render/CardCaption.hpp"
#include "render/TextFitter.hpp"

namespace newsticker::render {
namespace {

int scaled(double units, double unit, int at_least) {
  return std::max(at_least, static_cast<int>(std::lround(units * unit)));
}

// A disc of `d` pixels at (x, y) with an exclamation mark cut out of it in
// the band's colour: the alert sign of road signs and operating systems.
void addAlertIcon(DrawList& list, int x, int y, int d, Color disc, Color mark) {
  list.commands.push_back(FillShape{{x, y, d, d}, d / 2, disc, disc, 1});
  const int w = std::max(2, static_cast<int>(std::lround(d * 0.14)));
  const int cx = x + d / 2;
  const int bar_top = y + static_cast<int>(std::lround(d * 0.19));
  const int bar_h = static_cast<int>(std::lround(d * 0.42));
  list.commands.push_back(FillShape{{cx - w / 2, bar_top, w, bar_h}, w / 2, mark, mark, 1});
  const int dot = std::max(2, static_cast<int>(std::lround(w * 1.2)));
  const int dot_top = y + static_cast<int>(std::lround(d * 0.70));
  list.commands.push_back(FillShape{{cx - dot / 2, dot_top, dot, dot}, dot / 2, mark, mark, 1});
}

}  // namespace

int addUrgentBand(DrawList& list, const Rect& panel, int panel_radius, int pad_x, double unit, const Theme& theme,
                  const content::LanguageTag& language, TextMeasurer& measurer, LineBreaker& breaker) {
  const int band_h = std::min(scaled(150, unit, 40), panel.h / 4);
  // Rounded at the top with the panel, square below.
  list.commands.push_back(
      FillShape{{panel.x, panel.y, panel.w, band_h}, panel_radius, theme.urgent_top, theme.urgent_bottom, 1});
  const int radius = std::min(panel_radius, band_h / 2);
  list.commands.push_back(
      FillShape{{panel.x, panel.y + radius, panel.w, band_h - radius}, 0, theme.urgent_top, theme.urgent_bottom, 1});
  const int icon = band_h * 62 / 100;
  const int icon_x = panel.x + pad_x;
  addAlertIcon(list, icon_x, panel.y + (band_h - icon) / 2, icon, theme.urgent_text, theme.urgent_top);

  TextBox box;
  box.width = std::max(1, panel.x + panel.w - pad_x - (icon_x + icon + icon * 2 / 5));
  box.max_lines = 1;
  box.max_px = band_h * 44 / 100;
  box.min_px = std::max(12, box.max_px * 3 / 4);
  box.line_height = 1.2;
  box.weight = fonts::Weight::Bold;
  box.language = language;
  const FittedText label = fitText(urgentLabel(language), box, measurer, breaker);
  if (!label.lines.empty()) {
    const FontMetrics m = measurer.metrics(label.font);
    const int baseline = panel.y + (band_h + m.ascent - m.descent) / 2;
    list.commands.push_back(
        TextRun{label.lines[0], label.lineFont(0), icon_x + icon + icon * 2 / 5, baseline, theme.urgent_text});
  }
  return band_h;
}

}  // namespace newsticker::render
