// SPDX-License-Identifier: Apache-2.0
// resolveLogo: the DESIGN.md order, confined to the content folder.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "ContentTestSupport.hpp"
#include "content/DiskTree.hpp"
#include "content/FeedLoader.hpp"
#include "content/LogoResolver.hpp"
#include "content/MemoryTree.hpp"

using namespace newsticker::content;
using content_test::contains;
using content_test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kSvg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>";

struct Resolved {
  std::string logo;
  std::vector<Diagnostic> diagnostics;
};

Resolved resolve(const ContentTree& tree, const LogoHints& hints, const FeedDefaults& defaults = {}) {
  Resolved out;
  out.logo = resolveLogo(tree, hints, defaults, "posts/p.md", out.diagnostics);
  return out;
}

// A tree holding a candidate for every step, so each step can be knocked out.
std::map<std::string, std::string> everyCandidate() {
  return {{"logos/front.svg", kSvg},
          {"logos/body.svg", kSvg},
          {"assets/images/site.svg", kSvg},
          {"logos/news.png", "png"},
          {"logos/wire.example.svg", kSvg},
          {"logos/house.svg", kSvg},
          {"posts/p.md", "---\ntitle: x\n---\n"}};
}

}  // namespace

TEST_CASE("logo: front matter logo: is a path inside logos/") {
  const MemoryTree tree("t", {{"logos/acme.svg", kSvg}, {"logos/brand/mark.png", "png"}});
  LogoHints hints;
  hints.front_matter = "acme.svg";
  auto r = resolve(tree, hints);
  CHECK(r.logo == "logos/acme.svg");
  CHECK(r.diagnostics.empty());
  hints.front_matter = "brand/mark.png";
  CHECK(resolve(tree, hints).logo == "logos/brand/mark.png");
}

TEST_CASE("logo: a missing front matter logo warns and falls through to the next step") {
  const MemoryTree tree("t", {{"logos/body.svg", kSvg}});
  LogoHints hints;
  hints.front_matter = "absent.svg";
  hints.body_image = "/assets/images/body.svg";
  const auto r = resolve(tree, hints);
  CHECK(r.logo == "logos/body.svg");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].severity == Severity::Warning);
  CHECK(r.diagnostics[0].file == "posts/p.md");
  CHECK(contains(r.diagnostics[0].message, "absent.svg"));
}

TEST_CASE("logo: Jekyll site path /assets/images/NAME is looked for in logos/, then in the folder") {
  LogoHints hints;
  hints.body_image = "/assets/images/intel-new-logo.svg";
  SUBCASE("as logos/NAME") {
    const MemoryTree tree("t", {{"logos/intel-new-logo.svg", kSvg}});
    CHECK(resolve(tree, hints).logo == "logos/intel-new-logo.svg");
  }
  SUBCASE("as assets/images/NAME inside the folder") {
    const MemoryTree tree("t", {{"assets/images/intel-new-logo.svg", kSvg}});
    CHECK(resolve(tree, hints).logo == "assets/images/intel-new-logo.svg");
  }
  SUBCASE("logos/ first when both exist") {
    const MemoryTree tree("t", {{"assets/images/intel-new-logo.svg", kSvg}, {"logos/intel-new-logo.svg", kSvg}});
    CHECK(resolve(tree, hints).logo == "logos/intel-new-logo.svg");
  }
  SUBCASE("neither: nothing, and no error") {
    const MemoryTree tree("t", {{"logos/other.svg", kSvg}});
    const auto r = resolve(tree, hints);
    CHECK(r.logo.empty());
    CHECK(content_test::countOf(r.diagnostics, Severity::Error) == 0);
  }
}

TEST_CASE("logo: a remote body image is matched by file name in logos/ only") {
  LogoHints hints;
  hints.body_image = "https://cdn.example.com/assets/images/remote.png?v=3#top";
  SUBCASE("in logos/") {
    const MemoryTree tree("t", {{"logos/remote.png", "png"}});
    CHECK(resolve(tree, hints).logo == "logos/remote.png");
  }
  SUBCASE("never as a site path") {
    const MemoryTree tree("t",
                          {{"assets/images/remote.png", "png"}, {"cdn.example.com/assets/images/remote.png", "png"}});
    CHECK(resolve(tree, hints).logo.empty());
    // A protocol-relative URL is remote too, not a path inside the folder.
    hints.body_image = "//cdn.example.com/assets/images/remote.png";
    CHECK(resolve(tree, hints).logo.empty());
  }
}

TEST_CASE("logo: news images[].url by file name in logos/") {
  const MemoryTree tree("t", {{"logos/second.jpg", "jpg"}});
  LogoHints hints;
  hints.image_urls = {"https://img.example.com/a/first.png",
                      "https://img.example.com/b/second.jpg?width=1200&fit=bounds"};
  CHECK(resolve(tree, hints).logo == "logos/second.jpg");
}

TEST_CASE("logo: logos/<provider.domain>.(svg|png|jpg)") {
  LogoHints hints;
  hints.provider_domain = "wire.example";
  SUBCASE("png") {
    const MemoryTree tree("t", {{"logos/wire.example.png", "png"}});
    CHECK(resolve(tree, hints).logo == "logos/wire.example.png");
  }
  SUBCASE("jpg") {
    const MemoryTree tree("t", {{"logos/wire.example.jpg", "jpg"}});
    CHECK(resolve(tree, hints).logo == "logos/wire.example.jpg");
  }
  SUBCASE("svg before png") {
    const MemoryTree tree("t", {{"logos/wire.example.png", "png"}, {"logos/wire.example.svg", kSvg}});
    CHECK(resolve(tree, hints).logo == "logos/wire.example.svg");
  }
  SUBCASE("a domain with a slash is not a file name") {
    hints.provider_domain = "../wire.example";
    const MemoryTree tree("t", {{"wire.example.png", "png"}, {"logos/../wire.example.png", "png"}});
    CHECK(resolve(tree, hints).logo.empty());
  }
}

TEST_CASE("logo: feed default, then none") {
  FeedDefaults defaults;
  defaults.logo = "house.svg";
  SUBCASE("feed default in logos/") {
    const MemoryTree tree("t", {{"logos/house.svg", kSvg}});
    CHECK(resolve(tree, LogoHints{}, defaults).logo == "logos/house.svg");
  }
  SUBCASE("feed default relative to the folder") {
    defaults.logo = "brand/house.svg";
    const MemoryTree tree("t", {{"brand/house.svg", kSvg}});
    CHECK(resolve(tree, LogoHints{}, defaults).logo == "brand/house.svg");
  }
  SUBCASE("nothing at all: monogram") {
    const MemoryTree tree("t", {{"posts/p.md", "x"}});
    const auto r = resolve(tree, LogoHints{}, FeedDefaults{});
    CHECK(r.logo.empty());
    CHECK(r.diagnostics.empty());
  }
}

TEST_CASE("logo: first hit wins, in the DESIGN.md order") {
  const MemoryTree tree("t", everyCandidate());
  FeedDefaults defaults;
  defaults.logo = "house.svg";
  LogoHints hints;
  hints.front_matter = "front.svg";
  hints.body_image = "/assets/images/body.svg";
  hints.image_urls = {"https://img.example.com/news.png"};
  hints.provider_domain = "wire.example";
  CHECK(resolve(tree, hints, defaults).logo == "logos/front.svg");
  hints.front_matter.clear();
  CHECK(resolve(tree, hints, defaults).logo == "logos/body.svg");
  hints.body_image = "/assets/images/site.svg";
  CHECK(resolve(tree, hints, defaults).logo == "assets/images/site.svg");
  hints.body_image.clear();
  CHECK(resolve(tree, hints, defaults).logo == "logos/news.png");
  hints.image_urls.clear();
  CHECK(resolve(tree, hints, defaults).logo == "logos/wire.example.svg");
  hints.provider_domain.clear();
  CHECK(resolve(tree, hints, defaults).logo == "logos/house.svg");
  CHECK(resolve(tree, hints, FeedDefaults{}).logo.empty());
}

TEST_CASE("logo: an escaping front matter logo never resolves (in memory) and warns") {
  const MemoryTree tree("t", {{"etc/passwd", "root:x:0:0"}, {"logos/ok.svg", kSvg}});
  LogoHints hints;
  hints.front_matter = "../../etc/passwd";
  const auto r = resolve(tree, hints);
  CHECK(r.logo.empty());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].severity == Severity::Warning);
  CHECK(contains(r.diagnostics[0].message, "../../etc/passwd"));
}

TEST_CASE("logo: on disk, '../' and symlinks leading outside the folder never resolve") {
  TempDir temp("logo-escape");
  const fs::path root = temp.path() / "feed";
  temp.write("outside/secret.svg", kSvg);
  temp.write("feed-sibling/logo.svg", kSvg);  // shares the folder name as a prefix
  temp.write("feed/logos/real.svg", kSvg);
  temp.write("feed/posts/p.md", "---\ntitle: x\n---\n");
  fs::create_symlink(temp.path() / "outside" / "secret.svg", root / "logos" / "evil.svg");
  fs::create_symlink(temp.path() / "outside" / "secret.svg", root / "logos" / "wire.example.png");
  fs::create_symlink(root / "logos" / "real.svg", root / "logos" / "alias.svg");
  fs::create_directories(root / "assets");
  fs::create_symlink(temp.path() / "outside", root / "assets" / "images");
  const DiskTree tree(root);

  SUBCASE("../../etc/passwd") {
    LogoHints hints;
    hints.front_matter = "../../etc/passwd";
    const auto r = resolve(tree, hints);
    CHECK(r.logo.empty());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::Warning);
    CHECK(contains(r.diagnostics[0].message, "../../etc/passwd"));
  }
  SUBCASE("../ to a real file outside") {
    LogoHints hints;
    hints.front_matter = "../../outside/secret.svg";
    const auto r = resolve(tree, hints);
    CHECK(r.logo.empty());
    CHECK(r.diagnostics.size() == 1);
  }
  SUBCASE("../ to a sibling folder whose name starts like the root") {
    LogoHints hints;
    hints.front_matter = "../../feed-sibling/logo.svg";
    const auto r = resolve(tree, hints);
    CHECK(r.logo.empty());
    CHECK(r.diagnostics.size() == 1);
  }
  SUBCASE("symlink in logos/ pointing outside") {
    LogoHints hints;
    hints.front_matter = "evil.svg";
    const auto r = resolve(tree, hints);
    CHECK(r.logo.empty());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(contains(r.diagnostics[0].message, "evil.svg"));
  }
  SUBCASE("body image through a symlinked folder, and by ../") {
    LogoHints hints;
    hints.body_image = "/assets/images/secret.svg";
    CHECK(resolve(tree, hints).logo.empty());
    hints.body_image = "/../outside/secret.svg";
    CHECK(resolve(tree, hints).logo.empty());
  }
  SUBCASE("provider domain whose logo is a symlink outside") {
    LogoHints hints;
    hints.provider_domain = "wire.example";
    CHECK(resolve(tree, hints).logo.empty());
  }
  SUBCASE("feed default escaping") {
    FeedDefaults defaults;
    defaults.logo = "../../outside/secret.svg";
    CHECK(resolve(tree, LogoHints{}, defaults).logo.empty());
    defaults.logo = "/etc/passwd";
    CHECK(resolve(tree, LogoHints{}, defaults).logo.empty());
    defaults.logo = "evil.svg";
    CHECK(resolve(tree, LogoHints{}, defaults).logo.empty());
  }
  SUBCASE("a symlink that stays inside is fine") {
    LogoHints hints;
    hints.front_matter = "alias.svg";
    const auto r = resolve(tree, hints);
    CHECK(r.logo == "logos/alias.svg");
    CHECK(r.diagnostics.empty());
  }
  SUBCASE("through loadFeed: the escaping post loads with a warning and no logo") {
    temp.write("feed/posts/p.md", "---\ntitle: Escaping logo\nlogo: ../../etc/passwd\n---\nText.\n");
    const Feed feed = loadFeed(tree);
    REQUIRE(feed.posts.size() == 1);
    CHECK(feed.posts[0].logo.empty());
    CHECK(feed.rejected_files == 0);
    const auto* warning = content_test::findDiagnostic(feed.diagnostics, "posts/p.md", Severity::Warning);
    REQUIRE(warning != nullptr);
    CHECK(contains(warning->message, "../../etc/passwd"));
  }
}

TEST_CASE("logo: a body image in images/ is a photo, never the logo") {
  const MemoryTree tree("t", {{"images/quay.jpg", "jpg"}, {"logos/house.svg", kSvg}});
  LogoHints hints;
  hints.body_image = "/images/quay.jpg";
  CHECK(resolve(tree, hints).logo.empty());
  FeedDefaults defaults;
  defaults.logo = "house.svg";
  CHECK(resolve(tree, hints, defaults).logo == "logos/house.svg");
  // The same file name in logos/ is a logo.
  const MemoryTree both("t", {{"images/quay.jpg", "jpg"}, {"logos/quay.jpg", "jpg"}});
  CHECK(resolve(both, hints).logo == "logos/quay.jpg");
}
