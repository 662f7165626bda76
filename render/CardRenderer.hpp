// SPDX-License-Identifier: Apache-2.0
// Prepares a post's card as pixels, once: layout, logo decoding, painting.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "content/ContentTree.hpp"
#include "content/Post.hpp"
#include "render/CardLayout.hpp"
#include "render/FontCache.hpp"
#include "render/LineBreaker.hpp"
#include "render/LogoLoader.hpp"
#include "render/SdlHandles.hpp"
#include "render/Theme.hpp"

namespace newsticker::render {

class CardRenderer {
 public:
  // Borrows `fonts`; they must outlive the renderer.
  CardRenderer(FontCache& fonts, Theme theme, content::LanguageTag fallback_language);

  // The card for `post` as an opaque ARGB8888 surface of `size`, its logo and
  // photo decoded from `tree` at the size they are drawn. A logo that cannot
  // be loaded is replaced by the monogram badge ("file: logo L reason;
  // showing a monogram instead"); a photo that cannot be loaded is left out
  // and the card laid out again without it ("file: photo P reason; shown
  // without it"); each is named once in `warnings`. An image that failed is
  // not decoded again while its file stays the same (path and FileStamp):
  // the remembered reason is given. When `painted` is not null it receives
  // the draw list the surface was painted from. Returns null (with
  // SDL_GetError) only when memory runs out; throws std::runtime_error when a
  // font cannot be opened.
  SurfacePtr render(const content::Post& post, const content::ContentTree& tree, const CardSize& size,
                    std::vector<std::string>& warnings, DrawList* painted = nullptr);

  // loadLogo (or, with `photo`, loadPhoto) of `path`, except that a file
  // that failed before and has not changed since (same FileStamp) is not
  // decoded again: null with the remembered reason in `error`.
  SurfacePtr loadImage(const content::ContentTree& tree, const std::string& path, int box_w, int box_h, bool photo,
                       std::string& error);

  // The limits every logo and photo is decoded under. Each is decoded with
  // the deadline `limits.decode_seconds` (0: no thread, no deadline): past
  // it the card goes on without the picture and the file is remembered as
  // failed (see loadImage). The default deadline is kDecodeSeconds.
  void setImageLimits(const LogoLimits& limits) { limits_ = limits; }
  static constexpr double kDecodeSeconds = 3.0;

  // The draw list `render` paints for `post` when its logo and photo load.
  DrawList layout(const content::Post& post, const CardSize& size, const CardAssets& assets = {});

 private:
  // The remembered reason `path` failed, when its file has not changed since.
  const std::string* knownFailure(const content::ContentTree& tree, const std::string& path, bool photo);

  FontCache& fonts_;
  LineBreaker breaker_;
  Theme theme_;
  content::LanguageTag fallback_language_;
  LogoLimits limits_;
  // (photo?, path) -> the file's stamp when it failed, and why.
  std::map<std::pair<bool, std::string>, std::pair<content::FileStamp, std::string>> failed_images_;
};

}  // namespace newsticker::render
