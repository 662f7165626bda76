// Reads an image's pixel size from its header, before any decoder sees it,
// so an image that would take too much memory is refused unread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsticker::render {

struct ImageHeader {
  std::string format;  // "png", "jpeg", "gif", "bmp"
  int width = 0;
  int height = 0;
};

// The format and size declared by the header of `bytes` (PNG IHDR, JPEG SOFn,
// GIF screen descriptor, BMP info header); nullopt when the bytes are none of
// these or the header is cut short. Pure; never throws.
std::optional<ImageHeader> readImageHeader(std::string_view bytes);

}  // namespace newsticker::render
