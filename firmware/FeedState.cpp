// SPDX-License-Identifier: Apache-2.0
#include "firmware/FeedState.hpp"

#include <yaml-cpp/yaml.h>

namespace newsticker::firmware {

bool FeedState::operator==(const FeedState& other) const {
  if (url != other.url || etag != other.etag || last_modified != other.last_modified) return false;
  if (items.size() != other.items.size()) return false;
  for (auto a = items.begin(), b = other.items.begin(); a != items.end(); ++a, ++b) {
    if (a->first != b->first || a->second.published != b->second.published || a->second.image != b->second.image ||
        a->second.gone_since != b->second.gone_since || a->second.first_seen != b->second.first_seen) {
      return false;
    }
  }
  return true;
}

std::string writeFeedState(const FeedState& state) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "url" << YAML::Value << YAML::DoubleQuoted << state.url;
  out << YAML::Key << "etag" << YAML::Value << YAML::DoubleQuoted << state.etag;
  out << YAML::Key << "last_modified" << YAML::Value << YAML::DoubleQuoted << state.last_modified;
  out << YAML::Key << "items" << YAML::Value << YAML::BeginMap;
  for (const auto& [stem, item] : state.items) {
    out << YAML::Key << stem << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "published" << YAML::Value << YAML::DoubleQuoted << item.published;
    out << YAML::Key << "image" << YAML::Value << YAML::DoubleQuoted << item.image;
    out << YAML::Key << "gone_since" << YAML::Value << item.gone_since;
    out << YAML::Key << "first_seen" << YAML::Value << item.first_seen;
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
  out << YAML::EndMap;
  return std::string("# newsticker fetch: HTTP validators and items of one feed; safe to delete.\n") + out.c_str() +
         "\n";
}

std::optional<FeedState> readFeedState(const std::string& text) {
  try {
    const YAML::Node root = YAML::Load(text);
    if (!root.IsMap()) return std::nullopt;
    FeedState state;
    state.url = root["url"].as<std::string>("");
    state.etag = root["etag"].as<std::string>("");
    state.last_modified = root["last_modified"].as<std::string>("");
    const YAML::Node items = root["items"];
    if (items && items.IsMap()) {
      for (const auto& entry : items) {
        if (!entry.second.IsMap()) return std::nullopt;
        FeedStateItem item;
        item.published = entry.second["published"].as<std::string>("");
        item.image = entry.second["image"].as<std::string>("");
        item.gone_since = entry.second["gone_since"].as<std::int64_t>(0);
        item.first_seen = entry.second["first_seen"].as<std::int64_t>(0);
        state.items[entry.first.as<std::string>()] = item;
      }
    }
    return state;
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
}

}  // namespace newsticker::firmware
