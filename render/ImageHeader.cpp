// SPDX-License-Identifier: Apache-2.0
#include "render/ImageHeader.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstdint>
#include <vector>

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

unsigned char byteAt(std::string_view b, std::size_t at) { return static_cast<unsigned char>(b[at]); }

// A declared size as an int, capped at INT_MAX (so it is over any limit).
int capped(std::uint64_t v) { return v > static_cast<std::uint64_t>(INT_MAX) ? INT_MAX : static_cast<int>(v); }

bool isFrameMarker(unsigned char marker) {
  // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry a frame size.
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// The components of a JPEG frame: id and sampling factors.
struct JpegFrame {
  std::uint32_t width = 0, height = 0;
  int max_h = 1, max_v = 1;
  std::vector<std::array<int, 3>> components;  // id, h, v
};

// Reads the SOFn segment at `pos` (its marker) into `frame`.
void readFrame(std::string_view b, std::size_t pos, std::uint32_t length, JpegFrame& frame) {
  frame = JpegFrame{bigEndian(b, pos + 7, 2), bigEndian(b, pos + 5, 2), 1, 1, {}};
  const std::size_t count = length >= 8 && pos + 10 <= b.size() ? byteAt(b, pos + 9) : 0;
  for (std::size_t i = 0; i < count && pos + 13 + 3 * i <= b.size() && 8 + 3 * (i + 1) <= length; ++i) {
    const unsigned char sampling = byteAt(b, pos + 11 + 3 * i);
    const int h = std::max(1, sampling >> 4), v = std::max(1, sampling & 0x0F);
    frame.components.push_back({byteAt(b, pos + 10 + 3 * i), h, v});
    frame.max_h = std::max(frame.max_h, h);
    frame.max_v = std::max(frame.max_v, v);
  }
}

// The 8x8 blocks a scan (the SOS segment at `pos`) walks: those of each component it names.
double scanBlocks(std::string_view b, std::size_t pos, std::uint32_t length, const JpegFrame& frame) {
  const std::size_t count = length >= 3 && pos + 5 <= b.size() ? byteAt(b, pos + 4) : 0;
  double blocks = 0;
  for (std::size_t i = 0; i < count && pos + 6 + 2 * i <= b.size(); ++i) {
    const int id = byteAt(b, pos + 5 + 2 * i);
    for (const auto& component : frame.components) {
      if (component[0] != id) continue;
      const double w = std::ceil(std::ceil(static_cast<double>(frame.width) * component[1] / frame.max_h) / 8);
      const double h = std::ceil(std::ceil(static_cast<double>(frame.height) * component[2] / frame.max_v) / 8);
      blocks += w * h;
    }
  }
  return blocks;
}

// Walks every marker segment of a JPEG as libjpeg does (garbage between
// segments skipped up to the next 0xFF, the entropy-coded data after each SOS
// scanned for the next marker), keeps the largest SOFn size and counts the
// scans and the blocks they walk.
std::optional<ImageHeader> jpegHeader(std::string_view b) {
  std::optional<ImageHeader> header;
  JpegFrame frame;
  std::size_t pos = 2;
  const auto grow = [&](std::uint32_t w, std::uint32_t h) {
    if (!header) header = ImageHeader{"jpeg", 0, 0};
    header->width = std::max(header->width, capped(w));
    header->height = std::max(header->height, capped(h));
  };
  while (pos + 1 < b.size()) {
    if (byteAt(b, pos) != 0xFF) {  // not at a marker: skip to the next one
      ++pos;
      continue;
    }
    const unsigned char marker = byteAt(b, pos + 1);
    if (marker == 0xFF) {  // fill byte
      ++pos;
      continue;
    }
    if (marker == 0xD9) break;  // end of image
    if (marker == 0x00 || marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
      pos += 2;  // no length follows
      continue;
    }
    if (pos + 4 > b.size()) break;
    const std::uint32_t length = bigEndian(b, pos + 2, 2);
    if (length < 2) {
      pos += 2;
      continue;
    }
    if (isFrameMarker(marker)) {
      if (pos + 9 > b.size() || length < 7) break;  // a frame header cut short is not decoded either
      grow(bigEndian(b, pos + 7, 2), bigEndian(b, pos + 5, 2));
      readFrame(b, pos, length, frame);
    }
    if (marker == 0xDA && header) {
      ++header->scans;
      header->scan_blocks += scanBlocks(b, pos, length, frame);
    }
    pos += 2 + static_cast<std::size_t>(length);
    if (marker == 0xDA) {
      // Entropy-coded data: 0xFF00 is a stuffed byte, RSTn and fill bytes go
      // on; any other 0xFFxx is the next marker.
      while (pos + 1 < b.size()) {
        if (byteAt(b, pos) == 0xFF) {
          const unsigned char next = byteAt(b, pos + 1);
          if (next != 0x00 && next != 0xFF && !(next >= 0xD0 && next <= 0xD7)) break;
          pos += next == 0xFF ? 1 : 2;
        } else {
          ++pos;
        }
      }
    }
  }
  return header;
}

// Skips a chain of GIF data sub-blocks (length byte, bytes; a 0 length ends
// it) from `pos`; false when the chain runs past the end of `b`.
bool skipSubBlocks(std::string_view b, std::size_t& pos) {
  while (pos < b.size()) {
    const std::size_t length = byteAt(b, pos);
    ++pos;
    if (length == 0) return true;
    pos += length;
  }
  return false;
}

// Bytes of a GIF colour table announced by `flags` (bit 7 set: present).
std::size_t colourTableBytes(unsigned char flags) { return (flags & 0x80) != 0 ? 3u * (2u << (flags & 0x07)) : 0; }

// Walks every block of a GIF (extensions, image descriptors with their local
// colour tables and image data) and keeps the largest extent: the logical
// screen, or a frame's offset plus size. nullopt when the blocks cannot be
// walked (an unknown block, one cut short, or no image at all). A file that
// ends where a block would start, without the trailer, is accepted as
// decoders do.
std::optional<ImageHeader> gifHeader(std::string_view b) {
  if (b.size() < 13) return std::nullopt;
  ImageHeader header{"gif", capped(littleEndian(b, 6, 2)), capped(littleEndian(b, 8, 2))};
  std::size_t pos = 13 + colourTableBytes(byteAt(b, 10));
  int frames = 0;
  while (pos < b.size()) {
    const unsigned char introducer = byteAt(b, pos);
    if (introducer == 0x3B) break;  // trailer
    if (introducer == 0x21) {       // extension: label, then sub-blocks
      pos += 2;
      if (pos > b.size() || !skipSubBlocks(b, pos)) return std::nullopt;
      continue;
    }
    if (introducer != 0x2C) return std::nullopt;
    if (pos + 10 > b.size()) return std::nullopt;
    const std::uint64_t left = littleEndian(b, pos + 1, 2), top = littleEndian(b, pos + 3, 2);
    const std::uint64_t w = littleEndian(b, pos + 5, 2), h = littleEndian(b, pos + 7, 2);
    header.width = std::max(header.width, capped(left + w));
    header.height = std::max(header.height, capped(top + h));
    pos += 10 + colourTableBytes(byteAt(b, pos + 9));
    ++pos;  // LZW minimum code size
    if (pos > b.size() || !skipSubBlocks(b, pos)) return std::nullopt;
    ++frames;
  }
  if (frames == 0) return std::nullopt;
  return header;
}

// A BMP's info header: BITMAPCOREHEADER (12 bytes) holds 16-bit unsigned
// sizes; the later ones signed 32-bit, a negative height meaning top-down.
std::optional<ImageHeader> bmpHeader(std::string_view b) {
  if (b.size() < 26) return std::nullopt;
  const std::uint32_t info_size = littleEndian(b, 14, 4);
  if (info_size == 12) {
    return ImageHeader{"bmp", capped(littleEndian(b, 18, 2)), capped(littleEndian(b, 20, 2))};
  }
  // The magnitude of a two's complement 32-bit value, computed unsigned so
  // that INT_MIN has one (2^31, capped below) and nothing overflows.
  const auto magnitude = [](std::uint32_t v) -> std::uint64_t {
    return (v & 0x80000000u) != 0 ? (~static_cast<std::uint64_t>(v) + 1) & 0xFFFFFFFFu : v;
  };
  return ImageHeader{"bmp", capped(magnitude(littleEndian(b, 18, 4))), capped(magnitude(littleEndian(b, 22, 4)))};
}

}  // namespace

std::optional<ImageHeader> readImageHeader(std::string_view b) {
  if (b.size() >= 24 && b.substr(0, 8) == "\x89PNG\r\n\x1A\n" && b.substr(12, 4) == "IHDR") {
    return ImageHeader{"png", capped(bigEndian(b, 16, 4)), capped(bigEndian(b, 20, 4))};
  }
  if (b.size() >= 4 && byteAt(b, 0) == 0xFF && byteAt(b, 1) == 0xD8) return jpegHeader(b);
  if (b.size() >= 6 && (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a")) return gifHeader(b);
  if (b.substr(0, 2) == "BM") return bmpHeader(b);
  return std::nullopt;
}

}  // namespace newsticker::render
