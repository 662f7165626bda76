// SPDX-License-Identifier: Apache-2.0
// resolvePhoto: which picture a card shows beside its text, and never the logo.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "ContentTestSupport.hpp"
#include "content/DiskTree.hpp"
#include "content/FeedLoader.hpp"
#include "content/MemoryTree.hpp"
#include "content/PhotoResolver.hpp"
#include "content/RasterHeader.hpp"

using namespace newsticker::content;
using content_test::contains;
using content_test::jpegHeader;
using content_test::pngHeader;
using content_test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kSvg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"800\"/>";

struct Resolved {
  std::string photo;
  std::vector<Diagnostic> diagnostics;
};

Resolved resolve(const ContentTree& tree, const PhotoHints& hints, const std::string& logo = "") {
  Resolved out;
  out.photo = resolvePhoto(tree, hints, logo, "posts/p.md", out.diagnostics);
  return out;
}

PhotoHints candidates(std::vector<PhotoCandidate> list) {
  PhotoHints hints;
  hints.candidates = std::move(list);
  return hints;
}

}  // namespace

TEST_CASE("raster header: PNG and JPEG sizes; anything else is not a raster photo") {
  const auto png = readRasterHeader(pngHeader(1200, 800));
  REQUIRE(png);
  CHECK(png->format == "png");
  CHECK(png->width == 1200);
  CHECK(png->height == 800);
  const auto jpeg = readRasterHeader(jpegHeader(640, 480));
  REQUIRE(jpeg);
  CHECK(jpeg->format == "jpeg");
  CHECK(jpeg->width == 640);
  CHECK(jpeg->height == 480);
  const auto frameless = readRasterHeader(jpegHeader(640, 480, false));
  REQUIRE(frameless);
  CHECK(frameless->width == 0);
  CHECK(frameless->height == 0);
  const auto cut_png = readRasterHeader(pngHeader(1200, 800).substr(0, 18));
  REQUIRE(cut_png);
  CHECK(cut_png->width == 0);
  CHECK_FALSE(readRasterHeader(kSvg));
  CHECK_FALSE(readRasterHeader("GIF89a\x10\x00\x10\x00"));
  CHECK_FALSE(readRasterHeader("png"));
  CHECK_FALSE(readRasterHeader(""));
  CHECK_FALSE(readRasterHeader(std::string("\xFF\xD8", 2)));
}

TEST_CASE("photo: each reference is looked for in images/, then logos/, then as a site path") {
  const std::string reference = "/assets/images/quay.jpg";
  const std::string photo = jpegHeader(1200, 800);
  SUBCASE("images/ first") {
    const MemoryTree tree("t",
                          {{"images/quay.jpg", photo}, {"logos/quay.jpg", photo}, {"assets/images/quay.jpg", photo}});
    CHECK(resolve(tree, candidates({{reference}})).photo == "images/quay.jpg");
  }
  SUBCASE("then logos/") {
    const MemoryTree tree("t", {{"logos/quay.jpg", photo}, {"assets/images/quay.jpg", photo}});
    CHECK(resolve(tree, candidates({{reference}})).photo == "logos/quay.jpg");
  }
  SUBCASE("then the site path inside the folder") {
    const MemoryTree tree("t", {{"assets/images/quay.jpg", photo}});
    CHECK(resolve(tree, candidates({{reference}})).photo == "assets/images/quay.jpg");
  }
  SUBCASE("a remote URL by file name only, never as a path") {
    const MemoryTree tree("t", {{"cdn.example.com/assets/images/quay.jpg", photo}, {"assets/images/quay.jpg", photo}});
    CHECK(resolve(tree, candidates({{"https://cdn.example.com/assets/images/quay.jpg?w=1200#top"}})).photo.empty());
    const MemoryTree named("t", {{"images/quay.jpg", photo}});
    CHECK(resolve(named, candidates({{"https://cdn.example.com/assets/images/quay.jpg?w=1200#top"}})).photo ==
          "images/quay.jpg");
  }
  SUBCASE("nothing found: none, silently") {
    const MemoryTree tree("t", {{"images/other.jpg", photo}});
    const auto r = resolve(tree, candidates({{reference}}));
    CHECK(r.photo.empty());
    CHECK(r.diagnostics.empty());
  }
}

TEST_CASE("photo: the first candidate that qualifies wins, in the post's order") {
  const MemoryTree tree("t",
                        {{"images/first.jpg", jpegHeader(800, 600)}, {"images/second.png", pngHeader(2400, 1600)}});
  CHECK(resolve(tree, candidates({{"first.jpg"}, {"second.png"}})).photo == "images/first.jpg");
  CHECK(resolve(tree, candidates({{"second.png"}, {"first.jpg"}})).photo == "images/second.png");
  CHECK(resolve(tree, candidates({{"missing.jpg"}, {"second.png"}})).photo == "images/second.png");
}

TEST_CASE("photo: never the post's logo") {
  const MemoryTree tree("t", {{"logos/wire.png", pngHeader(1000, 800)}, {"images/story.jpg", jpegHeader(1000, 700)}});
  CHECK(resolve(tree, candidates({{"wire.png"}, {"story.jpg"}}), "logos/wire.png").photo == "images/story.jpg");
  CHECK(resolve(tree, candidates({{"wire.png"}}), "logos/wire.png").photo.empty());
  // Another post's logo is not this post's: a large raster in logos/ may be a photo.
  CHECK(resolve(tree, candidates({{"wire.png"}}), "logos/other.svg").photo == "logos/wire.png");
}

TEST_CASE("photo: SVG and other non-raster files are never photos, whatever their name") {
  const MemoryTree tree("t", {{"images/drawing.svg", kSvg},
                              {"images/fake.png", kSvg},
                              {"images/anim.gif", "GIF89a\x10\x00\x10\x00"},
                              {"images/real.png", pngHeader(1200, 800)}});
  CHECK(resolve(tree, candidates({{"drawing.svg"}})).photo.empty());
  CHECK(resolve(tree, candidates({{"fake.png"}})).photo.empty());
  CHECK(resolve(tree, candidates({{"anim.gif"}})).photo.empty());
  CHECK(resolve(tree, candidates({{"drawing.svg"}, {"fake.png"}, {"anim.gif"}, {"real.png"}})).photo ==
        "images/real.png");
}

TEST_CASE("photo: at least 320 px on the shorter side and at most 2.5:1, by the file's header") {
  const auto shaped = [](unsigned w, unsigned h) {
    const MemoryTree tree("t", {{"images/p.png", pngHeader(w, h)}});
    return !resolve(tree, candidates({{"p.png"}})).photo.empty();
  };
  CHECK(shaped(320, 320));
  CHECK(shaped(1200, 800));
  CHECK(shaped(800, 1200));
  CHECK(shaped(800, 320));  // exactly 2.5:1
  CHECK_FALSE(shaped(801, 320));
  CHECK_FALSE(shaped(319, 400));
  CHECK_FALSE(shaped(256, 256));  // a logo-sized square
  CHECK_FALSE(shaped(600, 200));  // a 3:1 wordmark
  CHECK_FALSE(shaped(32, 32));
}

TEST_CASE("photo: the declared width/height counts when the header gives no size") {
  const MemoryTree tree("t",
                        {{"images/noframe.jpg", jpegHeader(0, 0, false)}, {"images/real.jpg", jpegHeader(200, 200)}});
  CHECK(resolve(tree, candidates({{"noframe.jpg", 1200, 800}})).photo == "images/noframe.jpg");
  CHECK(resolve(tree, candidates({{"noframe.jpg", 256, 256}})).photo.empty());
  CHECK(resolve(tree, candidates({{"noframe.jpg", 628, 246}})).photo.empty());        // a banner
  CHECK(resolve(tree, candidates({{"noframe.jpg"}})).photo == "images/noframe.jpg");  // unknown: allowed
  // The file's own header wins over what the post declares.
  CHECK(resolve(tree, candidates({{"real.jpg", 1200, 800}})).photo.empty());
}

TEST_CASE("photo: front matter photo: wins, none/false disables") {
  const MemoryTree tree("t", {{"images/chosen.jpg", jpegHeader(200, 150)},
                              {"gallery/quay.png", pngHeader(900, 600)},
                              {"assets/images/site.jpg", jpegHeader(900, 600)},
                              {"images/auto.jpg", jpegHeader(1200, 800)},
                              {"images/drawing.svg", kSvg}});
  PhotoHints hints = candidates({{"auto.jpg"}});
  CHECK(resolve(tree, hints).photo == "images/auto.jpg");
  SUBCASE("a path in images/ (no size rule: the editor chose it)") {
    hints.front_matter = "chosen.jpg";
    const auto r = resolve(tree, hints);
    CHECK(r.photo == "images/chosen.jpg");
    CHECK(r.diagnostics.empty());
  }
  SUBCASE("a path relative to the folder, or a site path") {
    hints.front_matter = "gallery/quay.png";
    CHECK(resolve(tree, hints).photo == "gallery/quay.png");
    hints.front_matter = "/assets/images/site.jpg";
    CHECK(resolve(tree, hints).photo == "assets/images/site.jpg");
  }
  SUBCASE("even when it is the logo") {
    hints.front_matter = "chosen.jpg";
    CHECK(resolve(tree, hints, "images/chosen.jpg").photo == "images/chosen.jpg");
  }
  SUBCASE("missing: a warning at its line, then the automatic choice") {
    hints.front_matter = "absent.jpg";
    hints.front_matter_line = 5;
    const auto r = resolve(tree, hints);
    CHECK(r.photo == "images/auto.jpg");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::Warning);
    CHECK(r.diagnostics[0].file == "posts/p.md");
    CHECK(r.diagnostics[0].line == 5);
    CHECK(contains(r.diagnostics[0].message, "'absent.jpg'"));
  }
  SUBCASE("an SVG: a warning, then the automatic choice") {
    hints.front_matter = "drawing.svg";
    const auto r = resolve(tree, hints);
    CHECK(r.photo == "images/auto.jpg");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(contains(r.diagnostics[0].message, "not a PNG or JPEG"));
  }
  SUBCASE("disabled") {
    hints.disabled = true;
    const auto r = resolve(tree, hints);
    CHECK(r.photo.empty());
    CHECK(r.diagnostics.empty());
  }
}

TEST_CASE("photo: through loadFeed, from the front matter and the body") {
  const std::string big = jpegHeader(1200, 800);
  std::map<std::string, std::string> files = {
      {"logos/brand.png", pngHeader(512, 512)},
      {"logos/wire.example.svg", kSvg},
      {"images/story.jpg", big},
      {"images/second.jpg", big},
      {"images/hero.png", pngHeader(1600, 900)},
      {"images/related.jpg", big},
      {"posts/news.md",
       "---\ntitle: News\nprovider:\n  name: Wire\n  domain: wire.example\n"
       "images:\n  - url: https://img.example/media/brand.png\n    width: 512\n    height: 512\n"
       "  - url: https://img.example/media/story.jpg?w=1200\n    width: 1200\n    height: 800\n"
       "related:\n  - title: Other\n    images:\n      - url: https://img.example/related.jpg\n---\n"},
      {"posts/related-only.md",
       "---\ntitle: Related only\nrelated:\n  - title: Other\n    images:\n"
       "      - url: https://img.example/related.jpg\n---\n"},
      {"posts/blog.md",
       "---\ntitle: Blog\n---\n![Brand](/assets/images/brand.png)\n\nText.\n\n"
       "![Scene](/assets/images/second.jpg)\n"},
      {"posts/hero.md", "---\ntitle: Hero\nimage: /assets/images/hero.png\n---\n![Scene](/images/second.jpg)\n"},
      {"posts/body-in-images.md", "---\ntitle: Body in images\n---\n![Scene](/images/story.jpg)\n\nText.\n"},
      {"posts/none.md", "---\ntitle: None\nphoto: none\n---\n![Scene](/images/story.jpg)\n"},
      {"posts/false.md", "---\ntitle: False\nphoto: false\n---\n![Scene](/images/story.jpg)\n"},
      {"posts/true.md", "---\ntitle: True\nphoto: true\n---\n![Scene](/images/story.jpg)\n"},
      {"posts/chosen.md", "---\ntitle: Chosen\nphoto: second.jpg\n---\n![Scene](/images/story.jpg)\n"},
      {"posts/missing.md", "---\ntitle: Missing\n\nphoto: gone.jpg\n---\n![Scene](/images/story.jpg)\n"},
      {"posts/map.md", "---\ntitle: Map\nphoto: {path: x.jpg}\n---\n"},
  };
  const Feed feed = loadFeed(MemoryTree("t", files));
  const auto photo = [&](const std::string& file) {
    const Post* post = content_test::findPostByFile(feed.posts, file);
    REQUIRE(post != nullptr);
    return post->photo;
  };
  const auto logo = [&](const std::string& file) { return content_test::findPostByFile(feed.posts, file)->logo; };
  // The news item's first image is its logo (logos/brand.png), so the second is the photo;
  // related headlines' images are other stories' pictures.
  CHECK(logo("posts/news.md") == "logos/brand.png");
  CHECK(photo("posts/news.md") == "images/story.jpg");
  CHECK(photo("posts/related-only.md").empty());
  // The blog post's first body image is its logo, the next one its photo.
  CHECK(logo("posts/blog.md") == "logos/brand.png");
  CHECK(photo("posts/blog.md") == "images/second.jpg");
  // Jekyll's `image:` comes before the body's images.
  CHECK(photo("posts/hero.md") == "images/hero.png");
  // A body image in images/ is a photo, never a logo.
  CHECK(logo("posts/body-in-images.md").empty());
  CHECK(photo("posts/body-in-images.md") == "images/story.jpg");
  CHECK(photo("posts/none.md").empty());
  CHECK(photo("posts/false.md").empty());
  CHECK(photo("posts/true.md") == "images/story.jpg");
  CHECK(photo("posts/chosen.md") == "images/second.jpg");
  CHECK(photo("posts/missing.md") == "images/story.jpg");
  CHECK(photo("posts/map.md").empty());

  const auto* missing = content_test::findDiagnostic(feed.diagnostics, "posts/missing.md", Severity::Warning);
  REQUIRE(missing != nullptr);
  CHECK(missing->line == 4);
  CHECK(contains(missing->message, "gone.jpg"));
  const auto* map = content_test::findDiagnostic(feed.diagnostics, "posts/map.md", Severity::Warning);
  REQUIRE(map != nullptr);
  CHECK(map->line == 3);
  CHECK(contains(map->message, "photo"));
  CHECK(content_test::countOf(feed.diagnostics, Severity::Warning) == 2);
  CHECK(content_test::countOf(feed.diagnostics, Severity::Error) == 0);
}

TEST_CASE("photo: on disk, '../' and symlinks leading outside the folder never resolve") {
  TempDir temp("photo-escape");
  const fs::path root = temp.path() / "feed";
  const std::string big = jpegHeader(1200, 800);
  temp.write("outside/secret.jpg", big);
  temp.write("feed-sibling/secret.jpg", big);
  temp.write("feed/images/inside.jpg", big);
  temp.write("feed/posts/p.md", "---\ntitle: x\n---\n");
  fs::create_symlink(temp.path() / "outside" / "secret.jpg", root / "images" / "evil.jpg");
  fs::create_symlink(root / "images" / "inside.jpg", root / "images" / "alias.jpg");
  fs::create_directories(root / "assets");
  fs::create_symlink(temp.path() / "outside", root / "assets" / "images");
  const DiskTree tree(root);

  CHECK(resolve(tree, candidates({{"evil.jpg"}})).photo.empty());
  CHECK(resolve(tree, candidates({{"/assets/images/secret.jpg"}})).photo.empty());
  CHECK(resolve(tree, candidates({{"/../outside/secret.jpg"}})).photo.empty());
  CHECK(resolve(tree, candidates({{"../feed-sibling/secret.jpg"}})).photo.empty());
  CHECK(resolve(tree, candidates({{"alias.jpg"}})).photo == "images/alias.jpg");

  PhotoHints hints;
  hints.front_matter = "../../outside/secret.jpg";
  auto r = resolve(tree, hints);
  CHECK(r.photo.empty());
  CHECK(r.diagnostics.size() == 1);
  hints.front_matter = "evil.jpg";
  r = resolve(tree, hints);
  CHECK(r.photo.empty());
  CHECK(r.diagnostics.size() == 1);
}
