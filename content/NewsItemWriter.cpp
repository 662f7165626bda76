// SPDX-License-Identifier: Apache-2.0
#include "content/NewsItemWriter.hpp"

#include <yaml-cpp/yaml.h>

namespace newsticker::content {
namespace {

void text(YAML::Emitter& out, const char* key, const std::string& value) {
  if (value.empty()) return;
  out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << value;
}

}  // namespace

std::string writeNewsItem(const NewsItem& item) {
  YAML::Emitter out;
  out.SetOutputCharset(YAML::EmitNonAscii);
  out << YAML::BeginMap;
  text(out, "title", item.title);
  text(out, "excerpt", item.excerpt);
  text(out, "publishedDateTime", item.published);
  text(out, "webUrl", item.web_url);
  out << YAML::Key << "type" << YAML::Value << "article";
  if (!item.provider_name.empty() || !item.provider_domain.empty()) {
    out << YAML::Key << "provider" << YAML::Value << YAML::BeginMap;
    text(out, "name", item.provider_name);
    text(out, "domain", item.provider_domain);
    out << YAML::EndMap;
  }
  text(out, "language", item.language.str());
  text(out, "logo", item.logo);
  if (!item.images.empty()) {
    out << YAML::Key << "images" << YAML::Value << YAML::BeginSeq;
    for (const NewsItemImage& image : item.images) {
      out << YAML::BeginMap;
      text(out, "url", image.url);
      if (image.width > 0 && image.height > 0) {
        out << YAML::Key << "width" << YAML::Value << image.width;
        out << YAML::Key << "height" << YAML::Value << image.height;
      }
      out << YAML::Key << "isCached" << YAML::Value << true;
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  out << YAML::EndMap;
  return std::string("---\n") + out.c_str() + "\n---\n";
}

}  // namespace newsticker::content
