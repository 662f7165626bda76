#include "render/ImageHeader.hpp"

#include <cstdint>
#include <cstdlib>

namespace newsticker::render {
namespace {

std::uint32_t bigEndian(std::string_view b, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

std::uint32_t littleEndian(std::string_view b, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

std::optional<ImageHeader> jpegHeader(std::string_view b) {
  std::size_t pos = 2;
  while (pos + 9 < b.size()) {
    if (static_cast<unsigned char>(b[pos]) != 0xFF) return std::nullopt;
    const unsigned char marker = static_cast<unsigned char>(b[pos + 1]);
    if (marker == 0xFF) {  // fill byte
      ++pos;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      pos += 2;
      continue;
    }
    const std::uint32_t length = bigEndian(b, pos + 2, 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      return ImageHeader{"jpeg", static_cast<int>(bigEndian(b, pos + 7, 2)), static_cast<int>(bigEndian(b, pos + 5, 2))};
    }
    if (marker == 0xD9 || marker == 0xDA || length < 2) return std::nullopt;  // no frame header before the data
    pos += 2 + length;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ImageHeader> readImageHeader(std::string_view b) {
  if (b.size() >= 24 && b.substr(0, 8) == "\x89PNG\r\n\x1A\n" && b.substr(12, 4) == "IHDR") {
    return ImageHeader{"png", static_cast<int>(bigEndian(b, 16, 4) & 0x7FFFFFFF),
                       static_cast<int>(bigEndian(b, 20, 4) & 0x7FFFFFFF)};
  }
  if (b.size() >= 4 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8) {
    return jpegHeader(b);
  }
  if (b.size() >= 10 && (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a")) {
    return ImageHeader{"gif", static_cast<int>(littleEndian(b, 6, 2)), static_cast<int>(littleEndian(b, 8, 2))};
  }
  if (b.size() >= 26 && b.substr(0, 2) == "BM") {
    const auto width = static_cast<std::int32_t>(littleEndian(b, 18, 4));
    const auto height = static_cast<std::int32_t>(littleEndian(b, 22, 4));
    return ImageHeader{"bmp", std::abs(width), std::abs(height)};
  }
  return std::nullopt;
}

}  // namespace newsticker::render
