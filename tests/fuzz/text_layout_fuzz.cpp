// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: any bytes (invalid UTF-8 included) set by render::fitText and render::wrapText with the real fonts.
// Build: CC=clang-14 CXX=clang++-14 cmake -S /work/main -B /tmp/build-fuzz -DNEWSTICKER_FUZZ=ON
// -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined" && cmake --build /tmp/build-fuzz
// --target text_layout_fuzz Input: byte 0 language (en ja ko zh-Hans zh-Hant) and weight, bytes 1-2 width 50..2000,
// byte 3 max_lines 1..5, bytes 4-6 sizes and height; the rest is the text. Run: /tmp/build-fuzz/tests/text_layout_fuzz
// -max_total_time=240 -timeout=10 -rss_limit_mb=2048 -artifact_prefix=/tmp/fuzz-crashes/text_layout-
// /tmp/fuzz-corpus/text_layout  (needs fonts-noto-cjk) Repro: /tmp/build-fuzz/tests/text_layout_fuzz FILE  (shrink:
// -minimize_crash=1 -runs=20000 FILE). Aborts when a line is too wide or there are too many lines.
#include <SDL_ttf.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fonts/FontChain.hpp"
#include "render/FontCache.hpp"
#include "render/LineBreaker.hpp"
#include "render/TextFitter.hpp"

using namespace newsticker;
using namespace newsticker::render;

namespace {

FontCache* g_fonts = nullptr;
LineBreaker* g_breaker = nullptr;

std::string escaped(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", c);
      out += hex;
    }
  }
  return out;
}

[[noreturn]] void violated(const char* what, const TextBox& box, const FontSpec& font, std::string_view line,
                           int line_width) {
  std::fprintf(stderr,
               "text_layout_fuzz: %s\n  box: width %d, max_lines %d, max_height %d, px %d..%d, language '%s'\n"
               "  font px %d; line (%d px): \"%s\"\n",
               what, box.width, box.max_lines, box.max_height, box.min_px, box.max_px, box.language.str().c_str(),
               font.px, line_width, escaped(line).c_str());
  std::abort();
}

bool singleCluster(std::string_view line) { return g_breaker->graphemeBoundaries(line).size() <= 2; }
bool onlyEllipsis(std::string_view line) { return line == "..." || line == "\xE2\x80\xA6"; }

// Every line fits the box, unless it is one grapheme cluster (a glyph wider
// than the box can only be cut off) or the bare ellipsis.
// Each line is measured in its place in the paragraph (its bidi context).
void checkWidths(const std::vector<std::string>& lines, const std::vector<BidiContext>& contexts, const TextBox& box,
                 const FontSpec& font) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    FontSpec line_font = font;
    if (i < contexts.size()) {
      line_font.bidi_before = contexts[i].before;
      line_font.bidi_after = contexts[i].after;
    }
    const int w = g_fonts->width(lines[i], line_font);
    if (w > box.width && !singleCluster(lines[i]) && !onlyEllipsis(lines[i])) {
      violated("line wider than the box", box, line_font, lines[i], w);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (TTF_Init() != 0) {
    std::fprintf(stderr, "text_layout_fuzz: TTF_Init: %s\n", TTF_GetError());
    std::abort();
  }
  const fonts::FontChain chain = fonts::defaultFontChain();
  for (const std::string& missing : fonts::missingFontFiles(chain)) {
    std::fprintf(stderr, "text_layout_fuzz: font missing: %s (apt-get install fonts-noto-cjk)\n", missing.c_str());
    std::abort();
  }
  g_fonts = new FontCache(chain);  // lives as long as the process, like the kiosk's
  g_breaker = new LineBreaker();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 7) return 0;
  static const char* const kLanguages[] = {"en", "ja", "ko", "zh-Hans", "zh-Hant"};
  TextBox box;
  box.language = kLanguages[data[0] % 5];
  box.weight = (data[0] & 0x80) ? fonts::Weight::Bold : fonts::Weight::Regular;
  box.width = 50 + (data[1] | data[2] << 8) % 1951;
  box.max_lines = 1 + data[3] % 5;
  box.min_px = 12 + data[4] % 49;                           // 12..60 (the theme uses 34..84 at 1080p)
  box.max_px = box.min_px + data[5] % 41;                   // up to 40 px more
  box.max_height = (data[6] & 1) ? (data[6] >> 1) * 4 : 0;  // 0 (no limit) or 0..508 px
  const std::string_view text(reinterpret_cast<const char*>(data) + 7, size - 7);

  const FittedText fitted = fitText(text, box, *g_fonts, *g_breaker);
  if (static_cast<int>(fitted.lines.size()) > box.max_lines) {
    violated("fitText gave more lines than max_lines", box, fitted.font, "", 0);
  }
  if (!fitted.lines.empty()) {
    if (fitted.font.px < box.min_px || fitted.font.px > box.max_px) {
      violated("fitText chose a size outside [min_px, max_px]", box, fitted.font, "", 0);
    }
    if (box.max_height > 0 && fitted.height() > box.max_height) {
      violated("fitText's lines are taller than max_height", box, fitted.font, "", fitted.height());
    }
  }
  checkWidths(fitted.lines, fitted.contexts, box, fitted.font);

  // wrapText on its own, at the smallest size and with the line limit.
  const FontSpec font{box.weight, box.min_px, box.language};
  bool cut = false;
  const auto lines =
      wrapText(text, box.width, font, *g_fonts, *g_breaker, &cut, static_cast<std::size_t>(box.max_lines));
  if (static_cast<int>(lines.size()) > box.max_lines)
    violated("wrapText gave more lines than max_lines", box, font, "", 0);
  checkWidths(lines, lineContexts(text, lines, font.rtl), box, font);

  // The face runs partition the text.
  std::size_t covered = 0;
  for (const FaceRun& run : g_fonts->runs(text, font)) {
    if (run.begin != covered || run.end <= run.begin || run.end > text.size()) {
      violated("FontCache::runs do not partition the text", box, font, text.substr(0, 80), 0);
    }
    covered = run.end;
  }
  if (covered != text.size()) violated("FontCache::runs leave text uncovered", box, font, text.substr(0, 80), 0);
  return 0;
}
