// SPDX-License-Identifier: Apache-2.0
// newsticker fetch against a real HTTP/1.1 server on 127.0.0.1 (a thread in
// this test): good feeds become exact posts, a re-fetch rewrites nothing, and
// every kind of failure leaves the folder as it was with one log line.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "LocalHttpServer.hpp"
#include "ShellCommand.hpp"
#include "TestFolders.hpp"
#include "content/DiskTree.hpp"
#include "content/FeedLoader.hpp"
#include "content/PostReader.hpp"
#include "firmware/FeedFetcher.hpp"
#include "tests/content/feeds/SampleFeeds.hpp"

namespace fs = std::filesystem;
using namespace newsticker;
using Request = LocalHttpServer::Request;
using Response = LocalHttpServer::Response;

namespace {

std::int64_t utc(int year, int month, int day, int hour) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  return static_cast<std::int64_t>(timegm(&tm));
}
const std::int64_t kNow = utc(2026, 10, 10, 12);

std::string be16(int v) { return {static_cast<char>((v >> 8) & 0xFF), static_cast<char>(v & 0xFF)}; }
std::string be32(std::uint32_t v) { return be16(static_cast<int>(v >> 16)) + be16(static_cast<int>(v & 0xFFFF)); }
std::string le32(std::uint32_t v) {
  std::string out;
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
  return out;
}

// The header of a baseline JPEG of `w` x `h` (SOI, JFIF, SOF0, EOI): what
// the header readers measure; no pixels.
std::string jpegBytes(int w, int h) {
  return std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20) +
         std::string("\xFF\xC0\x00\x11\x08", 5) + be16(h) + be16(w) +
         std::string("\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01\xFF\xD9", 12);
}

// A PNG signature and IHDR of `w` x `h`.
std::string pngBytes(int w, int h) {
  return std::string("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16) + be32(static_cast<std::uint32_t>(w)) +
         be32(static_cast<std::uint32_t>(h)) + std::string("\x08\x06\x00\x00\x00\x00\x00\x00\x00", 9);
}

std::uint32_t crc32(const std::string& data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char byte : data) {
    crc ^= byte;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

// `data` as a gzip stream of stored (uncompressed) deflate blocks: real gzip
// that libcurl must decode, without a compressor in the test.
std::string gzipStored(const std::string& data) {
  std::string out("\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\xFF", 10);
  std::size_t pos = 0;
  do {
    const std::size_t length = std::min<std::size_t>(65535, data.size() - pos);
    const bool last = pos + length == data.size();
    out += static_cast<char>(last ? 1 : 0);
    out += static_cast<char>(length & 0xFF);
    out += static_cast<char>(length >> 8);
    out += static_cast<char>(~length & 0xFF);
    out += static_cast<char>((~length >> 8) & 0xFF);
    out.append(data, pos, length);
    pos += length;
  } while (pos < data.size());
  return out + le32(crc32(data)) + le32(static_cast<std::uint32_t>(data.size()));
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Every regular file under `root`: its bytes, mtime and inode, by relative path.
struct FileState {
  std::string bytes;
  std::int64_t mtime_ns = 0;
  std::uint64_t inode = 0;
  bool operator==(const FileState& o) const { return bytes == o.bytes && mtime_ns == o.mtime_ns && inode == o.inode; }
};
std::map<std::string, FileState> snapshot(const fs::path& root) {
  std::map<std::string, FileState> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator(); ++it) {
    if (!it->is_regular_file()) continue;
    struct stat st {};
    REQUIRE(::stat(it->path().c_str(), &st) == 0);
    files[fs::relative(it->path(), root).string()] = {
        readFile(it->path()), static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
        static_cast<std::uint64_t>(st.st_ino)};
  }
  return files;
}

// What the program writes to stderr (the log) while it lives.
class StderrCapture {
 public:
  StderrCapture() : file_(std::tmpfile()) {
    std::fflush(stderr);
    saved_ = ::dup(2);
    ::dup2(::fileno(file_), 2);
  }
  ~StderrCapture() { restore(); }
  std::vector<std::string> lines() {
    restore();
    std::vector<std::string> out;
    std::rewind(file_);
    char buffer[8192];
    while (std::fgets(buffer, sizeof buffer, file_) != nullptr) out.emplace_back(buffer);
    return out;
  }

 private:
  void restore() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    ::dup2(saved_, 2);
    ::close(saved_);
    saved_ = -1;
  }
  std::FILE* file_;
  int saved_ = -1;
};

// The test's web server: routes that the test changes between fetches.
class FeedServer {
 public:
  using Route = std::function<Response(const Request&)>;
  FeedServer() : http_([this](const Request& request) { return answer(request); }) { serveSamples(); }

  void route(const std::string& path, Route route) {
    std::lock_guard<std::mutex> lock(mutex_);
    routes_[path] = std::move(route);
  }
  void route(const std::string& path, const std::string& body, const std::string& type = "application/rss+xml") {
    route(path, [body, type](const Request&) { return Response{200, {{"Content-Type", type}}, body}; });
  }
  std::string url(const std::string& path) const { return http_.url(path); }
  LocalHttpServer& http() { return http_; }
  std::vector<Request> requestsFor(const std::string& path) const {
    std::vector<Request> found;
    for (const Request& r : http_.requests()) {
      if (r.path == path) found.push_back(r);
    }
    return found;
  }

 private:
  Response answer(const Request& request) {
    Route route;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      const auto it = routes_.find(request.path);
      if (it != routes_.end()) route = it->second;
    }
    if (!route) return Response{404, {{"Content-Type", "text/html"}}, "<html><body>not here</body></html>"};
    return route(request);
  }

  void serveSamples() {
    // With validators: a second request that sends them gets 304.
    route("/feeds/english.xml", [](const Request& request) {
      const auto etag = request.headers.find("if-none-match");
      if (etag != request.headers.end() && etag->second == "\"gazette-1\"") {
        return Response{304, {{"ETag", "\"gazette-1\""}}, ""};
      }
      return Response{200,
                      {{"Content-Type", "application/rss+xml; charset=utf-8"},
                       {"ETag", "\"gazette-1\""},
                       {"Last-Modified", "Sat, 10 Oct 2026 06:00:00 GMT"}},
                      sample_feeds::kEnglishRss};
    });
    route("/feeds/events.atom", sample_feeds::kEnglishAtom, "application/atom+xml");
    route("/feeds/japanese.xml", sample_feeds::encodedAs("Shift_JIS", sample_feeds::kJapaneseRss), "text/xml");
    // gzip when the client accepts it (libcurl must say so, and decode it).
    route("/feeds/korean.xml", [](const Request& request) {
      const std::string body = sample_feeds::encodedAs("EUC-KR", sample_feeds::kKoreanRss);
      const auto accepted = request.headers.find("accept-encoding");
      if (accepted == request.headers.end() || accepted->second.find("gzip") == std::string::npos) {
        return Response{200, {{"Content-Type", "application/rss+xml"}}, body};
      }
      return Response{200, {{"Content-Type", "application/rss+xml"}, {"Content-Encoding", "gzip"}}, gzipStored(body)};
    });
    route("/feeds/chinese.atom", sample_feeds::encodedAs("GB18030", sample_feeds::kChineseAtom),
          "application/atom+xml");
    route("/feeds/taiwan.rdf", sample_feeds::encodedAs("Big5", sample_feeds::kTaiwanRdf),
          "application/rdf+xml; charset=big5");
    route("/media/ferry.jpg", jpegBytes(640, 400), "image/jpeg");
    route("/media/repair.png", pngBytes(200, 120), "image/png");
    route("/old/english.xml", [](const Request&) {
      return Response{301, {{"Location", "/feeds/english.xml"}}, "moved"};
    });
  }

  std::mutex mutex_;
  std::map<std::string, Route> routes_;
  LocalHttpServer http_;
};

firmware::FetchSettings settingsFor(const fs::path& content, std::int64_t now = kNow) {
  firmware::FetchSettings settings;
  settings.content_dir = content;
  settings.user_agent = "newsticker/test";
  settings.now = now;
  settings.connect_timeout_ms = 2000;
  settings.total_timeout_ms = 5000;
  return settings;
}

firmware::FeedSource source(const std::string& url) {
  firmware::FeedSource feed;
  feed.url = url;
  return feed;
}

struct ReadBack {
  std::string file;
  content::Post post;
  content::LogoHints logo;
  content::PhotoHints photo;
};

// The posts of `result`, read back by PostReader (no diagnostics allowed), by title.
std::map<std::string, ReadBack> postsOf(const fs::path& content, const firmware::FeedFetchResult& result) {
  std::map<std::string, ReadBack> posts;
  for (const std::string& file : result.posts) {
    const content::PostReadResult read = content::readPost(file, readFile(content / file), content::FeedDefaults{});
    INFO(file);
    CHECK(read.diagnostics.empty());
    REQUIRE(read.post.has_value());
    posts[read.post->title] = {file, *read.post, read.logo_hints, read.photo_hints};
  }
  return posts;
}

struct Expected {
  std::string title, date, url, source, language, summary;
};

void checkPosts(const fs::path& content, const firmware::FeedFetchResult& result,
                const std::vector<Expected>& expected) {
  INFO("error: " << result.error);
  REQUIRE(result.ok);
  const auto posts = postsOf(content, result);
  CHECK(posts.size() == expected.size());
  for (const Expected& e : expected) {
    INFO(e.title);
    REQUIRE(posts.count(e.title) == 1);
    const content::Post& post = posts.at(e.title).post;
    CHECK(post.date == e.date);
    CHECK(post.url == e.url);
    CHECK(post.source == e.source);
    CHECK(post.language == e.language);
    if (!e.summary.empty()) CHECK(post.summary == e.summary);
  }
  for (const std::string& file : result.posts) {
    // posts/feeds/<feed>/<16 hex digits>.md
    const std::string name = fs::path(file).filename().string();
    CHECK(file.rfind(result.folder + "/", 0) == 0);
    CHECK(name.size() == 19);
    CHECK(name.find_first_not_of("0123456789abcdef") == 16);
  }
}

std::string withoutItem(const std::string& feed, const std::string& title) {
  const std::size_t at = feed.find(title);
  const std::size_t start = feed.rfind("<item>", at);
  const std::size_t end = feed.find("</item>", at) + 7;
  return feed.substr(0, start) + feed.substr(end);
}

// The view the display will have once content::loadFeed reads posts/feeds/*/
// (see the report for this change): the same DiskTree, with each feed
// folder's post files listed in posts/ as "feeds/<feed>/<file>".

}  // namespace

TEST_CASE("feed folder names: host and path, bounded, distinct") {
  CHECK(firmware::feedFolderName("https://News.Example.org/feed.xml?x=1") == "news-example-org-feed-xml-x-1");
  CHECK(firmware::feedFolderName("http://127.0.0.1:8080/feeds/english.xml") == "127-0-0-1-8080-feeds-english-xml");
  const std::string long_url = "https://example.org/" + std::string(100, 'a');
  const std::string name = firmware::feedFolderName(long_url);
  CHECK(name.size() == 64);
  CHECK(name != firmware::feedFolderName(long_url + "b"));
}

TEST_CASE("RSS and Atom feeds in English, Japanese, Chinese and Korean become exact news-item posts") {
  FeedServer server;
  const fs::path content = freshFolder("fetch-good");
  fs::create_directories(content);
  const firmware::FetchSettings settings = settingsFor(content);
  const std::string p = std::to_string(server.http().port());

  SUBCASE("RSS 2.0, English: CDATA and HTML descriptions, relative links, an image enclosure") {
    const firmware::FeedFetchResult result = firmware::fetchFeed(source(server.url("/feeds/english.xml")), settings);
    checkPosts(
        content, result,
        {{"Ferry timetable changes for winter", "2026-10-06T07:30:00Z", "http://127.0.0.1:" + p + "/news/ferry-winter",
          "Harbor Town Gazette", "en",
          "The winter timetable starts on 1 November. Late boats run on Fridays & Saturdays."},
         {"Library opens a repair corner", "2026-10-05T22:00:00Z", "https://gazette.example/news/repair-corner",
          "Harbor Town Gazette", "en", "Bring a lamp, a toaster or a bike light \u2014 volunteers fix them for free."},
         {"Bakers & brewers market returns", "2026-10-04T07:15:00Z", "http://127.0.0.1:" + p + "/feeds/news/market",
          "Harbor Town Gazette", "en", "Forty stalls on the quay, every Sunday morning."}});
    CHECK(result.folder == "posts/feeds/127-0-0-1-" + p + "-feeds-english-xml");
    CHECK(result.written == 3);
    CHECK(result.pictures == 2);
    // The pictures: downloaded into images/feeds/<feed>/, named in the post with their size.
    const auto posts = postsOf(content, result);
    const content::PhotoHints& ferry = posts.at("Ferry timetable changes for winter").photo;
    REQUIRE(ferry.candidates.size() == 1);
    const std::string ferry_path = ferry.candidates[0].reference;
    CHECK(ferry_path.rfind("/images/feeds/127-0-0-1-" + p + "-feeds-english-xml/", 0) == 0);
    CHECK(ferry_path.substr(ferry_path.size() - 4) == ".jpg");
    CHECK(ferry.candidates[0].width == 640);
    CHECK(ferry.candidates[0].height == 400);
    CHECK(readFile(content / ferry_path.substr(1)) == jpegBytes(640, 400));
    const content::PhotoHints& repair = posts.at("Library opens a repair corner").photo;
    REQUIRE(repair.candidates.size() == 1);
    CHECK(repair.candidates[0].reference.substr(repair.candidates[0].reference.size() - 4) == ".png");
    CHECK(posts.at("Bakers & brewers market returns").photo.candidates.empty());
    // HTTP as the issue asks: our User-Agent, compressed responses welcome.
    const auto requests = server.requestsFor("/feeds/english.xml");
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].headers.at("user-agent") == "newsticker/test");
    CHECK(requests[0].headers.at("accept-encoding").find("gzip") != std::string::npos);
    CHECK(requests[0].headers.count("if-none-match") == 0);
  }
  SUBCASE("Atom 1.0, English: xml:base, HTML and XHTML text, RFC 3339 offsets") {
    checkPosts(
        content, firmware::fetchFeed(source(server.url("/feeds/events.atom")), settings),
        {{"Open-air concert moved to the pier", "2026-10-07T23:00:00Z", "https://events.example/board/concerts/17",
          "Riverside Events Board", "en", "Same time, new place: the east pier. Bring a blanket."},
         {"Book swap at the old station", "2026-10-03T10:00:00Z", "https://events.example/board/book-swap",
          "Riverside Events Board", "en", "Saturday Leave one, take one. Children\u2019s corner upstairs."}});
  }
  SUBCASE("RSS 2.0, Japanese, declared Shift_JIS") {
    checkPosts(content, firmware::fetchFeed(source(server.url("/feeds/japanese.xml")), settings),
               {{"駅前に新しい図書館が開館", "2026-10-08T01:00:00Z", "https://minatomachi.example/news/library",
                 "湊町だより", "ja", "土曜日から、駅前の新しい図書館が利用できます。"},
                {"秋祭りの日程が決まりました", "2026-10-07T06:30:00Z", "http://127.0.0.1:" + p + "/news/matsuri",
                 "湊町だより", "ja", "神社の秋祭りは十月十七日と十八日です。"}});
  }
  SUBCASE("RSS 2.0, Korean, declared EUC-KR, sent gzip-compressed") {
    checkPosts(content, firmware::fetchFeed(source(server.url("/feeds/korean.xml")), settings),
               {{"시청 광장에서 주말 장터 개최", "2026-10-09T00:00:00Z", "https://gangbyeon.example/news/market",
                 "강변 소식", "ko", "토요일과 일요일 오전 열 시부터 열립니다."}});
  }
  SUBCASE("Atom 1.0, Simplified Chinese, declared GB18030") {
    checkPosts(content, firmware::fetchFeed(source(server.url("/feeds/chinese.atom")), settings),
               {{"城市公园新增夜间照明", "2026-10-09T00:00:00Z", "https://jiangcheng.example/news/park-lights",
                 "江城快讯", "zh-Hans", "晚上散步更安全了。"}});
  }
  SUBCASE("RSS 1.0, Traditional Chinese, declared Big5") {
    checkPosts(content, firmware::fetchFeed(source(server.url("/feeds/taiwan.rdf")), settings),
               {{"港口渡輪增開夜間班次", "2026-10-08T13:00:00Z", "https://gangkou.example/news/ferry-night", "港口日報",
                 "zh-Hant", "週五與週六晚上加開兩班。"}});
  }
  fs::remove_all(content);
}

TEST_CASE("a feed whose bytes contradict its declaration is read in the HTTP charset") {
  FeedServer server;
  const fs::path content = freshFolder("fetch-charset");
  fs::create_directories(content);
  // A template's "UTF-8" over a Latin-1 database; the server's Content-Type is right.
  server.route("/latin1.xml",
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Caf\xe9s</title>"
               "<item><title>Caf\xe9 cr\xe8me \x93"
               "d\xe9j\xe0\x94 servi</title><link>https://cafes.example/1</link>"
               "<pubDate>Fri, 09 Oct 2026 09:00:00 +0200</pubDate></item></channel></rss>",
               "text/xml; Charset=\"ISO-8859-1\"");
  const firmware::FeedFetchResult result = firmware::fetchFeed(source(server.url("/latin1.xml")), settingsFor(content));
  checkPosts(content, result,
             {{"Caf\u00E9 cr\u00E8me \u201Cd\u00E9j\u00E0\u201D servi", "2026-10-09T07:00:00Z",
               "https://cafes.example/1", "Caf\u00E9s", "", ""}});
}

TEST_CASE("a re-fetch sends the conditional headers, gets 304 and rewrites no file") {
  FeedServer server;
  const fs::path content = freshFolder("fetch-304");
  fs::create_directories(content);
  const firmware::FeedSource feed = source(server.url("/feeds/english.xml"));
  const firmware::FeedFetchResult first = firmware::fetchFeed(feed, settingsFor(content));
  REQUIRE(first.ok);
  const auto before = snapshot(content);
  CHECK(before.size() == 3 + 2 + 1);  // posts, pictures, the state file

  server.http().clearRequests();
  const firmware::FeedFetchResult second = firmware::fetchFeed(feed, settingsFor(content, kNow + 600));
  CHECK(second.ok);
  CHECK(second.not_modified);
  CHECK(second.written == 0);
  CHECK(second.removed == 0);
  CHECK(second.posts == first.posts);
  const auto requests = server.http().requests();
  REQUIRE(requests.size() == 1);  // the feed only: no picture is fetched again
  CHECK(requests[0].headers.at("if-none-match") == "\"gazette-1\"");
  CHECK(requests[0].headers.at("if-modified-since") == "Sat, 10 Oct 2026 06:00:00 GMT");
  CHECK(snapshot(content) == before);

  SUBCASE("a server that ignores the validators: the same 200 again still rewrites nothing") {
    server.route("/feeds/english.xml", sample_feeds::kEnglishRss);
    const firmware::FeedFetchResult third = firmware::fetchFeed(feed, settingsFor(content, kNow + 1200));
    CHECK(third.ok);
    CHECK_FALSE(third.not_modified);
    CHECK(third.written == 0);
    CHECK(third.unchanged == 3);
    CHECK(third.pictures == 0);
    // The state loses the validators (the server sent none): that one file changes.
    auto after = snapshot(content);
    auto expected = before;
    const std::string state = third.folder + "/.fetch-state.yaml";
    CHECK(after.at(state).bytes.find("gazette-1") == std::string::npos);
    after.erase(state);
    expected.erase(state);
    CHECK(after == expected);
  }
  SUBCASE("a post deleted by hand: the next fetch is unconditional and writes it again") {
    fs::remove(content / first.posts[0]);
    server.http().clearRequests();
    const firmware::FeedFetchResult again = firmware::fetchFeed(feed, settingsFor(content, kNow + 1200));
    CHECK(again.ok);
    CHECK(again.written == 1);
    CHECK(again.unchanged == 2);
    CHECK(server.http().requests().at(0).headers.count("if-none-match") == 0);
  }
  fs::remove_all(content);
}

TEST_CASE("a redirect is followed, and relative links resolve against where it led") {
  FeedServer server;
  const fs::path content = freshFolder("fetch-redirect");
  fs::create_directories(content);
  const std::string p = std::to_string(server.http().port());
  const firmware::FeedFetchResult result =
      firmware::fetchFeed(source(server.url("/old/english.xml")), settingsFor(content));
  checkPosts(content, result,
             {{"Ferry timetable changes for winter", "2026-10-06T07:30:00Z",
               "http://127.0.0.1:" + p + "/news/ferry-winter", "Harbor Town Gazette", "en", ""},
              {"Library opens a repair corner", "2026-10-05T22:00:00Z", "https://gazette.example/news/repair-corner",
               "Harbor Town Gazette", "en", ""},
              {"Bakers & brewers market returns", "2026-10-04T07:15:00Z",
               "http://127.0.0.1:" + p + "/feeds/news/market", "Harbor Town Gazette", "en", ""}});
  CHECK(result.folder == "posts/feeds/127-0-0-1-" + p + "-old-english-xml");  // named by the configured address
  fs::remove_all(content);
}

TEST_CASE("a fetch that fails changes nothing in the folder and logs one clear line") {
  FeedServer server;
  const fs::path content = freshFolder("fetch-bad");
  fs::create_directories(content);
  const std::string secret_file = (content.parent_path() / "newsticker-test-fetch-secret.txt").string();
  std::ofstream(secret_file) << "SECRET-LINE-C0FFEE";
  const firmware::FeedSource feed = source(server.url("/feeds/switch.xml"));
  server.route("/feeds/switch.xml", sample_feeds::kEnglishRss);
  firmware::FetchSettings settings = settingsFor(content);
  REQUIRE(firmware::fetchFeed(feed, settings).ok);
  const auto before = snapshot(content);
  REQUIRE(before.size() == 6);

  settings.total_timeout_ms = 1000;  // the server that never answers: a second, not thirty
  const std::string big(20u << 20, ' ');
  struct Case {
    const char* what;
    FeedServer::Route route;
    std::string reason;  // the start of the logged reason
  };
  const std::vector<Case> cases = {
      {"HTTP 404",
       [](const Request&) {
         return Response{404, {}, "gone"};
       },
       "HTTP 404"},
      {"HTTP 500",
       [](const Request&) {
         return Response{500, {}, "oops"};
       },
       "HTTP 500"},
      {"malformed XML",
       [](const Request&) {
         return Response{200, {}, sample_feeds::kMalformed};
       },
       "not well-formed XML (line 3, column "},
      {"billion laughs",
       [](const Request&) {
         return Response{200, {}, sample_feeds::kBillionLaughs};
       },
       "the document declares an entity ('lol'); feeds need no entity declarations, so it is refused unexpanded"},
      {"XXE, external entity",
       [&](const Request&) {
         return Response{200, {}, sample_feeds::externalEntityFeed(secret_file)};
       },
       "the document declares an entity ('leak', external)"},
      {"XXE, parameter entity",
       [&](const Request&) {
         return Response{200, {}, sample_feeds::parameterEntityFeed(secret_file)};
       },
       "the document declares a parameter entity ('leak', external)"},
      {"an HTML page",
       [](const Request&) {
         return Response{200, {{"Content-Type", "text/html"}}, "<html><p>hi</p></html>"};
       },
       "not an RSS or Atom feed (the document is <html>)"},
      {"20 MiB with Content-Length",
       [&](const Request&) {
         return Response{200, {}, "<rss>" + big};
       },
       "response larger than 5 MiB"},
      {"20 MiB without Content-Length",
       [&](const Request&) {
         return Response{200, {}, "<rss>" + big, true};
       },
       "response larger than 5 MiB"},
      {"a server that never answers",
       [](const Request&) {
         Response hang;
         hang.hang = true;
         return hang;
       },
       "timed out: no complete response within 1 s"},
      {"a redirect loop",
       [](const Request&) {
         return Response{302, {{"Location", "/feeds/switch.xml"}}, ""};
       },
       "more than 5 redirects"},
      {"a redirect to a local file",
       [](const Request&) {
         return Response{302, {{"Location", "file:///etc/hostname"}}, ""};
       },
       "not an http:// or https:// address (or redirected to one that is not)"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    server.route("/feeds/switch.xml", c.route);
    StderrCapture capture;
    const auto start = std::chrono::steady_clock::now();
    const firmware::FeedFetchResult result = firmware::fetchFeed(feed, settings);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    const std::vector<std::string> lines = capture.lines();
    CHECK_FALSE(result.ok);
    CHECK(result.error.rfind(c.reason, 0) == 0);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find(feed.url + ": " + c.reason) != std::string::npos);
    CHECK(lines[0].find("the posts of the last good fetch stay") != std::string::npos);
    CHECK(lines[0].find("SECRET") == std::string::npos);
    CHECK(snapshot(content) == before);
    if (std::string(c.what) == "billion laughs") CHECK(elapsed < std::chrono::milliseconds(1000));
    if (std::string(c.what) == "a server that never answers") CHECK(elapsed < std::chrono::seconds(4));
  }
  // The secret is nowhere in the folder.
  for (const auto& [file, state] : snapshot(content)) CHECK(state.bytes.find("SECRET") == std::string::npos);

  SUBCASE("nobody listening: one line, no folder made for the feed") {
    int port = 0;
    {
      LocalHttpServer closed([](const Request&) { return Response{}; });
      port = closed.port();
    }
    const firmware::FeedSource refused = source("http://127.0.0.1:" + std::to_string(port) + "/feed.xml");
    StderrCapture capture;
    const firmware::FeedFetchResult result = firmware::fetchFeed(refused, settings);
    const auto lines = capture.lines();
    CHECK_FALSE(result.ok);
    CHECK(result.error.rfind("cannot connect", 0) == 0);
    CHECK(lines.size() == 1);
    CHECK(snapshot(content) == before);
    CHECK_FALSE(fs::exists(content / "posts" / "feeds" / firmware::feedFolderName(refused.url)));
  }
  fs::remove(secret_file);
  fs::remove_all(content);
}

TEST_CASE("items gone from the feed for more than a day, and items older than max_age_days, are removed") {
  FeedServer server;
  const fs::path content = freshFolder("fetch-prune");
  fs::create_directories(content);
  const firmware::FeedSource feed = source(server.url("/feeds/prune.xml"));
  server.route("/feeds/prune.xml", sample_feeds::kEnglishRss);
  const firmware::FeedFetchResult first = firmware::fetchFeed(feed, settingsFor(content));
  REQUIRE(first.ok);
  REQUIRE(first.posts.size() == 3);
  const auto posts = postsOf(content, first);
  const std::string repair_post = posts.at("Library opens a repair corner").file;
  const std::string repair_picture =
      posts.at("Library opens a repair corner").photo.candidates.at(0).reference.substr(1);
  REQUIRE(fs::exists(content / repair_picture));

  server.route("/feeds/prune.xml", withoutItem(sample_feeds::kEnglishRss, "Library opens a repair corner"));
  const firmware::FeedFetchResult hour_later = firmware::fetchFeed(feed, settingsFor(content, kNow + 3600));
  CHECK(hour_later.ok);
  CHECK(hour_later.posts.size() == 3);  // gone for an hour: still shown
  CHECK(hour_later.removed == 0);
  CHECK(fs::exists(content / repair_post));

  const firmware::FeedFetchResult day_later = firmware::fetchFeed(feed, settingsFor(content, kNow + 3600 + 86400 + 1));
  CHECK(day_later.ok);
  CHECK(day_later.posts.size() == 2);
  CHECK(day_later.removed == 2);  // the post and its picture
  CHECK_FALSE(fs::exists(content / repair_post));
  CHECK_FALSE(fs::exists(content / repair_picture));

  // 2026-10-19: with max_age_days 14 the market (4 October) is too old.
  const firmware::FeedFetchResult later = firmware::fetchFeed(feed, settingsFor(content, utc(2026, 10, 19, 0)));
  CHECK(later.ok);
  REQUIRE(later.posts.size() == 1);
  CHECK(postsOf(content, later).count("Ferry timetable changes for winter") == 1);

  SUBCASE("on a 304 too") {
    const firmware::FeedSource english = source(server.url("/feeds/english.xml"));
    REQUIRE(firmware::fetchFeed(english, settingsFor(content)).ok);
    const firmware::FeedFetchResult old = firmware::fetchFeed(english, settingsFor(content, utc(2026, 10, 21, 0)));
    CHECK(old.ok);
    CHECK(old.not_modified);
    CHECK(old.posts.empty());
    CHECK(old.removed == 5);  // three posts, two pictures
  }
  fs::remove_all(content);
}

TEST_CASE("an undated item ages out from when a fetch first saw it, though the feed keeps listing it") {
  FeedServer server;
  const fs::path content = freshFolder("fetch-undated");
  fs::create_directories(content);
  server.route("/undated.xml", R"(<rss version="2.0"><channel><title>Notices</title>
<item><title>Noticeboard without dates</title><link>https://notices.example/board</link></item>
<item><title>A date nobody can read</title><link>https://notices.example/odd</link><pubDate>soon</pubDate></item>
</channel></rss>)");
  const firmware::FeedSource feed = source(server.url("/undated.xml"));  // max_age_days 14
  const firmware::FeedFetchResult first = firmware::fetchFeed(feed, settingsFor(content));
  REQUIRE(first.ok);
  REQUIRE(first.posts.size() == 2);
  for (const auto& [title, post] : postsOf(content, first)) CHECK(post.post.date.empty());  // never invented
  const std::string state = readFile(content / first.folder / ".fetch-state.yaml");
  CHECK(state.find("first_seen: " + std::to_string(kNow)) != std::string::npos);

  // Still listed 13 days on: kept, and first seen still then, not now.
  const firmware::FeedFetchResult later = firmware::fetchFeed(feed, settingsFor(content, kNow + 13 * 86400));
  CHECK(later.posts.size() == 2);
  CHECK(later.written == 0);
  // 15 days on: older than max_age_days, removed though the feed still lists them.
  const firmware::FeedFetchResult expired = firmware::fetchFeed(feed, settingsFor(content, kNow + 15 * 86400));
  CHECK(expired.ok);
  CHECK(expired.posts.empty());
  CHECK(expired.removed == 2);
  CHECK_FALSE(fs::exists(content / first.posts[0]));
  fs::remove_all(content);
}

TEST_CASE("max_items keeps the newest; the config's name, language and logo win over the feed's") {
  FeedServer server;
  const fs::path content = freshFolder("fetch-overrides");
  fs::create_directories(content);
  firmware::FeedSource feed = source(server.url("/feeds/english.xml"));
  feed.max_items = 2;
  feed.name = "The Gazette";
  feed.language = "fr";
  feed.logo = "gazette.png";
  const firmware::FeedFetchResult result = firmware::fetchFeed(feed, settingsFor(content));
  REQUIRE(result.ok);
  const auto posts = postsOf(content, result);
  REQUIRE(posts.size() == 2);
  CHECK(posts.count("Ferry timetable changes for winter") == 1);
  CHECK(posts.count("Library opens a repair corner") == 1);
  for (const auto& [title, post] : posts) {
    CHECK(post.post.source == "The Gazette");
    CHECK(post.post.language == "fr");
    CHECK(post.logo.front_matter == "gazette.png");
    CHECK(post.logo.provider_domain == "127.0.0.1");
  }
  fs::remove_all(content);
}

TEST_CASE("--dry-run prints what it would write and writes nothing") {
  FeedServer server;
  const fs::path content = freshFolder("fetch-dry");
  fs::create_directories(content);
  firmware::FetchSettings settings = settingsFor(content);
  std::ostringstream out;
  settings.dry_run = true;
  settings.dry_run_out = &out;
  const firmware::FeedFetchResult result = firmware::fetchFeed(source(server.url("/feeds/english.xml")), settings);
  CHECK(result.ok);
  CHECK(result.written == 3);
  const std::string text = out.str();
  const std::string folder = "posts/feeds/127-0-0-1-" + std::to_string(server.http().port()) + "-feeds-english-xml";
  CHECK(text.find("RSS 2.0 \"Harbor Town Gazette\", 3 items, keeping 3 in " + folder) != std::string::npos);
  CHECK(text.find("  write    " + folder + "/") != std::string::npos);
  CHECK(text.find(".md  Ferry timetable changes for winter\n") != std::string::npos);
  CHECK(text.find("  picture  " + server.url("/media/ferry.jpg")) != std::string::npos);
  CHECK(text.find("3 to write, 0 unchanged, 0 to remove") != std::string::npos);
  CHECK(snapshot(content).empty());
  CHECK_FALSE(fs::exists(content / "posts"));
  CHECK(server.requestsFor("/media/ferry.jpg").empty());
  fs::remove_all(content);
}

TEST_CASE("a feed labelled English that carries a Japanese item: the item's script picks its language") {
  FeedServer server;
  const fs::path content = freshFolder("fetch-language");
  fs::create_directories(content / "posts");
  server.route("/feeds/mixed.xml",
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Quay Bulletin</title>"
               "<language>en-GB</language>"
               "<item><title>Night market on the quay</title><guid>a</guid><pubDate>Mon, 23 Nov 2026 18:00:00 "
               "+0100</pubDate></item>"
               "<item><title>東京駅の新しい改札が開業</title><guid>b</guid><pubDate>Sun, 22 Nov 2026 09:00:00 "
               "+0900</pubDate></item>"
               "<item><title>새 도서관이 문을 엽니다</title><guid>c</guid><pubDate>Sun, 22 Nov 2026 08:00:00 "
               "+0900</pubDate></item>"
               "</channel></rss>");
  firmware::FetchSettings settings = settingsFor(content);
  const firmware::FeedFetchResult result = firmware::fetchFeed(source(server.url("/feeds/mixed.xml")), settings);
  REQUIRE(result.ok);
  const auto posts = postsOf(content, result);
  REQUIRE(posts.size() == 3);
  CHECK(posts.at("Night market on the quay").post.language == "en");
  CHECK(posts.at("東京駅の新しい改札が開業").post.language == "ja");
  CHECK(posts.at("새 도서관이 문을 엽니다").post.language == "ko");

  // The config's language is the operator's word: it wins over the script.
  firmware::FeedSource told = source(server.url("/feeds/mixed.xml"));
  told.language = "zh-TW";
  const fs::path other = freshFolder("fetch-language-told");
  fs::create_directories(other / "posts");
  const firmware::FeedFetchResult forced = firmware::fetchFeed(told, settingsFor(other));
  REQUIRE(forced.ok);
  for (const auto& [title, read] : postsOf(other, forced)) CHECK(read.post.language == "zh-Hant");
  fs::remove_all(content);
  fs::remove_all(other);
}

TEST_CASE("fetched posts load through content::loadFeed without a diagnostic, with their photo and logo") {
  FeedServer server;
  const fs::path content = freshFolder("fetch-load");
  fs::create_directories(content / "logos");
  std::ofstream(content / "logos" / "gazette.png", std::ios::binary) << pngBytes(64, 64);
  firmware::FeedSource english = source(server.url("/feeds/english.xml"));
  english.logo = "gazette.png";
  std::vector<firmware::FeedSource> feeds = {english};
  for (const char* path :
       {"/feeds/events.atom", "/feeds/japanese.xml", "/feeds/korean.xml", "/feeds/chinese.atom", "/feeds/taiwan.rdf"}) {
    feeds.push_back(source(server.url(path)));
  }
  REQUIRE(firmware::fetchFeeds(feeds, settingsFor(content)) == 0);

  const content::DiskTree disk(content);
  const content::Feed feed = content::loadFeed(disk);
  for (const content::Diagnostic& d : feed.diagnostics) FAIL_CHECK(content::formatDiagnostic(d));
  CHECK(feed.rejected_files == 0);
  REQUIRE(feed.posts.size() == 10);
  bool ferry_seen = false;
  for (const content::Post& post : feed.posts) {
    if (post.title != "Ferry timetable changes for winter") continue;
    ferry_seen = true;
    CHECK(post.logo == "logos/gazette.png");
    CHECK(post.photo.rfind("images/feeds/127-0-0-1-", 0) == 0);
    CHECK(post.photo.substr(post.photo.size() - 4) == ".jpg");
  }
  CHECK(ferry_seen);
  fs::remove_all(content);
}

TEST_CASE("where feeds go: a Jekyll site's _posts/, never over posts kept at the top of the folder") {
  FeedServer server;
  const fs::path content = freshFolder("fetch-layout");
  fs::create_directories(content / "_posts");
  const firmware::FeedFetchResult jekyll =
      firmware::fetchFeed(source(server.url("/feeds/korean.xml")), settingsFor(content));
  CHECK(jekyll.ok);
  CHECK(jekyll.folder.rfind("_posts/feeds/", 0) == 0);
  fs::remove_all(content);

  fs::create_directories(content);
  std::ofstream(content / "hello.md") << "---\ntitle: Hello\n---\n";
  StderrCapture capture;
  const firmware::FeedFetchResult flat =
      firmware::fetchFeed(source(server.url("/feeds/korean.xml")), settingsFor(content));
  CHECK(capture.lines().size() == 1);
  CHECK_FALSE(flat.ok);
  CHECK(flat.error.find("keeps its posts at the top (hello.md)") != std::string::npos);
  CHECK_FALSE(fs::exists(content / "posts"));
  fs::remove_all(content);
}

TEST_CASE("newsticker fetch --config: the program end to end") {
  FeedServer server;
  const fs::path content = freshFolder("fetch-program");
  fs::create_directories(content / "posts");
  const fs::path config = content.parent_path() / "newsticker-test-fetch-program.yaml";
  std::ofstream(config) << "content: " << content.string() << "\n"
                        << "feeds:\n"
                        << "  - url: " << server.url("/feeds/japanese.xml") << "\n"
                        << "    max_items: 1\n"
                        << "    max_age_days: 3650\n"  // the samples are dated October 2026; this runs on today's clock
                        << "  - url: " << server.url("/feeds/missing.xml") << "\n";
  const std::string binary = NEWSTICKER_BINARY;
  const auto run = [&](const std::string& arguments) { return runCommand(binary + " " + arguments + " 2>&1"); };
  // Plain variables, not structured bindings: INFO captures them in a lambda,
  // which clang does not allow for a binding.
  const auto dry = run("fetch --dry-run --config " + config.string());
  const std::string& dry_out = dry.first;
  const int dry_status = dry.second;
  INFO(dry_out);
  CHECK(dry_status == 1);  // the missing feed
  CHECK(dry_out.find("write    posts/feeds/") != std::string::npos);
  CHECK(dry_out.find("駅前に新しい図書館が開館") != std::string::npos);
  CHECK(dry_out.find("/feeds/missing.xml: HTTP 404; the posts of the last good fetch stay") != std::string::npos);
  CHECK(snapshot(content).empty());

  const auto [out, status] = run("fetch --config " + config.string());
  CHECK(status == 1);
  CHECK(out.find("1 posts in posts/feeds/") != std::string::npos);
  CHECK(snapshot(content).size() == 2);  // one post and the state file
  const auto [check_out, check_status] = run("fetch --size 10x10");
  CHECK(check_status == 2);
  CHECK(check_out.find("fetch takes --config FILE, --content DIR and --dry-run (got '--size')") != std::string::npos);
  fs::remove(config);
  fs::remove_all(content);
}
