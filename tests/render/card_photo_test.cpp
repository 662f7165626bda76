// SPDX-License-Identifier: Apache-2.0
// Cards with a photo through CardRenderer: the photo is decoded at its box's
// size and drawn there; one that cannot be loaded is named once and the card
// is laid out again without it.
#include <doctest/doctest.h>

#include <SDL_image.h>

#include "RealFonts.hpp"
#include "TestImages.hpp"
#include "content/DemoFeed.hpp"
#include "content/FeedLoader.hpp"
#include "content/MemoryTree.hpp"
#include "render/CardRenderer.hpp"

using namespace newsticker;

namespace {

content::Post photoPost(const std::string& photo) {
  content::Post post;
  post.file = "posts/bench.md";
  post.title = "Brightforge opens an electronics bench where anyone can learn to solder";
  post.summary = "Six soldering stations, a shared oscilloscope and drawers of spare parts, every Wednesday.";
  post.source = "Brightforge Makerspace";
  post.date = "2026-11-25";
  post.language = "en";
  post.photo = photo;
  return post;
}

const render::Photo* photoCommand(const render::DrawList& list) {
  for (const auto& command : list.commands) {
    if (const auto* photo = std::get_if<render::Photo>(&command)) return photo;
  }
  return nullptr;
}

int differingPixels(const SDL_Surface& a, const SDL_Surface& b) {
  int differ = 0;
  for (int y = 0; y < a.h; ++y) {
    for (int x = 0; x < a.w; ++x) {
      const Argb p = argbAt(a, x, y), q = argbAt(b, x, y);
      differ += p.r != q.r || p.g != q.g || p.b != q.b;
    }
  }
  return differ;
}

}  // namespace

TEST_CASE("a card with a photo draws it in the box the layout gave it") {
  IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
  render::SurfacePtr green = argbSurface(640, 480, 0xFF2E9E5Bu);
  const content::MemoryTree tree("test", {{"images/bench.png", encodedImage(*green, "photo-green")}});
  render::CardRenderer renderer(realFonts(), render::Theme{}, "en");
  const content::Post post = photoPost("images/bench.png");
  const render::CardSize size{1280, 720};
  const render::DrawList list = renderer.layout(post, size);
  const render::Photo* photo = photoCommand(list);
  REQUIRE_MESSAGE(photo != nullptr, "the layout places no Photo for post.photo");
  std::vector<std::string> warnings;
  render::SurfacePtr card = renderer.render(post, tree, size, warnings);
  REQUIRE(card);
  CHECK(warnings.empty());
  writeTestPng(*card, "card-photo-1280x720");
  // Photo pixels where nothing is drawn over it: left part, half way down.
  const Argb inside = argbAt(*card, photo->box.x + photo->box.w / 8, photo->box.y + photo->box.h / 2);
  CHECK(inside.r == 0x2E);
  CHECK(inside.g == 0x9E);
  CHECK(inside.b == 0x5B);
}

TEST_CASE("a photo that cannot be loaded is named once and the card is laid out without it") {
  IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
  const content::MemoryTree tree(
      "test", {{"images/broken.jpg", "not a JPEG at all"}, {"logos/broken.png", "not a PNG either"}});
  render::CardRenderer renderer(realFonts(), render::Theme{}, "en");
  const render::CardSize size{1280, 720};
  content::Post post = photoPost("images/broken.jpg");
  REQUIRE(photoCommand(renderer.layout(post, size)) != nullptr);
  std::vector<std::string> warnings;
  render::SurfacePtr card = renderer.render(post, tree, size, warnings);
  REQUIRE(card);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0] ==
        "posts/bench.md: photo images/broken.jpg is not a PNG, JPEG, GIF, BMP or SVG image; "
        "shown without it");
  content::Post without = post;
  without.photo.clear();
  std::vector<std::string> none;
  render::SurfacePtr expected = renderer.render(without, tree, size, none);
  REQUIRE(expected);
  CHECK(none.empty());
  CHECK(differingPixels(*card, *expected) == 0);

  // A broken logo too: both named, the card drawn with neither.
  post.logo = "logos/broken.png";
  without.logo.clear();
  warnings.clear();
  card = renderer.render(post, tree, size, warnings);
  REQUIRE(card);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].find("posts/bench.md: ") == 0);
  CHECK(warnings[1].find("posts/bench.md: ") == 0);
  CHECK((warnings[0] + warnings[1]).find("photo images/broken.jpg") != std::string::npos);
  CHECK((warnings[0] + warnings[1]).find("logo logos/broken.png") != std::string::npos);
  expected = renderer.render(without, tree, size, none);
  CHECK(differingPixels(*card, *expected) == 0);
}

TEST_CASE("demo cards with photos, written out to look at") {
  IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
  const content::Feed feed = content::loadFeed(content::demoFeed());
  render::CardRenderer renderer(realFonts(), render::Theme{}, "en");
  int with_photo = 0;
  for (const content::Post& post : feed.posts) {
    if (post.photo.empty()) continue;
    ++with_photo;
    for (const render::CardSize size : {render::CardSize{1920, 1080}, render::CardSize{1080, 1920}}) {
      std::vector<std::string> warnings;
      render::SurfacePtr card = renderer.render(post, content::demoFeed(), size, warnings);
      REQUIRE(card);
      CAPTURE(post.file);
      CHECK(warnings.empty());
      const std::string stem = post.file.substr(post.file.rfind('/') + 1);
      writeTestPng(*card, "demo-photo-" + std::to_string(size.width) + "x" + std::to_string(size.height) + "-" +
                              stem.substr(0, stem.rfind('.')));
    }
  }
  MESSAGE("demo posts with a photo: " << with_photo);
}
