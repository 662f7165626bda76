#include "firmware/Slideshow.hpp"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <iostream>

#include "firmware/CardCycle.hpp"
#include "firmware/CardStore.hpp"
#include "fonts/FontChain.hpp"
#include "render/CardRenderer.hpp"
#include "render/FontCache.hpp"

namespace newsticker::firmware {
namespace {

constexpr double kFadeSeconds = 0.8;
constexpr double kDefaultHoldSeconds = 8.0;
constexpr int kMaxTextureSide = 2048;  // Raspberry Pi 0-3 GPU limit

std::vector<double> holdTimes(const Options& options, const ContentSession& content) {
  std::vector<double> holds;
  for (const content::Post& post : content.playlist) {
    double hold = options.duration_seconds;
    if (hold <= 0) hold = post.duration_seconds;
    if (hold <= 0) hold = kDefaultHoldSeconds;
    holds.push_back(hold);
  }
  return holds;
}

// Cards are rendered at the output size, halved until both sides fit a texture.
render::CardSize cardSizeFor(int output_w, int output_h) {
  render::CardSize size{output_w, output_h};
  while (size.width > kMaxTextureSide || size.height > kMaxTextureSide) {
    size.width /= 2;
    size.height /= 2;
  }
  return size;
}

double secondsSince(Uint64 start) {
  return static_cast<double>(SDL_GetPerformanceCounter() - start) / static_cast<double>(SDL_GetPerformanceFrequency());
}

}  // namespace

int runSlideshow(const Options& options, ContentSession& content) {
  const int requested_w = options.width > 0 ? options.width : 1280;
  const int requested_h = options.height > 0 ? options.height : 720;
  Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
  flags |= options.windowed ? SDL_WINDOW_RESIZABLE : SDL_WINDOW_FULLSCREEN_DESKTOP;
  render::WindowPtr window(SDL_CreateWindow("newsticker", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                            requested_w, requested_h, flags));
  if (!window) {
    std::cerr << "newsticker: cannot open a window: " << SDL_GetError() << "\n";
    return 1;
  }
  render::RendererPtr renderer(
      SDL_CreateRenderer(window.get(), -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC));
  if (!renderer) renderer.reset(SDL_CreateRenderer(window.get(), -1, SDL_RENDERER_SOFTWARE));
  if (!renderer) {
    std::cerr << "newsticker: cannot create a renderer: " << SDL_GetError() << "\n";
    return 1;
  }
  SDL_RendererInfo info{};
  SDL_GetRendererInfo(renderer.get(), &info);
  const bool vsync = (info.flags & SDL_RENDERER_PRESENTVSYNC) != 0;
  SDL_ShowCursor(SDL_DISABLE);
  SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");

  render::FontCache fonts(options.font_chain);
  render::CardRenderer cards(fonts, render::Theme{}, fallbackLanguage(content, options.language));
  int output_w = 0, output_h = 0;
  SDL_GetRendererOutputSize(renderer.get(), &output_w, &output_h);
  auto store = std::make_unique<CardStore>(*renderer, cards, *content.tree, content.playlist,
                                           cardSizeFor(output_w, output_h));
  const CardCycle cycle(holdTimes(options, content), kFadeSeconds);

  const Uint64 start = SDL_GetPerformanceCounter();
  bool dirty = true;
  CycleFrame shown{static_cast<std::size_t>(-1), 0, 0};
  for (;;) {
    const double now = secondsSince(start);
    const CycleFrame frame = cycle.at(now);
    if (dirty || frame.current != shown.current || frame.next != shown.next || frame.fading() ||
        shown.fading()) {
      SDL_Texture* current = store->texture(frame.current);
      SDL_Texture* next = frame.fading() ? store->texture(frame.next) : nullptr;
      SDL_SetRenderDrawColor(renderer.get(), 0, 0, 0, 255);
      SDL_RenderClear(renderer.get());
      if (current != nullptr) {
        SDL_SetTextureAlphaMod(current, 255);
        SDL_RenderCopy(renderer.get(), current, nullptr, nullptr);
      }
      if (next != nullptr) {
        // Ease in and out, so the fade starts and lands softly.
        const double eased = frame.fade * frame.fade * (3 - 2 * frame.fade);
        SDL_SetTextureAlphaMod(next, static_cast<Uint8>(std::lround(255 * eased)));
        SDL_RenderCopy(renderer.get(), next, nullptr, nullptr);
      }
      SDL_RenderPresent(renderer.get());
      shown = frame;
      dirty = false;
      if (!frame.fading()) {
        // Prepare the next card now, while nothing moves, so its fade is smooth.
        const std::size_t upcoming = (frame.current + 1) % content.playlist.size();
        store->texture(upcoming);
        store->keepOnly({frame.current, upcoming});
      }
    }

    int timeout_ms;
    if (frame.fading()) {
      timeout_ms = vsync ? 0 : 16;
    } else {
      const double wait = cycle.nextChange(secondsSince(start)) - secondsSince(start);
      timeout_ms = static_cast<int>(std::clamp(std::ceil(wait * 1000.0), 1.0, 60000.0));
    }
    SDL_Event event;
    bool have_event = timeout_ms > 0 ? SDL_WaitEventTimeout(&event, timeout_ms) != 0 : SDL_PollEvent(&event) != 0;
    while (have_event) {
      switch (event.type) {
        case SDL_QUIT:
          return 0;
        case SDL_KEYDOWN:
          if (event.key.keysym.sym == SDLK_ESCAPE || event.key.keysym.sym == SDLK_q) return 0;
          break;
        case SDL_WINDOWEVENT:
          if (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            SDL_GetRendererOutputSize(renderer.get(), &output_w, &output_h);
            store = std::make_unique<CardStore>(*renderer, cards, *content.tree, content.playlist,
                                                cardSizeFor(output_w, output_h));
          }
          dirty = true;
          break;
        case SDL_RENDER_TARGETS_RESET:
        case SDL_RENDER_DEVICE_RESET:
          store = std::make_unique<CardStore>(*renderer, cards, *content.tree, content.playlist,
                                              cardSizeFor(output_w, output_h));
          dirty = true;
          break;
        default:
          break;
      }
      have_event = SDL_PollEvent(&event) != 0;
    }
  }
}

}  // namespace newsticker::firmware
