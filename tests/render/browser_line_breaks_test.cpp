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
#include "render/TextDirection.hpp"
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
  bool visual = false;     // the reference has each line's visual order: compare it too
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
       {0, 22, 43, 61},
       {0, 69},
       "A word wider than the line: with the reference's overflow-wrap: normal Chromium lets the "
       "69-letter word overflow the 900 px box (2603 px line); a kiosk card cannot overflow, so "
       "newsticker hyphenates the word by the patterns of the case's language (English: hyph_en.dic, "
       "libhyphen) at the last point where the part and its hyphen fit: Donaudampfschifffahrts-, "
       "gesellschaftskapitäns-, mützenabzeichenher-, steller. Chromium with overflow-wrap: break-word "
       "cuts at [0, 22, 45, 69], between any two letters and without hyphens."},
      {"de-compound-40-420",
       {0, 4, 24, 39, 59, 81},
       {0, 4, 31, 51, 71, 81},
       "A word wider than the line: Chromium (overflow-wrap: normal) lets Planfeststellungsverfahren "
       "overflow the box; newsticker hyphenates it by the German patterns (hyph_de.dic, libhyphen) at "
       "the last point where the part and its hyphen fit (Planfeststellungsver-, Planfeststellungs-, "
       "Bürgerversamm-)."},
      {"de-compound-64-600",
       {0, 4, 21, 39, 51, 62, 81, 94},
       {0, 4, 31, 39, 51, 62, 81},
       "A word wider than the line: Chromium (overflow-wrap: normal) lets Planfeststellungsverfahren "
       "overflow the box; newsticker hyphenates it by the German patterns (hyph_de.dic, libhyphen) at "
       "the last point where the part and its hyphen fit (Planfeststellungsver-, Planfeststellungs-, "
       "Bürgerversamm-)."},
      {"ta-long-40-360",
       {0, 8, 18, 31, 43, 48, 61, 72, 83},
       {0, 8, 18, 43, 48, 61, 72},
       "Tamil words wider than the line: Chromium lets them overflow; newsticker hyphenates them by the"
       " Tamil patterns (hyph_ta_IN.dic) after whole syllables (தொழில்நுட்பக்-கல்லூரியில், "
       "தொடங்குகின்-றன)."},
      {"fi-compound-40-420",
       {0, 16, 36, 54, 71},
       {0, 16, 61, 81},
       "A Finnish compound wider than the line: Chromium lets it overflow; Debian has no Finnish "
       "hyphenation patterns (no hyphen-fi), so newsticker cuts it between letters at the last place "
       "where the part and a hyphen fit, as before."},
      {"ko-nospace-40-360",
       {0, 9, 18, 27},
       {0},
       "Korean without spaces (word-break: keep-all) is one eojeol wider than the line: Chromium lets "
       "it overflow; newsticker breaks it between syllables, without hyphens, and never before the "
       "final full stop."},
      {"vi-units-40-360",
       {0, 14, 34, 53, 57, 74, 91, 108},
       {0, 14, 34, 53, 64, 81, 96, 111},
       "A number stays with its unit (a currency word here): Chromium breaks between 20.000 and đồng, "
       "as at any space; newsticker keeps the two on one line, as a no-break space would (the rule of "
       "French, German and Vietnamese typesetting). Both keep 100km/h and đồng/lượt whole."},
      {"vi-units-64-600",
       {0, 14, 34, 53, 57, 74, 91, 108},
       {0, 14, 34, 53, 64, 81, 96, 111},
       "A number stays with its unit (a currency word here): Chromium breaks between 20.000 and đồng, "
       "as at any space; newsticker keeps the two on one line, as a no-break space would (the rule of "
       "French, German and Vietnamese typesetting). Both keep 100km/h and đồng/lượt whole."},
      {"en-url-40-500",
       {0, 28, 44, 67, 83, 106},
       {0, 28, 44, 63, 90},
       "A web address breaks only after a / or before a . of its path (the usual typographic rule for "
       "URLs): Chromium breaks inside the host at its hyphen (www.harbor-|city.example) and after a "
       "hyphen of the path; newsticker keeps the scheme and host whole and breaks after example/ or "
       "events/. Here https://www.harbor-city.example/ is wider than the line, so it is cut, "
       "before the dot (https://www.harbor-city | .example/), without a hyphen."},
      {"en-url-40-960",
       {0, 44, 83},
       {0, 44, 90},
       "A web address breaks only after a / or before a . of its path (the usual typographic rule for "
       "URLs): Chromium breaks inside the host at its hyphen (www.harbor-|city.example) and after a "
       "hyphen of the path; newsticker keeps the scheme and host whole and breaks after example/ or "
       "events/."},
      {"en-url-64-800",
       {0, 21, 44, 67, 83, 106},
       {0, 21, 44, 63, 90},
       "A web address breaks only after a / or before a . of its path (the usual typographic rule for "
       "URLs): Chromium breaks inside the host at its hyphen (www.harbor-|city.example) and after a "
       "hyphen of the path; newsticker keeps the scheme and host whole and breaks after example/ or "
       "events/. Here https://www.harbor-city.example/ is wider than the line, so it is cut, "
       "before the dot (https://www.harbor-city | .example/), without a hyphen."},
      {"fr-units-40-360",
       {0, 17, 34, 49, 64, 83, 102},
       {0, 17, 34, 49, 69, 91, 108},
       "A number stays with its unit, per cent sign or currency (35 km/h, 2,50 €, 25 %), as French "
       "typesetting keeps them with a no-break space; Chromium breaks at those spaces (2,50|€, 25|%, "
       "35|km/h), newsticker moves the number down with its unit. A number followed by an ordinary word"
       " (120 vélos) still breaks."},
      {"fr-units-40-560",
       {0, 25, 55, 88},
       {0, 28, 58, 91},
       "A number stays with its unit, per cent sign or currency (35 km/h, 2,50 €, 25 %), as French "
       "typesetting keeps them with a no-break space; Chromium breaks at those spaces (2,50|€, 25|%, "
       "35|km/h), newsticker moves the number down with its unit. A number followed by an ordinary word"
       " (120 vélos) still breaks."},
      {"fr-units-64-620",
       {0, 17, 34, 49, 64, 83, 102},
       {0, 17, 34, 49, 69, 91, 108},
       "A number stays with its unit, per cent sign or currency (35 km/h, 2,50 €, 25 %), as French "
       "typesetting keeps them with a no-break space; Chromium breaks at those spaces (2,50|€, 25|%, "
       "35|km/h), newsticker moves the number down with its unit. A number followed by an ordinary word"
       " (120 vélos) still breaks."},
      {"fr-units-64-940",
       {0, 25, 55, 88},
       {0, 28, 58, 91},
       "A number stays with its unit, per cent sign or currency (35 km/h, 2,50 €, 25 %), as French "
       "typesetting keeps them with a no-break space; Chromium breaks at those spaces (2,50|€, 25|%, "
       "35|km/h), newsticker moves the number down with its unit. A number followed by an ordinary word"
       " (120 vélos) still breaks."},
      {"fr-quotes-40-340",
       {0, 11, 32, 50, 70, 88, 99},
       {0, 11, 32, 50, 70, 90, 99},
       "An opening guillemet never ends a line: Chromium breaks after « when an ordinary space follows "
       "it (voté «|pour »); newsticker moves the « down with its word, as French typesetting does (with"
       " the narrow no-break spaces of the first quotation neither breaks there)."},
      {"fr-quotes-64-620",
       {0, 21, 40, 56, 73, 88, 99},
       {0, 21, 40, 56, 73, 90, 99},
       "An opening guillemet never ends a line: Chromium breaks after « when an ordinary space follows "
       "it (voté «|pour »); newsticker moves the « down with its word, as French typesetting does (with"
       " the narrow no-break spaces of the first quotation neither breaks there)."},
      {"de-soft-hyphen-40-340",
       {0, 16, 30, 48, 62, 76},
       {0, 10, 23, 43, 52, 68, 82},
       "A break at a soft hyphen shows a hyphen-minus in the text face (Noto Sans CJK, 0.3 em); "
       "Chromium draws U+2010 from the first face of the list, Noto Sans CJK JP, where it is a full em "
       "wide, so its hyphenated line takes fewer letters (Die Donau- instead of Die Donaudampf-)."},
      {"he-maqaf-40-340",
       {0, 16, 32, 47, 59},
       {0, 16, 32, 49, 65},
       "A Hebrew letter, a hyphen and a Latin word stay whole (UAX #14 rule LB21a: HL HY × [^HL]): "
       "Chromium breaks after ב- before Hackathon, newsticker keeps ב-Hackathon on one line."},
      {"he-maqaf-64-620",
       {0, 16, 36, 47, 65},
       {0, 16, 36, 49, 65},
       "A Hebrew letter, a hyphen and a Latin word stay whole (UAX #14 rule LB21a: HL HY × [^HL]): "
       "Chromium breaks after ב- before Hackathon, newsticker keeps ב-Hackathon on one line."},
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
    c.visual = node["visual"] && node["visual"].as<bool>();
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

// The code point indices of the graphemes of each line (starting at `starts`)
// that are not spaces, in the order newsticker draws them left to right: the
// line laid out in its place in the paragraph (FontCache::layoutLine with the
// line's bidi context), its pieces by x, a right-to-left piece's graphemes
// reversed. A hyphen a cut adds is not in the text and not listed.
std::vector<Starts> newstickerVisualOrder(const std::string& text, const std::vector<std::string>& lines,
                                          const Starts& starts, const FontSpec& font) {
  LineBreaker graphemes;
  const std::vector<BidiContext> contexts = lineContexts(text, lines, font.rtl);
  std::vector<Starts> order;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::size_t begin = byteOffset(text, starts[i]);
    const std::size_t in_text = std::min(lines[i].size(), text.size() - begin);
    FontSpec spec = font;
    if (i < contexts.size()) {
      spec.bidi_before = contexts[i].before;
      spec.bidi_after = contexts[i].after;
    }
    LineLayout layout = realFonts().layoutLine(lines[i], spec);
    std::stable_sort(layout.runs.begin(), layout.runs.end(),
                     [](const PlacedRun& a, const PlacedRun& b) { return a.x < b.x; });
    const std::vector<std::size_t> bounds = graphemes.graphemeBoundaries(lines[i]);
    Starts line;
    for (const PlacedRun& run : layout.runs) {
      Starts piece;
      for (std::size_t b = 0; b + 1 < bounds.size(); ++b) {
        if (bounds[b] < run.begin || bounds[b] >= run.end || bounds[b] >= in_text) continue;
        const char first = lines[i][bounds[b]];
        if (first == ' ' || first == '\t' || lines[i].compare(bounds[b], 3, "\xE3\x80\x80") == 0) continue;
        piece.push_back(starts[i] + codePointIndex(lines[i], bounds[b]));
      }
      if (run.rtl) std::reverse(piece.begin(), piece.end());
      line.insert(line.end(), piece.begin(), piece.end());
    }
    order.push_back(line);
  }
  return order;
}

std::string orderText(const std::vector<Starts>& order) {
  std::ostringstream out;
  for (const Starts& line : order) out << "    " << startsText(line) << "\n";
  return out.str();
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

    const FontSpec font{c.weight, c.px, c.language, c.autospace, runsRightToLeft(c.text, c.language)};
    const auto lines = wrapText(c.text, c.width, font, realFonts(), breaker);
    const Starts ours = newstickerStarts(c.text, lines);

    const auto listed = std::find_if(knownDifferences().begin(), knownDifferences().end(),
                                     [&](const KnownDifference& d) { return c.id == d.id; });
    std::ostringstream both;
    both << c.id << " (" << c.language << ", " << c.px << " px, box " << c.width << " px)\n"
         << "  newsticker " << startsText(ours) << ":\n"
         << linesText(c.text, ours, font) << "  browser    " << startsText(browser_starts) << ":\n"
         << linesText(c.text, browser_starts, font);
    if (c.visual && ours == browser_starts) {
      // Where the lines are the same, each stands in the same order.
      REQUIRE_MESSAGE(browser[c.id]["visual_order"], c.id << ": no visual_order: run browser_line_starts.py");
      const auto browser_order = browser[c.id]["visual_order"].as<std::vector<Starts>>();
      const auto our_order = newstickerVisualOrder(c.text, lines, ours, font);
      CHECK_MESSAGE(our_order == browser_order, c.id << ": each line's order left to right differs:\n  newsticker\n"
                                                     << orderText(our_order) << "  browser\n"
                                                     << orderText(browser_order));
    }
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
