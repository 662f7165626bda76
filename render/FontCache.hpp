// Opens SDL_ttf fonts on demand, one TTF_Font per face and size actually used
// (SDL_ttf empties its glyph cache on TTF_SetFontSize, so sizes are never
// switched on a shared font), and measures text with them.
#pragma once

#include <map>
#include <string>
#include <tuple>

#include "fonts/FontChain.hpp"
#include "render/SdlHandles.hpp"
#include "render/TextMeasurer.hpp"

namespace newsticker::render {

class FontCache final : public TextMeasurer {
 public:
  // TTF_Init must have succeeded. Fonts open lazily; call missingFiles() to
  // check the chain up front.
  explicit FontCache(fonts::FontChain chain);

  // The font for `spec`, opened on first use. Throws std::runtime_error
  // naming the file when it cannot be opened.
  TTF_Font& font(const FontSpec& spec);

  int width(std::string_view utf8, const FontSpec& font) override;
  FontMetrics metrics(const FontSpec& font) override;
  bool hasEllipsis(const FontSpec& font) override;

 private:
  fonts::FontChain chain_;
  std::map<std::tuple<std::string, long, int>, FontPtr> fonts_;
};

}  // namespace newsticker::render
