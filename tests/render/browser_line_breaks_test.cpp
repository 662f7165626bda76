// SPDX-License-Identifier: Apache-2.0
// newsticker's line breaks against a browser's: every typography case
// (tests/typography/cases.yaml) wrapped with wrapText and the real fonts must
// start its lines where headless Chromium does (tests/typography/
// browser_line_starts.yaml, made by hand with browser_line_starts.py). Where
// the two differ, the difference is listed below with its reason, and must be
// exactly that difference; any other fails with both line lists.
#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "RealFonts.hpp"
#include "render/TextFitter.hpp"

using namespace newsticker::render;
using newsticker::fonts::Weight;

namespace {

using Starts = std::vector<std::size_t>;  // code point index where each line starts

struct BrowserCase {
  std::string id, language, text;
  Weight weight = Weight::Regular;
  int px = 0, width = 0;
  bool autospace = false;  // CSS text-autospace: normal (the browser's default is no-autospace)
};

// A difference between newsticker and the browser that is known and accepted.
struct KnownDifference {
  const char* id;
  Starts newsticker;
  Starts browser;
  const char* reason;
};

// Each entry: the case, newsticker's line starts, the browser's, and why
// newsticker's lines are better or acceptable. Code point indices.
const std::vector<KnownDifference>& knownDifferences() {
  static const std::vector<KnownDifference> table = {
      {"token-60",
       {0, 22, 44, 67},
       {0, 69},
       "A word wider than the line: with the reference's overflow-wrap: normal Chromium lets the "
       "69-letter word overflow the 900 px box (2603 px line); a kiosk card cannot overflow, so "
       "newsticker cuts the word (this one has no camelCase, digit or punctuation boundary, so between "
       "grapheme clusters) at the last place where the part and the hyphen that marks the cut fit. "
       "Chromium with overflow-wrap: break-word cuts at [0, 22, 45, 69], without hyphens; the "
       "hyphen's width moves each cut one letter earlier."},
  };
  return table;
}

std::vector<BrowserCase> loadCases() {
  const YAML::Node root = YAML::LoadFile(std::string(NEWSTICKER_SOURCE_DIR) + "/tests/typography/cases.yaml");
  std::vector<BrowserCase> cases;
  for (const auto& node : root) {
    BrowserCase c;
    c.id = node["id"].as<std::string>();
    c.language = node["language"].as<std::string>();
    c.text = node["text"].as<std::string>();
    const std::string weight = node["weight"] ? node["weight"].as<std::string>() : "regular";
    REQUIRE_MESSAGE((weight == "regular" || weight == "bold"), c.id << ": weight " << weight);
    c.weight = weight == "bold" ? Weight::Bold : Weight::Regular;
    c.px = node["px"].as<int>();
    c.width = node["width"].as<int>();
    c.autospace = node["autospace"] && node["autospace"].as<bool>();
    cases.push_back(c);
  }
  return cases;
}

bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t codePointIndex(const std::string& text, std::size_t byte_offset) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(byte_offset),
                                                [](char c) { return !isContinuationByte(c); }));
}

std::size_t byteOffset(const std::string& text, std::size_t code_point_index) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (isContinuationByte(text[i])) continue;
    if (seen == code_point_index) return i;
    ++seen;
  }
  return text.size();
}

// The text of each line starting at `starts`, trailing spaces removed.
std::vector<std::string> linesAt(const std::string& text, const Starts& starts) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const std::size_t begin = byteOffset(text, starts[i]);
    const std::size_t end = i + 1 < starts.size() ? byteOffset(text, starts[i + 1]) : text.size();
    std::string line = text.substr(begin, end - begin);
    for (bool trimmed = true; trimmed;) {
      trimmed = false;
      if (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\n')) {
        line.pop_back();
        trimmed = true;
      } else if (line.size() >= 3 && line.compare(line.size() - 3, 3, "\xE3\x80\x80") == 0) {
        line.resize(line.size() - 3);
        trimmed = true;
      }
    }
    lines.push_back(line);
  }
  return lines;
}

std::string startsText(const Starts& starts) {
  std::ostringstream out;
  out << "[";
  for (std::size_t i = 0; i < starts.size(); ++i) out << (i ? ", " : "") << starts[i];
  out << "]";
  return out.str();
}

// Each line with the width newsticker measures for it, for the failure message.
std::string linesText(const std::string& text, const Starts& starts, const FontSpec& font) {
  std::ostringstream out;
  for (const std::string& line : linesAt(text, starts)) {
    out << "    " << realFonts().width(line, font) << " px  |" << line << "|\n";
  }
  return out.str();
}

// Where newsticker's lines start, as code point indices into `text`.
Starts newstickerStarts(const std::string& text, const std::vector<std::string>& lines) {
  Starts starts;
  std::size_t pos = 0;
  for (std::string line : lines) {
    std::size_t at = text.find(line, pos);
    if (at == std::string::npos && !line.empty() && line.back() == '-') {
      line.pop_back();  // the hyphen that marks a cut word
      at = text.find(line, pos);
    }
    REQUIRE_MESSAGE(at != std::string::npos, "line not found in the text: " << line);
    starts.push_back(codePointIndex(text, at));
    pos = at + line.size();
  }
  return starts;
}

}  // namespace

TEST_CASE("line breaks match the browser reference (headless Chromium)") {
  const auto cases = loadCases();
  REQUIRE_FALSE(cases.empty());
  const YAML::Node browser =
      YAML::LoadFile(std::string(NEWSTICKER_SOURCE_DIR) + "/tests/typography/browser_line_starts.yaml");
  LineBreaker breaker;
  std::map<std::string, bool> listed_used;
  for (const auto& d : knownDifferences()) listed_used[d.id] = false;

  for (const auto& c : cases) {
    CAPTURE(c.id);
    REQUIRE_MESSAGE(browser[c.id], c.id << " is missing from browser_line_starts.yaml: run "
                                           "tests/typography/browser_line_starts.py");
    const Starts browser_starts = browser[c.id]["line_starts"].as<Starts>();
    // The reference was made from this very text: its lines are the text's.
    const auto browser_lines = browser[c.id]["lines"].as<std::vector<std::string>>();
    REQUIRE_MESSAGE(browser_lines == linesAt(c.text, browser_starts),
                    c.id << ": browser_line_starts.yaml is stale (the case text changed?): run "
                            "tests/typography/browser_line_starts.py");

    const FontSpec font{c.weight, c.px, c.language, c.autospace};
    const auto lines = wrapText(c.text, c.width, font, realFonts(), breaker);
    const Starts ours = newstickerStarts(c.text, lines);

    const auto listed = std::find_if(knownDifferences().begin(), knownDifferences().end(),
                                     [&](const KnownDifference& d) { return c.id == d.id; });
    std::ostringstream both;
    both << c.id << " (" << c.language << ", " << c.px << " px, box " << c.width << " px)\n"
         << "  newsticker " << startsText(ours) << ":\n"
         << linesText(c.text, ours, font) << "  browser    " << startsText(browser_starts) << ":\n"
         << linesText(c.text, browser_starts, font);
    if (listed == knownDifferences().end()) {
      CHECK_MESSAGE(ours == browser_starts, "unlisted difference from the browser:\n" << both.str());
    } else {
      listed_used[c.id] = true;
      CHECK_MESSAGE(ours != browser_starts, "listed difference no longer happens (remove it from the table):\n"
                                                << both.str());
      CHECK_MESSAGE(ours == listed->newsticker, "newsticker's lines are not the listed ones "
                                                    << startsText(listed->newsticker) << ":\n"
                                                    << both.str());
      CHECK_MESSAGE(browser_starts == listed->browser, "the browser's lines are not the listed ones "
                                                           << startsText(listed->browser) << ":\n"
                                                           << both.str());
    }
  }
  // Every listed difference names a case, once.
  // (Named copies, not structured bindings: doctest's macros capture them in lambdas.)
  for (const auto& entry : listed_used) {
    const std::string id = entry.first;
    CHECK_MESSAGE(entry.second, "listed difference for unknown case " << id);
  }
  CHECK(listed_used.size() == knownDifferences().size());
}
