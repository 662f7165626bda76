// SPDX-License-Identifier: Apache-2.0
// Issue 10, case 4 (content side): a post file that is a special file or a
// link out of the folder, and a posts/ that leads outside, are reported as
// rejected, not silently dropped; and a FIFO never blocks a read.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>

#include "ContentTestSupport.hpp"
#include "content/DiskTree.hpp"
#include "content/FeedLoader.hpp"

using namespace newsticker::content;
namespace fs = std::filesystem;

namespace {

std::string post(const std::string& title) { return "---\ntitle: \"" + title + "\"\n---\nBody text.\n"; }

const Diagnostic* diagnosticFor(const Feed& feed, const std::string& file) {
  for (const Diagnostic& d : feed.diagnostics) {
    if (d.file == file) return &d;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a FIFO, a link out of the folder and a dangling link in posts/ are rejected with a reason") {
  content_test::TempDir temp("skipped");
  temp.write("secret.md", post("Outside"));
  temp.write("feed/posts/good.md", post("Good"));
  REQUIRE(::mkfifo((temp.path() / "feed/posts/pipe.md").c_str(), 0600) == 0);
  fs::create_symlink(temp.path() / "secret.md", temp.path() / "feed/posts/leak.md");
  fs::create_symlink("/etc/shadow", temp.path() / "feed/posts/shadow.md");
  fs::create_symlink(temp.path() / "feed/posts/gone.md", temp.path() / "feed/posts/dangling.md");
  fs::create_symlink("/etc/hostname", temp.path() / "feed/posts/notes.json");  // not a post: not reported

  const auto started = std::chrono::steady_clock::now();
  const Feed feed = loadFeed(DiskTree(temp.path() / "feed"));
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  REQUIRE(feed.posts.size() == 1);
  CHECK(feed.posts[0].title == "Good");
  CHECK(feed.rejected_files == 4);
  CHECK(feed.diagnostics.size() == 4);
  const Diagnostic* pipe = diagnosticFor(feed, "posts/pipe.md");
  REQUIRE(pipe != nullptr);
  CHECK(pipe->severity == Severity::Error);
  CHECK(pipe->message == "is a FIFO (named pipe), not a regular file; not read");
  const Diagnostic* leak = diagnosticFor(feed, "posts/leak.md");
  REQUIRE(leak != nullptr);
  CHECK(leak->message == "is a link that leads outside the content folder; not read");
  const Diagnostic* shadow = diagnosticFor(feed, "posts/shadow.md");
  REQUIRE(shadow != nullptr);
  CHECK(shadow->message == "is a link that leads outside the content folder; not read");
  const Diagnostic* dangling = diagnosticFor(feed, "posts/dangling.md");
  REQUIRE(dangling != nullptr);
  CHECK(dangling->message == "is a link to nothing; not read");
}

TEST_CASE("a posts/ folder that leads outside the content folder is reported") {
  content_test::TempDir temp("posts-out");
  temp.write("elsewhere/a.md", post("Elsewhere"));
  fs::create_directories(temp.path() / "feed");
  fs::create_directory_symlink(temp.path() / "elsewhere", temp.path() / "feed/posts");
  const Feed feed = loadFeed(DiskTree(temp.path() / "feed"));
  CHECK(feed.posts.empty());
  CHECK(feed.rejected_files == 1);
  REQUIRE(feed.diagnostics.size() == 1);
  CHECK(feed.diagnostics[0].file == "posts");
  CHECK(feed.diagnostics[0].severity == Severity::Error);
  CHECK(feed.diagnostics[0].message == "is a link that leads outside the content folder; its posts are not read");
}

TEST_CASE("reading a FIFO named like a file returns at once, unread") {
  content_test::TempDir temp("fifo-read");
  fs::create_directories(temp.path() / "logos");
  REQUIRE(::mkfifo((temp.path() / "logos/pipe.png").c_str(), 0600) == 0);
  const DiskTree tree(temp.path());
  CHECK_FALSE(tree.hasFile("logos/pipe.png"));
  CHECK(tree.read("logos/pipe.png", 1024).status != FileRead::Status::Ok);
  CHECK(tree.readStart("logos/pipe.png", 64).status != FileRead::Status::Ok);
  const auto skipped = tree.listSkipped("logos");
  REQUIRE(skipped.size() == 1);
  CHECK(skipped[0].name == "pipe.png");
}
