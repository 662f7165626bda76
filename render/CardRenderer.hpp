// Prepares a post's card as pixels, once: layout, logo decoding, painting.
#pragma once

#include <string>
#include <vector>

#include "content/ContentTree.hpp"
#include "content/Post.hpp"
#include "render/CardLayout.hpp"
#include "render/FontCache.hpp"
#include "render/LineBreaker.hpp"
#include "render/SdlHandles.hpp"
#include "render/Theme.hpp"

namespace newsticker::render {

class CardRenderer {
 public:
  // Borrows `fonts`; they must outlive the renderer.
  CardRenderer(FontCache& fonts, Theme theme, std::string fallback_language);

  // The card for `post` as an opaque ARGB8888 surface of `size`, its logo and
  // photo decoded from `tree` at the size they are drawn. A logo that cannot
  // be loaded is replaced by the monogram badge ("file: logo L reason;
  // showing a monogram instead"); a photo that cannot be loaded is left out
  // and the card laid out again without it ("file: photo P reason; shown
  // without it"); each is named once in `warnings`. Returns null (with
  // SDL_GetError) only when memory runs out; throws std::runtime_error when a
  // font cannot be opened.
  SurfacePtr render(const content::Post& post, const content::ContentTree& tree, const CardSize& size,
                    std::vector<std::string>& warnings);

  // The draw list `render` paints for `post` when its logo and photo load.
  DrawList layout(const content::Post& post, const CardSize& size, const CardAssets& assets = {});

 private:
  FontCache& fonts_;
  LineBreaker breaker_;
  Theme theme_;
  std::string fallback_language_;
};

}  // namespace newsticker::render
