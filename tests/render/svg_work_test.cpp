// SPDX-License-Identifier: Apache-2.0
// An SVG logo with one very long stroked path (under the 4 MiB cap) would
// take seconds to minutes to rasterise: it is refused before parsing.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "content/MemoryTree.hpp"
#include "render/LogoLoader.hpp"

using namespace newsticker;

namespace {

std::string longStrokedPath(std::size_t points) {
  std::string d = "M 0 0";
  for (std::size_t i = 0; i < points; ++i) {
    d += " L " + std::to_string((i * 37) % 1000) + " " + std::to_string((i * 91) % 1000);
  }
  return "<svg xmlns='http://www.w3.org/2000/svg' width='1000' height='1000'><path d='" + d +
         "' stroke='black' stroke-width='9' fill='none' stroke-linejoin='round'/></svg>";
}

}  // namespace

TEST_CASE("an SVG with a 280 KB stroked path is refused at once, with its reason; a normal one draws") {
  const std::string heavy = longStrokedPath(30000);  // ~280 KB
  REQUIRE(heavy.size() > 250000);
  REQUIRE(heavy.size() < (4u << 20));
  const std::string light = longStrokedPath(200);
  content::MemoryTree tree("svg", {{"logos/heavy.svg", heavy}, {"logos/light.svg", light}});
  std::string error;
  const auto start = std::chrono::steady_clock::now();
  render::SurfacePtr refused = render::loadLogo(tree, "logos/heavy.svg", 120, 120, error);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK_FALSE(refused);
  CHECK(seconds < 0.5);
  CHECK(error.find("coordinates, over the 20000 limit") != std::string::npos);
  CHECK(render::logoAspect(tree, "logos/heavy.svg") == doctest::Approx(1.0));

  std::string light_error;
  render::SurfacePtr drawn = render::loadLogo(tree, "logos/light.svg", 120, 120, light_error);
  CHECK_MESSAGE(drawn, light_error);
}
