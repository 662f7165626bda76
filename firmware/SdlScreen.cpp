// SPDX-License-Identifier: Apache-2.0
#include "firmware/SdlScreen.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "firmware/Damage.hpp"
#include "firmware/KmsDisplay.hpp"
#include "firmware/Log.hpp"

namespace newsticker::firmware {
namespace {

// The longest the loop sleeps without looking at SDL's events (a quit, a
// key, a window or display change): 10 wake-ups a second while idle.
constexpr double kSleepSlice = 0.1;

}  // namespace

bool parseDisplayMode(const std::string& text, SDL_DisplayMode& mode) {
  int w = 0, h = 0, hz = 0;
  char tail = 0;
  const int fields = std::sscanf(text.c_str(), "%dx%d@%d%c", &w, &h, &hz, &tail);
  if (!(fields == 2 || fields == 3) || w < 64 || h < 64 || w > 8192 || h > 8192 || hz < 0 || hz > 500) return false;
  mode = SDL_DisplayMode{};
  mode.w = w;
  mode.h = h;
  mode.refresh_rate = fields == 3 ? hz : 0;
  return true;
}

bool chooseSoftwareRendering(RendererChoice choice) {
  if (choice != RendererChoice::Auto) return choice == RendererChoice::Software;
  const char* driver = std::getenv("SDL_VIDEODRIVER");
  if (driver != nullptr && std::string(driver) == "kmsdrm") return false;
  // A GPU shows itself as a DRM render node this user can open.
  std::error_code ec;
  for (std::filesystem::directory_iterator it("/dev/dri", ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().rfind("renderD", 0) != 0) continue;
    const int fd = open(it->path().c_str(), O_RDWR | O_CLOEXEC);
    if (fd >= 0) {
      close(fd);
      return false;
    }
  }
  return true;
}

namespace {

// SDL's software renderer by index: a render-driver hint (SDL_RENDER_DRIVER,
// or the GLES2 choice on KMS/DRM) would otherwise refuse the software flag.
int softwareDriverIndex() {
  for (int i = 0, n = SDL_GetNumRenderDrivers(); i < n; ++i) {
    SDL_RendererInfo info{};
    if (SDL_GetRenderDriverInfo(i, &info) == 0 && info.name != nullptr && std::string(info.name) == "software") {
      return i;
    }
  }
  return -1;
}

}  // namespace

SdlScreen::SdlScreen(const WindowRequest& request, const Clock& clock, Sleeper* sleeper)
    : clock_(clock), own_sleeper_(sleeper == nullptr ? std::make_unique<ThreadSleeper>() : nullptr),
      sleeper_(sleeper == nullptr ? *own_sleeper_ : *sleeper), fullscreen_(!request.windowed) {
  software_ = chooseSoftwareRendering(request.renderer);
  SDL_DisplayMode desktop{};
  if (SDL_GetDesktopDisplayMode(0, &desktop) == 0) {
    desktop_w_ = desktop.w;
    desktop_h_ = desktop.h;
    if (desktop.refresh_rate >= 20) frame_interval_ = 1.0 / desktop.refresh_rate;
  }
  int w = request.width, h = request.height;
  Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
  if (fullscreen_) {
    // The window is made as large as the display: without a window manager
    // nobody else would resize it to full screen.
    if (w <= 0 || h <= 0) {
      w = desktop_w_ > 0 ? desktop_w_ : 1920;
      h = desktop_h_ > 0 ? desktop_h_ : 1080;
    }
    flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
  } else {
    if (w <= 0 || h <= 0) {
      w = 1280;
      h = 720;
    }
    flags |= SDL_WINDOW_RESIZABLE;
  }
  SDL_DisplayMode wanted{};
  if (fullscreen_ && parseDisplayMode(request.mode, wanted)) {
    // A mode of the operator's choosing: the closest the display offers.
    SDL_DisplayMode closest{};
    if (SDL_GetClosestDisplayMode(0, &wanted, &closest) != nullptr) {
      w = closest.w;
      h = closest.h;
      flags = (flags & ~SDL_WINDOW_FULLSCREEN_DESKTOP) | SDL_WINDOW_FULLSCREEN;
      wanted = closest;
    } else {
      wanted.w = 0;
    }
  }
  const int x = fullscreen_ ? 0 : static_cast<int>(SDL_WINDOWPOS_CENTERED);
  window_.reset(SDL_CreateWindow("newsticker", x, fullscreen_ ? 0 : x, w, h, flags));
  if (!window_) throw std::runtime_error(std::string("cannot open a window: ") + SDL_GetError());
  if ((flags & SDL_WINDOW_FULLSCREEN_DESKTOP) == SDL_WINDOW_FULLSCREEN && wanted.w > 0) {
    SDL_SetWindowDisplayMode(window_.get(), &wanted);
    if (wanted.refresh_rate >= 20) frame_interval_ = 1.0 / wanted.refresh_rate;
  }
  createRenderer(request.renderer);
  SDL_ShowCursor(SDL_DISABLE);
  SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
  SDL_DisableScreenSaver();
}

void SdlScreen::createRenderer(RendererChoice choice) {
  std::string gl;
  if (!software_) {
    renderer_.reset(SDL_CreateRenderer(window_.get(), -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC));
    gl = renderer_ ? glRendererString(*renderer_) : "";
    // A GL that rasterises on the CPU (a board whose display has no GPU
    // driver): SDL's software renderer composes faster, the GL only shows it.
    if (choice == RendererChoice::Auto && isSoftwareGl(gl)) renderer_.reset();
  }
  if (!renderer_) {
    software_ = true;
    renderer_.reset(SDL_CreateRenderer(window_.get(), softwareDriverIndex(), SDL_RENDERER_SOFTWARE));
  }
  if (!renderer_) throw std::runtime_error(std::string("cannot create a renderer: ") + SDL_GetError());
  SDL_RendererInfo info{};
  SDL_GetRendererInfo(renderer_.get(), &info);
  // The software renderer only simulates vsync with a delay in present; the
  // loop paces itself there (and shows partial frames without present).
  vsync_ = !software_ && (info.flags & SDL_RENDERER_PRESENTVSYNC) != 0;
  renderer_name_ = info.name != nullptr ? info.name : "unknown";
  if (!gl.empty()) renderer_name_ += (software_ ? " (GL found: " : " (") + gl + ")";
}

void SdlScreen::outputSize(int& width, int& height) { SDL_GetRendererOutputSize(renderer_.get(), &width, &height); }

void SdlScreen::present(const std::vector<render::Rect>& dirty) {
  if (software_ && !dirty.empty()) {
    // The software renderer draws into the window surface: show only what changed.
    SDL_RenderFlush(renderer_.get());
    std::vector<SDL_Rect> rects;
    for (const render::Rect& r : dirty) rects.push_back(SDL_Rect{r.x, r.y, r.w, r.h});
    if (SDL_UpdateWindowSurfaceRects(window_.get(), rects.data(), static_cast<int>(rects.size())) == 0) return;
  }
  SDL_RenderPresent(renderer_.get());
}

bool SdlScreen::setDisplayPower(bool on) {
  std::string error;
  if (setKmsPower(*window_, on, error)) {
    logInfo(on ? "display woken (DPMS on)" : "display in standby (DPMS off)");
    return true;
  }
  if (!power_warned_) logInfo("display power cannot be switched here (" + error + "): a black screen instead");
  power_warned_ = true;
  return false;
}

std::vector<ScreenEvent> SdlScreen::waitUntil(double deadline) {
  std::vector<ScreenEvent> events;
  for (;;) {
    if (takeEvents(events)) break;
    const double left = deadline - clock_.now();
    if (left <= 0 || sleeper_.sleepFor(std::min(left, kSleepSlice))) break;
  }
  followDisplaySize(events);
  // One event is enough: quitting wins, then lost textures (everything is
  // made again), then a new size (laid out again), then a redraw.
  for (const ScreenEvent e : {ScreenEvent::Quit, ScreenEvent::Reset, ScreenEvent::Resized, ScreenEvent::Exposed}) {
    if (std::find(events.begin(), events.end(), e) != events.end()) return {e};
  }
  return {};
}

bool SdlScreen::takeEvents(std::vector<ScreenEvent>& events) {
  bool woken = false;
  SDL_Event event;
  while (SDL_PollEvent(&event) != 0) {
    if (const std::optional<ScreenEvent> meaning = screenEventFor(event)) events.push_back(*meaning);
    woken = woken || event.type == SDL_USEREVENT;  // a wake-up from code that only has SDL (a capture request)
  }
  return woken || !events.empty();
}

void SdlScreen::followDisplaySize(std::vector<ScreenEvent>& events) {
  if (!fullscreen_) return;
  // The display's size changed (xrandr, a new mode): follow it, even when
  // no window manager resizes the window for us.
  SDL_DisplayMode desktop{};
  const int display = SDL_GetWindowDisplayIndex(window_.get());
  if (SDL_GetDesktopDisplayMode(display < 0 ? 0 : display, &desktop) != 0 ||
      (desktop.w == desktop_w_ && desktop.h == desktop_h_)) {
    return;
  }
  desktop_w_ = desktop.w;
  desktop_h_ = desktop.h;
  // SDL keeps a full-screen window's size: leave full screen, resize, go back.
  SDL_SetWindowFullscreen(window_.get(), 0);
  SDL_SetWindowSize(window_.get(), desktop.w, desktop.h);
  SDL_SetWindowPosition(window_.get(), 0, 0);
  SDL_SetWindowFullscreen(window_.get(), SDL_WINDOW_FULLSCREEN_DESKTOP);
  events.push_back(ScreenEvent::Resized);
}

}  // namespace newsticker::firmware
