// SPDX-License-Identifier: Apache-2.0
// MemoryTree and DiskTree: listing, limits, and confinement to the folder.
#include <doctest/doctest.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "ContentTestSupport.hpp"
#include "content/DiskTree.hpp"
#include "content/MemoryTree.hpp"

using namespace newsticker::content;
using content_test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("memory tree: lists direct children sorted, knows folders, reads with a limit") {
  const MemoryTree tree("memory", {{"posts/b.md", "bbb"},
                                   {"posts/a.md", "a"},
                                   {"posts/deeper/c.md", "c"},
                                   {"logos/x.svg", "<svg/>"},
                                   {"top.md", "top"}});
  CHECK(tree.listFiles("posts") == std::vector<std::string>{"a.md", "b.md"});
  CHECK(tree.listFiles("") == std::vector<std::string>{"top.md"});
  CHECK(tree.listFiles("missing").empty());
  CHECK(tree.hasFolder("posts"));
  CHECK(tree.hasFolder("posts/deeper"));
  CHECK(tree.hasFolder(""));
  CHECK_FALSE(tree.hasFolder("post"));
  CHECK_FALSE(tree.hasFolder("_posts"));
  CHECK(tree.hasFile("posts/a.md"));
  CHECK_FALSE(tree.hasFile("posts"));
  CHECK(tree.describe() == "memory");

  const FileRead ok = tree.read("posts/b.md", 3);
  CHECK(ok.status == FileRead::Status::Ok);
  CHECK(ok.bytes == "bbb");
  const FileRead big = tree.read("posts/b.md", 2);
  CHECK(big.status == FileRead::Status::TooLarge);
  CHECK(big.bytes.empty());
  CHECK(big.size == 3);
  CHECK(tree.read("nope.md", 100).status == FileRead::Status::Missing);
}

TEST_CASE("disk tree: a missing root or a file as root throws") {
  TempDir temp("tree-root");
  temp.write("file.txt", "x");
  CHECK_THROWS_AS(DiskTree(temp.path() / "does-not-exist"), std::runtime_error);
  CHECK_THROWS_AS(DiskTree(temp.path() / "file.txt"), std::runtime_error);
  CHECK_NOTHROW(DiskTree(temp.path()));
}

TEST_CASE("disk tree: lists regular files sorted, reads within the limit") {
  TempDir temp("tree-list");
  temp.write("posts/b.md", "bbbb");
  temp.write("posts/a.md", "a");
  temp.write("posts/sub/inner.md", "inner");
  const DiskTree tree(temp.path());
  CHECK(tree.listFiles("posts") == std::vector<std::string>{"a.md", "b.md"});
  CHECK(tree.hasFolder("posts"));
  CHECK(tree.hasFolder("posts/sub"));
  CHECK_FALSE(tree.hasFolder("posts/a.md"));
  CHECK(tree.hasFile("posts/sub/inner.md"));
  CHECK_FALSE(tree.hasFile("posts/sub"));
  CHECK(tree.describe() == fs::canonical(temp.path()).string());

  const FileRead ok = tree.read("posts/b.md", 4);
  CHECK(ok.status == FileRead::Status::Ok);
  CHECK(ok.bytes == "bbbb");
  CHECK(ok.size == 4);
  const FileRead big = tree.read("posts/b.md", 3);
  CHECK(big.status == FileRead::Status::TooLarge);
  CHECK(big.bytes.empty());
  CHECK(tree.read("posts/none.md", 10).status == FileRead::Status::Missing);
}

TEST_CASE("disk tree: nothing outside the folder is reachable") {
  TempDir temp("tree-confine");
  const fs::path root = temp.path() / "feed";
  temp.write("outside.md", "---\ntitle: outside\n---\n");
  temp.write("feed/posts/inside.md", "---\ntitle: inside\n---\n");
  fs::create_symlink(temp.path() / "outside.md", root / "posts" / "link-out.md");
  fs::create_symlink(root / "posts" / "inside.md", root / "posts" / "link-in.md");
  fs::create_directory_symlink(temp.path(), root / "up");
  const DiskTree tree(root);

  CHECK_FALSE(tree.hasFile("../outside.md"));
  CHECK_FALSE(tree.hasFile("posts/../../outside.md"));
  CHECK_FALSE(tree.hasFile("/etc/passwd"));
  CHECK_FALSE(tree.hasFile("posts/link-out.md"));
  CHECK_FALSE(tree.hasFile("up/outside.md"));
  CHECK_FALSE(tree.hasFolder("up"));
  CHECK_FALSE(tree.hasFolder(".."));
  CHECK(tree.read("../outside.md", 1000).status == FileRead::Status::Missing);
  CHECK(tree.read("posts/link-out.md", 1000).status == FileRead::Status::Missing);
  CHECK(tree.listFiles("up").empty());
  CHECK(tree.listFiles("..").empty());
  CHECK_FALSE(tree.confined("../outside.md").has_value());
  CHECK_FALSE(tree.confined("/tmp").has_value());

  // A link that stays inside is an ordinary file.
  CHECK(tree.hasFile("posts/link-in.md"));
  CHECK(tree.listFiles("posts") == std::vector<std::string>{"inside.md", "link-in.md"});
  REQUIRE(tree.confined("posts/inside.md").has_value());
  CHECK(*tree.confined("posts/inside.md") == fs::canonical(root / "posts" / "inside.md"));
}

TEST_CASE("readStart: the first bytes of a file of any length, inside the folder only") {
  const MemoryTree memory("memory", {{"images/a.jpg", "0123456789"}});
  FileRead start = memory.readStart("images/a.jpg", 4);
  CHECK(start.status == FileRead::Status::Ok);
  CHECK(start.bytes == "0123");
  CHECK(start.size == 10);
  CHECK(memory.readStart("images/a.jpg", 100).bytes == "0123456789");
  CHECK(memory.readStart("images/none.jpg", 4).status == FileRead::Status::Missing);

  TempDir temp("tree-start");
  const fs::path root = temp.path() / "feed";
  temp.write("outside.jpg", "secret bytes");
  temp.write("feed/images/a.jpg", "0123456789");
  fs::create_symlink(temp.path() / "outside.jpg", root / "images" / "out.jpg");
  const DiskTree disk(root);
  start = disk.readStart("images/a.jpg", 4);
  CHECK(start.status == FileRead::Status::Ok);
  CHECK(start.bytes == "0123");
  CHECK(start.size == 10);
  CHECK(disk.readStart("images/a.jpg", 100).bytes == "0123456789");
  CHECK(disk.readStart("images/out.jpg", 4).status == FileRead::Status::Missing);
  CHECK(disk.readStart("../outside.jpg", 4).status == FileRead::Status::Missing);
  CHECK(disk.readStart("images", 4).status == FileRead::Status::Missing);
}

TEST_CASE("disk tree: a folder already in use cannot be used to reach outside later") {
  // Folders are checked once and held open: a file swapped for a link out
  // afterwards is still refused, and so is a folder swapped for one.
  TempDir temp("tree-swap");
  const fs::path root = temp.path() / "feed";
  temp.write("secret.txt", "outside");
  temp.write("feed/posts/a.md", "inside");
  temp.write("feed/logos/x.png", "png");
  const DiskTree tree(root);
  REQUIRE(tree.read("posts/a.md", 100).bytes == "inside");
  REQUIRE(tree.hasFile("logos/x.png"));
  fs::remove(root / "posts" / "a.md");
  fs::create_symlink(temp.path() / "secret.txt", root / "posts" / "a.md");
  CHECK_FALSE(tree.hasFile("posts/a.md"));
  CHECK(tree.read("posts/a.md", 100).status == FileRead::Status::Missing);
  CHECK_FALSE(tree.stamp("posts/a.md").has_value());
  fs::rename(root / "logos", temp.path() / "old-logos");
  fs::create_directory_symlink(temp.path(), root / "logos");
  CHECK(tree.read("logos/secret.txt", 100).status != FileRead::Status::Ok);
}

TEST_CASE("disk tree: hundreds of folders, past the held ones, still work") {
  TempDir temp("tree-many");
  for (int i = 0; i < 300; ++i) temp.write("images/f" + std::to_string(i) + "/p.png", std::to_string(i));
  const DiskTree tree(temp.path());
  for (int i = 0; i < 300; ++i) {
    const std::string folder = "images/f" + std::to_string(i);
    CAPTURE(folder);
    CHECK(tree.hasFolder(folder));
    CHECK(tree.listFiles(folder) == std::vector<std::string>{"p.png"});
    CHECK(tree.read(folder + "/p.png", 10).bytes == std::to_string(i));
    CHECK(tree.stamp(folder + "/p.png").has_value());
  }
  CHECK_FALSE(tree.hasFolder("images/f300"));
}

TEST_CASE("stamp: changes when a file is rewritten or replaced, nothing for what is not a file") {
  TempDir temp("tree-stamp");
  temp.write("posts/a.md", "one");
  const DiskTree tree(temp.path());
  const auto first = tree.stamp("posts/a.md");
  REQUIRE(first.has_value());
  CHECK(first->size == 3);
  CHECK(first == tree.stamp("posts/a.md"));
  temp.write("posts/a.md", "two!");  // rewritten in place
  const auto second = tree.stamp("posts/a.md");
  REQUIRE(second.has_value());
  CHECK(second->size == 4);
  CHECK(second != first);
  temp.write("posts/new.md", "two!");
  fs::rename(temp.path() / "posts" / "new.md", temp.path() / "posts" / "a.md");  // replaced, same size
  CHECK(tree.stamp("posts/a.md") != second);
  CHECK_FALSE(tree.stamp("posts").has_value());
  CHECK_FALSE(tree.stamp("posts/none.md").has_value());
  CHECK_FALSE(tree.stamp("../a.md").has_value());

  const MemoryTree memory("memory", {{"posts/a.md", "one"}, {"posts/b.md", "two"}});
  REQUIRE(memory.stamp("posts/a.md").has_value());
  CHECK(memory.stamp("posts/a.md")->size == 3);
  CHECK(memory.stamp("posts/a.md") != memory.stamp("posts/b.md"));
  CHECK_FALSE(memory.stamp("posts/c.md").has_value());
}
