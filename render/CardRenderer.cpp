// SPDX-License-Identifier: Apache-2.0
#include "render/CardRenderer.hpp"

#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "render/CardPainter.hpp"
#include "render/LogoLoader.hpp"

namespace newsticker::render {
namespace {

// A logo or photo as a draw command asks for it.
struct ImageRequest {
  bool photo = false;
  std::string path;
  Rect box;
};

std::vector<ImageRequest> imageRequests(const DrawList& list) {
  std::vector<ImageRequest> requests;
  for (const DrawCommand& command : list.commands) {
    if (const auto* logo = std::get_if<Logo>(&command)) requests.push_back({false, logo->path, logo->box});
    if (const auto* photo = std::get_if<Photo>(&command)) requests.push_back({true, photo->path, photo->box});
  }
  return requests;
}

}  // namespace

CardRenderer::CardRenderer(FontCache& fonts, Theme theme, content::LanguageTag fallback_language)
    : fonts_(fonts), theme_(std::move(theme)), fallback_language_(std::move(fallback_language)) {
  limits_.decode_seconds = kDecodeSeconds;
}

DrawList CardRenderer::layout(const content::Post& post, const CardSize& size, const CardAssets& assets) {
  return layoutCard(post, size, theme_, fallback_language_, fonts_, breaker_, assets);
}

const std::string* CardRenderer::knownFailure(const content::ContentTree& tree, const std::string& path, bool photo) {
  const auto known = failed_images_.find({photo, path});
  if (known == failed_images_.end()) return nullptr;
  const std::optional<content::FileStamp> stamp = tree.stamp(path);
  if (stamp && known->second.first == *stamp) return &known->second.second;
  failed_images_.erase(known);  // changed since: try it again
  return nullptr;
}

SurfacePtr CardRenderer::loadImage(const content::ContentTree& tree, const std::string& path, int box_w, int box_h,
                                   bool photo, std::string& error) {
  // A file that failed before and has not changed since fails again: its
  // reason is remembered, so a bomb or a slow SVG costs its decoding once,
  // not once a cycle.
  if (const std::string* reason = knownFailure(tree, path, photo)) {
    error = *reason;
    return nullptr;
  }
  const std::optional<content::FileStamp> stamp = tree.stamp(path);
  SurfacePtr image =
      photo ? loadPhoto(tree, path, box_w, box_h, error, limits_) : loadLogo(tree, path, box_w, box_h, error, limits_);
  if (!image && stamp) failed_images_[{photo, path}] = {*stamp, error};
  return image;
}

SurfacePtr CardRenderer::render(const content::Post& post, const content::ContentTree& tree, const CardSize& size,
                                std::vector<std::string>& warnings, DrawList* painted) {
  // Decoded at the size drawn, keyed by (photo?, path, width, height): a
  // second layout that keeps an image's box does not decode it again.
  using ImageKey = std::tuple<bool, std::string, int, int>;
  std::map<ImageKey, SurfacePtr> decoded;
  std::set<ImageKey> failed;
  content::Post shown = post;
  CardAssets assets;
  if (!post.logo.empty() && knownFailure(tree, post.logo, false) == nullptr) {
    // A wordmark gets a wide tile. An SVG refused or too slow here is
    // remembered, so loadImage does not try it again.
    std::string svg_error;
    assets.logo_aspect = logoAspect(tree, post.logo, limits_, &svg_error);
    const std::optional<content::FileStamp> stamp = tree.stamp(post.logo);
    if (!svg_error.empty() && stamp) failed_images_[{false, post.logo}] = {*stamp, svg_error};
  }
  if (!post.photo.empty() && knownFailure(tree, post.photo, true) == nullptr) {
    assets.photo_aspect = logoAspect(tree, post.photo);  // a wide photo gets a 16:9 slot, others 3:2
  }
  // A post's logo or photo that fails is cleared and the card laid out
  // again; the third layout is painted whatever failed (an image the layout
  // did not take from post.logo / post.photo can only be skipped).
  for (int attempt = 0;; ++attempt) {
    const DrawList list = layout(shown, size, assets);
    const std::vector<ImageRequest> requests = imageRequests(list);
    bool relayout = false;
    for (const ImageRequest& request : requests) {
      const ImageKey key{request.photo, request.path, request.box.w, request.box.h};
      if (decoded.count(key) == 0 && failed.count(key) == 0) {
        std::string error;
        SurfacePtr image = loadImage(tree, request.path, request.box.w, request.box.h, request.photo, error);
        if (image) {
          decoded.emplace(key, std::move(image));
        } else {
          failed.insert(key);
          warnings.push_back(post.file + (request.photo ? ": photo " : ": logo ") + request.path + " " + error +
                             (request.photo ? "; shown without it" : "; showing a monogram instead"));
        }
      }
      std::string& field = request.photo ? shown.photo : shown.logo;
      if (failed.count(key) != 0 && field == request.path) {
        field.clear();
        relayout = true;
      }
    }
    if (relayout && attempt < 2) continue;
    LogoSurfaces logos;
    PhotoSurfaces photos;
    for (const ImageRequest& request : requests) {
      const auto it = decoded.find(ImageKey{request.photo, request.path, request.box.w, request.box.h});
      if (it == decoded.end() || !it->second) continue;
      (request.photo ? photos : logos).emplace(request.path, std::move(it->second));
    }
    if (painted != nullptr) *painted = list;
    return paintDrawList(list, fonts_, logos, photos);
  }
}

}  // namespace newsticker::render
