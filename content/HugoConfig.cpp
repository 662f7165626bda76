// SPDX-License-Identifier: Apache-2.0
#include "content/HugoConfig.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

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

// The value of `key` in the table `map`, the key in any case; undefined when absent.
YAML::Node anyCaseKey(const YAML::Node& map, const std::string& key) {
  if (!map || !map.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  for (const auto& entry : map) {
    if (entry.first.IsScalar() && lowered(entry.first.Scalar()) == lowered(key)) return entry.second;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

std::string scalarOf(const YAML::Node& map, const std::string& key) {
  const YAML::Node node = anyCaseKey(map, key);
  return node && node.IsScalar() ? node.Scalar() : std::string();
}

bool isTrue(const YAML::Node& map, const std::string& key) {
  const YAML::Node node = anyCaseKey(map, key);
  bool value = false;
  return node && node.IsScalar() && YAML::convert<bool>::decode(node, value) && value;
}

// "./content/es/" -> "content/es".
std::string folderPath(std::string path) {
  while (path.rfind("./", 0) == 0) path.erase(0, 2);
  while (!path.empty() && path.back() == '/') path.pop_back();
  return path;
}

// "tides.es.md" -> "es"; "" when the name has no second extension.
std::string languageSuffix(const std::string& file) {
  const std::string name = file.substr(file.rfind('/') + 1);
  const std::size_t last = name.rfind('.');
  if (last == std::string::npos || last == 0) return "";
  const std::size_t before = name.rfind('.', last - 1);
  if (before == std::string::npos || before == 0) return "";
  return lowered(name.substr(before + 1, last - before - 1));
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
  for (const char* name :
       {"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"}) {
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
    node.reset(table);  // never '=': it would rewrite the node `value` refers to
    if (dot == std::string::npos) break;
    end = dot;
  }
  return node;
}

std::vector<SiteLanguage> hugoLanguages(const YAML::Node& config) {
  std::vector<SiteLanguage> languages;
  const YAML::Node table = anyCaseKey(config, "languages");
  if (!table || !table.IsMap()) return languages;
  std::string default_key = lowered(scalarOf(config, "defaultContentLanguage"));
  if (default_key.empty()) default_key = "en";
  const bool in_subdir = isTrue(config, "defaultContentLanguageInSubdir");
  std::vector<std::string> disabled;
  std::vector<int> weights;
  if (const YAML::Node list = anyCaseKey(config, "disableLanguages"); list && list.IsSequence()) {
    for (const auto& item : list) {
      if (item.IsScalar()) disabled.push_back(lowered(item.Scalar()));
    }
  }
  for (const auto& entry : table) {
    if (!entry.first.IsScalar() || !entry.second.IsMap() || entry.first.Scalar().empty()) continue;
    SiteLanguage language;
    language.key = lowered(entry.first.Scalar());
    const std::string code = scalarOf(entry.second, "languageCode");
    language.tag = LanguageTag(code.empty() ? language.key : code);
    language.content_dir = folderPath(scalarOf(entry.second, "contentDir"));
    language.base_url = scalarOf(entry.second, "baseURL");
    language.name = scalarOf(entry.second, "title");
    language.is_default = language.key == default_key;
    language.disabled =
        isTrue(entry.second, "disabled") || std::find(disabled.begin(), disabled.end(), language.key) != disabled.end();
    const bool no_prefix = (language.is_default && !in_subdir) || !language.base_url.empty();
    language.prefix = no_prefix ? "" : "/" + language.key;
    languages.push_back(std::move(language));
    weights.push_back(std::atoi(scalarOf(entry.second, "weight").c_str()));
  }
  // Hugo's order: by weight (0 last), then by key.
  std::vector<std::size_t> order(languages.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (weights[a] != weights[b]) return weights[b] == 0 || (weights[a] != 0 && weights[a] < weights[b]);
    return languages[a].key < languages[b].key;
  });
  std::vector<SiteLanguage> sorted;
  for (std::size_t i : order) sorted.push_back(std::move(languages[i]));
  return sorted;
}

const SiteLanguage* hugoLanguageOf(const std::vector<SiteLanguage>& languages, const std::string& file) {
  const SiteLanguage* found = nullptr;
  for (const SiteLanguage& language : languages) {
    const std::string& dir = language.content_dir;
    if (dir.empty() || file.rfind(dir + "/", 0) != 0) continue;
    if (found == nullptr || dir.size() > found->content_dir.size()) found = &language;
  }
  const std::string suffix = languageSuffix(file);
  for (const SiteLanguage& language : languages) {
    if (!suffix.empty() && language.key == suffix) return &language;
  }
  if (found != nullptr) return found;
  // A file of the site's content/ without a suffix: the default language
  // when it reads content/, else the first by weight that does, as Hugo mounts it.
  for (const SiteLanguage& language : languages) {
    if (language.is_default && language.content_dir.empty()) return &language;
  }
  for (const SiteLanguage& language : languages) {
    if (language.content_dir.empty()) return &language;
  }
  return nullptr;
}

std::string hugoContentPath(const std::vector<SiteLanguage>& languages, const std::string& posts_root,
                            const std::string& file) {
  const SiteLanguage* language = hugoLanguageOf(languages, file);
  for (const std::string* root : {language != nullptr ? &language->content_dir : nullptr, &posts_root}) {
    if (root != nullptr && !root->empty() && file.rfind(*root + "/", 0) == 0) return file.substr(root->size() + 1);
  }
  return file;
}

std::vector<std::string> hugoMainSectionPages(const std::vector<std::string>& files,
                                              const std::vector<std::string>& main_sections,
                                              const std::vector<SiteLanguage>& languages,
                                              const std::string& posts_root) {
  std::vector<std::string> sections;  // of each file, lower case; "" = none
  std::map<std::string, std::size_t> counts;
  for (const std::string& file : files) {
    const std::string path = hugoContentPath(languages, posts_root, file);
    const std::size_t slash = path.find('/');
    sections.push_back(slash == std::string::npos ? "" : lowered(path.substr(0, slash)));
    if (!sections.back().empty()) ++counts[sections.back()];
  }
  std::set<std::string> main;
  for (const std::string& section : main_sections) main.insert(lowered(section));
  if (main.empty()) {
    std::size_t most = 0;
    for (const auto& [section, count] : counts) {
      if (count > most) {
        most = count;
        main = {section};
      }
    }
  }
  if (main.empty()) return files;
  std::vector<std::string> kept;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (main.count(sections[i]) != 0) kept.push_back(files[i]);
  }
  return kept;
}

std::vector<std::string> hugoContentFolders(const std::vector<SiteLanguage>& languages, const std::string& posts_root) {
  std::vector<std::string> folders;
  bool site_folder = languages.empty();
  for (const SiteLanguage& language : languages) {
    if (language.content_dir.empty()) site_folder = true;
    else folders.push_back(language.content_dir);
  }
  if (site_folder) folders.push_back(posts_root);
  std::sort(folders.begin(), folders.end());
  folders.erase(std::unique(folders.begin(), folders.end()), folders.end());
  std::vector<std::string> outermost;
  for (const std::string& folder : folders) {
    const bool inside = std::any_of(outermost.begin(), outermost.end(),
                                    [&](const std::string& outer) { return folder.rfind(outer + "/", 0) == 0; });
    if (!inside) outermost.push_back(folder);
  }
  return outermost;
}

}  // namespace newsticker::content
