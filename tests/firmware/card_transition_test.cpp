// SPDX-License-Identifier: Apache-2.0
// Transitions between cards: the fade-through plan never shows two cards'
// texts at once (checked on the plan and on real frames of the loop, where
// the crossfade does show both), and a card's ground keeps its chrome only.
#include <doctest/doctest.h>

#include <SDL_image.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "content/DemoFeed.hpp"
#include "content/FeedLoader.hpp"
#include "firmware/CardTransition.hpp"
#include "firmware/Clock.hpp"
#include "firmware/ContentSession.hpp"
#include "firmware/RecordingScreen.hpp"
#include "firmware/SceneLoop.hpp"
#include "firmware/SdlRuntime.hpp"
#include "render/CardGround.hpp"
#include "render/CardLayout.hpp"
#include "tests/render/RealFonts.hpp"

using namespace newsticker;
using firmware::TransitionKind;
using firmware::TransitionLayer;

namespace {

double opacityOf(const std::vector<TransitionLayer>& layers, TransitionLayer::Source source) {
  double opacity = 0;
  for (const TransitionLayer& layer : layers) {
    if (layer.source == source) opacity = layer.opacity;
  }
  return opacity;
}

struct Frames {
  std::vector<firmware::SceneFrame> info;
  std::vector<render::SurfacePtr> pictures;
};

// The demo feed's first transition (card 1 to card 2) at 50 frames a second,
// the card alone on screen.
Frames firstTransition(TransitionKind kind) {
  const firmware::ContentSession content = firmware::openContent("", false);
  firmware::SceneSettings settings;
  settings.threaded = false;
  settings.hold_seconds = 2;
  settings.transition_seconds = 1;
  settings.transition = kind;
  settings.screen.header = settings.screen.progress = settings.screen.crawl = false;
  firmware::ManualClock clock(1795513290);
  firmware::RecordingScreen screen(clock, 480, 270, 4.5, 50);
  firmware::SceneLoop loop(screen, clock, realFonts(), firmware::SharedContent(firmware::SharedContent(), &content),
                           settings);
  Frames frames;
  SDL_Surface* last = nullptr;
  screen.on_present = [&](SDL_Surface& frame, double) { last = &frame; };
  loop.on_frame = [&](const firmware::SceneFrame& frame) {
    frames.info.push_back(frame);
    frames.pictures.emplace_back(SDL_ConvertSurfaceFormat(last, SDL_PIXELFORMAT_ARGB8888, 0));
  };
  CHECK(loop.run() == 0);
  return frames;
}

int channel(Uint32 p, int shift) { return static_cast<int>((p >> shift) & 0xFF); }
Uint32 at(SDL_Surface& s, int x, int y) {
  return *reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(s.pixels) + y * s.pitch + x * 4);
}
int distance(Uint32 a, Uint32 b) {
  int d = 0;
  for (int shift : {0, 8, 16}) d += std::abs(channel(a, shift) - channel(b, shift));
  return d;
}

// How much of `card` shows in `frame` over `ground`, 0..1, measured where
// `card` differs much from the ground and `other` does not (its text).
double shownShare(SDL_Surface& frame, SDL_Surface& card, SDL_Surface& other, SDL_Surface& ground) {
  double dot = 0, norm = 0;
  for (int y = 0; y < frame.h; ++y) {
    for (int x = 0; x < frame.w; ++x) {
      const Uint32 c = at(card, x, y), g = at(ground, x, y);
      if (distance(c, g) < 90 || distance(at(other, x, y), g) > 6) continue;
      for (int shift : {0, 8, 16}) {
        const double towards = channel(c, shift) - channel(g, shift);
        dot += (channel(at(frame, x, y), shift) - channel(g, shift)) * towards;
        norm += towards * towards;
      }
    }
  }
  REQUIRE(norm > 0);
  return dot / norm;
}

// The frame half way through a fade-through: the incoming card's bare ground.
SDL_Surface& middleFrame(const Frames& frames) {
  for (std::size_t i = 0; i < frames.info.size(); ++i) {
    const firmware::CycleFrame& f = frames.info[i].cycle;
    if (f.transitioning() && std::fabs(f.transition - 0.5) < 0.03) return *frames.pictures[i];
  }
  FAIL("no frame half way");
  return *frames.pictures.front();
}

// For each frame of the first transition, how much of the outgoing and the
// incoming card's text shows over `ground`.
std::vector<std::pair<double, double>> textShares(const Frames& frames, SDL_Surface& ground) {
  std::size_t hold_a = 0, hold_b = 0;
  bool have_b = false;
  for (std::size_t i = 0; i < frames.info.size(); ++i) {
    const firmware::CycleFrame& f = frames.info[i].cycle;
    if (!f.transitioning() && f.current == 0) hold_a = i;
    if (!f.transitioning() && f.current == 1 && !have_b) hold_b = i, have_b = true;
  }
  REQUIRE(have_b);
  SDL_Surface& a = *frames.pictures[hold_a];
  SDL_Surface& b = *frames.pictures[hold_b];
  std::vector<std::pair<double, double>> shares;
  for (std::size_t i = 0; i < frames.info.size(); ++i) {
    if (!frames.info[i].cycle.transitioning() || frames.info[i].cycle.current != 0) continue;
    SDL_Surface& frame = *frames.pictures[i];
    shares.emplace_back(shownShare(frame, a, b, ground), shownShare(frame, b, a, ground));
  }
  return shares;
}

// Writes the frames of `frames` nearest to each of `at` (transition
// progress) side by side into NEWSTICKER_TEST_OUTPUT/`name`, to look at (and
// for docs/design.md).
void writeStrip(const Frames& frames, const std::vector<double>& at, const std::string& name) {
  const char* env = std::getenv("NEWSTICKER_TEST_OUTPUT");
  const std::filesystem::path dir =
      env != nullptr ? env : std::filesystem::temp_directory_path() / "newsticker-test-output";
  std::filesystem::create_directories(dir);
  const SDL_Surface& first = *frames.pictures.front();
  render::SurfacePtr strip(
      SDL_CreateRGBSurfaceWithFormat(0, first.w * static_cast<int>(at.size()) + 8 * (static_cast<int>(at.size()) - 1),
                                     first.h, 32, SDL_PIXELFORMAT_ARGB8888));
  REQUIRE(strip);
  SDL_FillRect(strip.get(), nullptr, 0xFF333333u);
  for (std::size_t k = 0; k < at.size(); ++k) {
    std::size_t best = 0;
    for (std::size_t i = 0; i < frames.info.size(); ++i) {
      const auto& f = frames.info[i].cycle;
      const auto& b = frames.info[best].cycle;
      if (f.transitioning() && f.current == 0 &&
          (!b.transitioning() || std::fabs(f.transition - at[k]) < std::fabs(b.transition - at[k]))) {
        best = i;
      }
    }
    SDL_Rect to{static_cast<int>(k) * (first.w + 8), 0, first.w, first.h};
    SDL_BlitSurface(frames.pictures[best].get(), nullptr, strip.get(), &to);
  }
  CHECK(IMG_SavePNG(strip.get(), (dir / name).c_str()) == 0);
}

}  // namespace

TEST_CASE("fade-through plan: the ground, then one card at a time; it starts on the old card and lands on the new") {
  using Source = TransitionLayer::Source;
  for (int step = 0; step <= 200; ++step) {
    const double p = step / 200.0;
    CAPTURE(p);
    const auto layers = firmware::transitionLayers(TransitionKind::FadeThrough, p, 1920, 1080);
    REQUIRE_FALSE(layers.empty());
    CHECK(layers.front().source == Source::Ground);
    CHECK(layers.front().opacity == 1);
    const double from = opacityOf(layers, Source::From), to = opacityOf(layers, Source::To);
    CHECK((from == 0 || to == 0));
    if (p <= 0.44) CHECK(from > 0);
    if (p >= 0.56) CHECK(to > 0);
    if (p > 0.45 && p < 0.55) CHECK(layers.size() == 1);  // the bare ground
  }
  CHECK(opacityOf(firmware::transitionLayers(TransitionKind::FadeThrough, 0, 10, 10), Source::From) == 1);
  CHECK(opacityOf(firmware::transitionLayers(TransitionKind::FadeThrough, 1, 10, 10), Source::To) == 1);
  // The crossfade overlays both texts half way; the slide moves them side by side.
  const auto cross = firmware::transitionLayers(TransitionKind::Crossfade, 0.5, 1920, 1080);
  CHECK(opacityOf(cross, Source::From) == 1);
  CHECK(opacityOf(cross, Source::To) == doctest::Approx(0.5));
  const auto slide = firmware::transitionLayers(TransitionKind::Slide, 0.5, 1920, 1080);
  REQUIRE(slide.size() == 2);
  CHECK(slide[0].at.x == -960);
  CHECK(slide[1].at.x == 960);
}

TEST_CASE("fade-through frames never hold both cards' text; crossfade frames do") {
  firmware::SdlRuntime sdl("dummy");
  const Frames fade_through = firstTransition(TransitionKind::FadeThrough);
  SDL_Surface& ground = middleFrame(fade_through);
  const auto through = textShares(fade_through, ground);
  REQUIRE(through.size() >= 40);
  bool out_seen = false, in_seen = false;
  for (const auto& layers : through) {
    const double outgoing = layers.first, incoming = layers.second;
    CAPTURE(outgoing);
    CAPTURE(incoming);
    CHECK(std::min(outgoing, incoming) < 0.06);  // one of them is gone (or all but)
    out_seen |= outgoing > 0.5;
    in_seen |= incoming > 0.5;
  }
  CHECK(out_seen);
  CHECK(in_seen);
  writeStrip(fade_through, {0.2, 0.35, 0.5, 0.65, 0.8}, "transition-fade-through.png");
  // The same measure catches the overlap of a crossfade.
  const Frames crossfade = firstTransition(TransitionKind::Crossfade);
  writeStrip(crossfade, {0.2, 0.35, 0.5, 0.65, 0.8}, "transition-crossfade.png");
  int both = 0;
  for (const auto& [outgoing, incoming] : textShares(crossfade, ground)) {
    both += std::min(outgoing, incoming) > 0.25;
  }
  CHECK(both >= 10);
}

TEST_CASE("a card's ground: background, panel and tiles kept in place, its text and images left out") {
  render::LineBreaker breaker;
  const content::Feed feed = content::loadFeed(content::demoFeed());
  const render::Theme theme;
  std::vector<std::string> keys;
  for (const content::Post& post : feed.posts) {
    const render::DrawList card = render::layoutCard(post, {1920, 1080}, theme, "en", realFonts(), breaker);
    const render::DrawList ground = render::cardGround(card, theme);
    CHECK(ground.width == card.width);
    CHECK(ground.height == card.height);
    REQUIRE(ground.commands.size() >= 3);  // background, shadow, panel
    bool qr_tile = false;
    for (const render::DrawCommand& command : ground.commands) {
      const auto* shape = std::get_if<render::FillShape>(&command);
      REQUIRE(shape != nullptr);
      CHECK_FALSE(shape->top == theme.chip_fill);
      qr_tile |= shape->top == theme.qr_light;
    }
    CHECK(qr_tile == !post.url.empty());
    keys.push_back(render::groundKey(ground));
  }
  // Cards with the same chrome share one ground; the demo needs only a few.
  std::sort(keys.begin(), keys.end());
  const auto distinct = std::unique(keys.begin(), keys.end()) - keys.begin();
  CHECK(distinct >= 1);
  CHECK(distinct <= 6);
}

TEST_CASE("the counter turns at a transition's midpoint; the crawl is on screen from the first frame") {
  firmware::SdlRuntime sdl("dummy");
  firmware::CycleFrame frame;
  frame.current = 2;
  frame.next = 3;
  CHECK(firmware::cardShownAt(frame) == 2);  // holding
  frame.transition = 0.49;
  CHECK(firmware::cardShownAt(frame) == 2);
  frame.transition = 0.5;
  CHECK(firmware::cardShownAt(frame) == 3);

  const firmware::ContentSession content = firmware::openContent("", false);
  firmware::SceneSettings settings;
  settings.threaded = true;  // the crawl is made on the worker, as on a display
  settings.hold_seconds = 2;
  settings.transition_seconds = 1;
  settings.clock.time_zone = "UTC";
  firmware::ManualClock clock(1795513290);
  firmware::RecordingScreen screen(clock, 640, 360, 3.5, 20);
  screen.waitForWork(0.02);  // the manual clock waits for the worker, as the screen's refresh would not
  firmware::SceneLoop loop(screen, clock, realFonts(), firmware::SharedContent(firmware::SharedContent(), &content),
                           settings);
  std::vector<firmware::SceneFrame> frames;
  loop.on_frame = [&](const firmware::SceneFrame& f) { frames.push_back(f); };
  CHECK(loop.run() == 0);
  REQUIRE(frames.size() > 10);
  CHECK(frames.front().crawl_period > 0);
  CHECK(frames.front().crawl_offset >= 0);
  // The cycle's length: the demo posts showing now (show windows leave some out).
  REQUIRE(frames.front().posts > 2);
  CHECK(frames.front().posts <= content.playlist.size());
  const std::string total = " / " + std::to_string(frames.front().posts);
  int before = 0, after = 0;
  for (const firmware::SceneFrame& f : frames) {
    if (!f.cycle.transitioning()) continue;
    CAPTURE(f.cycle.transition);
    const bool second_half = f.cycle.transition >= 0.5;
    CHECK(f.position == (second_half ? "2" : "1") + total);
    CHECK(f.progress.done.size() == (second_half ? 1u : 0u));
    (second_half ? after : before) += 1;
  }
  CHECK(before > 3);
  CHECK(after > 3);
}
