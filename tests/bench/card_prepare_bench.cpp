// SPDX-License-Identifier: Apache-2.0
// Benchmark: time to prepare one card (layout + rasterisation into pixels),
// per demo card, median of repeated runs; then the p50/p99/max over every
// single preparation (all cards, all runs) on one line that tests/bench/run
// reads: "card_prepare_ms p50=.. p99=.. max=.. n=..". Prints figures;
// asserts nothing.
// Usage: card_prepare_bench [REPEATS] [WxH]
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "content/DemoFeed.hpp"
#include "content/FeedLoader.hpp"
#include "content/Playlist.hpp"
#include "fonts/FontChain.hpp"
#include "render/CardRenderer.hpp"
#include "render/FontCache.hpp"

using namespace newsticker;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// The q-quantile (0..1) of `values` by nearest rank.
double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
  return values[std::min(values.size() - 1, rank > 0 ? rank - 1 : 0)];
}

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

int run(int repeats, render::CardSize size) {
  const content::Feed feed = content::loadFeed(content::demoFeed());
  const std::vector<content::Post> posts = content::buildPlaylist(feed.posts, false);

  // Cold: a fresh font cache and renderer, the first card of a run.
  const auto cold_start = Clock::now();
  {
    render::FontCache fonts(fonts::defaultFontChain());
    render::CardRenderer renderer(fonts, render::Theme{}, "en");
    std::vector<std::string> warnings;
    renderer.render(posts.front(), content::demoFeed(), size, warnings);
  }
  const double cold_ms = msSince(cold_start);

  render::FontCache fonts(fonts::defaultFontChain());
  render::CardRenderer renderer(fonts, render::Theme{}, "en");
  std::vector<std::string> warnings;
  for (const auto& post : posts) renderer.render(post, content::demoFeed(), size, warnings);  // warm up

  std::printf("card preparation at %dx%d, median of %d runs (ms)\n", size.width, size.height, repeats);
  std::printf("%-58s %8s %8s %8s\n", "post", "layout", "prepare", "lang");
  std::vector<double> all_layout, all_prepare;
  std::vector<double> every_layout, every_prepare;  // each single run
  for (const auto& post : posts) {
    std::vector<double> layout_ms, prepare_ms;
    for (int i = 0; i < repeats; ++i) {
      auto start = Clock::now();
      const render::DrawList list = renderer.layout(post, size);
      layout_ms.push_back(msSince(start));
      start = Clock::now();
      render::SurfacePtr card = renderer.render(post, content::demoFeed(), size, warnings);
      prepare_ms.push_back(msSince(start));
      if (!card) return 1;
    }
    every_layout.insert(every_layout.end(), layout_ms.begin(), layout_ms.end());
    every_prepare.insert(every_prepare.end(), prepare_ms.begin(), prepare_ms.end());
    const double l = median(layout_ms), p = median(prepare_ms);
    all_layout.push_back(l);
    all_prepare.push_back(p);
    std::printf("%-58.58s %8.2f %8.2f %8s\n", post.file.c_str(), l, p, post.language.str().c_str());
  }
  std::printf("%-58s %8.2f %8.2f\n", "median over cards", median(all_layout), median(all_prepare));
  std::printf("first card with cold font cache: %.1f ms\n", cold_ms);
  std::printf("card_layout_ms p50=%.2f p99=%.2f max=%.2f n=%zu\n", quantile(every_layout, 0.5),
              quantile(every_layout, 0.99), quantile(every_layout, 1.0), every_layout.size());
  std::printf("card_prepare_ms p50=%.2f p99=%.2f max=%.2f n=%zu\n", quantile(every_prepare, 0.5),
              quantile(every_prepare, 0.99), quantile(every_prepare, 1.0), every_prepare.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 15;
  render::CardSize size{1920, 1080};
  if (argc > 2) std::sscanf(argv[2], "%dx%d", &size.width, &size.height);
  if (TTF_Init() != 0) {
    std::fprintf(stderr, "TTF_Init: %s\n", TTF_GetError());
    return 1;
  }
  IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);

  const int status = run(repeats, size);
  TTF_Quit();  // after every font is closed
  return status;
}
