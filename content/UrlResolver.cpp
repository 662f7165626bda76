// SPDX-License-Identifier: Apache-2.0
#include "content/UrlResolver.hpp"

#include <optional>

namespace newsticker::content {
namespace {

struct UrlParts {
  std::string scheme;  // without ':'; "" for a relative reference
  std::optional<std::string> authority;
  std::string path;
  std::optional<std::string> query;
  std::optional<std::string> fragment;
};

bool isSchemeChar(char c, bool first) {
  const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (first) return letter;
  return letter || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

// RFC 3986 appendix B, without the regular expression.
UrlParts split(std::string_view url) {
  UrlParts parts;
  std::size_t i = 0;
  while (i < url.size() && isSchemeChar(url[i], i == 0)) ++i;
  if (i > 0 && i < url.size() && url[i] == ':') {
    parts.scheme = std::string(url.substr(0, i));
    for (char& c : parts.scheme) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    url.remove_prefix(i + 1);
  }
  if (const auto hash = url.find('#'); hash != std::string_view::npos) {
    parts.fragment = std::string(url.substr(hash + 1));
    url = url.substr(0, hash);
  }
  if (const auto question = url.find('?'); question != std::string_view::npos) {
    parts.query = std::string(url.substr(question + 1));
    url = url.substr(0, question);
  }
  if (url.substr(0, 2) == "//") {
    const auto slash = url.find('/', 2);
    parts.authority = std::string(url.substr(2, (slash == std::string_view::npos ? url.size() : slash) - 2));
    url = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
  }
  parts.path = std::string(url);
  return parts;
}

// RFC 3986 section 5.2.4.
std::string removeDotSegments(std::string input) {
  std::string output;
  while (!input.empty()) {
    if (input.compare(0, 3, "../") == 0) {
      input.erase(0, 3);
    } else if (input.compare(0, 2, "./") == 0) {
      input.erase(0, 2);
    } else if (input.compare(0, 3, "/./") == 0) {
      input.erase(0, 2);
    } else if (input == "/.") {
      input = "/";
    } else if (input.compare(0, 4, "/../") == 0 || input == "/..") {
      input = input.size() == 3 ? "/" : input.substr(3);
      const auto last = output.rfind('/');
      output.erase(last == std::string::npos ? 0 : last);
    } else if (input == "." || input == "..") {
      input.clear();
    } else {
      const auto next = input.find('/', input[0] == '/' ? 1 : 0);
      output += input.substr(0, next);
      input.erase(0, next == std::string::npos ? input.size() : next);
    }
  }
  return output;
}

std::string recompose(const UrlParts& parts) {
  std::string url;
  if (!parts.scheme.empty()) url += parts.scheme + ":";
  if (parts.authority) url += "//" + *parts.authority;
  url += parts.path;
  if (parts.query) url += "?" + *parts.query;
  if (parts.fragment) url += "#" + *parts.fragment;
  return url;
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

std::string resolveUrl(std::string_view base_text, std::string_view reference_text) {
  const UrlParts reference = split(trimmed(reference_text));
  UrlParts target;
  if (!reference.scheme.empty()) {
    target = reference;
    target.path = removeDotSegments(reference.path);
    return recompose(target);
  }
  const UrlParts base = split(trimmed(base_text));
  if (base.scheme.empty()) return "";
  target.scheme = base.scheme;
  if (reference.authority) {
    target.authority = reference.authority;
    target.path = removeDotSegments(reference.path);
    target.query = reference.query;
  } else {
    target.authority = base.authority;
    if (reference.path.empty()) {
      target.path = base.path;
      target.query = reference.query ? reference.query : base.query;
    } else {
      if (reference.path[0] == '/') {
        target.path = removeDotSegments(reference.path);
      } else {
        // Merge (5.2.3): the base path up to its last '/', then the reference.
        std::string merged;
        if (base.authority && base.path.empty()) {
          merged = "/" + reference.path;
        } else {
          const auto last = base.path.rfind('/');
          merged = (last == std::string::npos ? "" : base.path.substr(0, last + 1)) + reference.path;
        }
        target.path = removeDotSegments(merged);
      }
      target.query = reference.query;
    }
  }
  target.fragment = reference.fragment;
  return recompose(target);
}

bool isWebUrl(std::string_view url) {
  for (char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F) return false;
  }
  const UrlParts parts = split(url);
  if (parts.scheme != "http" && parts.scheme != "https") return false;
  if (!parts.authority) return false;
  std::string host = *parts.authority;
  if (const auto at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
  return !host.empty() && host[0] != ':';
}

}  // namespace newsticker::content
