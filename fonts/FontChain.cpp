// SPDX-License-Identifier: Apache-2.0
#include "fonts/FontChain.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace newsticker::fonts {
namespace {

// A regular file this process can open. Opened non-blocking and checked by
// its descriptor: a FIFO or device named as a font would otherwise block
// (or feed endless bytes to) the font reader.
bool readable(const std::string& file) {
  if (file.empty()) return false;
  const int fd = open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat info {};
  const bool regular = fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
  close(fd);
  return regular;
}

// The file a fallback uses for `weight`.
const std::string& fallbackFile(const FallbackFont& fallback, Weight weight) {
  return weight == Weight::Bold && !fallback.bold_file.empty() ? fallback.bold_file : fallback.regular_file;
}

}  // namespace

std::string fontFaceProblem(const std::string& file, long index) {
  if (!readable(file)) return "cannot be read";
  const int fd = open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return "cannot be read";
  unsigned char head[12] = {};
  const ssize_t got = read(fd, head, sizeof head);
  close(fd);
  const auto tag = [&](const char* t) { return got >= 4 && std::memcmp(head, t, 4) == 0; };
  long faces = 0;
  if (tag("ttcf") && got >= 12) {
    faces = (long{head[8]} << 24) | (long{head[9]} << 16) | (long{head[10]} << 8) | long{head[11]};
  } else if (tag("\x00\x01\x00\x00") || tag("OTTO") || tag("true") || tag("typ1")) {
    faces = 1;
  } else {
    return "is not a font (no TrueType, OpenType or collection header)";
  }
  if (index < 0 || index >= faces) {
    return "has no face " + std::to_string(index) + " (it holds " + std::to_string(faces) + ")";
  }
  return "";
}

std::vector<std::string> unusableFontFiles(const FontChain& chain, bool fallbacks_too) {
  std::vector<std::string> unusable;
  for (const std::string& file : {chain.regular_file, chain.bold_file}) {
    if (!readable(file)) continue;  // missingFontFiles names it
    const std::string problem = fontFaceProblem(file, 0);
    if (!problem.empty()) unusable.push_back("font " + file + " " + problem);
  }
  if (!fallbacks_too) return unusable;
  for (const FallbackFont& fallback : chain.fallbacks) {
    for (const Weight weight : {Weight::Regular, Weight::Bold}) {
      const std::string& file = fallbackFile(fallback, weight);
      if (weight == Weight::Bold && file == fallback.regular_file) continue;
      const std::string problem = readable(file) ? fontFaceProblem(file, fallback.index) : "";
      if (!problem.empty()) unusable.push_back("font " + file + " " + problem + "; the fallback is left out");
    }
  }
  return unusable;
}

FontFace FontChain::face(const content::LanguageTag& language, Weight weight) const {
  // Face order inside NotoSansCJK-*.ttc: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK.
  long index = 0;
  switch (language.cjk()) {
    case content::LanguageTag::Cjk::Korean:
      index = 1;
      break;
    case content::LanguageTag::Cjk::SimplifiedChinese:
      index = 2;
      break;
    case content::LanguageTag::Cjk::TraditionalChinese:
      index = 3;
      break;
    case content::LanguageTag::Cjk::Japanese:
    case content::LanguageTag::Cjk::None:
      index = 0;
      break;
  }
  return FontFace{weight == Weight::Bold ? bold_file : regular_file, index, 0, false, {}, ""};
}

bool FontFace::serves(char32_t c) const {
  if (ranges.empty()) return true;
  for (const auto& [first, last] : ranges) {
    if (c >= first && c <= last) return true;
  }
  return false;
}

std::vector<FontFace> FontChain::faces(const content::LanguageTag& language, Weight weight) const {
  std::vector<FontFace> result{face(language, weight)};
  for (const FallbackFont& fallback : fallbacks) {
    const std::string& file = fallbackFile(fallback, weight);
    if (readable(file) && fontFaceProblem(file, fallback.index).empty()) {
      result.push_back(
          FontFace{file, fallback.index, fallback.bitmap_height_em, fallback.emoji, fallback.ranges, fallback.script});
    }
  }
  return result;
}

FontChain defaultFontChain(const std::string& font_dir) {
  std::string dir = font_dir;
  if (dir.empty()) {
    const char* env = std::getenv("NEWSTICKER_FONT_DIR");
    dir = env != nullptr && *env != '\0' ? env : "/usr/share/fonts/opentype/noto";
  }
  FontChain chain{dir + "/NotoSansCJK-Regular.ttc", dir + "/NotoSansCJK-Bold.ttc", {}};
  // Noto Color Emoji has one 109 ppem bitmap strike, 128 px from ascent to descent.
  chain.fallbacks.push_back({"/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf", "", 0, 128.0 / 109.0, true, {}, ""});
  // Arabic and Hebrew from fonts-noto-core (DejaVu Sans, later, has letters
  // of both but not Noto's shaping and proportions).
  const std::string noto = "/usr/share/fonts/truetype/noto/NotoSans";
  chain.fallbacks.push_back({noto + "Arabic-Regular.ttf",
                             noto + "Arabic-Bold.ttf",
                             0,
                             0,
                             false,
                             {{0x0600, 0x06FF}, {0x0750, 0x077F}, {0x0870, 0x08FF}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}},
                             "Arab"});
  chain.fallbacks.push_back({noto + "Hebrew-Regular.ttf",
                             noto + "Hebrew-Bold.ttf",
                             0,
                             0,
                             false,
                             {{0x0590, 0x05FF}, {0xFB1D, 0xFB4F}},
                             "Hebr"});
  // Scripts Noto Sans CJK does not draw, from fonts-noto-core,
  // each asked only for its own blocks (so a feed in English opens none).
  const struct {
    const char* name;
    const char* script;  // ISO 15924
    std::vector<std::pair<char32_t, char32_t>> ranges;
  } scripts[] = {
      {"Thai", "Thai", {{0x0E00, 0x0E7F}}},
      {"Lao", "Laoo", {{0x0E80, 0x0EFF}}},
      {"Khmer", "Khmr", {{0x1780, 0x17FF}, {0x19E0, 0x19FF}}},
      {"Myanmar", "Mymr", {{0x1000, 0x109F}, {0xA9E0, 0xA9FF}, {0xAA60, 0xAA7F}}},
      {"Devanagari", "Deva", {{0x0900, 0x097F}, {0xA8E0, 0xA8FF}, {0x1CD0, 0x1CFF}}},
      {"Bengali", "Beng", {{0x0980, 0x09FF}}},
      {"Gurmukhi", "Guru", {{0x0A00, 0x0A7F}}},
      {"Gujarati", "Gujr", {{0x0A80, 0x0AFF}}},
      {"Tamil", "Taml", {{0x0B80, 0x0BFF}}},
      {"Telugu", "Telu", {{0x0C00, 0x0C7F}}},
      {"Kannada", "Knda", {{0x0C80, 0x0CFF}}},
      {"Malayalam", "Mlym", {{0x0D00, 0x0D7F}}},
      {"Sinhala", "Sinh", {{0x0D80, 0x0DFF}}},
      {"Georgian", "Geor", {{0x10A0, 0x10FF}, {0x2D00, 0x2D2F}}},
      {"Armenian", "Armn", {{0x0530, 0x058F}}},
      {"Ethiopic", "Ethi", {{0x1200, 0x139F}, {0x2D80, 0x2DDF}}},
  };
  for (const auto& script : scripts) {
    chain.fallbacks.push_back({noto + script.name + "-Regular.ttf", noto + script.name + "-Bold.ttf", 0, 0, false,
                               script.ranges, script.script});
  }
  // After the script faces: DejaVu Sans and Symbola are asked for anything,
  // and would otherwise be opened only to find they lack Devanagari or Thai.
  chain.fallbacks.push_back({"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                             "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                             0,
                             0,
                             false,
                             {},
                             ""});
  chain.fallbacks.push_back({"/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf", "", 0, 0, false, {}, ""});
  return chain;
}

std::vector<std::string> missingFontFiles(const FontChain& chain) {
  std::vector<std::string> missing;
  for (const std::string& file : {chain.regular_file, chain.bold_file}) {
    if (!readable(file)) missing.push_back(file);
  }
  return missing;
}

}  // namespace newsticker::fonts
