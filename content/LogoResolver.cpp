// SPDX-License-Identifier: Apache-2.0
#include "content/LogoResolver.hpp"

#include "content/ImageReference.hpp"

namespace newsticker::content {
namespace {

std::string stripLeadingSlashes(std::string path) {
  while (!path.empty() && path.front() == '/') path.erase(0, 1);
  return path;
}

}  // namespace

std::string resolveLogo(const ContentTree& tree, const LogoHints& hints, const FeedDefaults& defaults,
                        const std::string& file, std::vector<Diagnostic>& diagnostics) {
  const auto warn = [&](const std::string& message) { diagnostics.push_back({file, 0, Severity::Warning, message}); };

  if (!hints.front_matter.empty()) {
    const std::string candidate = "logos/" + stripLeadingSlashes(hints.front_matter);
    if (tree.hasFile(candidate)) return candidate;
    warn("logo '" + hints.front_matter + "' is not a file inside logos/; trying the next source");
  }

  if (!hints.body_image.empty()) {
    const std::string name = imageFileName(hints.body_image);
    if (!name.empty() && tree.hasFile("logos/" + name)) return "logos/" + name;
    // images/ holds photos (PhotoResolver.hpp), never logos.
    const std::string site_path = sitePathOf(hints.body_image);
    if (!site_path.empty() && site_path.rfind("images/", 0) != 0 && tree.hasFile(site_path)) return site_path;
  }

  for (const std::string& url : hints.image_urls) {
    const std::string name = imageFileName(url);
    if (!name.empty() && tree.hasFile("logos/" + name)) return "logos/" + name;
  }

  if (!hints.provider_domain.empty() && hints.provider_domain.find('/') == std::string::npos) {
    for (const char* extension : {".svg", ".png", ".jpg", ".jpeg"}) {
      const std::string candidate = "logos/" + hints.provider_domain + extension;
      if (tree.hasFile(candidate)) return candidate;
    }
  }

  return resolveFeedLogo(tree, defaults);
}

std::string resolveFeedLogo(const ContentTree& tree, const FeedDefaults& defaults) {
  if (defaults.logo.empty()) return "";
  const std::string name = stripLeadingSlashes(defaults.logo);
  for (const char* folder : {"logos/", "", "static/", "assets/", "assets/images/"}) {
    if (tree.hasFile(folder + name)) return folder + name;
  }
  return "";
}

}  // namespace newsticker::content
