// SPDX-License-Identifier: Apache-2.0
#include "render/QrCode.hpp"

#include <qrencode.h>

#include <memory>

namespace newsticker::render {
namespace {

struct QrCodeFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

QrMatrix encodeQr(const std::string& text) {
  if (text.empty()) return {};
  // Version 0: the smallest symbol that holds the data.
  const std::unique_ptr<QRcode, QrCodeFree> code(QRcode_encodeData(
      static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
  if (!code || code->width <= 0) return {};
  QrMatrix matrix;
  matrix.size = code->width;
  matrix.dark.resize(static_cast<std::size_t>(code->width) * code->width);
  for (std::size_t i = 0; i < matrix.dark.size(); ++i) matrix.dark[i] = (code->data[i] & 1) != 0;
  return matrix;
}

}  // namespace newsticker::render
