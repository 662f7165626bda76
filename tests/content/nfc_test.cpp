// SPDX-License-Identifier: Apache-2.0
// Text is normalised to NFC when a post is read (issue 30, class 5):
// decomposed Vietnamese reads as the precomposed letters.
#include <doctest/doctest.h>

#include <string>

#include "content/Nfc.hpp"
#include "content/PostReader.hpp"

using namespace newsticker::content;

TEST_CASE("toNfc composes decomposed letters and leaves NFC and ASCII text as it is") {
  // "Tiếng Việt" typed decomposed: e + U+0302 (circumflex) + U+0301 (acute),
  // e + U+0323 (dot below) + U+0302.
  const std::string decomposed = "Ti\x65\xCC\x82\xCC\x81ng Vi\x65\xCC\xA3\xCC\x82t";
  CHECK(toNfc(decomposed) == "Tiếng Việt");
  CHECK(toNfc("Tiếng Việt") == "Tiếng Việt");
  CHECK(toNfc("plain ASCII\nline two") == "plain ASCII\nline two");
  // Hangul jamo compose into syllables; a compatibility character stays (NFC, not NFKC).
  CHECK(toNfc("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB") == "한");
  CHECK(toNfc("ﬁ") == "ﬁ");
  CHECK(toNfc("").empty());
}

TEST_CASE("readPost reads a post typed in NFD as NFC: title, summary and body the same as typed precomposed") {
  FeedDefaults defaults;
  defaults.language = "vi";
  const std::string nfd_title = "Xe buy\xCC\x81t \xC4\x91ie\xCC\xA3\xCC\x82n cha\xCC\xA3y thu\xCC\x9B\xCC\x89";
  const std::string body = "Gia\xCC\x81 ve\xCC\x81 20.000 \xC4\x91o\xCC\x82\xCC\x80ng.\n";
  const auto result = readPost("posts/vi.md", "---\ntitle: " + nfd_title + "\n---\n" + body, defaults);
  REQUIRE(result.post.has_value());
  CHECK(result.post->title == toNfc(nfd_title));
  CHECK(result.post->title.find("\xCC") == std::string::npos);  // no combining mark left (U+0300..U+033F)
  CHECK(result.post->summary == "Giá vé 20.000 đồng.");
  CHECK(result.diagnostics.empty());
}
