// SPDX-License-Identifier: Apache-2.0
// The config's feeds: list and the `fetch` subcommand's command line.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "firmware/CommandLine.hpp"
#include "firmware/Config.hpp"

using namespace newsticker::firmware;
namespace fs = std::filesystem;

namespace {

ConfigResult loadFeedsConfig(const std::string& name, const std::string& yaml) {
  const fs::path path = fs::temp_directory_path() / ("newsticker-feeds-config-" + name + ".yaml");
  std::ofstream(path) << yaml;
  ConfigResult result = loadConfig(path.string(), Options{});
  fs::remove(path);
  return result;
}

ParsedCommandLine parseArguments(std::vector<const char*> args) {
  args.insert(args.begin(), "newsticker");
  return parseCommandLine(static_cast<int>(args.size()), args.data());
}

}  // namespace

TEST_CASE("feeds: each entry's keys, with defaults for the ones left out") {
  const ConfigResult config = loadFeedsConfig("good",
                                              "content: /srv/newsticker/feed\n"
                                              "feeds:\n"
                                              "  - url: https://news.example.org/feed.xml\n"
                                              "    name: Example News\n"
                                              "    language: ja\n"
                                              "    max_items: 10\n"
                                              "    max_age_days: 7\n"
                                              "    logo: example-news.png\n"
                                              "  - url: http://blog.example.net/atom\n");
  REQUIRE(config.error.empty());
  REQUIRE(config.options.feeds.size() == 2);
  const FeedSource& first = config.options.feeds[0];
  CHECK(first.url == "https://news.example.org/feed.xml");
  CHECK(first.name == "Example News");
  CHECK(first.language == "ja");
  CHECK(first.max_items == 10);
  CHECK(first.max_age_days == 7);
  CHECK(first.logo == "example-news.png");
  CHECK(first.line == 3);
  const FeedSource& second = config.options.feeds[1];
  CHECK(second.url == "http://blog.example.net/atom");
  CHECK(second.name.empty());
  CHECK(second.max_items == 20);
  CHECK(second.max_age_days == 14);
}

TEST_CASE("feeds: wrong entries name the file, the line and the reason") {
  const auto error = [](const std::string& name, const std::string& yaml) {
    const ConfigResult config = loadFeedsConfig(name, yaml);
    CHECK_FALSE(config.error.empty());
    return config.error.substr(config.error.find(".yaml:") + 6);
  };
  CHECK(error("not-list", "feeds: https://a.example/feed\n") == "1: feeds must be a list of {url: ..., ...}");
  CHECK(error("no-url", "feeds:\n  - name: x\n") == "2: a feed needs 'url'");
  CHECK(error("file-url", "feeds:\n  - url: file:///etc/passwd\n") ==
        "2: feeds.url must be an http:// or https:// address (got 'file:///etc/passwd')");
  CHECK(error("max-items", "feeds:\n  - url: https://a.example/f\n    max_items: 0\n") ==
        "3: feeds.max_items is 0; it must be from 1 to 500 (the limit of items kept per feed)");
  CHECK(error("max-items-over", "feeds:\n  - url: https://a.example/f\n    max_items: 501\n") ==
        "3: feeds.max_items is 501; it must be from 1 to 500 (the limit of items kept per feed)");
  CHECK(error("max-age-over", "feeds:\n  - url: https://a.example/f\n    max_age_days: 3651\n") ==
        "3: feeds.max_age_days is 3651; it must be from 1 to 3650 (the limit: ten years)");
  CHECK(loadFeedsConfig("max-edges",
                        "feeds:\n  - url: https://a.example/f\n    max_items: 500\n"
                        "    max_age_days: 3650\n")
            .error.empty());
  CHECK(error("max-age", "feeds:\n  - url: https://a.example/f\n    max_age_days: many\n") ==
        "3: feeds.max_age_days has the wrong type");
  CHECK(error("unknown", "feeds:\n  - url: https://a.example/f\n    interval: 5\n") ==
        "3: unknown key 'feeds.interval'");
}

TEST_CASE("fetch: its own short option list") {
  const ParsedCommandLine fetch = parseArguments({"fetch", "--config", "/etc/newsticker/config.yaml", "--dry-run"});
  CHECK(fetch.error.empty());
  CHECK(fetch.options.mode == Mode::Fetch);
  CHECK(fetch.options.dry_run);
  CHECK(fetch.options.config_path == "/etc/newsticker/config.yaml");
  const ParsedCommandLine content = parseArguments({"fetch", "--content", "/srv/feed"});
  CHECK(content.options.mode == Mode::Fetch);
  CHECK_FALSE(content.options.dry_run);
  CHECK(content.options.content_dir == "/srv/feed");
  CHECK(parseArguments({"fetch", "--check"}).error ==
        "fetch takes --config FILE, --content DIR and --dry-run (got '--check')");
  CHECK(parseArguments({"fetch", "--config"}).error == "--config needs a value");
  CHECK(parseArguments({"fetch", "--help"}).options.mode == Mode::Help);
  CHECK(parseArguments({"--check", "fetch"}).error == "unknown option 'fetch'");  // a subcommand comes first
  CHECK(usageText().find("newsticker fetch [--config FILE] [--content DIR] [--dry-run]") != std::string::npos);
}
