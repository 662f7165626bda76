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
  const auto warn = [&](const std::string& message) {
    diagnostics.push_back({file, 0, Severity::Warning, message});
  };

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

  if (!defaults.logo.empty()) {
    const std::string in_logos = "logos/" + stripLeadingSlashes(defaults.logo);
    if (tree.hasFile(in_logos)) return in_logos;
    if (tree.hasFile(stripLeadingSlashes(defaults.logo))) return stripLeadingSlashes(defaults.logo);
    // A Hugo or Zola site's logo is published from static/.
    if (tree.hasFile("static/" + stripLeadingSlashes(defaults.logo))) return "static/" + stripLeadingSlashes(defaults.logo);
  }
  return "";
}

}  // namespace newsticker::content
