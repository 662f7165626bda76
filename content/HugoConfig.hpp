// SPDX-License-Identifier: Apache-2.0
// Where a Hugo site keeps its configuration and how Hugo puts it together:
// a root file (hugo.toml ... config.json), then a configuration directory
// (config/_default/, then the production environment's config/production/),
// later files overriding earlier ones key by key.
#pragma once

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "content/ContentTree.hpp"
#include "content/FeedDefaults.hpp"

namespace newsticker::content {

// One file of a Hugo site's configuration and the key its values go under.
struct HugoConfigFile {
  std::string file;  // "hugo.toml", "config/_default/params.yaml", "config/production/hugo.json"
  std::string key;   // "" = the whole configuration; "params"; "languages.es.menus" for menus.es.yaml
};

// The configuration files of a Hugo site, in the order Hugo merges them: the
// first root file of hugo.toml, hugo.yaml, hugo.yml, hugo.json, config.toml,
// config.yaml, config.yml, config.json; then in config/_default/ and then in
// config/production/ (Hugo's environment when it builds a site) the files
// ending .toml, .yaml, .yml or .json: `hugo.*` or `config.*` first (the whole
// configuration), then the others by name, `NAME.*` giving the table NAME and
// `NAME.LANG.*` the table languages.LANG.NAME. Empty when there are none.
std::vector<HugoConfigFile> hugoConfigFiles(const ContentTree& tree);

// `over` put onto `base` as Hugo merges configuration: tables are merged key
// by key (keys compared without regard to case, as Hugo's are, the later
// spelling kept), any other value of `over` replaces the one of `base`.
// Deeper than 16 tables, `over` wins whole. Neither input is changed; the
// result may share nodes with them. Never throws.
YAML::Node mergedHugoConfig(const YAML::Node& base, const YAML::Node& over);

// `value` placed under the dotted `key` ("languages.es.menus" -> {languages:
// {es: {menus: value}}}); `value` itself when `key` is "".
YAML::Node nestedUnder(const std::string& key, const YAML::Node& value);

// The languages of a Hugo site's merged configuration `config`: each key of
// `languages` (lower-cased) with its languageCode (else the key), contentDir
// (without "./" and trailing '/'), baseURL and title; the default one is
// defaultContentLanguage (else "en") and has no prefix unless
// defaultContentLanguageInSubdir is true; a language with its own baseURL has
// none either. `disabled: true` and disableLanguages mark a language
// disabled. In Hugo's order: by weight (0 last), then by key. Empty when
// `languages` is not a table. Never throws.
std::vector<SiteLanguage> hugoLanguages(const YAML::Node& config);

// The language of the Hugo page at `file` (a path in the site): the language
// whose content_dir holds it (the longest), else the one named by the file
// name's language suffix ("tides.es.md", "index.es.md"), else the default
// one when it reads the site's content/, else the first that does; nullptr
// when there is none.
const SiteLanguage* hugoLanguageOf(const std::vector<SiteLanguage>& languages, const std::string& file);

// The path of the Hugo page at `file` under its content folder: its
// language's content_dir when that holds it, else `posts_root` (content/):
// "content/es/blog/a.md" -> "blog/a.md". `file` itself when neither holds it.
std::string hugoContentPath(const std::vector<SiteLanguage>& languages, const std::string& posts_root,
                            const std::string& file);

// Which of a Hugo site's post files (`files`, paths in the site) are its news:
// those in its main sections, `main_sections` when given (compared without
// regard to case), else the one top-level section holding the most pages
// (sub-sections and bundles counted; of equal ones the first by name), as
// Hugo's mainSections. All of `files` when no page is in a section.
std::vector<std::string> hugoMainSectionPages(const std::vector<std::string>& files,
                                              const std::vector<std::string>& main_sections,
                                              const std::vector<SiteLanguage>& languages,
                                              const std::string& posts_root);

// The content folders of a Hugo site: each language's content_dir, and
// `posts_root` when a language has none (or there are no languages), sorted,
// each once, none inside another (a folder inside one listed is read with it).
std::vector<std::string> hugoContentFolders(const std::vector<SiteLanguage>& languages, const std::string& posts_root);

}  // namespace newsticker::content
