#include "fonts/FontChain.hpp"

#include <cstdlib>
#include <fstream>

namespace newsticker::fonts {

FontFace FontChain::face(const std::string& language, Weight weight) const {
  // Face order inside NotoSansCJK-*.ttc: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK.
  long index = 0;
  if (language == "ko") index = 1;
  else if (language == "zh-Hans" || language == "zh") index = 2;
  else if (language == "zh-Hant") index = 3;
  return FontFace{weight == Weight::Bold ? bold_file : regular_file, index};
}

FontChain defaultFontChain(const std::string& font_dir) {
  std::string dir = font_dir;
  if (dir.empty()) {
    const char* env = std::getenv("NEWSTICKER_FONT_DIR");
    dir = env != nullptr && *env != '\0' ? env : "/usr/share/fonts/opentype/noto";
  }
  return FontChain{dir + "/NotoSansCJK-Regular.ttc", dir + "/NotoSansCJK-Bold.ttc"};
}

std::vector<std::string> missingFontFiles(const FontChain& chain) {
  std::vector<std::string> missing;
  for (const std::string& file : {chain.regular_file, chain.bold_file}) {
    if (!std::ifstream(file, std::ios::binary)) missing.push_back(file);
  }
  return missing;
}

}  // namespace newsticker::fonts
