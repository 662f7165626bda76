// SPDX-License-Identifier: Apache-2.0
#include "firmware/HttpGet.hpp"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace newsticker::firmware {
namespace {

struct Transfer {
  HttpResponse* response = nullptr;
  std::size_t max_bytes = 0;
  bool too_large = false;
};

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto& t = *static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  if (t.response->body.size() + bytes > t.max_bytes) {
    t.too_large = true;
    return 0;  // curl stops with CURLE_WRITE_ERROR
  }
  t.response->body.append(data, bytes);
  return bytes;
}

std::string trimmed(std::string text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

bool startsWithNoCase(const std::string& text, const char* prefix) {
  for (std::size_t i = 0; prefix[i] != '\0'; ++i) {
    if (i >= text.size()) return false;
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// Keeps the validators of the last response: a redirect's headers come first
// and are forgotten at the next status line.
std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
  auto& t = *static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  const std::string line(data, bytes);
  if (line.compare(0, 5, "HTTP/") == 0) {
    t.response->etag.clear();
    t.response->last_modified.clear();
    t.response->content_type.clear();
  } else if (startsWithNoCase(line, "etag:")) {
    t.response->etag = trimmed(line.substr(5));
  } else if (startsWithNoCase(line, "last-modified:")) {
    t.response->last_modified = trimmed(line.substr(14));
  } else if (startsWithNoCase(line, "content-type:")) {
    t.response->content_type = trimmed(line.substr(13));
  }
  return bytes;
}

std::string sizeText(std::size_t bytes) {
  if (bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

std::string secondsText(long ms) {
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
  return std::to_string(ms) + " ms";
}

struct EasyDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

HttpResponse httpGet(const HttpRequest& request) {
  static std::once_flag global_init;
  std::call_once(global_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });

  HttpResponse response;
  std::unique_ptr<CURL, EasyDeleter> curl(curl_easy_init());
  if (!curl) {
    response.error = "libcurl could not start a transfer";
    return response;
  }
  Transfer transfer{&response, request.max_bytes, false};
  curl_slist* list = nullptr;
  const auto add_header = [&list](const std::string& line) {
    // On failure curl_slist_append returns null and leaves the list as it was.
    if (curl_slist* longer = curl_slist_append(list, line.c_str())) list = longer;
  };
  if (!request.if_none_match.empty()) add_header("If-None-Match: " + request.if_none_match);
  if (!request.if_modified_since.empty()) add_header("If-Modified-Since: " + request.if_modified_since);
  const std::unique_ptr<curl_slist, ListDeleter> headers(list);
  char error_text[CURL_ERROR_SIZE] = "";

  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  // Never file://, ftp:// and the like, not even after a redirect (libcurl
  // 7.85 and later; an older one refuses the option, and then the transfer).
  if (curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https") != CURLE_OK ||
      curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") != CURLE_OK) {
    response.error = "libcurl older than 7.85 cannot be limited to http and https";
    return response;
  }
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, request.max_redirects);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, request.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, request.total_timeout_ms);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // every encoding this libcurl decodes (gzip, deflate, ...)
  curl_easy_setopt(c, CURLOPT_USERAGENT, request.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.max_bytes));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, onHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_text);
  if (headers) curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());

  const CURLcode code = curl_easy_perform(c);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  response.status = status;
  char* effective = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective != nullptr) {
    response.effective_url = effective;
  }
  if (code == CURLE_OK) {
    response.completed = true;
    return response;
  }
  response.body.clear();
  if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED) {
    response.error = "response larger than " + sizeText(request.max_bytes);
  } else if (code == CURLE_OPERATION_TIMEDOUT) {
    response.error = "timed out: no complete response within " + secondsText(request.total_timeout_ms) +
                     (error_text[0] != '\0' ? " (" + std::string(error_text) + ")" : std::string());
  } else if (code == CURLE_TOO_MANY_REDIRECTS) {
    response.error = "more than " + std::to_string(request.max_redirects) + " redirects";
  } else if (code == CURLE_UNSUPPORTED_PROTOCOL) {
    response.error = "not an http:// or https:// address (or redirected to one that is not)";
  } else if (code == CURLE_COULDNT_RESOLVE_HOST) {
    response.error = "host not found (DNS)";
  } else if (code == CURLE_COULDNT_CONNECT) {
    response.error = "cannot connect" + (error_text[0] != '\0' ? ": " + std::string(error_text) : std::string());
  } else {
    response.error = error_text[0] != '\0' ? std::string(error_text) : std::string(curl_easy_strerror(code));
  }
  return response;
}

}  // namespace newsticker::firmware
