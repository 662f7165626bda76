// SPDX-License-Identifier: Apache-2.0
#include "content/ImageReference.hpp"

namespace newsticker::content {
namespace {

std::string_view withoutQuery(std::string_view reference) { return reference.substr(0, reference.find_first_of("?#")); }

bool isRemote(std::string_view reference) {
  return reference.find("://") != std::string_view::npos || reference.substr(0, 2) == "//";
}

}  // namespace

std::string imageFileName(std::string_view reference) {
  const std::string_view path = withoutQuery(reference);
  const auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string sitePathOf(std::string_view reference) {
  if (isRemote(reference)) return "";
  std::string_view path = withoutQuery(reference);
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  return std::string(path);
}

}  // namespace newsticker::content
