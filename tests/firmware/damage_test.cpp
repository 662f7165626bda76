// SPDX-License-Identifier: Apache-2.0
// What each frame repaints: the changes of the frames the back buffer missed
// (page flipping), whole after the first frame, and which SDL events lose the
// picture.
#include <doctest/doctest.h>

#include <random>
#include <vector>

#include "firmware/Damage.hpp"

using namespace newsticker;
using firmware::Damage;
using firmware::DamageRegion;
using firmware::ScreenEvent;

namespace {

const render::Rect kCrawl{0, 300, 640, 60};
const render::Rect kTrack{0, 296, 640, 4};

bool same(const render::Rect& a, const render::Rect& b) { return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h; }

// A screen of `buffers` pictures of 16 x 8 cells. Each frame changes some
// cells of the true picture, repaints the region Damage names in the back
// buffer (the one shown `buffers` frames ago) and shows it.
struct FlippedScreen {
  static constexpr int kW = 16, kH = 8;
  using Picture = std::vector<int>;
  Damage damage;
  std::vector<Picture> buffers;
  Picture truth = Picture(kW * kH, 0);
  int frames = 0;

  explicit FlippedScreen(int count) : damage(count), buffers(count, Picture(kW * kH, -1)) {}

  // Changes `changed` (whole when `whole`) to the frame's number; returns the picture shown.
  const Picture& frame(bool whole, const std::vector<render::Rect>& changed) {
    ++frames;
    const auto paint = [&](Picture& p, const render::Rect& r, const Picture* from) {
      for (int y = r.y; y < r.y + r.h; ++y) {
        for (int x = r.x; x < r.x + r.w; ++x) p[y * kW + x] = from ? (*from)[y * kW + x] : frames;
      }
    };
    if (whole) paint(truth, {0, 0, kW, kH}, nullptr);
    else
      for (const render::Rect& r : changed) paint(truth, r, nullptr);
    const DamageRegion region = damage.next(whole, changed);
    Picture& back = buffers[frames % buffers.size()];
    if (region.whole) back = truth;
    else
      for (const render::Rect& r : region.rects) paint(back, r, &truth);
    return back;
  }
};

}  // namespace

TEST_CASE("one buffer: the first frame is whole, then each frame repaints only what changed in it") {
  Damage damage(1);
  CHECK(damage.next(false, {kCrawl}).whole);  // nothing is on screen yet
  DamageRegion region = damage.next(false, {kCrawl, kTrack});
  REQUIRE_FALSE(region.whole);
  REQUIRE(region.rects.size() == 2);
  CHECK(same(region.rects[0], kCrawl));
  CHECK(same(region.rects[1], kTrack));
  CHECK(damage.next(true, {}).whole);
  region = damage.next(false, {kCrawl});
  REQUIRE_FALSE(region.whole);
  CHECK(region.rects.size() == 1);
}

TEST_CASE("page flipping: after a whole frame the next buffers-1 frames are whole, then the last frames' union") {
  Damage damage(3);
  CHECK(damage.buffers() == 3);
  CHECK(damage.next(true, {}).whole);
  CHECK(damage.next(false, {kCrawl}).whole);  // drawn into a buffer that missed the whole frame
  CHECK(damage.next(false, {kCrawl}).whole);
  DamageRegion region = damage.next(false, {kTrack});
  REQUIRE_FALSE(region.whole);
  // The track changed now, the crawl in the two frames this buffer missed.
  REQUIRE(region.rects.size() == 2);
  CHECK(same(region.rects[0], kTrack));
  CHECK(same(region.rects[1], kCrawl));
  region = damage.next(false, {kTrack});
  REQUIRE(region.rects.size() == 2);
  region = damage.next(false, {kTrack});
  REQUIRE(region.rects.size() == 1);  // the crawl is three frames back: every buffer has it
  CHECK(same(region.rects[0], kTrack));
}

TEST_CASE("rectangles inside another, repeated or empty are dropped; none with an area is whole") {
  Damage damage(1);
  damage.next(true, {});
  const DamageRegion region = damage.next(false, {kCrawl, {10, 310, 20, 20}, kCrawl, {5, 5, 0, 9}});
  REQUIRE(region.rects.size() == 1);
  CHECK(same(region.rects[0], kCrawl));
  CHECK(damage.next(false, {}).whole);
  CHECK(damage.next(false, {{1, 1, 0, 0}}).whole);
}

TEST_CASE("with 1, 2 or 3 buffers every shown picture is the true one, whatever each frame changes") {
  std::mt19937 random(7);
  for (int count = 1; count <= 3; ++count) {
    FlippedScreen screen(count);
    for (int k = 0; k < 300; ++k) {
      std::vector<render::Rect> changed;
      const bool whole = random() % 10 == 0;
      for (unsigned n = random() % 3 + 1; n > 0; --n) {
        const int x = static_cast<int>(random() % 15), y = static_cast<int>(random() % 7);
        changed.push_back({x, y, 1 + static_cast<int>(random() % (16 - x)), 1 + static_cast<int>(random() % (8 - y))});
      }
      INFO("buffers " << count << ", frame " << k);
      REQUIRE(screen.frame(whole, changed) == screen.truth);
    }
  }
}

TEST_CASE("a screen of three buffers that repaints only the frame's own changes shows stale parts (the check bites)") {
  // The same screen model, with Damage told one buffer while the screen flips three.
  FlippedScreen screen(3);
  screen.damage = Damage(1);
  screen.frame(true, {});
  // Drawn into a buffer that never had the whole frame: outside the change it shows nothing true.
  CHECK(screen.frame(false, {{0, 0, 4, 4}}) != screen.truth);
}

TEST_CASE("the events that lose or damage the picture, and quitting") {
  const auto of = [](Uint32 type, Uint8 window_event = 0) {
    SDL_Event event{};
    event.type = type;
    event.window.event = window_event;
    return firmware::screenEventFor(event);
  };
  CHECK(of(SDL_QUIT) == ScreenEvent::Quit);
  SDL_Event key{};
  key.type = SDL_KEYDOWN;
  key.key.keysym.sym = SDLK_ESCAPE;
  CHECK(firmware::screenEventFor(key) == ScreenEvent::Quit);
  key.key.keysym.sym = SDLK_a;
  CHECK_FALSE(firmware::screenEventFor(key).has_value());
  CHECK(of(SDL_WINDOWEVENT, SDL_WINDOWEVENT_SIZE_CHANGED) == ScreenEvent::Resized);
  CHECK(of(SDL_WINDOWEVENT, SDL_WINDOWEVENT_EXPOSED) == ScreenEvent::Exposed);
  CHECK(of(SDL_WINDOWEVENT, SDL_WINDOWEVENT_SHOWN) == ScreenEvent::Exposed);
  CHECK(of(SDL_WINDOWEVENT, SDL_WINDOWEVENT_RESTORED) == ScreenEvent::Exposed);
  CHECK_FALSE(of(SDL_WINDOWEVENT, SDL_WINDOWEVENT_MOVED).has_value());
  SDL_Event display{};
  display.type = SDL_DISPLAYEVENT;
  for (Uint8 kind :
       {Uint8(SDL_DISPLAYEVENT_CONNECTED), Uint8(SDL_DISPLAYEVENT_DISCONNECTED), Uint8(SDL_DISPLAYEVENT_ORIENTATION)}) {
    display.display.event = kind;
    CHECK(firmware::screenEventFor(display) == ScreenEvent::Resized);
  }
  CHECK(of(SDL_RENDER_TARGETS_RESET) == ScreenEvent::Exposed);
  CHECK(of(SDL_RENDER_DEVICE_RESET) == ScreenEvent::Reset);
  CHECK_FALSE(of(SDL_USEREVENT).has_value());
  CHECK_FALSE(of(SDL_MOUSEMOTION).has_value());
}
