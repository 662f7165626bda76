// SPDX-License-Identifier: Apache-2.0
// Issue 27, item 1: decode bombs that froze the screen. Each is refused from
// what it declares before a decoder sees it (SVG dashes, stroke widths and
// scan work; JPEG scans), and any decode still slower than the deadline is
// given up: the card is drawn without the picture and the file remembered.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "RealFonts.hpp"
#include "content/MemoryTree.hpp"
#include "content/Post.hpp"
#include "render/CardRenderer.hpp"
#include "render/DecodeDeadline.hpp"
#include "render/ImageHeader.hpp"
#include "render/LogoLoader.hpp"
#include "render/SvgWork.hpp"

using namespace newsticker;

namespace {

using SteadyClock = std::chrono::steady_clock;

double secondsSince(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

// The 150-byte logo: a 14,142-unit path dashed every 0.002 units
// (7 million dashes; over 10 minutes and 552 MB before).
const std::string kDashBomb =
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1 1'><path d='M0 0L1e4 1e4' stroke='#000' "
    "stroke-width='.1' stroke-dasharray='.001 .001'/></svg>";

// A polyline of `points` points stroked `width` wide with round joins in a
// 100-unit picture (2,000 points at 1e5 took 4.4 s at 120 px, 8.3 s at 400).
std::string wideStroke(int points, const std::string& width) {
  std::string list;
  for (int i = 1; i <= points; ++i) list += " " + std::to_string(i * 37 % 100) + "," + std::to_string(i * 91 % 100);
  return "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'><polyline points='" + list +
         "' stroke='black' stroke-width='" + width + "' stroke-linejoin='round' fill='none'/></svg>";
}

// Bits of entropy-coded JPEG data, 0xFF bytes stuffed, padded with ones.
class BitWriter {
 public:
  void put(unsigned value, int bits) {
    for (int i = bits - 1; i >= 0; --i) {
      byte_ = static_cast<unsigned char>((byte_ << 1) | ((value >> i) & 1));
      if (++count_ == 8) flush();
    }
  }
  std::string finish() {
    while (count_ != 0) put(1, 1);
    return std::move(out_);
  }

 private:
  void flush() {
    out_ += static_cast<char>(byte_);
    if (byte_ == 0xFF) out_ += '\0';
    byte_ = 0;
    count_ = 0;
  }
  std::string out_;
  unsigned char byte_ = 0;
  int count_ = 0;
};

std::string be16(unsigned v) { return {static_cast<char>(v >> 8), static_cast<char>(v & 0xFF)}; }

// A grey progressive JPEG of `side` x `side` pixels (one component): a DC
// scan, then the same AC scan (coefficients 1-63, all zero, coded as runs of
// end-of-bands) `ac_scans` times. libjpeg walks every block in every scan.
std::string progressiveJpeg(unsigned side, long ac_scans) {
  const unsigned blocks = (side / 8) * (side / 8);
  std::string out = "\xFF\xD8";
  out += "\xFF\xDB" + be16(67) + std::string(1, '\0') + std::string(64, '\x01');
  out += "\xFF\xC2" + be16(11) + std::string("\x08", 1) + be16(side) + be16(side) + std::string("\x01\x01\x11\x00", 4);
  // DC table 0: one symbol (difference 0), code "0".
  out += "\xFF\xC4" + be16(20) + std::string("\x00\x01", 2) + std::string(15, '\0') + std::string(1, '\0');
  // AC table 0: the end-of-band runs EOB0..EOB14 (0x00, 0x10, ... 0xE0), four-bit codes 0..14.
  std::string symbols;
  for (int r = 0; r <= 14; ++r) symbols += static_cast<char>(r << 4);
  out += "\xFF\xC4" + be16(34) + std::string("\x10\x00\x00\x00\x0F", 5) + std::string(12, '\0') + symbols;
  BitWriter dc;
  for (unsigned i = 0; i < blocks; ++i) dc.put(0, 1);
  out += "\xFF\xDA" + be16(8) + std::string("\x01\x01\x00\x00\x00\x00", 6) + dc.finish();
  BitWriter ac;
  for (unsigned left = blocks; left > 0;) {
    int r = 14;
    while ((1u << r) > left) --r;
    const unsigned run = std::min(left, (2u << r) - 1);
    ac.put(static_cast<unsigned>(r), 4);
    if (r > 0) ac.put(run - (1u << r), r);
    left -= run;
  }
  const std::string ac_scan = "\xFF\xDA" + be16(8) + std::string("\x01\x01\x00\x01\x3F\x00", 6) + ac.finish();
  for (long i = 0; i < ac_scans; ++i) out += ac_scan;
  return out + "\xFF\xD9";
}

// A progressive JPEG of `side` repeating its scan until it is `bytes` long.
std::string scanBomb(unsigned side, std::size_t bytes) {
  const std::string one = progressiveJpeg(side, 1);
  const std::string two = progressiveJpeg(side, 2);
  const std::size_t scan = two.size() - one.size();
  return progressiveJpeg(side, static_cast<long>((bytes - one.size()) / scan));
}

}  // namespace

TEST_CASE("the 150-byte SVG dashed every 0.001 units is refused at once, naming its dashes") {
  CHECK(kDashBomb.size() <= 150);
  const render::SvgWork work = render::estimateSvgWork(kDashBomb, 120);
  CHECK(work.parsed);
  CHECK(work.dashes == doctest::Approx(14142136).epsilon(0.01));
  content::MemoryTree tree("svg", {{"logos/dashes.svg", kDashBomb}});
  std::string error;
  const auto start = SteadyClock::now();
  CHECK_FALSE(render::loadLogo(tree, "logos/dashes.svg", 120, 120, error));
  CHECK(render::logoAspect(tree, "logos/dashes.svg") == doctest::Approx(1.0));
  CHECK(secondsSince(start) < 0.1);
  CHECK(error == "is an SVG with 14142135 dashes (stroke-dasharray over a long path), over the 10000 limit; not drawn");
  // The same dashes over a short path draw.
  const std::string fine =
      "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'><path d='M0 50H100' stroke='#000' "
      "stroke-width='4' stroke-dasharray='2 2'/></svg>";
  content::MemoryTree good("svg", {{"logos/fine.svg", fine}});
  std::string fine_error;
  CHECK_MESSAGE(render::loadLogo(good, "logos/fine.svg", 120, 120, fine_error), fine_error);
}

TEST_CASE(
    "an SVG stroked 1e5 wide with round joins, or with 10,000 points, is refused at once; a logo-like one draws") {
  const std::string wide = wideStroke(2000, "1e5");
  std::string points = "M 0 0";
  for (int i = 1; i < 9990; ++i) points += " L " + std::to_string(i * 37 % 1000) + " " + std::to_string(i * 91 % 1000);
  // 19,990 numbers: under the 20,000-number limit, but 5 s to draw at 120 px.
  const std::string long_path = "<svg xmlns='http://www.w3.org/2000/svg' width='1000' height='1000'><path d='" +
                                points + "' stroke='black' stroke-width='9' fill='none'/></svg>";
  content::MemoryTree tree("svg", {{"logos/wide.svg", wide},
                                   {"logos/wide-enough.svg", wideStroke(2000, "400")},
                                   {"logos/long.svg", long_path},
                                   {"logos/normal.svg", wideStroke(150, "3")}});
  for (const char* path : {"logos/wide.svg", "logos/wide-enough.svg", "logos/long.svg"}) {
    CAPTURE(std::string(path));
    std::string error;
    const auto start = SteadyClock::now();
    CHECK_FALSE(render::loadLogo(tree, path, 400, 400, error));
    CHECK(secondsSince(start) < 0.1);
    CHECK(error.find("; not drawn") != std::string::npos);
  }
  std::string error;
  render::loadLogo(tree, "logos/wide.svg", 120, 120, error);
  CHECK(error == "is an SVG with a stroke 1000 times as wide as the picture, over the 4 limit; not drawn");
  render::loadLogo(tree, "logos/long.svg", 120, 120, error);
  CHECK_MESSAGE(error.find("polygon edges cross") != std::string::npos, error);
  std::string normal_error;
  CHECK_MESSAGE(render::loadLogo(tree, "logos/normal.svg", 400, 400, normal_error), normal_error);
}

TEST_CASE("a progressive JPEG repeating one scan (400 KB, 4 MB) is refused at once; a plain progressive one decodes") {
  const std::string bomb = scanBomb(4096, 400 * 1000);
  const std::string big_bomb = scanBomb(4096, 4000 * 1000);
  const std::string plain = progressiveJpeg(64, 1);
  const auto header = render::readImageHeader(bomb);
  REQUIRE(header);
  CHECK(header->scans > 5000);
  CHECK(header->scan_blocks > 1e9);
  content::MemoryTree tree("jpeg", {{"logos/bomb.jpg", bomb}, {"logos/big.jpg", big_bomb}, {"logos/plain.jpg", plain}});
  for (const char* path : {"logos/bomb.jpg", "logos/big.jpg"}) {
    CAPTURE(std::string(path));
    std::string error;
    const auto start = SteadyClock::now();
    CHECK_FALSE(render::loadLogo(tree, path, 200, 200, error));
    CHECK(secondsSince(start) < 0.2);
    CHECK(error.find("is a JPEG with ") == 0);
    CHECK(error.find(" scans, over the 100 scan limit; not decoded") != std::string::npos);
  }
  // Few scans over a large picture still walk too many blocks.
  content::MemoryTree walk("jpeg", {{"logos/walk.jpg", progressiveJpeg(4096, 60)}});
  std::string error;
  CHECK_FALSE(render::loadLogo(walk, "logos/walk.jpg", 200, 200, error));
  CHECK(error == "is a JPEG whose 61 scans walk 15990784 blocks, over the 8388608 block limit; not decoded");
  std::string plain_error;
  render::SurfacePtr grey = render::loadLogo(tree, "logos/plain.jpg", 64, 64, plain_error);
  REQUIRE_MESSAGE(grey, plain_error);
  CHECK(grey->w == 64);
}

TEST_CASE("a decode slower than the deadline is given up: the card shows a monogram and the file is remembered") {
  render::CardRenderer cards(realFonts(), render::Theme{}, content::LanguageTag("en"));
  // The stroke-width check switched off, so the slow SVG reaches nanosvg
  // (about 0.3 s at 64 px); the deadline is 20 ms.
  render::LogoLimits limits;
  limits.svg_work.max_stroke_ratio = 1e9;
  limits.svg_work.max_edges = limits.svg_work.max_scan_work = 1e18;
  limits.decode_seconds = 0.02;
  cards.setImageLimits(limits);
  content::MemoryTree tree("slow", {{"logos/slow.svg", wideStroke(1000, "1e5")}});
  content::Post post;
  post.file = "posts/slow.md";
  post.title = "A post with a slow logo";
  post.source = "Harbor Desk";
  post.logo = "logos/slow.svg";
  const render::CardSize size(640, 360, {});
  std::vector<std::string> warnings;
  auto start = SteadyClock::now();
  render::SurfacePtr card = cards.render(post, tree, size, warnings);
  const double first = secondsSince(start);
  CHECK(card);
  CHECK(first < 0.25);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0] ==
        "posts/slow.md: logo logos/slow.svg took longer than 0.02 s to decode; not drawn; showing a "
        "monogram instead");
  CHECK(render::runawayDecodes() >= 1);
  warnings.clear();
  start = SteadyClock::now();
  CHECK(cards.render(post, tree, size, warnings));
  CHECK(secondsSince(start) < 0.1);  // not tried again while the file stays the same
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("took longer than") != std::string::npos);
  MESSAGE("first card with the slow logo " << first * 1000 << " ms");
}
