// SPDX-License-Identifier: Apache-2.0
#include "render/Contrast.hpp"

#include <algorithm>
#include <cmath>

#include "render/CardLayout.hpp"
#include "render/ScreenLayout.hpp"

namespace newsticker::render {

double relativeLuminance(const Color& c) {
  const auto channel = [](std::uint8_t v) {
    const double x = v / 255.0;
    return x <= 0.03928 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrastRatio(const Color& a, const Color& b) {
  const double la = relativeLuminance(a), lb = relativeLuminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<TextOnBand> textOnBands(const Theme& theme) {
  std::vector<TextOnBand> pairs;
  const std::pair<const char*, Color> card_texts[] = {{"headline", theme.headline},
                                                      {"summary and source", theme.summary},
                                                      {"date", theme.meta},
                                                      {"related", theme.related},
                                                      {"second title", theme.secondary}};
  for (const auto& [name, text] : card_texts) {
    pairs.push_back({std::string("card ") + name + " on panel top", text, theme.panel_top});
    pairs.push_back({std::string("card ") + name + " on panel bottom", text, theme.panel_bottom});
  }
  pairs.push_back({"chip text on chip", theme.chip_text, theme.chip_fill});
  pairs.push_back({"QR caption on QR tile", theme.qr_dark, theme.qr_light});
  for (const Color& badge : monogramBadgeColours()) pairs.push_back({"monogram on badge", kMonogramText, badge});
  const ScreenStyle screen = screenStyleFor(theme);
  pairs.push_back({"header name and clock on header", screen.header_text, screen.header_background});
  pairs.push_back({"header date and position on header", screen.header_meta, screen.header_background});
  pairs.push_back({"crawl headline on crawl band", screen.crawl_headline, screen.crawl_background});
  pairs.push_back({"crawl source on crawl band", screen.crawl_source, screen.crawl_background});
  return pairs;
}

}  // namespace newsticker::render
