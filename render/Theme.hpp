// The look of a card: colours and proportions. Sizes are in units of 1/1080
// of the screen's shorter side, so a card looks the same at any resolution.
#pragma once

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
  Color summary{190, 201, 221};
  Color meta{134, 148, 172};
  Color related{160, 176, 204};
  Color accent{110, 168, 255};

  int margin = 56;          // screen edge to panel
  int panel_radius = 28;
  int padding_x = 96;       // panel edge to text, left and right
  int padding_top = 80;
  int padding_bottom = 72;
  int logo_size = 150;
  int logo_radius = 26;
  int headline_max = 84, headline_min = 48;
  int secondary_px = 44;
  int summary_max = 44, summary_min = 34;
  int meta_px = 34;
  int gap = 36;             // between blocks
};

}  // namespace newsticker::render
