// SPDX-License-Identifier: Apache-2.0
// sdl-floor [IMAGE]: the least an SDL program does to put one full-screen
// picture on the display, the floor under newsticker's time to first card in
// tests/bench/run.
//
// SDL_Init(video), a borderless full-screen-desktop window at the display's
// size, SDL's software renderer (with SDL_HINT_FRAMEBUFFER_ACCELERATION=0), one
// texture from IMAGE (a PNG, e.g. tests/golden/screen-1920x1080.png, scaled to
// the output) or a solid colour without one, presented once. It then waits for
// SIGTERM/SIGINT (SDL turns them into SDL_QUIT), drawing the picture again only
// when the window system asks (exposed, resized), as any X11 client must.
// With WxH, a window of that size instead of full screen (for SDL's dummy
// driver, whose display is 1024x768, as newsticker --headless --windowed).
//
// On stderr: "floor first_present_unix=T init_ms=.. window_ms=.. renderer_ms=..
// texture_ms=.. present_ms=.." (wall clock just after the first
// SDL_RenderPresent, and how long each step took) and "floor exit" at the end. Exit 1 when SDL cannot
// start or the picture cannot be read, 2 on usage.
#include <SDL.h>
#include <SDL_image.h>
#include <time.h>

#include <cstdio>

namespace {

double realNow() {
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  int window_w = 0, window_h = 0;  // 0: full screen at the display's size
  if (argc > 3 ||
      (argc == 3 && (std::sscanf(argv[2], "%dx%d", &window_w, &window_h) != 2 || window_w < 64 || window_h < 64))) {
    std::fprintf(stderr, "usage: sdl-floor [IMAGE.png [WxH]]\n");
    return 2;
  }
  const double start = realNow();
  // Software rendering with no GL behind the window surface (else SDL puts
  // Mesa's llvmpipe there, ~270 ms on Xvfb), as newsticker does.
  SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  double marks[4] = {};  // after SDL_Init, the window, the renderer, the texture
  if (SDL_Init(SDL_INIT_VIDEO) != 0) {
    std::fprintf(stderr, "sdl-floor: SDL_Init: %s\n", SDL_GetError());
    return 1;
  }
  marks[0] = realNow();
  SDL_DisplayMode desktop{};
  if (SDL_GetDesktopDisplayMode(0, &desktop) != 0 || desktop.w <= 0 || desktop.h <= 0) {
    desktop.w = 1920;
    desktop.h = 1080;
  }
  SDL_Window* window = window_w > 0 ? SDL_CreateWindow("sdl-floor", 0, 0, window_w, window_h, 0)
                                    : SDL_CreateWindow("sdl-floor", 0, 0, desktop.w, desktop.h,
                                                       SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS);
  if (window == nullptr) {
    std::fprintf(stderr, "sdl-floor: SDL_CreateWindow: %s\n", SDL_GetError());
    SDL_Quit();
    return 1;
  }
  marks[1] = realNow();
  SDL_Renderer* renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
  if (renderer == nullptr) {
    std::fprintf(stderr, "sdl-floor: SDL_CreateRenderer: %s\n", SDL_GetError());
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 1;
  }
  marks[2] = realNow();
  SDL_Surface* picture = nullptr;
  if (argc >= 2) {
    picture = IMG_Load(argv[1]);
    if (picture == nullptr) {
      std::fprintf(stderr, "sdl-floor: cannot read %s: %s\n", argv[1], IMG_GetError());
      SDL_DestroyRenderer(renderer);
      SDL_DestroyWindow(window);
      SDL_Quit();
      return 1;
    }
  } else {
    picture = SDL_CreateRGBSurfaceWithFormat(0, 1920, 1080, 32, SDL_PIXELFORMAT_ARGB8888);
    if (picture != nullptr) SDL_FillRect(picture, nullptr, SDL_MapRGB(picture->format, 0x10, 0x1a, 0x2c));
  }
  SDL_Texture* texture = picture != nullptr ? SDL_CreateTextureFromSurface(renderer, picture) : nullptr;
  if (picture != nullptr) SDL_FreeSurface(picture);
  if (texture == nullptr) {
    std::fprintf(stderr, "sdl-floor: cannot make the texture: %s\n", SDL_GetError());
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 1;
  }

  marks[3] = realNow();

  const auto draw = [&] {
    SDL_RenderClear(renderer);
    SDL_RenderCopy(renderer, texture, nullptr, nullptr);
    SDL_RenderPresent(renderer);
  };
  draw();
  const double presented = realNow();
  std::fprintf(
      stderr,
      "floor first_present_unix=%.6f init_ms=%.1f window_ms=%.1f renderer_ms=%.1f texture_ms=%.1f present_ms=%.1f\n",
      presented, (marks[0] - start) * 1e3, (marks[1] - marks[0]) * 1e3, (marks[2] - marks[1]) * 1e3,
      (marks[3] - marks[2]) * 1e3, (presented - marks[3]) * 1e3);
  std::fflush(stderr);

  for (bool running = true; running;) {
    SDL_Event event;
    if (!SDL_WaitEventTimeout(&event, 200)) continue;
    if (event.type == SDL_QUIT) {
      running = false;
    } else if (event.type == SDL_WINDOWEVENT &&
               (event.window.event == SDL_WINDOWEVENT_EXPOSED || event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)) {
      draw();
    }
  }
  std::fprintf(stderr, "floor exit\n");
  SDL_DestroyTexture(texture);
  SDL_DestroyRenderer(renderer);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return 0;
}
