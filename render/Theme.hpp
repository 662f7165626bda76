// SPDX-License-Identifier: Apache-2.0
// The look of a card: colours and proportions. Sizes are in units of 1/1080
// of the screen's shorter side (a size of 92 is 92 px at 1080p, 184 px at
// 2160p), so a card looks the same at any resolution; small screens tighten
// the margins and keep text at least `min_text_px` (see CardLayout).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/LanguageTag.hpp"
#include "render/DrawList.hpp"

namespace newsticker::render {

struct Theme {
  Color background_top{11, 18, 32};
  Color background_bottom{16, 26, 44};
  Color panel_top{29, 44, 70};
  Color panel_bottom{22, 34, 56};
  Color shadow{0, 0, 0, 110};
  Color logo_tile{246, 248, 251};
  Color headline{245, 247, 251};
  Color secondary{150, 190, 255};
  Color summary{212, 220, 234};
  Color meta{176, 189, 209};  // source and date: at least 7:1 on the panel
  Color related{190, 202, 222};
  Color accent{110, 168, 255};
  Color chip_fill{44, 66, 104};
  Color chip_text{205, 222, 255};
  Color qr_dark{15, 23, 42};      // QR modules and the caption under the code
  Color qr_light{255, 255, 255};  // the QR tile, quiet zone included
  Color urgent_top{214, 40, 40};  // an urgent notice's band (UrgentBand.hpp): white on it is 5:1 and more
  Color urgent_bottom{190, 30, 36};
  Color urgent_text{255, 255, 255};  // its word and its icon's disc
  // The crawl: a band of its own tint with a hairline above, its text quieter
  // than the headline (about 72 % of its luminance), the sources dimmer still.
  Color crawl_band{14, 24, 46};
  Color crawl_hairline{47, 72, 115};
  Color crawl_text{205, 214, 230};
  Color crawl_source{150, 165, 190};

  // Chrome (tighter on small screens).
  int margin = 44;  // screen edge (or inset) to panel
  int panel_radius = 28;
  int padding_x = 88;  // panel edge to text, left and right
  int padding_top = 64;
  int padding_bottom = 60;
  int gap = 36;         // between the identity row and the headline
  int text_gap = 26;    // between headline, second-language title and summary
  int logo_size = 120;  // height of the logo tile (a wide logo gets a wider tile)
  int logo_radius = 24;

  // The type scale of a screen: every card sets each role at its size; a
  // headline that does not fit its lines at headline_px takes the one
  // smaller step, headline_px * headline_step (92 / 76 at 1080p).
  int headline_px = 92;
  double headline_step = 0.83;
  int summary_px = 48;  // with a measure of about 62 characters
  int secondary_px = 44;
  int meta_px = 38;      // source, date, related headlines
  int chip_px = 36;      // topics, in capitals (a step over the 32 they were)
  int caption_px = 30;   // "Scan to read" under the QR code
  int min_text_px = 22;  // in pixels, not units: no body or meta text is set smaller

  double photo_share = 0.38;  // of the text area's width, beside the text (landscape)
  bool qr = true;             // a QR code to the post's url when it has one
  bool byline = true;         // the post's author after the date ("5 Oct 2026 · Jane Doe") when it is
                              //   not the source and fits without costing a topic chip
  int qr_module = 6;          // module size (rounded up); the quiet zone is 4 modules

  // Languages whose headline, second title and summary get 1/8 em between
  // CJK and Latin letters or digits (CSS text-autospace); none by default,
  // as browsers do. "zh" also covers "zh-Hans" and "zh-Hant".
  std::vector<std::string> autospace_languages;

  // True when text in `language` gets autospace under this theme.
  bool autospaces(const content::LanguageTag& language) const {
    for (const std::string& range : autospace_languages) {
      if (language.matches(range)) return true;
    }
    return false;
  }
};

// Today's look: light text on a deep blue panel.
inline Theme darkTheme() { return Theme{}; }

// Dark text on a white panel, for bright lobbies.
inline Theme lightTheme() {
  Theme t;
  t.background_top = {226, 232, 240};
  t.background_bottom = {212, 220, 231};
  t.panel_top = {255, 255, 255};
  t.panel_bottom = {246, 248, 251};
  t.shadow = {15, 23, 42, 60};
  t.logo_tile = {238, 242, 247};
  t.headline = {15, 23, 42};
  t.secondary = {30, 64, 175};
  t.summary = {45, 55, 72};
  t.meta = {64, 76, 96};
  t.related = {51, 65, 85};
  t.accent = {29, 78, 216};
  t.chip_fill = {224, 232, 252};
  t.chip_text = {30, 58, 138};
  t.qr_dark = {15, 23, 42};
  t.qr_light = {255, 255, 255};
  t.crawl_band = {222, 230, 242};
  t.crawl_hairline = {190, 203, 222};
  t.crawl_text = {51, 65, 85};
  t.crawl_source = {71, 85, 105};
  return t;
}

// The built-in theme called `name` ("dark" or "light"); nullopt for others.
inline std::optional<Theme> themeNamed(const std::string& name) {
  if (name == "dark") return darkTheme();
  if (name == "light") return lightTheme();
  return std::nullopt;
}

}  // namespace newsticker::render
