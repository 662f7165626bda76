// SPDX-License-Identifier: Apache-2.0
// resolveUrl: RFC 3986 reference resolution; isWebUrl: what may be fetched.
#include <doctest/doctest.h>

#include "content/UrlResolver.hpp"

using newsticker::content::isWebUrl;
using newsticker::content::resolveUrl;

TEST_CASE("RFC 3986 section 5.4.1 examples") {
  const char* base = "http://a/b/c/d;p?q";
  CHECK(resolveUrl(base, "g") == "http://a/b/c/g");
  CHECK(resolveUrl(base, "./g") == "http://a/b/c/g");
  CHECK(resolveUrl(base, "g/") == "http://a/b/c/g/");
  CHECK(resolveUrl(base, "/g") == "http://a/g");
  CHECK(resolveUrl(base, "//g") == "http://g");
  CHECK(resolveUrl(base, "?y") == "http://a/b/c/d;p?y");
  CHECK(resolveUrl(base, "g?y") == "http://a/b/c/g?y");
  CHECK(resolveUrl(base, "#s") == "http://a/b/c/d;p?q#s");
  CHECK(resolveUrl(base, "") == "http://a/b/c/d;p?q");
  CHECK(resolveUrl(base, ".") == "http://a/b/c/");
  CHECK(resolveUrl(base, "..") == "http://a/b/");
  CHECK(resolveUrl(base, "../g") == "http://a/b/g");
  CHECK(resolveUrl(base, "../../g") == "http://a/g");
  CHECK(resolveUrl(base, "../../../g") == "http://a/g");
  CHECK(resolveUrl(base, "g;x=1/../y") == "http://a/b/c/y");
}

TEST_CASE("absolute references stay; relative ones need an absolute base") {
  CHECK(resolveUrl("https://x.example/a/", "https://y.example/p/../q") == "https://y.example/q");
  CHECK(resolveUrl("https://x.example", "news/1") == "https://x.example/news/1");
  CHECK(resolveUrl("", "news/1").empty());
  CHECK(resolveUrl("/relative/base", "news/1").empty());
  CHECK(resolveUrl("https://x.example/feed.xml", "  /trimmed \n") == "https://x.example/trimmed");
}

TEST_CASE("only http(s) addresses with a host are web addresses") {
  CHECK(isWebUrl("https://news.example.org/feed.xml"));
  CHECK(isWebUrl("http://127.0.0.1:8080/x"));
  CHECK(isWebUrl("HTTPS://Example.org"));
  CHECK_FALSE(isWebUrl("file:///etc/passwd"));
  CHECK_FALSE(isWebUrl("javascript:alert(1)"));
  CHECK_FALSE(isWebUrl("ftp://example.org/feed"));
  CHECK_FALSE(isWebUrl("https:///path-only"));
  CHECK_FALSE(isWebUrl("https://exa mple.org/"));
  CHECK_FALSE(isWebUrl("/site/path"));
}
