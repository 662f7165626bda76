#include "render/CardRenderer.hpp"

#include "render/CardPainter.hpp"
#include "render/LogoLoader.hpp"

namespace newsticker::render {

CardRenderer::CardRenderer(FontCache& fonts, Theme theme, std::string fallback_language)
    : fonts_(fonts), theme_(std::move(theme)), fallback_language_(std::move(fallback_language)) {}

DrawList CardRenderer::layout(const content::Post& post, const CardSize& size) {
  return layoutCard(post, size, theme_, fallback_language_, fonts_, breaker_);
}

SurfacePtr CardRenderer::render(const content::Post& post, const content::ContentTree& tree, const CardSize& size,
                                std::vector<std::string>& warnings) {
  DrawList list = layout(post, size);
  LogoSurfaces logos;
  for (const DrawCommand& command : list.commands) {
    const auto* logo = std::get_if<Logo>(&command);
    if (logo == nullptr) continue;
    std::string error;
    SurfacePtr image = loadLogo(tree, logo->path, logo->box.w, logo->box.h, error);
    if (!image) {
      warnings.push_back(post.file + ": logo " + logo->path + " " + error + "; showing a monogram instead");
      content::Post without_logo = post;
      without_logo.logo.clear();
      return paintDrawList(layout(without_logo, size), fonts_, {});
    }
    logos.emplace(logo->path, std::move(image));
  }
  return paintDrawList(list, fonts_, logos);
}

}  // namespace newsticker::render
