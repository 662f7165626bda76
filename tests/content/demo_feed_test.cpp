// SPDX-License-Identifier: Apache-2.0
// The built-in demo feed (content/demo/, embedded at build time).
#include <doctest/doctest.h>

#include <map>
#include <sstream>
#include <string>

#include "ContentTestSupport.hpp"
#include "content/DemoFeed.hpp"
#include "content/FeedLoader.hpp"
#include "content/Playlist.hpp"
#include "content/PostDate.hpp"
#include "content/RasterHeader.hpp"
#include "content/ShowWindow.hpp"

using namespace newsticker::content;
using content_test::countOf;
using content_test::findPostByFile;
using content_test::startsWith;

namespace {

constexpr std::size_t kDemoPosts = 17;

std::size_t wordCount(const std::string& text) {
  std::istringstream words(text);
  std::size_t count = 0;
  for (std::string word; words >> word;) ++count;
  return count;
}

const Post& demoPost(const Feed& feed, const std::string& name) {
  const Post* post = findPostByFile(feed.posts, "posts/" + name);
  REQUIRE_MESSAGE(post != nullptr, name);
  return *post;
}

}  // namespace

TEST_CASE("demo feed: loads without errors and has enough posts") {
  const ContentTree& tree = demoFeed();
  CHECK(tree.describe() == "built-in demo feed");
  const Feed feed = loadFeed(tree);
  for (const auto& d : feed.diagnostics) MESSAGE(formatDiagnostic(d));
  CHECK(countOf(feed.diagnostics, Severity::Error) == 0);
  CHECK(feed.rejected_files == 0);
  CHECK(feed.posts.size() >= 6);
  CHECK(feed.posts_folder == "posts");
}

TEST_CASE("demo feed: all 17 posts load with no diagnostic at all, none a draft") {
  const Feed feed = loadFeed(demoFeed());
  for (const auto& d : feed.diagnostics) MESSAGE(formatDiagnostic(d));
  CHECK(feed.diagnostics.empty());
  CHECK(feed.posts.size() == kDemoPosts);
  CHECK(demoFeed().listFiles("posts").size() == kDemoPosts);
  for (const Post& post : feed.posts) CHECK_FALSE(post.draft);
  CHECK(buildPlaylist(feed.posts, false).size() == kDemoPosts);
  CHECK(feed.defaults.base_url == "https://news.harbor-city.example");
  CHECK(feed.defaults.permalink == "/:year/:month/:day/:title/");
}

TEST_CASE("demo feed: shows Japanese, Korean, a Chinese second language and related headlines") {
  const Feed feed = loadFeed(demoFeed());
  bool ja = false, ko = false, zh_secondary = false, related = false;
  for (const Post& post : feed.posts) {
    ja = ja || post.language == "ja";
    ko = ko || post.language == "ko";
    if (post.secondary_language.matches("zh")) {
      zh_secondary = true;
      CHECK_FALSE(post.secondary_title.empty());
      CHECK_FALSE(post.secondary_summary.empty());
    }
    related = related || !post.related.empty();
  }
  CHECK(ja);
  CHECK(ko);
  CHECK(zh_secondary);
  CHECK(related);
}

TEST_CASE("demo feed: every post has a logo that exists or a source for the monogram") {
  const ContentTree& tree = demoFeed();
  const Feed feed = loadFeed(tree);
  REQUIRE_FALSE(feed.posts.empty());
  for (const Post& post : feed.posts) {
    CAPTURE(post.file);
    CHECK_FALSE(post.title.empty());
    CHECK((!post.logo.empty() || !post.source.empty()));
    if (!post.logo.empty()) CHECK(tree.hasFile(post.logo));
    CHECK(post.duration_seconds > 0);
  }
}

TEST_CASE("demo feed: the playlist shows something") {
  const Feed feed = loadFeed(demoFeed());
  const auto playlist = buildPlaylist(feed.posts, feed.defaults.show_drafts);
  CHECK(playlist.size() == kDemoPosts);
  // A first-run demo opens on a card with a photo and a QR code.
  REQUIRE_FALSE(playlist.empty());
  CHECK(playlist[0].file == "posts/2026-12-02-riverline-late-night-ferry-trial.md");
  for (std::size_t i = 1; i < playlist.size(); ++i) {
    if (!playlist[i].date.empty()) CHECK(playlist[i - 1].date >= playlist[i].date);
  }
}

TEST_CASE("demo feed: calm, with an urgent notice whose window is past and a notice with a show window") {
  const Feed feed = loadFeed(demoFeed());
  const auto playlist = buildPlaylist(feed.posts, false);
  const auto at = [](const std::string& utc) { return instantOf(utc + "Z", "").value(); };
  const auto cycle = [&](const std::string& utc) { return cycleOrder(playlist, showingAt(playlist, at(utc), "UTC")); };
  const Post& drill = demoPost(feed, "2026-11-12-commons-fire-drill.md");
  CHECK(drill.show.urgent);
  CHECK(drill.show.until == "2026-11-12T10:30:00");
  const Post& winter = demoPost(feed, "2026-11-23-commons-front-desk-winter-hours.md");
  CHECK(winter.show.until == "2027-04-01T00:00:00");
  // Whenever the demo runs, it opens on the same first card, and the urgent notice never cuts in.
  for (const char* when :
       {"2026-11-24T09:41:30", "2026-12-24T09:00:00", "2027-06-01T12:00:00", "2031-01-01T00:00:00"}) {
    CAPTURE(when);
    const std::vector<std::size_t> order = cycle(when);
    REQUIRE_FALSE(order.empty());
    CHECK(playlist[order[0]].file == "posts/2026-12-02-riverline-late-night-ferry-trial.md");
  }
  const auto showing = [&](const std::string& utc, const Post& post) {
    for (std::size_t i = 0; i < playlist.size(); ++i) {
      if (playlist[i].file == post.file) return bool(showingAt(playlist, at(utc), "UTC")[i]);
    }
    return false;
  };
  CHECK(showing("2026-11-12T10:15:00", drill));  // on the morning of the drill it did cut in
  CHECK_FALSE(showing("2026-11-24T09:41:30", drill));
  CHECK(showing("2026-12-24T09:00:00", winter));
  CHECK_FALSE(showing("2027-04-01T00:00:00", winter));
  CHECK(cycle("2026-12-24T09:00:00").size() == kDemoPosts - 1);
  CHECK(cycle("2027-06-01T12:00:00").size() == kDemoPosts - 2);
}

TEST_CASE("demo feed: an Arabic and a Hindi post load with their language and no diagnostic") {
  const Feed feed = loadFeed(demoFeed());
  struct Expected {
    const char* name;
    const char* language;
    const char* title;
    const char* source;
    const char* logo;
    const char* summary_start;
  };
  for (const Expected& e :
       {Expected{"2026-11-28-harbor-library-arabic-reading-hour.md", "ar",
                 "مكتبة الواجهة البحرية تطلق ساعة قراءة أسبوعية باللغة العربية للأطفال", "مكتبة مدينة هاربر العامة",
                 "logos/harbor-commons.svg", "تطلق مكتبة الواجهة البحرية في مدينة هاربر"},
        Expected{"2026-11-29-brightforge-hindi-soldering-class.md", "hi",
                 "ब्राइटफ़ोर्ज मेकरस्पेस में अब हिंदी में भी सोल्डरिंग की कक्षाएँ", "ब्राइटफ़ोर्ज मेकरस्पेस", "logos/brightforge.jpg",
                 "ब्राइटफ़ोर्ज मेकरस्पेस जनवरी से"}}) {
    CAPTURE(e.name);
    const Post& post = demoPost(feed, e.name);
    CHECK(post.language == e.language);
    CHECK(post.title == e.title);
    CHECK(post.source == e.source);
    CHECK(post.logo == e.logo);
    CHECK(startsWith(post.summary, e.summary_start));
    CHECK(post.secondary_language.empty());
    CHECK(post.photo.empty());
    CHECK_FALSE(post.draft);
    for (const auto& d : feed.diagnostics) CHECK_MESSAGE(d.file != post.file, formatDiagnostic(d));
  }
  // The Arabic summary keeps its Latin name and its numbers.
  const Post& library = demoPost(feed, "2026-11-28-harbor-library-arabic-reading-hour.md");
  CHECK(library.summary.find("HarborReads") != std::string::npos);
  CHECK(library.summary.find("300") != std::string::npos);
  CHECK(library.url == "https://news.harbor-city.example/2026/11/28/harbor-library-arabic-reading-hour/");
}

TEST_CASE("demo feed: a news item with a JPEG photo from images[] and its own webUrl") {
  const Feed feed = loadFeed(demoFeed());
  const Post& ferry = demoPost(feed, "2026-12-02-riverline-late-night-ferry-trial.md");
  CHECK(ferry.title == "Riverline Trials Late-Night Ferry Sailings Across the Harbour");
  CHECK(ferry.source == "Riverline Transit Newsroom");
  CHECK(ferry.date == "2026-12-02T18:45:00Z");
  CHECK(ferry.url == "https://example.net/newsroom/2026/12/late-night-ferry-trial");
  CHECK(ferry.logo == "logos/example.net.png");
  CHECK(ferry.photo == "images/harbour-at-dusk.jpg");
  CHECK(ferry.language == "en");
}

TEST_CASE("demo feed: a blog post with a PNG body photo and a base_url + permalink URL") {
  const Feed feed = loadFeed(demoFeed());
  const Post& bench = demoPost(feed, "2026-11-25-brightforge-electronics-bench.md");
  CHECK(bench.title == "Brightforge Opens an Electronics Bench Where Anyone Can Learn to Solder");
  CHECK(bench.source == "Brightforge Makerspace");
  CHECK(bench.date == "2026-11-25T21:00:00Z");
  CHECK(bench.url == "https://news.harbor-city.example/2026/11/25/brightforge-electronics-bench/");
  CHECK(bench.logo == "logos/brightforge.jpg");
  CHECK(bench.photo == "images/brightforge-bench.png");
  CHECK(startsWith(bench.summary, "Brightforge Makerspace has turned its back room"));
}

TEST_CASE("demo feed: a 3:1 wordmark logo, with the long headline and the long summary") {
  const Feed feed = loadFeed(demoFeed());
  const Post& plan = demoPost(feed, "2026-11-27-harbor-city-waterfront-plan.md");
  CHECK(plan.title ==
        "Harbor City Council Approves a Ten-Year Plan to Open Its Old Docks, Warehouses and Rail Yards to the Public");
  CHECK(wordCount(plan.title) >= 18);
  CHECK(wordCount(plan.summary) >= 70);
  CHECK(wordCount(plan.summary) <= 90);
  CHECK(plan.source == "Harbor City Courier");
  CHECK(plan.logo == "logos/courier.example.png");
  CHECK(plan.photo.empty());
  CHECK(plan.url == "https://courier.example/city/2026/11/waterfront-plan-approved");
  REQUIRE(plan.related.size() == 1);
  CHECK(plan.related[0].source == "Harbor City Courier");
}

TEST_CASE("demo feed: a French post with a date and a 32x32 icon for a logo") {
  const Feed feed = loadFeed(demoFeed());
  const Post& musee = demoPost(feed, "2026-11-30-musee-aurora-nocturnes.md");
  CHECK(musee.title == "Le musée Aurora ouvre ses portes en soirée tout l’hiver");
  CHECK(musee.language == "fr");
  CHECK(musee.date == "2026-11-30");
  CHECK(musee.source == "Musée Aurora");
  CHECK(musee.logo == "logos/aurora-icon-32.png");
  CHECK(musee.photo.empty());
  CHECK(musee.url == "https://news.harbor-city.example/2026/11/30/musee-aurora-nocturnes/");
  CHECK(startsWith(musee.summary, "De décembre à mars, le musée Aurora"));
}

TEST_CASE("demo feed: a post with no source of its own gets the feed's name and logo") {
  const Feed feed = loadFeed(demoFeed());
  const Post& notice = demoPost(feed, "2026-11-23-commons-front-desk-winter-hours.md");
  CHECK(notice.source == "Harbor City Commons");
  CHECK(notice.source == feed.defaults.name);
  CHECK(notice.logo == "logos/harbor-commons.svg");
  CHECK(notice.date == "2026-11-23");
  CHECK(notice.url == "https://news.harbor-city.example/2026/11/23/commons-front-desk-winter-hours/");
  CHECK(notice.photo.empty());
  const std::string text = demoFeed().read(notice.file, 1 << 20).bytes;
  CHECK(text.find("author:") == std::string::npos);
  CHECK(text.find("source:") == std::string::npos);
}

TEST_CASE("demo feed: exactly the two photo posts have photos; every post has a URL") {
  const Feed feed = loadFeed(demoFeed());
  const std::map<std::string, std::string> photos = {
      {"posts/2026-12-02-riverline-late-night-ferry-trial.md", "images/harbour-at-dusk.jpg"},
      {"posts/2026-11-25-brightforge-electronics-bench.md", "images/brightforge-bench.png"}};
  for (const Post& post : feed.posts) {
    CAPTURE(post.file);
    const auto expected = photos.find(post.file);
    CHECK(post.photo == (expected == photos.end() ? "" : expected->second));
    CHECK(post.photo != post.logo);
    // News items keep their own address; blog posts get the site's permalink.
    CHECK_FALSE(post.url.empty());
    if (startsWith(post.url, "https://news.harbor-city.example/")) {
      const std::string name = post.file.substr(std::string("posts/").size());
      const std::string slug = name.substr(11, name.size() - 11 - 3);
      const std::string day = name.substr(0, 10);
      CHECK(post.url == "https://news.harbor-city.example/" + day.substr(0, 4) + "/" + day.substr(5, 2) + "/" +
                            day.substr(8, 2) + "/" + slug + "/");
    }
  }
  // Existing posts keep what they had: the Tidewater blog post now has the site's URL.
  CHECK(demoPost(feed, "2026-10-05-tidewater-opens-community-hardware-lab.md").url ==
        "https://news.harbor-city.example/2026/10/05/tidewater-opens-community-hardware-lab/");
  CHECK(demoPost(feed, "2026-11-02-riverline-live-arrivals.md").url ==
        "https://example.net/newsroom/2026/11/live-arrivals-at-every-stop");
  CHECK(demoPost(feed, "2026-11-02-riverline-live-arrivals.md").photo.empty());  // its image is its logo
}

TEST_CASE("demo feed: the pictures are the kind the features need, and small") {
  const ContentTree& tree = demoFeed();
  struct Expected {
    const char* path;
    const char* format;
    int width, height;
    std::size_t max_bytes;
  };
  for (const Expected& e : {Expected{"images/harbour-at-dusk.jpg", "jpeg", 1200, 800, 250 * 1024},
                            Expected{"images/brightforge-bench.png", "png", 1200, 800, 250 * 1024},
                            Expected{"logos/courier.example.png", "png", 600, 200, 64 * 1024},
                            Expected{"logos/aurora-icon-32.png", "png", 32, 32, 8 * 1024}}) {
    CAPTURE(e.path);
    const FileRead file = tree.read(e.path, 1 << 20);
    REQUIRE(file.status == FileRead::Status::Ok);
    CHECK(file.size <= e.max_bytes);
    const auto header = readRasterHeader(file.bytes);
    REQUIRE(header);
    CHECK(header->format == e.format);
    CHECK(header->width == e.width);
    CHECK(header->height == e.height);
    if (std::string(e.path).rfind("logos/", 0) == 0) {
      CHECK(static_cast<unsigned char>(file.bytes[25]) == 6);  // PNG colour type 6: RGBA, transparency
    }
  }
}
