// SPDX-License-Identifier: Apache-2.0
#include "firmware/PrometheusText.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <stdexcept>

#include "firmware/AtomicFile.hpp"

namespace newsticker::firmware {
namespace {

bool isNameStart(char c, bool colon) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon && c == ':');
}
bool isNameChar(char c, bool colon) { return isNameStart(c, colon) || (c >= '0' && c <= '9'); }

// A metric name ([a-zA-Z_:][a-zA-Z0-9_:]*) or, without `colon`, a label name.
bool validName(const std::string& name, bool colon) {
  if (name.empty() || !isNameStart(name[0], colon)) return false;
  return std::all_of(name.begin(), name.end(), [&](char c) { return isNameChar(c, colon); });
}

std::string escaped(const std::string& text, bool quotes) {
  std::string out;
  for (const char c : text) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '"' && quotes) out += "\\\"";
    else out += c;
  }
  return out;
}

// The shortest text that reads back as `value`, as Go's strconv prints it.
std::string formatValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char text[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(text, sizeof text, "%.*g", precision, value);
    if (std::strtod(text, nullptr) == value) break;
  }
  return text;
}

const char* typeName(MetricType type) {
  switch (type) {
    case MetricType::Counter:
      return "counter";
    case MetricType::Gauge:
      return "gauge";
    case MetricType::Untyped:
      break;
  }
  return "untyped";
}

// Reads one line's tokens; every method moves `at` forward.
struct LineReader {
  const std::string& line;
  std::size_t at = 0;

  void skipBlanks() {
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  }
  bool done() const { return at >= line.size(); }
  std::string name(bool colon) {
    const std::size_t start = at;
    if (at < line.size() && isNameStart(line[at], colon)) {
      ++at;
      while (at < line.size() && isNameChar(line[at], colon)) ++at;
    }
    return line.substr(start, at - start);
  }
  std::string token() {
    const std::size_t start = at;
    while (at < line.size() && line[at] != ' ' && line[at] != '\t') ++at;
    return line.substr(start, at - start);
  }
  // A quoted label value after its opening quote; throws the reason when it is not one.
  std::string quoted() {
    std::string value;
    for (; at < line.size(); ++at) {
      const char c = line[at];
      if (c == '"') {
        ++at;
        return value;
      }
      if (c != '\\') {
        value += c;
        continue;
      }
      if (++at >= line.size()) break;
      if (line[at] == '\\') value += '\\';
      else if (line[at] == '"') value += '"';
      else if (line[at] == 'n') value += '\n';
      else throw std::string("unknown escape \\") + line[at] + " in a label value";
    }
    throw std::string("label value without its closing quote");
  }
};

bool parseValue(const std::string& token, double& value) {
  if (token.empty() || token.find_first_not_of("0123456789abcdefinxpABCDEFINXP+-._") != std::string::npos) {
    return false;
  }
  errno = 0;
  char* end = nullptr;
  value = std::strtod(token.c_str(), &end);
  return end == token.c_str() + token.size() && token.find('_') == std::string::npos;
}

bool parseTimestamp(const std::string& token) {
  if (token.empty()) return false;
  const std::size_t digits = token[0] == '-' || token[0] == '+' ? 1 : 0;
  if (digits == token.size()) return false;
  return token.find_first_not_of("0123456789", digits) == std::string::npos && token.size() <= 20;
}

// The labels of a sample after its '{', up to and past the '}'.
std::vector<std::pair<std::string, std::string>> readLabels(LineReader& in) {
  std::vector<std::pair<std::string, std::string>> labels;
  std::set<std::string> names;
  for (;;) {
    in.skipBlanks();
    if (!in.done() && in.line[in.at] == '}') {
      ++in.at;
      return labels;
    }
    const std::string name = in.name(false);
    if (name.empty()) throw std::string("expected a label name or '}'");
    if (name.rfind("__", 0) == 0) throw "label name " + name + " is reserved (starts with __)";
    if (!names.insert(name).second) throw "label " + name + " given twice";
    in.skipBlanks();
    if (in.done() || in.line[in.at] != '=') throw "expected '=' after label " + name;
    ++in.at;
    in.skipBlanks();
    if (in.done() || in.line[in.at] != '"') throw "expected a quoted value for label " + name;
    ++in.at;
    labels.emplace_back(name, in.quoted());
    in.skipBlanks();
    if (!in.done() && in.line[in.at] == ',') {
      ++in.at;
      continue;
    }
    if (in.done() || in.line[in.at] != '}') throw std::string("expected ',' or '}' after a label");
  }
}

// The parser's memory across lines: the family being read and those done.
struct ParseState {
  std::vector<MetricFamily> families;
  std::map<std::string, std::size_t> index;  // family name -> position in `families`
  std::map<std::string, int> seen_help, seen_type;
  std::set<std::string> closed;  // families whose samples ended
  std::set<std::string> series;  // name + sorted labels of every sample
  std::string current;           // the family whose samples are being read

  MetricFamily& family(const std::string& name) {
    const auto it = index.find(name);
    if (it != index.end()) return families[it->second];
    index[name] = families.size();
    families.push_back(MetricFamily{name, "", MetricType::Untyped, {}});
    return families.back();
  }
  void enter(const std::string& name) {
    if (name == current) return;
    if (closed.count(name)) throw "the samples of " + name + " are not together";
    if (!current.empty()) closed.insert(current);
    current = name;
  }
};

void readMeta(LineReader& in, ParseState& state) {
  in.skipBlanks();
  const std::string keyword = in.token();
  if (keyword != "HELP" && keyword != "TYPE") return;  // a comment
  in.skipBlanks();
  const std::string name = in.name(true);
  if (name.empty() || (!in.done() && in.line[in.at] != ' ' && in.line[in.at] != '\t')) {
    throw "# " + keyword + " needs a valid metric name";
  }
  if (state.closed.count(name) || (state.current == name)) {
    throw "# " + keyword + " for " + name + " after its samples";
  }
  MetricFamily& family = state.family(name);
  if (keyword == "HELP") {
    if (state.seen_help[name]++ > 0) throw "second # HELP for " + name;
    in.skipBlanks();
    family.help.clear();
    for (; in.at < in.line.size(); ++in.at) {
      const char c = in.line[in.at];
      const char next = in.at + 1 < in.line.size() ? in.line[in.at + 1] : '\0';
      if (c == '\\' && (next == 'n' || next == '\\')) {
        family.help += next == 'n' ? '\n' : '\\';
        ++in.at;
      } else {
        family.help += c;
      }
    }
    return;
  }
  if (state.seen_type[name]++ > 0) throw "second # TYPE for " + name;
  in.skipBlanks();
  const std::string type = in.token();
  in.skipBlanks();
  if (!in.done()) throw "unexpected text after # TYPE " + name + " " + type;
  if (type == "counter") family.type = MetricType::Counter;
  else if (type == "gauge") family.type = MetricType::Gauge;
  else if (type == "untyped") family.type = MetricType::Untyped;
  else if (type == "histogram" || type == "summary") throw "type " + type + " is not read here";
  else throw "unknown metric type '" + type + "'";
}

void readSample(LineReader& in, ParseState& state) {
  const std::string name = in.name(true);
  if (name.empty()) throw std::string("expected a metric name");
  MetricSample sample;
  const std::size_t name_end = in.at;
  in.skipBlanks();
  if (!in.done() && in.line[in.at] == '{') {
    ++in.at;
    sample.labels = readLabels(in);
    in.skipBlanks();
  } else if (in.at == name_end) {
    throw "expected '{' or a blank after " + name;
  }
  const std::string value = in.token();
  if (value.empty()) throw "expected a value after " + name;
  if (!parseValue(value, sample.value)) throw "'" + value + "' is not a number";
  in.skipBlanks();
  if (!in.done()) {
    const std::string timestamp = in.token();
    if (!parseTimestamp(timestamp)) throw "'" + timestamp + "' is not a timestamp in milliseconds";
    in.skipBlanks();
    if (!in.done()) throw std::string("unexpected text after the value");
  }
  state.enter(name);
  std::vector<std::pair<std::string, std::string>> sorted = sample.labels;
  std::sort(sorted.begin(), sorted.end());
  std::string key = name;
  for (const auto& [label, text] : sorted) key += '\n' + label + '=' + text;
  if (!state.series.insert(key).second) throw "series " + name + " given twice with the same labels";
  state.family(name).samples.push_back(std::move(sample));
}

}  // namespace

double MetricFamily::value(const std::vector<std::pair<std::string, std::string>>& wanted, double fallback) const {
  for (const MetricSample& sample : samples) {
    const bool all = std::all_of(wanted.begin(), wanted.end(), [&](const auto& label) {
      return std::find(sample.labels.begin(), sample.labels.end(), label) != sample.labels.end();
    });
    if (all) return sample.value;
  }
  return fallback;
}

std::string MetricFamily::label(const std::string& wanted) const {
  if (samples.empty()) return "";
  for (const auto& [name, text] : samples.front().labels) {
    if (name == wanted) return text;
  }
  return "";
}

std::string formatMetrics(const std::vector<MetricFamily>& families) {
  std::string out;
  for (const MetricFamily& family : families) {
    if (!validName(family.name, true)) throw std::invalid_argument("not a metric name: " + family.name);
    out += "# HELP " + family.name + " " + escaped(family.help, false) + "\n";
    out += "# TYPE " + family.name + " " + typeName(family.type) + "\n";
    for (const MetricSample& sample : family.samples) {
      out += family.name;
      if (!sample.labels.empty()) {
        out += '{';
        for (std::size_t i = 0; i < sample.labels.size(); ++i) {
          const auto& [label, text] = sample.labels[i];
          if (!validName(label, false) || label.rfind("__", 0) == 0) {
            throw std::invalid_argument("not a label name: " + label);
          }
          out += (i > 0 ? "," : "") + label + "=\"" + escaped(text, true) + "\"";
        }
        out += '}';
      }
      out += " " + formatValue(sample.value) + "\n";
    }
  }
  return out;
}

ParsedMetrics parseMetrics(const std::string& text) {
  ParseState state;
  ParsedMetrics parsed;
  std::size_t start = 0;
  int line_number = 0;
  try {
    while (start < text.size()) {
      ++line_number;
      const std::size_t end = text.find('\n', start);
      if (end == std::string::npos) throw std::string("the last line does not end with a newline");
      const std::string line = text.substr(start, end - start);
      start = end + 1;
      LineReader in{line};
      in.skipBlanks();
      if (in.done()) continue;
      if (line[in.at] == '#') {
        ++in.at;
        readMeta(in, state);
      } else {
        readSample(in, state);
      }
    }
  } catch (const std::string& reason) {
    parsed.error = "line " + std::to_string(line_number) + ": " + reason;
    return parsed;
  }
  parsed.families = std::move(state.families);
  return parsed;
}

const MetricFamily* findFamily(const std::vector<MetricFamily>& families, const std::string& name) {
  for (const MetricFamily& family : families) {
    if (family.name == name) return &family;
  }
  return nullptr;
}

bool writeMetricsFile(const std::filesystem::path& folder, const std::string& file_name,
                      const std::vector<MetricFamily>& families, std::string& error) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    error = "metrics folder " + folder.string() + " does not exist";
    return false;
  }
  std::string text;
  try {
    text = formatMetrics(families);
  } catch (const std::exception& bad) {
    error = bad.what();
    return false;
  }
  return writeFileAtomically(folder / file_name, text, error, 0644) != AtomicWrite::Failed;
}

}  // namespace newsticker::firmware
