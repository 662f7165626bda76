// SPDX-License-Identifier: Apache-2.0
// The fonts the kiosk draws with: which file and face serves each language
// in each weight, and the fallbacks for what that face lacks (emoji, symbols).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "content/LanguageTag.hpp"

namespace newsticker::fonts {

enum class Weight { Regular, Bold };

struct FontFace {
  std::string file;  // path to a .ttf/.otf/.ttc
  long index = 0;    // face index inside a collection
  // 0 for scalable outlines. For a font with one fixed bitmap size (Noto
  // Color Emoji): its line height in ems, so the bitmap is scaled to match.
  double bitmap_height_em = 0;
  bool emoji = false;  // preferred for emoji-presentation sequences
  // The code point ranges (first, last) the face is asked for; empty: any.
  // A script's own face (Thai, Devanagari, ...) is opened only for its text.
  std::vector<std::pair<char32_t, char32_t>> ranges;
  // The ISO 15924 script its text is shaped as ("Deva": vowel signs reordered,
  // conjuncts formed); "" lets the shaper guess (enough for Latin and CJK).
  std::string script;

  // True when the face may be asked for `c` (its ranges hold it, or it has none).
  bool serves(char32_t c) const;
};

struct FallbackFont {
  std::string regular_file;
  std::string bold_file;  // empty: the regular file serves bold too
  long index = 0;
  double bitmap_height_em = 0;
  bool emoji = false;
  std::vector<std::pair<char32_t, char32_t>> ranges;  // as FontFace::ranges
  std::string script;                                 // as FontFace::script
};

struct FontChain {
  std::string regular_file;             // Noto Sans CJK Regular collection
  std::string bold_file;                // Noto Sans CJK Bold collection
  std::vector<FallbackFont> fallbacks;  // tried in order for what the main face lacks

  // The main face for `language` ("ja", "ko", "zh-Hans", "zh-Hant", other):
  // the CJK collections hold JP, KR, SC, TC and HK faces whose Han glyphs
  // differ; other languages get the JP face (Noto's default order), whose
  // Latin is the same as the others' (render::FontCache gives CJK text in
  // such a language the face of its own script).
  FontFace face(const content::LanguageTag& language, Weight weight) const;

  // The main face followed by every fallback whose file exists and holds
  // its face (fontFaceProblem), for `weight`.
  std::vector<FontFace> faces(const content::LanguageTag& language, Weight weight) const;
};

// The chain from Debian's fonts-noto-cjk, then fonts-noto-color-emoji, the
// Noto Sans faces of fonts-noto-core for Arabic, Hebrew, Thai, Devanagari and
// the other scripts (each only for its own blocks), fonts-dejavu-core and
// fonts-symbola. `font_dir` overrides the folder holding
// NotoSansCJK-{Regular,Bold}.ttc (empty: the NEWSTICKER_FONT_DIR environment
// variable, else /usr/share/fonts/opentype/noto).
FontChain defaultFontChain(const std::string& font_dir = "");

// The main files of `chain` that do not exist, cannot be opened for reading
// or are not regular files (a FIFO, a device, a folder); missing fallbacks
// are skipped, not reported here. Never blocks.
std::vector<std::string> missingFontFiles(const FontChain& chain);

// Why face `index` of `file` cannot be opened, told from the file's first
// bytes: "is not a font (no TrueType, OpenType or collection header)", "has
// no face -1 (it holds 1)"; "" when it can be (a TrueType or OpenType file
// and index 0, or a collection holding face `index`). Never blocks (a FIFO
// or a missing file gives "cannot be read").
std::string fontFaceProblem(const std::string& file, long index);

// The fonts of `chain` that exist but cannot be used, each as "font FILE
// REASON": the main files (face 0; the kiosk cannot draw without them), then
// the fallbacks, which faces() leaves out. Empty when all are usable.
std::vector<std::string> unusableFontFiles(const FontChain& chain, bool fallbacks_too = true);

}  // namespace newsticker::fonts
