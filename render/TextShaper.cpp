// SPDX-License-Identifier: Apache-2.0
#include "render/TextShaper.hpp"

#include <hb.h>

#include <climits>

namespace newsticker::render {

TextShaper::TextShaper() : buffer_(hb_buffer_create()) {}

TextShaper::~TextShaper() { hb_buffer_destroy(buffer_); }

void TextShaper::FontDeleter::operator()(hb_font_t* font) const { hb_font_destroy(font); }

std::int64_t TextShaper::advance(const std::string& key, const void* data, std::size_t size, long index, int px,
                                 std::string_view utf8, const std::string& script, bool rtl) {
  if (utf8.empty() || px <= 0 || utf8.size() > static_cast<std::size_t>(INT_MAX)) return 0;
  auto it = fonts_.find(std::make_pair(key, index));
  if (it == fonts_.end()) {
    hb_blob_t* blob = hb_blob_create(static_cast<const char*>(data), static_cast<unsigned>(size),
                                     HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, static_cast<unsigned>(index));
    hb_blob_destroy(blob);
    hb_font_t* font = hb_font_create(face);  // OpenType functions: unhinted advances
    hb_face_destroy(face);
    it = fonts_.emplace(std::make_pair(key, index), std::unique_ptr<hb_font_t, FontDeleter>(font)).first;
  }
  hb_font_t* font = it->second.get();
  hb_font_set_scale(font, px * 64, px * 64);
  hb_buffer_clear_contents(buffer_);
  hb_buffer_set_direction(buffer_, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_script(buffer_, script.empty() ? HB_SCRIPT_UNKNOWN
                                               : hb_script_from_string(script.data(), static_cast<int>(script.size())));
  hb_buffer_add_utf8(buffer_, utf8.data(), static_cast<int>(utf8.size()), 0, static_cast<int>(utf8.size()));
  hb_shape(font, buffer_, nullptr, 0);
  unsigned count = 0;
  const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer_, &count);
  std::int64_t total = 0;
  for (unsigned i = 0; i < count; ++i) total += positions[i].x_advance;
  return total;
}

}  // namespace newsticker::render
