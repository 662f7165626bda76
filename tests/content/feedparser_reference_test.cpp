// SPDX-License-Identifier: Apache-2.0
// parseSyndicationFeed against the reference feed reader, Python's feedparser
// (Debian python3-feedparser), on the fixtures of tests/content/feeds/reference/:
// one or more per class of issue 29 (undeclared entities, HTML written into
// titles, bytes that contradict the encoding, C1 controls, whitespace before
// the declaration, RSS 0.90, date forms). Titles, links and dates must agree
// item by item, except where listed below with the reason newsticker differs.
// Skipped (with a message) when feedparser is not installed.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "content/SyndicationFeed.hpp"

namespace fs = std::filesystem;
using namespace newsticker::content;

namespace {

const fs::path kFixtures = fs::path(NEWSTICKER_SOURCE_DIR) / "tests/content/feeds/reference";
const std::string kDump = std::string(NEWSTICKER_SOURCE_DIR) + "/tests/content/feeds/feedparser_dump.py";
const char* const kPython = "/usr/bin/python3";

struct Entry {
  std::string title, link, date;
};

// What feedparser_dump.py prints for `file`; `status` its exit status.
std::vector<Entry> feedparserEntries(const fs::path& file, const std::string& charset, int& status) {
  const std::string command = std::string(kPython) + " '" + kDump + "' '" + file.string() + "' '" + charset + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int raw = ::pclose(pipe);
  status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::vector<Entry> entries;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    Entry entry;
    const auto first = line.find('\t'), second = line.find('\t', first + 1);
    REQUIRE(second != std::string::npos);
    entry.title = line.substr(0, first);
    entry.link = line.substr(first + 1, second - first - 1);
    entry.date = line.substr(second + 1);
    entries.push_back(entry);
  }
  return entries;
}

// The HTTP charset a fixture is served with: "name.charset-LABEL.xml".
std::string charsetOf(const fs::path& file) {
  const std::string name = file.filename().string();
  const auto at = name.find(".charset-");
  if (at == std::string::npos) return "";
  return name.substr(at + 9, name.rfind('.') - at - 9);
}

std::string readBytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Where newsticker deliberately differs from feedparser, by "file#item:field",
// with the reason (the spec is on newsticker's side in each).
const std::string kWindows31j =
    "Shift_JIS with Windows (NEC) extensions such as \u2460: Python's shift_jis codec refuses them, so feedparser "
    "reads the whole document as windows-1252; newsticker reads Shift_JIS as windows-31j, as browsers do (WHATWG)";
const std::map<std::string, std::string> kKnownDifferences = {
    {"shift-jis-windows-extensions.xml#0:title", kWindows31j},
    {"shift-jis-windows-extensions.xml#1:title", kWindows31j},
    {"shift-jis-windows-extensions.xml#2:title", kWindows31j},
};

}  // namespace

TEST_CASE("the reference fixtures read as feedparser reads them, item by item") {
  if (!fs::exists(kPython)) {
    MESSAGE("skipped: no " << kPython);
    return;
  }
  int compared = 0, files = 0;
  for (const fs::directory_entry& fixture : fs::directory_iterator(kFixtures)) {
    const fs::path file = fixture.path();
    const std::string charset = charsetOf(file);
    int status = 0;
    const std::vector<Entry> reference = feedparserEntries(file, charset, status);
    if (status == 77) {
      MESSAGE("skipped: python3-feedparser is not installed");
      return;
    }
    REQUIRE(status == 0);
    const SyndicationParse parsed = parseSyndicationFeed(readBytes(file), charset, "https://reference.example/feed");
    INFO(file.filename().string() << ": " << parsed.error);
    REQUIRE(parsed.feed.has_value());
    const std::vector<SyndicationItem>& items = parsed.feed->items;
    REQUIRE(items.size() == reference.size());
    ++files;
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::string date = items[i].published;
      if (date.size() == 10) date += "T00:00:00Z";  // a day: feedparser gives its midnight, UTC
      const std::string key = file.filename().string() + "#" + std::to_string(i) + ":";
      const auto same = [&](const char* field, const std::string& ours, const std::string& theirs) {
        if (kKnownDifferences.count(key + field)) {
          CHECK(ours != theirs);  // a listed difference that went away must leave the list
          return;
        }
        const std::string what = key + field + ": newsticker '" + ours + "', feedparser '" + theirs + "'";
        CHECK_MESSAGE(ours == theirs, what);
        ++compared;
      };
      same("title", items[i].title, reference[i].title);
      same("link", items[i].link, reference[i].link);
      same("date", date, reference[i].date);
    }
  }
  CHECK(files >= 12);
  MESSAGE(compared << " fields of " << files << " fixtures agree with feedparser");
}
