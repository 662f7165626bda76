// SPDX-License-Identifier: Apache-2.0
// One HTTP(S) GET through libcurl, bounded in time, redirects and size: how
// `newsticker fetch` reads feeds and their pictures.
#pragma once

#include <cstddef>
#include <string>

namespace newsticker::firmware {

struct HttpRequest {
  std::string url;                   // http:// or https:// only (also after redirects)
  std::string user_agent;            // "newsticker/0.1.0"
  std::string if_none_match;         // an ETag from an earlier response; "" = not sent
  std::string if_modified_since;     // a Last-Modified from an earlier response; "" = not sent
  std::size_t max_bytes = 5u << 20;  // the body, decoded, may not be larger
  long connect_timeout_ms = 10000;
  long total_timeout_ms = 30000;
  long max_redirects = 5;
};

struct HttpResponse {
  bool completed = false;  // false: no usable response; `error` says why
  std::string error;       // one line: "timed out after 30 s", "response larger than 5 MiB", ...
  long status = 0;         // 200, 304, 404, ... of the last response (after redirects)
  std::string body;        // decoded (gzip, deflate), at most max_bytes
  std::string etag;        // the last response's ETag, as sent
  std::string last_modified;
  std::string content_type;
  std::string effective_url;  // the address after redirects
};

// Performs the GET: TLS peers and host names verified, gzip/deflate accepted,
// at most `max_redirects` redirects (to http/https only), conditional headers
// sent when given, no signals (safe from any thread). A transfer error, a
// body over max_bytes or a time-out gives completed == false; any HTTP status
// is a completed response (the caller decides). Never throws.
HttpResponse httpGet(const HttpRequest& request);

}  // namespace newsticker::firmware
