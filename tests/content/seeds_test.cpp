// SPDX-License-Identifier: Apache-2.0
// The five sample posts in ../shared/seeds: real inputs the product must load.
// Skipped (with a message) when the seeds folder is not there.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "ContentTestSupport.hpp"
#include "content/DiskTree.hpp"
#include "content/FeedLoader.hpp"
#include "content/LanguageDetector.hpp"
#include "content/Playlist.hpp"
#include "content/PostReader.hpp"

using namespace newsticker::content;
using content_test::contains;
using content_test::countOf;
using content_test::findPostByFilePrefix;
using content_test::startsWith;
namespace fs = std::filesystem;

namespace {

const fs::path kSeeds = NEWSTICKER_SEEDS_DIR;

// Fails the test (never passes it silently) when the seeds are missing.
bool seedsPresent() {
  std::error_code ec;
  if (fs::is_directory(kSeeds, ec)) return true;
  FAIL_CHECK("seeds folder " << kSeeds.string() << " not found: the seed tests need ../shared/seeds");
  return false;
}

// The seed file whose name starts with `prefix` ("000_" ...).
fs::path seedFile(const std::string& prefix) {
  for (const auto& entry : fs::directory_iterator(kSeeds)) {
    if (startsWith(entry.path().filename().string(), prefix)) return entry.path();
  }
  return {};
}

// Copies the seeds into `temp`/`folder` (plain bytes, so the copies are writable).
fs::path copySeeds(const content_test::TempDir& temp, const std::string& folder) {
  for (const auto& entry : fs::directory_iterator(kSeeds)) {
    if (entry.is_regular_file()) {
      temp.write(folder + "/" + entry.path().filename().string(), content_test::readFile(entry.path()));
    }
  }
  return temp.path() / folder;
}

std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++count;
  return count;
}

// The value of a top-level `key: "..."` line of a news item.
std::string quotedTopLevel(const std::string& text, const std::string& key) {
  const std::string start = "\n" + key + ": \"";
  const auto from = text.find(start);
  if (from == std::string::npos) return "";
  const auto begin = from + start.size();
  return text.substr(begin, text.find("\"\n", begin) - begin);
}

const char* const kTitles[] = {
    "Huawei Joins the PyTorch Foundation as a Premier Member",
    "Intel Joins the PyTorch Foundation as a Premier Member",
    "Announcing the PyTorch Foundation to Accelerate Progress in AI Research",
    ("AMD Joins New PyTorch Foundation as Founding Member To Promote Broader Adoption of Artificial Intelligence and "
     "Machine Learning Capabilities"),
    "Graphcore Joins the PyTorch Foundation as a General Member",
};

}  // namespace

TEST_CASE("seeds: the folder loads 5 posts, none rejected, no errors") {
  if (!seedsPresent()) return;
  const Feed feed = loadFeed(DiskTree(kSeeds));
  CHECK(feed.posts_folder == "");
  CHECK(feed.posts.size() == 5);
  CHECK(feed.rejected_files == 0);
  CHECK(countOf(feed.diagnostics, Severity::Error) == 0);
  for (const auto& d : feed.diagnostics) MESSAGE(formatDiagnostic(d));
}

TEST_CASE("seeds: titles are exactly as written") {
  if (!seedsPresent()) return;
  const Feed feed = loadFeed(DiskTree(kSeeds));
  REQUIRE(feed.posts.size() == 5);
  const char* prefixes[] = {"000_", "001_", "002_", "003_", "004_"};
  for (int i = 0; i < 5; ++i) {
    const Post* post = findPostByFilePrefix(feed.posts, prefixes[i]);
    REQUIRE(post != nullptr);
    CHECK(post->title == kTitles[i]);
  }
}

TEST_CASE("seeds: Huawei keeps its Chinese section as the second language") {
  if (!seedsPresent()) return;
  const Feed feed = loadFeed(DiskTree(kSeeds));
  const Post* huawei = findPostByFilePrefix(feed.posts, "000_");
  REQUIRE(huawei != nullptr);
  const std::string text = content_test::readFile(seedFile("000_"));
  const auto rule = text.find("<hr");
  REQUIRE(rule != std::string::npos);

  CHECK(startsWith(huawei->secondary_title, "华为"));
  CHECK(huawei->secondary_language == "zh-Hans");
  CHECK_FALSE(huawei->secondary_summary.empty());
  // The secondary summary is a paragraph from after the rule, not the title line.
  CHECK(text.find(huawei->secondary_summary, rule) != std::string::npos);
  CHECK(huawei->secondary_summary != huawei->secondary_title);
  CHECK(text.find(huawei->secondary_title, rule) != std::string::npos);

  // The primary summary is the first English paragraph, before the rule.
  CHECK_FALSE(huawei->summary.empty());
  const auto at = text.find(huawei->summary);
  CHECK(at != std::string::npos);
  CHECK(at < rule);
  CHECK(detectLanguage(huawei->summary).empty());
  CHECK(huawei->language != "zh-Hans");
  CHECK(huawei->date.empty());    // no date in the file or its name: never invented
  CHECK(huawei->source.empty());  // no author, no feed.yaml
  CHECK_FALSE(huawei->draft);
}

TEST_CASE("seeds: Intel's summary is clean prose and its logo resolves from logos/") {
  if (!seedsPresent()) return;
  const Feed feed = loadFeed(DiskTree(kSeeds));
  const Post* intel = findPostByFilePrefix(feed.posts, "001_");
  REQUIRE(intel != nullptr);
  const std::string text = content_test::readFile(seedFile("001_"));
  CHECK_FALSE(intel->summary.empty());
  CHECK_FALSE(contains(intel->summary, "{:"));
  CHECK_FALSE(contains(intel->summary, "Intel logo"));
  CHECK_FALSE(contains(intel->summary, "max-width"));
  CHECK_FALSE(contains(intel->summary, "!["));
  // The first prose paragraph follows the image line in the file.
  const auto at = text.find(intel->summary);
  CHECK(at != std::string::npos);
  CHECK(at > text.find("intel-new-logo.svg"));
  CHECK(intel->secondary_title.empty());
  CHECK(intel->logo.empty());  // no logos/ folder next to the seeds

  content_test::TempDir temp("seeds-intel");
  const fs::path root = copySeeds(temp, "feed");
  SUBCASE("logos/intel-new-logo.svg") {
    temp.write(
        "feed/logos/intel-new-logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\"><rect width=\"8\" height=\"8\"/></svg>");
    const Feed copy = loadFeed(DiskTree(root));
    CHECK(copy.posts.size() == 5);
    const Post* copied = findPostByFilePrefix(copy.posts, "001_");
    REQUIRE(copied != nullptr);
    CHECK(copied->logo == "logos/intel-new-logo.svg");
    const Post* graphcore = findPostByFilePrefix(copy.posts, "004_");
    REQUIRE(graphcore != nullptr);
    CHECK(graphcore->logo.empty());
  }
  SUBCASE("the Jekyll site path assets/images/intel-new-logo.svg") {
    temp.write("feed/assets/images/intel-new-logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    const Feed copy = loadFeed(DiskTree(root));
    const Post* copied = findPostByFilePrefix(copy.posts, "001_");
    REQUIRE(copied != nullptr);
    CHECK(copied->logo == "assets/images/intel-new-logo.svg");
  }
  SUBCASE("news items by image file name and by provider domain") {
    temp.write("feed/logos/PaidContent3.png", "png");
    temp.write("feed/logos/fb.com.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    const Feed copy = loadFeed(DiskTree(root));
    const Post* amd = findPostByFilePrefix(copy.posts, "003_");
    const Post* fb = findPostByFilePrefix(copy.posts, "002_");
    REQUIRE(amd != nullptr);
    REQUIRE(fb != nullptr);
    CHECK(amd->logo == "logos/PaidContent3.png");
    CHECK(fb->logo == "logos/fb.com.svg");
  }
}

TEST_CASE("seeds: the two news items are drafts with provider, date, topics and related headlines") {
  if (!seedsPresent()) return;
  const Feed feed = loadFeed(DiskTree(kSeeds));
  const Post* fb = findPostByFilePrefix(feed.posts, "002_");
  const Post* amd = findPostByFilePrefix(feed.posts, "003_");
  REQUIRE(fb != nullptr);
  REQUIRE(amd != nullptr);
  const std::string fb_text = content_test::readFile(seedFile("002_"));
  const std::string amd_text = content_test::readFile(seedFile("003_"));

  CHECK(fb->draft);
  CHECK(fb->source == "about.fb");
  CHECK(fb->date == "2022-09-12T13:00:00Z");
  CHECK(fb->topics == std::vector<std::string>{"Microsoft AI", "AI", "Facebook AI"});
  CHECK(fb->weight == doctest::Approx(36));
  CHECK(fb->url == quotedTopLevel(fb_text, "webUrl"));
  CHECK(fb->summary == quotedTopLevel(fb_text, "excerpt"));
  // Counted by hand in 002: six related headlines.
  CHECK(fb->related.size() == 6);
  CHECK(fb->related.size() == occurrences(fb_text, "\n  - title: "));
  REQUIRE_FALSE(fb->related.empty());
  CHECK(fb->related.front().source == "SD Times");
  CHECK(fb->related.back().source == "datanami.com");

  CHECK(amd->draft);
  CHECK(amd->source == "Associated Press");
  CHECK(amd->date == "2022-09-12T13:32:00Z");
  CHECK(amd->topics == std::vector<std::string>{"AI", "Machine Learning", "Facebook AI"});
  CHECK(amd->weight == doctest::Approx(36));
  CHECK(amd->url == quotedTopLevel(amd_text, "webUrl"));
  CHECK(amd->summary == quotedTopLevel(amd_text, "excerpt"));
  // Counted by hand in 003: eleven related headlines.
  CHECK(amd->related.size() == 11);
  CHECK(amd->related.size() == occurrences(amd_text, "\n  - title: "));
  REQUIRE_FALSE(amd->related.empty());
  CHECK(amd->related.front().source == "ZDNet");
  for (const auto& headline : amd->related) {
    CHECK_FALSE(headline.title.empty());
    CHECK_FALSE(headline.source.empty());
  }
}

TEST_CASE("seeds: the secured blob of the news items is in no Post field") {
  if (!seedsPresent()) return;
  const Feed feed = loadFeed(DiskTree(kSeeds));
  for (const char* prefix : {"002_", "003_"}) {
    CAPTURE(prefix);
    const std::string secured = quotedTopLevel(content_test::readFile(seedFile(prefix)), "secured");
    REQUIRE(secured.size() > 40);
    const std::string head = secured.substr(0, 24);
    const std::string tail = secured.substr(secured.size() - 16);
    for (const Post& post : feed.posts) {
      for (const std::string& text : content_test::allTextOf(post)) {
        CHECK_FALSE(contains(text, head));
        CHECK_FALSE(contains(text, tail));
      }
    }
  }
}

TEST_CASE("seeds: playlist hides the two drafts; with drafts, dated news first") {
  if (!seedsPresent()) return;
  const Feed feed = loadFeed(DiskTree(kSeeds));
  REQUIRE(feed.posts.size() == 5);
  const auto shown = buildPlaylist(feed.posts, false);
  REQUIRE(shown.size() == 3);
  CHECK(startsWith(fs::path(shown[0].file).filename().string(), "000_"));
  CHECK(startsWith(fs::path(shown[1].file).filename().string(), "001_"));
  CHECK(startsWith(fs::path(shown[2].file).filename().string(), "004_"));

  const auto all = buildPlaylist(feed.posts, true);
  REQUIRE(all.size() == 5);
  const char* order[] = {"003_", "002_", "000_", "001_", "004_"};
  for (int i = 0; i < 5; ++i) CHECK(startsWith(fs::path(all[i].file).filename().string(), order[i]));
}

TEST_CASE("seeds: each file also reads on its own, as a .md under posts/") {
  if (!seedsPresent()) return;
  content_test::TempDir temp("seeds-posts");
  std::set<std::string> titles;
  for (const auto& entry : fs::directory_iterator(kSeeds)) {
    const std::string name = entry.path().stem().string() + ".md";
    temp.write("feed/posts/" + name, content_test::readFile(entry.path()));
  }
  temp.write("feed/feed.yaml", "name: Booth Feed\nlanguage: en\n");
  const Feed feed = loadFeed(DiskTree(temp.path() / "feed"));
  CHECK(feed.posts_folder == "posts");
  REQUIRE(feed.posts.size() == 5);
  for (const auto& post : feed.posts) titles.insert(post.title);
  for (const char* title : kTitles) CHECK(titles.count(title) == 1);
  const Post* huawei = findPostByFilePrefix(feed.posts, "000_");
  REQUIRE(huawei != nullptr);
  CHECK(huawei->source == "Booth Feed");
  CHECK(huawei->language == "en");
  CHECK(huawei->secondary_language == "zh-Hans");
  const Post* amd = findPostByFilePrefix(feed.posts, "003_");
  REQUIRE(amd != nullptr);
  CHECK(amd->source == "Associated Press");
}

TEST_CASE("seeds: no photo while the pictures they name are absent") {
  if (!seedsPresent()) return;
  const Feed feed = loadFeed(DiskTree(kSeeds));
  REQUIRE(feed.posts.size() == 5);
  for (const Post& post : feed.posts) {
    CAPTURE(post.file);
    CHECK(post.photo.empty());
  }
}

TEST_CASE("seeds: photos from images[] and body images, never the logo, an SVG, a small picture or a related story's") {
  if (!seedsPresent()) return;
  content_test::TempDir temp("seeds-photos");
  const fs::path root = copySeeds(temp, "feed");
  const auto load = [&] { return loadFeed(DiskTree(root)); };
  const auto post = [](const Feed& feed, const char* prefix) {
    const Post* found = findPostByFilePrefix(feed.posts, prefix);
    REQUIRE(found != nullptr);
    return *found;
  };
  const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\"/>";

  SUBCASE("AMD: its images[] picture (700x450) is a photo in images/, the logo when in logos/") {
    temp.write("feed/images/PaidContent3.png", content_test::pngHeader(700, 450));
    CHECK(post(load(), "003_").photo == "images/PaidContent3.png");
    CHECK(post(load(), "003_").logo.empty());
    temp.write("feed/logos/PaidContent3.png", content_test::pngHeader(700, 450));
    CHECK(post(load(), "003_").logo == "logos/PaidContent3.png");
    CHECK(post(load(), "003_").photo == "images/PaidContent3.png");  // images/ first: a different file
    fs::remove(root / "images" / "PaidContent3.png");
    CHECK(post(load(), "003_").photo.empty());  // the only candidate is the logo
  }
  SUBCASE("fb.com: only related headlines carry pictures, and those are other stories'") {
    temp.write("feed/images/1_LLVL8xUiUOBE8WHgzAuY-Q.png", content_test::pngHeader(2000, 1125));
    CHECK(post(load(), "002_").photo.empty());
  }
  SUBCASE("Intel: the logo SVG never; Wei Li's picture only when it is large enough") {
    temp.write("feed/logos/intel-new-logo.svg", svg);
    temp.write("feed/images/wei-li.jpg", content_test::jpegHeader(250, 250));
    Post intel = post(load(), "001_");
    CHECK(intel.logo == "logos/intel-new-logo.svg");
    CHECK(intel.photo.empty());
    temp.write("feed/images/wei-li.jpg", content_test::jpegHeader(800, 800));
    intel = post(load(), "001_");
    CHECK(intel.photo == "images/wei-li.jpg");
    temp.write("feed/images/intel-new-logo.svg", svg);  // an SVG in images/ is neither logo nor photo
    fs::remove(root / "logos" / "intel-new-logo.svg");
    intel = post(load(), "001_");
    CHECK(intel.logo.empty());
    CHECK(intel.photo == "images/wei-li.jpg");
  }
  SUBCASE("Graphcore as a Jekyll site: its one body image is its logo, not a photo") {
    temp.write("feed/assets/images/graphcore-logo.jpg", content_test::jpegHeader(1200, 800));
    const Post graphcore = post(load(), "004_");
    CHECK(graphcore.logo == "assets/images/graphcore-logo.jpg");
    CHECK(graphcore.photo.empty());
  }
  SUBCASE("photo: none in a copy wins over everything") {
    temp.write("feed/images/wei-li.jpg", content_test::jpegHeader(800, 800));
    std::string text = content_test::readFile(seedFile("001_"));
    text.insert(text.find("\n---", 3), "\nphoto: none");
    temp.write("feed/" + seedFile("001_").filename().string(), text);
    CHECK(post(load(), "001_").photo.empty());
  }
}

TEST_CASE("seeds: URLs; the blog posts have no date, so a dated permalink gives them none") {
  if (!seedsPresent()) return;
  content_test::TempDir temp("seeds-urls");
  const fs::path root = copySeeds(temp, "feed");
  temp.write("feed/feed.yaml", "name: Booth Feed\nbase_url: https://booth.example\n");
  Feed feed = loadFeed(DiskTree(root));
  CHECK(feed.diagnostics.empty());
  REQUIRE(feed.posts.size() == 5);
  const auto url = [&](const char* prefix) { return findPostByFilePrefix(feed.posts, prefix)->url; };
  CHECK(url("000_").empty());
  CHECK(url("001_").empty());
  CHECK(url("004_").empty());
  CHECK(url("002_") == quotedTopLevel(content_test::readFile(seedFile("002_")), "webUrl"));
  CHECK(url("003_") == quotedTopLevel(content_test::readFile(seedFile("003_")), "webUrl"));

  temp.write("feed/feed.yaml", "name: Booth Feed\nbase_url: https://booth.example\npermalink: /news/:title/\n");
  feed = loadFeed(DiskTree(root));
  CHECK(url("000_") == "https://booth.example/news/" + seedFile("000_").stem().string() + "/");
  CHECK(url("002_") == quotedTopLevel(content_test::readFile(seedFile("002_")), "webUrl"));
}
