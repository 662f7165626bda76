// SPDX-License-Identifier: Apache-2.0
#include "content/RasterHeader.hpp"

#include <cstdint>

namespace newsticker::content {
namespace {

std::uint32_t bigEndianAt(std::string_view bytes, std::size_t at, int count) {
  std::uint32_t value = 0;
  for (int i = 0; i < count; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

// Walks the JPEG segments after SOI up to the first frame header (SOFn).
RasterHeader jpegHeader(std::string_view bytes) {
  RasterHeader header{"jpeg", 0, 0};
  std::size_t pos = 2;
  while (pos + 4 <= bytes.size()) {
    if (static_cast<unsigned char>(bytes[pos]) != 0xFF) return header;
    const auto marker = static_cast<unsigned char>(bytes[pos + 1]);
    if (marker == 0xFF) {  // fill byte before a marker
      ++pos;
      continue;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {  // markers without a length
      pos += 2;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) return header;  // image end or scan data: no frame header
    const std::uint32_t length = bigEndianAt(bytes, pos + 2, 2);
    const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (frame) {
      if (pos + 9 > bytes.size()) return header;
      header.height = static_cast<int>(bigEndianAt(bytes, pos + 5, 2));
      header.width = static_cast<int>(bigEndianAt(bytes, pos + 7, 2));
      return header;
    }
    if (length < 2) return header;
    pos += 2 + length;
  }
  return header;
}

}  // namespace

std::optional<RasterHeader> readRasterHeader(std::string_view start) {
  if (start.size() >= 16 && start.substr(0, 8) == "\x89PNG\r\n\x1A\n" && start.substr(12, 4) == "IHDR") {
    RasterHeader header{"png", 0, 0};
    if (start.size() >= 24) {
      header.width = static_cast<int>(bigEndianAt(start, 16, 4) & 0x7FFFFFFF);
      header.height = static_cast<int>(bigEndianAt(start, 20, 4) & 0x7FFFFFFF);
    }
    return header;
  }
  if (start.size() >= 3 && start.substr(0, 3) == "\xFF\xD8\xFF") return jpegHeader(start);
  return std::nullopt;
}

}  // namespace newsticker::content
