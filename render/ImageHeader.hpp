// SPDX-License-Identifier: Apache-2.0
// Reads an image's pixel size from its header, before any decoder sees it,
// so an image that would take too much memory is refused unread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsticker::render {

struct ImageHeader {
  std::string format;  // "png", "jpeg", "gif", "bmp"
  // The largest size any part of the file declares, which is what a decoder
  // may allocate: for a GIF the logical screen or the largest frame (with its
  // offset), whichever is larger; for a JPEG the largest frame header (SOFn).
  // For an ordinary image this is simply its size. At most INT_MAX.
  int width = 0;
  int height = 0;
  // JPEG only: the scans (SOS segments) libjpeg would decode, and the 8x8
  // blocks it walks over all of them (each scan visits every block of its
  // components; a progressive file can repeat a scan thousands of times).
  long scans = 0;
  double scan_blocks = 0;
};

// The format and size declared by the headers of `bytes` (PNG IHDR; every
// JPEG SOFn, with its scans counted; the GIF screen descriptor and every image descriptor, found by
// walking all blocks; the BMP info header); nullopt when the bytes are none of
// these, the header is cut short, or a GIF's blocks cannot be walked to its
// end (a frame that cannot be measured is refused like one that is too big).
// Pure; never throws; no undefined arithmetic on any input.
std::optional<ImageHeader> readImageHeader(std::string_view bytes);

}  // namespace newsticker::render
