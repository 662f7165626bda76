// SPDX-License-Identifier: Apache-2.0
#include "content/SiteConfig.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <utility>

#include "content/FrontMatterMap.hpp"
#include "content/HugoConfig.hpp"
#include "content/HugoPermalink.hpp"
#include "content/LanguageDetector.hpp"
#include "content/Permalink.hpp"
#include "content/PostDate.hpp"

namespace newsticker::content {
namespace {

constexpr std::size_t kMaxConfigBytes = 256 * 1024;
constexpr std::size_t kMaxSiteValues = 2000;

// Every text value of `node` under its dotted path ("author.name").
void flatten(const YAML::Node& node, const std::string& prefix, std::map<std::string, std::string>& out, int depth) {
  if (depth > 8 || out.size() >= kMaxSiteValues) return;
  if (node.IsScalar()) {
    if (!prefix.empty()) out[prefix] = node.Scalar();
    return;
  }
  if (!node.IsMap()) return;
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) continue;
    flatten(entry.second, prefix.empty() ? entry.first.Scalar() : prefix + "." + entry.first.Scalar(), out, depth + 1);
  }
}

bool sameIgnoringCase(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// The first of `keys` with a non-empty value: written as given, else in any
// case (Hugo's keys are; "params.Logo" answers "params.logo").
std::string firstValue(const std::map<std::string, std::string>& values, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    if (const auto found = values.find(key); found != values.end() && !found->second.empty()) return found->second;
  }
  for (const char* key : keys) {
    for (const auto& [name, value] : values) {
      if (!value.empty() && sameIgnoringCase(name, key)) return value;
    }
  }
  return "";
}

// Reads `file` of `tree` as TOML (.toml), JSON (.json) or YAML; nullopt (with a diagnostic) when it cannot be.
std::optional<FrontMatterMap> readConfig(const ContentTree& tree, const std::string& file, const YamlLimits& limits,
                                         std::vector<Diagnostic>& diagnostics) {
  const FileRead read = tree.read(file, kMaxConfigBytes);
  const auto fail = [&](int line, const std::string& why) {
    diagnostics.push_back({file, line, Severity::Warning, why + "; its settings are not used"});
    return std::nullopt;
  };
  if (read.status == FileRead::Status::TooLarge) return fail(0, "larger than 256 KiB");
  if (read.status != FileRead::Status::Ok) return fail(0, "cannot be read");
  const auto endsWith = [&](const char* ext) {
    const std::size_t n = std::char_traits<char>::length(ext);
    return file.size() > n && file.compare(file.size() - n, n, ext) == 0;
  };
  const FrontMatterFormat format = endsWith(".toml")   ? FrontMatterFormat::Toml
                                   : endsWith(".json") ? FrontMatterFormat::Json
                                                       : FrontMatterFormat::Yaml;
  if (format == FrontMatterFormat::Yaml && read.bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
    FrontMatterMap empty;
    empty.ok = true;
    empty.root = YAML::Node(YAML::NodeType::Map);
    return empty;
  }
  FrontMatterMap map = readFrontMatter(format, read.bytes, limits);
  if (!map.ok) {
    std::string why = map.error;
    if (why.rfind("front matter ", 0) == 0) why = why.substr(13);
    return fail(map.error_line + 1, why);
  }
  return map;
}

bool isZolaConfig(const ContentTree& tree, const std::string& file) {
  if (file == "zola.toml") return true;
  const FileRead read = tree.read(file, kMaxConfigBytes);
  return read.status == FileRead::Status::Ok && ("\n" + read.bytes).find("\nbase_url") != std::string::npos;
}

// A [permalinks] key as Hugo matches it: no '/' or blank at either end,
// lower case, each element as Hugo writes path elements.
std::string sectionKey(std::string key) {
  while (!key.empty() && (key.front() == '/' || key.front() == ' ')) key.erase(0, 1);
  while (!key.empty() && (key.back() == '/' || key.back() == ' ')) key.pop_back();
  return hugoPathElement(key);
}

// Hugo's [permalinks] for pages, both its forms: `section = "pattern"` and
// [permalinks.page] `section = "pattern"` (the second wins for the same
// section); [permalinks.section], .taxonomy and .term are not pages. A
// pattern with a token newsticker does not know is left out with a warning
// at its line of `file`, whose mapping `config` holds `permalinks`.
void readHugoPermalinks(const std::string& file, const FrontMatterMap& config, const YAML::Node& permalinks,
                        FeedDefaults& defaults, std::vector<Diagnostic>& diagnostics) {
  if (!permalinks || !permalinks.IsMap()) return;
  const auto add = [&](const YAML::Node& key, const YAML::Node& pattern) {
    if (!key.IsScalar() || !pattern.IsScalar()) return;
    if (const std::string unknown = unknownHugoToken(pattern.Scalar()); !unknown.empty()) {
      diagnostics.push_back({file, frontMatterLine(config, pattern) + 1, Severity::Warning,
                             "permalinks for '" + key.Scalar() + "' uses " + unknown +
                                 ", which is not a token newsticker knows; its pages get Hugo's default address"});
      return;
    }
    defaults.section_permalinks[sectionKey(key.Scalar())] = pattern.Scalar();
  };
  for (const auto& entry : permalinks) {
    if (entry.second.IsScalar()) add(entry.first, entry.second);
  }
  if (const YAML::Node pages = permalinks["page"]; pages && pages.IsMap()) {
    for (const auto& entry : pages) add(entry.first, entry.second);
  }
}

// The value of `key` in `map`, its case as Hugo's keys are (any); an undefined node when there is none.
YAML::Node hugoKey(const YAML::Node& map, const std::string& key) {
  if (!map || !map.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  for (const auto& entry : map) {
    if (entry.first.IsScalar() && sameIgnoringCase(entry.first.Scalar(), key)) return entry.second;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

// Every file of a Hugo site's configuration (HugoConfig.hpp) read and merged
// into one mapping, its [permalinks] read file by file (so a warning names
// the file and line). A file that cannot be read is reported and left out;
// nullopt when none could be read.
std::optional<FrontMatterMap> readHugoConfig(const ContentTree& tree, const std::vector<HugoConfigFile>& files,
                                             const YamlLimits& limits, FeedDefaults& defaults,
                                             std::vector<Diagnostic>& diagnostics) {
  std::optional<FrontMatterMap> merged;
  for (const HugoConfigFile& part : files) {
    const auto config = readConfig(tree, part.file, limits, diagnostics);
    if (!config) continue;
    const YAML::Node permalinks = part.key.empty()           ? hugoKey(config->root, "permalinks")
                                  : part.key == "permalinks" ? config->root
                                                             : YAML::Node(YAML::NodeType::Undefined);
    readHugoPermalinks(part.file, *config, permalinks, defaults, diagnostics);
    if (!merged) {
      merged = FrontMatterMap{};
      merged->ok = true;
      merged->root = YAML::Node(YAML::NodeType::Map);
    }
    merged->root.reset(mergedHugoConfig(merged->root, nestedUnder(part.key, config->root)));
  }
  return merged;
}

constexpr std::size_t kMaxDataFiles = 64;

// Jekyll's _data files (_data/NAME.yml, .yaml, .json at the top of _data/,
// at most kMaxDataFiles, each at most 256 KiB and within the YAML limits)
// into defaults.site_data by NAME, and a digest of their text. One that
// cannot be read is a warning with its line; its values are not used.
void readJekyllData(const ContentTree& tree, const YamlLimits& limits, FeedDefaults& defaults,
                    std::vector<Diagnostic>& diagnostics) {
  std::size_t digest = 0;
  std::size_t files = 0;
  for (const std::string& name : tree.listFiles("_data")) {
    const std::size_t dot = name.rfind('.');
    const std::string extension = dot == std::string::npos ? "" : name.substr(dot + 1);
    if (dot == 0 || (extension != "yml" && extension != "yaml" && extension != "json")) continue;
    if (++files > kMaxDataFiles) break;
    const std::string file = "_data/" + name;
    const auto fail = [&](int line, const std::string& why) {
      diagnostics.push_back({file, line, Severity::Warning, why + "; its values are not used"});
    };
    const FileRead read = tree.read(file, kMaxConfigBytes);
    if (read.status == FileRead::Status::TooLarge) {
      fail(0, "larger than 256 KiB");
      continue;
    }
    if (read.status != FileRead::Status::Ok) {
      fail(0, "cannot be read");
      continue;
    }
    if (const auto fault = checkYamlLimits(read.bytes, limits)) {
      fail(fault->line + 1, fault->message);
      continue;
    }
    try {
      YAML::Node data = YAML::Load(read.bytes);
      defaults.site_data.erase(name.substr(0, dot));
      defaults.site_data.emplace(name.substr(0, dot), data);
      digest = digest * 31 + std::hash<std::string>{}(name + '\0' + read.bytes);
    } catch (const YAML::Exception& e) {
      fail(e.mark.line + 1, "not valid YAML: " + e.msg);
    }
  }
  if (!defaults.site_data.empty()) defaults.site_data_digest = std::to_string(digest);
}

// Jekyll's own settings from its `config` (the file `file`, flattened into
// `values`): the address (url + baseurl), the posts' permalink (the posts
// collection's wins), excerpt_separator, timezone (an unknown one warned at
// its line), the _data files (readJekyllData) and _data/authors.yml display names.
void readJekyllSettings(const ContentTree& tree, const std::string& file, const FrontMatterMap& config,
                        const std::map<std::string, std::string>& values, const YamlLimits& limits,
                        FeedDefaults& defaults, std::vector<Diagnostic>& diagnostics) {
  std::string base = firstValue(values, {"url"});
  const std::string baseurl = firstValue(values, {"baseurl"});
  if (!base.empty()) base += baseurl.empty() || baseurl.front() == '/' ? baseurl : "/" + baseurl;
  defaults.base_url = base;
  const std::string permalink = firstValue(values, {"collections.posts.permalink", "permalink"});
  defaults.permalink = permalinkPattern(permalink.empty() ? "date" : permalink);
  if (!unknownPermalinkPlaceholder(defaults.permalink).empty()) defaults.permalink = permalinkPattern("date");
  defaults.excerpt_separator = firstValue(values, {"excerpt_separator"});
  if (const std::string zone = firstValue(values, {"timezone"}); !zone.empty()) {
    if (isKnownTimeZone(zone)) {
      defaults.time_zone = zone;
    } else {
      diagnostics.push_back({file, frontMatterLine(config, config.root["timezone"]) + 1, Severity::Warning,
                             "timezone '" + zone + "' is not a time zone newsticker knows (such as " +
                                 "Europe/Berlin); post addresses use their dates as written"});
    }
  }
  readJekyllData(tree, limits, defaults, diagnostics);
  for (const char* authors : {"_data/authors.yml", "_data/authors.yaml"}) {
    if (!tree.hasFile(authors)) continue;
    if (const auto people = readConfig(tree, authors, limits, diagnostics); people && people->root.IsMap()) {
      for (const auto& entry : people->root) {
        if (!entry.first.IsScalar()) continue;
        const YAML::Node& person = entry.second;
        std::string name;
        if (person.IsScalar()) name = person.Scalar();
        if (person.IsMap() && person["name"] && person["name"].IsScalar()) name = person["name"].Scalar();
        if (!name.empty()) defaults.author_names[entry.first.Scalar()] = name;
      }
    }
    break;
  }
}

constexpr int kMaxJekyllDepth = 4;
constexpr std::size_t kMaxJekyllFolders = 1000;

bool isJekyllSourceFolder(const std::string& name) {
  return !name.empty() && name[0] != '.' && name[0] != '_' && name != "node_modules" && name != "vendor";
}

}  // namespace

std::vector<std::string> jekyllPostFolders(const ContentTree& tree) {
  std::vector<std::string> found;
  std::vector<std::pair<std::string, int>> folders = {{"", 0}};  // folder, depth
  std::size_t visited = 0;
  while (!folders.empty()) {
    const auto [folder, depth] = folders.back();
    folders.pop_back();
    const std::string prefix = folder.empty() ? "" : folder + "/";
    for (const std::string& name : tree.listFolders(folder)) {
      if (name == "_posts") found.push_back(prefix + name);
      if (!isJekyllSourceFolder(name) || depth + 1 >= kMaxJekyllDepth || visited == kMaxJekyllFolders) continue;
      ++visited;
      folders.emplace_back(prefix + name, depth + 1);
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

namespace {

// When a site's posts show: Jekyll's `future`, Hugo's `buildFuture`,
// `buildExpired` and `timeZone` (the zone of dates written without an offset).
void readPublishRules(SiteKind kind, const std::map<std::string, std::string>& values, FeedDefaults& defaults) {
  if (kind == SiteKind::Hugo) {
    if (const std::string zone = firstValue(values, {"timeZone", "timezone"}); isKnownTimeZone(zone)) {
      defaults.time_zone = zone;
    }
  }
  const auto yes = [&](const char* key) { return firstValue(values, {key}) == "true"; };
  defaults.publish_future = kind == SiteKind::Jekyll ? yes("future") : kind == SiteKind::Hugo && yes("buildFuture");
  defaults.publish_expired = kind == SiteKind::Hugo && yes("buildExpired");
}

// What kind of site `tree` is and where its configuration and posts are
// (readSiteConfig's rules); a Hugo site's configuration files in `hugo_files`.
SiteConfig detectSite(const ContentTree& tree, std::vector<HugoConfigFile>& hugo_files) {
  SiteConfig site;
  for (const char* file : {"_config.yml", "_config.yaml"}) {
    if (!tree.hasFile(file)) continue;
    std::vector<std::string> folders = jekyllPostFolders(tree);
    if (!folders.empty()) site = {SiteKind::Jekyll, file, "_posts", std::move(folders)};
    return site;
  }
  if (!tree.hasFolder("content")) return site;
  hugo_files = hugoConfigFiles(tree);
  // hugo.* or a config/ folder says Hugo; config.toml with base_url says Zola.
  const bool named_hugo = !hugo_files.empty() && hugo_files.front().file.rfind("config.", 0) != 0;
  for (const char* file : {"zola.toml", "config.toml"}) {
    if (named_hugo || !tree.hasFile(file) || !isZolaConfig(tree, file)) continue;
    hugo_files.clear();
    return {SiteKind::Zola, file, "content", {"content"}};
  }
  if (!hugo_files.empty()) site = {SiteKind::Hugo, hugo_files.front().file, "content", {"content"}};
  return site;
}

}  // namespace

SiteConfig readSiteConfig(const ContentTree& tree, const YamlLimits& limits, FeedDefaults& defaults,
                          std::vector<Diagnostic>& diagnostics) {
  std::vector<HugoConfigFile> hugo_files;
  SiteConfig site = detectSite(tree, hugo_files);
  if (site.kind == SiteKind::Folder) return site;
  defaults.site = site.kind;
  if (site.kind != SiteKind::Jekyll) defaults.posts_root = site.posts_folder;

  const auto config = site.kind == SiteKind::Hugo ? readHugoConfig(tree, hugo_files, limits, defaults, diagnostics)
                                                  : readConfig(tree, site.config_file, limits, diagnostics);
  if (!config) return site;
  const YAML::Node& root = config->root;
  std::map<std::string, std::string> values;
  flatten(root, "", values, 0);
  defaults.name = firstValue(values, {"title", "name"});
  const std::string language =
      firstValue(values, {"lang", "languageCode", "defaultContentLanguage", "default_language"});
  if (!language.empty()) defaults.language = LanguageTag(language);
  defaults.logo = firstValue(values, {"logo", "params.logo", "extra.logo"});
  if (site.kind == SiteKind::Jekyll) {
    readJekyllSettings(tree, site.config_file, *config, values, limits, defaults, diagnostics);
  } else {
    defaults.base_url = firstValue(values, {"baseURL", "baseurl", "base_url"});
  }
  if (site.kind == SiteKind::Hugo) {
    defaults.languages = hugoLanguages(root);
    for (const YAML::Node& table : {hugoKey(root, "params"), root}) {
      const YAML::Node sections = hugoKey(table, "mainSections");
      if (!defaults.main_sections.empty() || !sections) continue;
      if (sections.IsScalar() && !sections.Scalar().empty()) defaults.main_sections.push_back(sections.Scalar());
      for (std::size_t i = 0; sections.IsSequence() && i < sections.size(); ++i) {
        if (sections[i].IsScalar()) defaults.main_sections.push_back(sections[i].Scalar());
      }
    }
    site.post_folders = hugoContentFolders(defaults.languages, site.posts_folder);
  }
  readPublishRules(site.kind, values, defaults);
  if (site.kind == SiteKind::Zola) defaults.slugify_paths = firstValue(values, {"slugify.paths"});
  defaults.site_values = std::move(values);
  return site;
}

}  // namespace newsticker::content
