// SPDX-License-Identifier: Apache-2.0
// A logo or photo that failed is not decoded again while its file stays the
// same: a bomb or a slow SVG costs its work once, not once a cycle. Counted
// on a real folder through a tree that forwards to DiskTree and counts reads.
#include <doctest/doctest.h>

#include <SDL_image.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "RealFonts.hpp"
#include "content/DiskTree.hpp"
#include "render/CardRenderer.hpp"

using namespace newsticker;
namespace fs = std::filesystem;

namespace {

// A DiskTree that counts how often a file's bytes are read.
class CountingTree final : public content::ContentTree {
 public:
  explicit CountingTree(const fs::path& root) : disk_(root) {}
  std::vector<std::string> listFiles(const std::string& dir) const override { return disk_.listFiles(dir); }
  bool hasFolder(const std::string& dir) const override { return disk_.hasFolder(dir); }
  bool hasFile(const std::string& path) const override { return disk_.hasFile(path); }
  content::FileRead read(const std::string& path, std::size_t max_bytes) const override {
    ++reads;
    return disk_.read(path, max_bytes);
  }
  content::FileRead readStart(const std::string& path, std::size_t count) const override {
    ++header_reads;
    return disk_.readStart(path, count);
  }
  std::optional<content::FileStamp> stamp(const std::string& path) const override { return disk_.stamp(path); }
  std::string describe() const override { return disk_.describe(); }

  mutable std::atomic<int> reads{0};
  mutable std::atomic<int> header_reads{0};

 private:
  content::DiskTree disk_;
};

void write(const fs::path& file, const std::string& bytes) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace

TEST_CASE("a logo that failed is not decoded again until its file changes") {
  IMG_Init(IMG_INIT_PNG);
  const fs::path root = fs::temp_directory_path() / "newsticker-failed-logo";
  fs::remove_all(root);
  // Too many numbers to rasterise: refused after reading the whole file.
  std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'><path d='M0 0";
  for (int i = 0; i < 30000; ++i) svg += " L" + std::to_string(i % 100) + " " + std::to_string((i * 7) % 100);
  svg += "' stroke='black'/></svg>";
  write(root / "logos" / "slow.svg", svg);
  CountingTree tree(root);
  render::CardRenderer renderer(realFonts(), render::Theme{}, "en");
  content::Post post;
  post.file = "posts/a.md";
  post.title = "A card whose logo is too much work";
  post.source = "Harbor Library";
  post.logo = "logos/slow.svg";

  std::vector<std::string> first;
  REQUIRE(renderer.render(post, tree, {960, 540}, first));
  REQUIRE(first.size() == 1);
  CHECK(first[0].find("monogram") != std::string::npos);
  const int reads_after_first = tree.reads.load();
  CHECK(reads_after_first >= 1);

  std::vector<std::string> second;
  REQUIRE(renderer.render(post, tree, {1280, 720}, second));
  CHECK(tree.reads.load() == reads_after_first);  // not read, not parsed again
  CHECK(second == first);                         // the same reason, remembered

  // Fixed by the editor: the new file is decoded and drawn.
  write(root / "logos" / "slow.svg",
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><rect width='10' height='10' fill='red'/></svg>");
  std::vector<std::string> third;
  REQUIRE(renderer.render(post, tree, {960, 540}, third));
  CHECK(tree.reads.load() > reads_after_first);
  CHECK(third.empty());
  fs::remove_all(root);
}
