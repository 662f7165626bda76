// SPDX-License-Identifier: Apache-2.0
// Shapes text with HarfBuzz straight from a font file's bytes, to measure it
// without rounding: the sum of the glyph advances in 1/64 pixel, as SDL_ttf
// (light hinting: unhinted advances) and a browser lay the same text out.
// SDL_ttf only reports whole pixels per string, floored, so a line of many
// runs (an Arabic line: each word in the Arabic face, each space in the
// main face) measured that way came out pixels narrower than it is drawn.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

struct hb_font_t;
struct hb_buffer_t;

namespace newsticker::render {

class TextShaper {
 public:
  TextShaper();
  ~TextShaper();
  TextShaper(const TextShaper&) = delete;
  TextShaper& operator=(const TextShaper&) = delete;

  // The advance of `utf8` shaped in face `index` of the font whose bytes are
  // `data`/`size` (which must outlive the shaper), at `px` pixels per em, in
  // 1/64 pixel. Shaped as SDL_ttf shapes it: `script` an ISO 15924 tag ("Arab")
  // or empty for none, right to left when `rtl`, no language. `key` names the
  // face (its file) for reuse.
  std::int64_t advance(const std::string& key, const void* data, std::size_t size, long index, int px,
                       std::string_view utf8, const std::string& script, bool rtl);

 private:
  struct FontDeleter {
    void operator()(hb_font_t* font) const;
  };
  std::map<std::pair<std::string, long>, std::unique_ptr<hb_font_t, FontDeleter>> fonts_;
  hb_buffer_t* buffer_ = nullptr;
};

}  // namespace newsticker::render
