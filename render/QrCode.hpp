// SPDX-License-Identifier: Apache-2.0
// Encodes text as a QR code symbol: the pure part of drawing a QR code (the
// painter turns the modules into pixels). No SDL.
#pragma once

#include <string>
#include <vector>

namespace newsticker::render {

// A QR code's modules, `size` x `size`, row-major; true is dark. The quiet
// zone around the symbol is not included.
struct QrMatrix {
  int size = 0;
  std::vector<bool> dark;

  bool empty() const { return size == 0; }
  bool isDark(int x, int y) const { return dark[static_cast<std::size_t>(y) * size + x]; }
};

// The smallest QR code holding the bytes of `text` in 8-bit mode with error
// correction level M (about 15 % of the symbol may be damaged). Returns an
// empty matrix when `text` is empty or longer than a QR code holds (2331
// bytes at level M), or when libqrencode fails. Thread-safe.
QrMatrix encodeQr(const std::string& text);

}  // namespace newsticker::render
