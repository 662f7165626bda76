// SPDX-License-Identifier: Apache-2.0
// The cards of the cycle as GPU textures, made once each and kept only while
// they are on screen or next in line.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "content/ContentTree.hpp"
#include "content/Post.hpp"
#include "render/CardRenderer.hpp"
#include "render/SdlHandles.hpp"

namespace newsticker::firmware {

class CardStore {
 public:
  // Borrows everything; all must outlive the store.
  CardStore(SDL_Renderer& renderer, render::CardRenderer& cards, const content::ContentTree& tree,
            const std::vector<content::Post>& posts, render::CardSize size);

  // The texture of card `index`, prepared now if it is not ready. Null only
  // when SDL cannot make it (the reason is logged once).
  SDL_Texture* texture(std::size_t index);

  // Keeps the textures of `keep` and releases the others.
  void keepOnly(const std::set<std::size_t>& keep);

  // Renders card `index` into a surface without keeping a texture (for
  // screenshots and tests).
  render::SurfacePtr surface(std::size_t index);

 private:
  void logOnce(const std::string& message);

  SDL_Renderer& renderer_;
  render::CardRenderer& cards_;
  const content::ContentTree& tree_;
  const std::vector<content::Post>& posts_;
  render::CardSize size_;
  std::map<std::size_t, render::TexturePtr> textures_;
  std::set<std::string> logged_;
};

}  // namespace newsticker::firmware
