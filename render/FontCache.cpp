#include "render/FontCache.hpp"

#include <stdexcept>

namespace newsticker::render {

FontCache::FontCache(fonts::FontChain chain) : chain_(std::move(chain)) {}

TTF_Font& FontCache::font(const FontSpec& spec) {
  const fonts::FontFace face = chain_.face(spec.language, spec.weight);
  const auto key = std::make_tuple(face.file, face.index, spec.px);
  auto it = fonts_.find(key);
  if (it == fonts_.end()) {
    FontPtr opened(TTF_OpenFontIndex(face.file.c_str(), spec.px, face.index));
    if (!opened) {
      throw std::runtime_error("cannot open font " + face.file + " (face " + std::to_string(face.index) +
                               "): " + TTF_GetError());
    }
    TTF_SetFontHinting(opened.get(), TTF_HINTING_LIGHT);
    it = fonts_.emplace(key, std::move(opened)).first;
  }
  return *it->second;
}

int FontCache::width(std::string_view utf8, const FontSpec& spec) {
  if (utf8.empty()) return 0;
  const std::string text(utf8);
  int w = 0, h = 0;
  if (TTF_SizeUTF8(&font(spec), text.c_str(), &w, &h) != 0) return 0;
  return w;
}

FontMetrics FontCache::metrics(const FontSpec& spec) {
  TTF_Font& f = font(spec);
  return FontMetrics{TTF_FontAscent(&f), -TTF_FontDescent(&f)};
}

bool FontCache::hasEllipsis(const FontSpec& spec) { return TTF_GlyphIsProvided32(&font(spec), 0x2026) != 0; }

}  // namespace newsticker::render
