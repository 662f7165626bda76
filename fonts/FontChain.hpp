// The fonts the kiosk draws with: which file and which face of a collection
// serves each language, in each weight.
#pragma once

#include <string>
#include <vector>

namespace newsticker::fonts {

enum class Weight { Regular, Bold };

struct FontFace {
  std::string file;  // path to a .ttf/.otf/.ttc
  long index = 0;    // face index inside a collection
};

struct FontChain {
  std::string regular_file;  // Noto Sans CJK Regular collection
  std::string bold_file;     // Noto Sans CJK Bold collection
  // Returns the face for `language` ("ja", "ko", "zh-Hans", "zh-Hant", other):
  // the CJK collections hold JP, KR, SC, TC and HK faces whose Han glyphs
  // differ; Latin-only text uses the JP face (Noto's default order).
  FontFace face(const std::string& language, Weight weight) const;
};

// The chain from Debian's fonts-noto-cjk; `font_dir` overrides the folder
// holding NotoSansCJK-{Regular,Bold}.ttc (empty: the NEWSTICKER_FONT_DIR
// environment variable, else /usr/share/fonts/opentype/noto).
FontChain defaultFontChain(const std::string& font_dir = "");

// The files of `chain` that do not exist or cannot be opened for reading.
std::vector<std::string> missingFontFiles(const FontChain& chain);

}  // namespace newsticker::fonts
