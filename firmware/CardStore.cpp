// SPDX-License-Identifier: Apache-2.0
#include "firmware/CardStore.hpp"
#include "firmware/Log.hpp"

namespace newsticker::firmware {

CardStore::CardStore(SDL_Renderer& renderer, render::CardRenderer& cards, const content::ContentTree& tree,
                     const std::vector<content::Post>& posts, render::CardSize size)
    : renderer_(renderer), cards_(cards), tree_(tree), posts_(posts), size_(size) {}

void CardStore::logOnce(const std::string& message) {
  if (logged_.insert(message).second) logWarning(message);
}

render::SurfacePtr CardStore::surface(std::size_t index) {
  std::vector<std::string> warnings;
  render::SurfacePtr card = cards_.render(posts_.at(index), tree_, size_, warnings);
  for (const std::string& warning : warnings) logOnce(warning);
  if (!card) logOnce(posts_.at(index).file + ": cannot paint the card: " + SDL_GetError());
  return card;
}

SDL_Texture* CardStore::texture(std::size_t index) {
  auto it = textures_.find(index);
  if (it != textures_.end()) return it->second.get();
  render::SurfacePtr card = surface(index);
  if (!card) return nullptr;
  render::TexturePtr texture(SDL_CreateTextureFromSurface(&renderer_, card.get()));
  if (!texture) {
    logOnce(std::string("cannot upload a card texture: ") + SDL_GetError());
    return nullptr;
  }
  SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
  return textures_.emplace(index, std::move(texture)).first->second.get();
}

void CardStore::keepOnly(const std::set<std::size_t>& keep) {
  for (auto it = textures_.begin(); it != textures_.end();) {
    it = keep.count(it->first) ? std::next(it) : textures_.erase(it);
  }
}

}  // namespace newsticker::firmware
