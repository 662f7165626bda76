// SPDX-License-Identifier: Apache-2.0
// Issue 27, item 2: TOML nested 50,000 levels deep (dotted keys, inline
// tables, arrays) overflowed the stack inside toml++. The nesting is counted
// before toml++ sees the text, as for YAML.
#include <doctest/doctest.h>

#include <string>

#include "content/FeedLoader.hpp"
#include "content/FrontMatterMap.hpp"
#include "content/MemoryTree.hpp"

using namespace newsticker::content;

namespace {

// `a.a.a...a = 1` with `levels` parts: 100 KB for 50,000.
std::string dottedKey(int levels) {
  std::string key = "a";
  for (int i = 1; i < levels; ++i) key += ".a";
  return key + " = 1\n";
}

const Post* postOf(const Feed& feed, const std::string& file) {
  for (const Post& post : feed.posts) {
    if (post.file == file) return &post;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("TOML front matter 50,000 levels deep is refused with its line, not parsed") {
  const std::string deep = dottedKey(50000);
  CHECK(deep.size() > 99000);
  for (const std::string& text : {"title = \"Deep\"\n" + deep,
                                  "title = \"Deep\"\nx = " + std::string(50000, '[') + std::string(50000, ']') + "\n",
                                  "title = \"Deep\"\nx = " +
                                      [] {
                                        std::string inline_tables;
                                        for (int i = 0; i < 50000; ++i) inline_tables += "{a=";
                                        return inline_tables + "1" + std::string(50000, '}');
                                      }() +
                                      "\n",
                                  "title = \"Deep\"\n[" + dottedKey(50000).substr(0, 99999) + "]\n"}) {
    const FrontMatterMap map = readFrontMatter(FrontMatterFormat::Toml, text, YamlLimits{});
    CHECK(map.error == "front matter is nested more than 32 levels deep");
    CHECK(map.error_line == 1);
  }
  // Dots inside strings, comments and numbers, and ordinary tables, are no nesting.
  const FrontMatterMap fine = readFrontMatter(
      FrontMatterFormat::Toml,
      "title = \"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g\"\n"
      "# a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g\n"
      "weights = [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5, 12.5, 13.5, 14.5, 15.5, 16.5, 17.5,"
      " 18.5, 19.5, 20.5, 21.5, 22.5, 23.5, 24.5, 25.5, 26.5, 27.5, 28.5, 29.5, 30.5, 31.5, 32.5, 33.5]\n"
      "[extra.site.colours]\nmain = 'x.y'\n",
      YamlLimits{});
  CHECK(fine.error.empty());
}

TEST_CASE("a hugo.toml or a post 50,000 dotted-key levels deep is reported; the other posts load") {
  const MemoryTree tree("t", {{"hugo.toml", "baseURL = \"https://h.example.org\"\n" + dottedKey(50000)},
                              {"content/posts/deep.md", "+++\ntitle = \"Deep\"\n" + dottedKey(50000) + "+++\nText.\n"},
                              {"content/posts/ferry.md", "---\ntitle: Ferry Times\ndate: 2026-03-02\n---\nText.\n"}});
  const Feed feed = loadFeed(tree);
  CHECK(postOf(feed, "content/posts/ferry.md") != nullptr);
  CHECK(postOf(feed, "content/posts/deep.md") == nullptr);
  bool site_named = false, post_named = false;
  for (const Diagnostic& d : feed.diagnostics) {
    if (d.message.find("nested more than 32 levels deep") == std::string::npos) continue;
    site_named = site_named || d.file == "hugo.toml";
    post_named = post_named || d.file == "content/posts/deep.md";
  }
  CHECK(site_named);
  CHECK(post_named);
}
