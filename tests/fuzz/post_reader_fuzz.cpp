// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: any bytes as a post file, through content::readPost and content::loadFeed.
// Build: CC=clang-14 CXX=clang++-14 cmake -S /work/main -B /tmp/build-fuzz -DNEWSTICKER_FUZZ=ON
// -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined" && cmake --build /tmp/build-fuzz
// --target post_reader_fuzz Corpus: mkdir -p /tmp/fuzz-corpus/post_reader && cp tests/fuzz/corpus/post_reader/*
// content/demo/posts/*.md /tmp/fuzz-corpus/post_reader/  (work corpora stay out of the repo) Run:
// /tmp/build-fuzz/tests/post_reader_fuzz -max_total_time=240 -timeout=10 -rss_limit_mb=2048 -max_len=16384
// -artifact_prefix=/tmp/fuzz-crashes/post_reader- /tmp/fuzz-corpus/post_reader Repro:
// /tmp/build-fuzz/tests/post_reader_fuzz FILE  (shrink: -minimize_crash=1 -runs=20000 FILE). An escaping exception
// aborts at its throw site.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

#include "content/FeedLoader.hpp"
#include "content/MemoryTree.hpp"
#include "content/PostReader.hpp"

using namespace newsticker::content;

namespace {

[[noreturn]] void violated(const char* what) {
  std::fprintf(stderr, "post_reader_fuzz: invariant violated: %s\n", what);
  std::abort();
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Only a file starting with "---" (after an optional BOM) can be accepted.
bool couldBePost(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return bytes.substr(0, 3) == "---";
}

// feed.yaml for the loadFeed pass. When the input cannot be a post, its first
// bytes are the feed.yaml as they are (so the fuzzer reaches the feed parser).
// Otherwise the fields come from the input's last two bytes: every accepted
// post starts with "---\ntitle", so its first bytes hardly vary.
std::string feedYaml(std::string_view bytes) {
  if (bytes.empty()) return "";
  if (!couldBePost(bytes)) return std::string(bytes.substr(0, 256));
  static const char* const kLanguages[] = {"en", "ja", "ko", "zh-Hans", "zh_TW", "\"\"", "x-klingon", "ZH-hant-HK"};
  static const char* const kDurations[] = {"8", "0", "-1", "3601", "1e308", ".nan", "eight", "[1, 2]"};
  const auto t = static_cast<unsigned char>(bytes.back());
  const auto u = static_cast<unsigned char>(bytes.size() > 1 ? bytes[bytes.size() - 2] : 0);
  std::string yaml = (u & 1) ? "name: Fuzz Feed\n" : "source: Fuzz Source\n";
  yaml += std::string("language: ") + kLanguages[t & 7] + "\n";
  yaml += std::string("duration: ") + kDurations[(t >> 3) & 7] + "\n";
  if (t & 0x40) yaml += "show_drafts: true\n";
  if (t & 0x80) yaml += "logo: fuzz.svg\n";
  else if (u & 2) yaml += "logo: missing.png\n";
  return yaml;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  const PostReadResult direct = readPost("posts/fuzz.md", bytes, FeedDefaults{});
  if (direct.post) {
    if (blank(direct.post->title)) violated("accepted a post with a blank title");
    if (direct.post->file != "posts/fuzz.md") violated("post.file is not the file read");
  } else if (direct.diagnostics.empty()) {
    violated("rejected a post without saying why");
  }

  std::map<std::string, std::string> files;
  files["posts/a.md"] = std::string(bytes);
  files["feed.yaml"] = feedYaml(bytes);
  files["logos/fuzz.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
  files["logos/example.com.png"] = "\x89PNG";
  const MemoryTree tree("fuzz tree", std::move(files));
  const Feed feed = loadFeed(tree);

  if (feed.posts.size() > 1) violated("one post file gave several posts");
  // Whether a post is accepted does not depend on the folder defaults or the file name.
  if (feed.posts.size() != (direct.post ? 1u : 0u)) violated("readPost and loadFeed disagree on acceptance");
  for (const Post& post : feed.posts) {
    if (blank(post.title)) violated("loadFeed accepted a post with a blank title");
    if (!post.logo.empty() && !tree.hasFile(post.logo)) violated("logo resolved to a file not in the tree");
  }
  return 0;
}
