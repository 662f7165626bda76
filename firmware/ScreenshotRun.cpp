#include "firmware/ScreenshotRun.hpp"

#include <SDL.h>
#include <SDL_image.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "firmware/CardStore.hpp"
#include "fonts/FontChain.hpp"
#include "render/CardRenderer.hpp"
#include "render/FontCache.hpp"

namespace newsticker::firmware {

int runScreenshots(const Options& options, ContentSession& content, const std::string& out_dir) {
  const render::CardSize size{options.width > 0 ? options.width : 1920, options.height > 0 ? options.height : 1080};
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    std::cerr << "newsticker: cannot create " << out_dir << ": " << ec.message() << "\n";
    return 1;
  }
  render::WindowPtr window(
      SDL_CreateWindow("newsticker", 0, 0, size.width, size.height, SDL_WINDOW_HIDDEN));
  if (!window) {
    std::cerr << "newsticker: cannot open a headless window: " << SDL_GetError() << "\n";
    return 1;
  }
  render::RendererPtr renderer(SDL_CreateRenderer(window.get(), -1, SDL_RENDERER_SOFTWARE));
  if (!renderer) {
    std::cerr << "newsticker: cannot create the software renderer: " << SDL_GetError() << "\n";
    return 1;
  }
  render::FontCache fonts(options.font_chain);
  render::CardRenderer cards(fonts, render::Theme{}, fallbackLanguage(content, options.language));
  CardStore store(*renderer, cards, *content.tree, content.playlist, size);
  render::SurfacePtr frame(SDL_CreateRGBSurfaceWithFormat(0, size.width, size.height, 32, SDL_PIXELFORMAT_ARGB8888));
  if (!frame) {
    std::cerr << "newsticker: out of memory for a " << size.width << "x" << size.height << " frame\n";
    return 1;
  }
  for (std::size_t i = 0; i < content.playlist.size(); ++i) {
    SDL_Texture* texture = store.texture(i);
    SDL_SetRenderDrawColor(renderer.get(), 0, 0, 0, 255);
    SDL_RenderClear(renderer.get());
    if (texture != nullptr) SDL_RenderCopy(renderer.get(), texture, nullptr, nullptr);
    if (SDL_RenderReadPixels(renderer.get(), nullptr, SDL_PIXELFORMAT_ARGB8888, frame->pixels, frame->pitch) != 0) {
      std::cerr << "newsticker: cannot read the frame back: " << SDL_GetError() << "\n";
      return 1;
    }
    store.keepOnly({});
    char name[32];
    std::snprintf(name, sizeof name, "card-%03zu.png", i + 1);
    const std::string path = (std::filesystem::path(out_dir) / name).string();
    if (IMG_SavePNG(frame.get(), path.c_str()) != 0) {
      std::cerr << "newsticker: cannot write " << path << ": " << IMG_GetError() << "\n";
      return 1;
    }
  }
  return 0;
}

}  // namespace newsticker::firmware
