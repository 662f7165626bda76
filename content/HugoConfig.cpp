// SPDX-License-Identifier: Apache-2.0
#include "content/HugoConfig.hpp"

#include <algorithm>

namespace newsticker::content {
namespace {

constexpr int kMaxMergeDepth = 16;

bool isConfigExtension(const std::string& extension) {
  return extension == "toml" || extension == "yaml" || extension == "yml" || extension == "json";
}

std::string lowered(std::string text) {
  for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return text;
}

// The files of one configuration directory, `hugo.*` / `config.*` first.
void addFolder(const ContentTree& tree, const std::string& folder, std::vector<HugoConfigFile>& files) {
  std::vector<HugoConfigFile> whole, tables;
  for (const std::string& name : tree.listFiles(folder)) {
    const std::size_t dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0 || !isConfigExtension(name.substr(dot + 1))) continue;
    const std::string stem = name.substr(0, dot);
    const std::string path = folder + "/" + name;
    if (stem == "hugo" || stem == "config") {
      whole.push_back({path, ""});
      continue;
    }
    const std::size_t inner = stem.find('.');
    if (inner == std::string::npos) {
      tables.push_back({path, stem});
    } else if (stem.find('.', inner + 1) == std::string::npos && inner > 0 && inner + 1 < stem.size()) {
      tables.push_back({path, "languages." + stem.substr(inner + 1) + "." + stem.substr(0, inner)});
    }
  }
  // hugo.* before config.* (Hugo reads hugo.* when both are there).
  std::stable_sort(whole.begin(), whole.end(), [](const HugoConfigFile& a, const HugoConfigFile& b) {
    return a.file.find("/hugo.") != std::string::npos && b.file.find("/hugo.") == std::string::npos;
  });
  if (whole.size() > 1) whole.resize(1);
  files.insert(files.end(), whole.begin(), whole.end());
  files.insert(files.end(), tables.begin(), tables.end());
}

YAML::Node merged(const YAML::Node& base, const YAML::Node& over, int depth) {
  if (!base || !base.IsMap() || !over || !over.IsMap() || depth > kMaxMergeDepth) return over ? over : base;
  YAML::Node out(YAML::NodeType::Map);
  for (const auto& entry : base) {
    if (!entry.first.IsScalar()) continue;
    const std::string key = lowered(entry.first.Scalar());
    bool overridden = false;
    for (const auto& other : over) {
      if (!other.first.IsScalar() || lowered(other.first.Scalar()) != key) continue;
      overridden = true;
      out[other.first.Scalar()] = merged(entry.second, other.second, depth + 1);
    }
    if (!overridden) out[entry.first.Scalar()] = entry.second;
  }
  for (const auto& other : over) {
    if (!other.first.IsScalar()) continue;
    bool in_base = false;
    for (const auto& entry : base) {
      in_base = in_base || (entry.first.IsScalar() && lowered(entry.first.Scalar()) == lowered(other.first.Scalar()));
    }
    if (!in_base) out[other.first.Scalar()] = other.second;
  }
  return out;
}

}  // namespace

std::vector<HugoConfigFile> hugoConfigFiles(const ContentTree& tree) {
  std::vector<HugoConfigFile> files;
  for (const char* name : {"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml",
                           "config.yml", "config.json"}) {
    if (!tree.hasFile(name)) continue;
    files.push_back({name, ""});
    break;
  }
  for (const char* folder : {"config/_default", "config/production"}) addFolder(tree, folder, files);
  return files;
}

YAML::Node mergedHugoConfig(const YAML::Node& base, const YAML::Node& over) { return merged(base, over, 0); }

YAML::Node nestedUnder(const std::string& key, const YAML::Node& value) {
  if (key.empty()) return value;
  YAML::Node node = value;
  std::size_t end = key.size();
  while (true) {
    const std::size_t dot = key.rfind('.', end - 1);
    const std::size_t start = dot == std::string::npos ? 0 : dot + 1;
    YAML::Node table(YAML::NodeType::Map);
    table[key.substr(start, end - start)] = node;
    node = table;
    if (dot == std::string::npos) break;
    end = dot;
  }
  return node;
}

}  // namespace newsticker::content
