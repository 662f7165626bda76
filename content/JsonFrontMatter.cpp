// SPDX-License-Identifier: Apache-2.0
// readJsonFrontMatter (FrontMatterMap.hpp): Hugo's JSON object front matter,
// checked and its lines recorded by a SAX pass, read with nlohmann::json and
// copied into the common yaml-cpp mapping through a YamlFlowText, so that
// every value keeps its line.
#include <nlohmann/json.hpp>

#include <iterator>
#include <map>
#include <vector>

#include "content/FrontMatterMap.hpp"
#include "content/YamlFlowText.hpp"

namespace newsticker::content {
namespace {

using Json = nlohmann::json;

int lineAt(std::string_view text, std::size_t byte) {
  int line = 0;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

// A char iterator over the front matter text that records how far the JSON
// parser has read, so the SAX handler below can tell where a token ends.
class ReadingPosition {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  ReadingPosition(const char* at, std::size_t* bytes_read, const char* start)
      : at_(at), bytes_read_(bytes_read), start_(start) {}
  reference operator*() const { return *at_; }
  ReadingPosition& operator++() {
    ++at_;
    *bytes_read_ = static_cast<std::size_t>(at_ - start_);
    return *this;
  }
  ReadingPosition operator++(int) {
    ReadingPosition before = *this;
    ++*this;
    return before;
  }
  bool operator==(const ReadingPosition& other) const { return at_ == other.at_; }
  bool operator!=(const ReadingPosition& other) const { return at_ != other.at_; }

 private:
  const char* at_;
  std::size_t* bytes_read_;
  const char* start_;
};

// Where each value of a JSON document is written: the line of its key (in an
// object) or of the value itself (in a list), and its children by key or
// position. Values are numbered in document order; 0 is the top-level object.
struct JsonValueLines {
  int line = 0;
  std::map<std::string, std::size_t> keys;  // a key written twice: the last one, as nlohmann keeps it
  std::vector<std::size_t> items;
};

// Counts values and nesting, stopping the parse at the first limit passed,
// and records each value's line from how far the parser has read when it
// reports the value (just past it; one character further for a number).
class LineRecordingSax final : public nlohmann::json_sax<Json> {
 public:
  LineRecordingSax(std::string_view text, const std::size_t& bytes_read, const YamlLimits& limits)
      : text_(text), bytes_read_(bytes_read), limits_(limits) {}
  std::string fault;
  std::vector<JsonValueLines> values;

  bool null() override { return value(0); }
  bool boolean(bool) override { return value(0); }
  bool number_integer(number_integer_t) override { return value(1); }
  bool number_unsigned(number_unsigned_t) override { return value(1); }
  bool number_float(number_float_t, const string_t&) override { return value(1); }
  bool string(string_t&) override { return value(0); }
  bool binary(binary_t&) override { return value(0); }
  bool start_object(std::size_t) override { return open(true); }
  bool key(string_t& name) override {
    key_ = name;
    key_line_ = lineBefore(bytes_read_);
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(false); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  // Records a value that ends `lookahead` characters before what was read.
  bool value(std::size_t lookahead) {
    if (++nodes_ > limits_.max_nodes) {
      fault = "front matter has more than " + std::to_string(limits_.max_nodes) + " values";
      return false;
    }
    const std::size_t id = values.size();
    values.emplace_back();
    if (open_.empty()) return true;  // the top-level object: line 0
    JsonValueLines& parent = values[open_.back()];
    if (parent_is_object_.back()) {
      values[id].line = key_line_;
      parent.keys[key_] = id;
    } else {
      values[id].line = lineBefore(bytes_read_ > lookahead ? bytes_read_ - lookahead : 0);
      parent.items.push_back(id);
    }
    return true;
  }
  bool open(bool is_object) {
    if (!value(0)) return false;
    if (static_cast<int>(open_.size()) + 1 > limits_.max_depth) {
      fault = "front matter is nested more than " + std::to_string(limits_.max_depth) + " levels deep";
      return false;
    }
    open_.push_back(values.size() - 1);
    parent_is_object_.push_back(is_object);
    return true;
  }
  bool close() {
    open_.pop_back();
    parent_is_object_.pop_back();
    return true;
  }
  // The 0-based line of the character just before byte `end` of the text.
  int lineBefore(std::size_t end) {
    const std::size_t last = end > 0 ? end - 1 : 0;
    for (; counted_to_ < last && counted_to_ < text_.size(); ++counted_to_) lines_ += text_[counted_to_] == '\n';
    return lines_;
  }

  std::string_view text_;
  const std::size_t& bytes_read_;
  const YamlLimits& limits_;
  std::size_t nodes_ = 0;
  std::vector<std::size_t> open_;       // the objects and lists being read, innermost last
  std::vector<bool> parent_is_object_;  // for each of them: an object (else a list)
  std::string key_;
  int key_line_ = 0;
  std::size_t counted_to_ = 0;  // newlines are counted up to this byte
  int lines_ = 0;
};

constexpr std::size_t kNoValue = static_cast<std::size_t>(-1);

void writeValue(const Json& json, std::size_t id, const std::vector<JsonValueLines>& lines, YamlFlowText& out);

// The entries of the object `json` (value `id` of `lines`), into the map open in `out`.
void writeEntries(const Json& json, std::size_t id, const std::vector<JsonValueLines>& lines, YamlFlowText& out) {
  const int parent_line = id < lines.size() ? lines[id].line : 0;
  for (const auto& [key, value] : json.items()) {
    std::size_t child = kNoValue;
    if (id < lines.size()) {
      if (const auto found = lines[id].keys.find(key); found != lines[id].keys.end()) child = found->second;
    }
    out.key(key, child < lines.size() ? lines[child].line : parent_line);
    writeValue(value, child, lines, out);
  }
}

// `json` (value `id` of `lines`, kNoValue when not recorded) as the value of
// the entry or item begun last in `out`; numbers and booleans as JSON writes them.
void writeValue(const Json& json, std::size_t id, const std::vector<JsonValueLines>& lines, YamlFlowText& out) {
  switch (json.type()) {
    case Json::value_t::object:
      out.openMap();
      writeEntries(json, id, lines, out);
      out.close();
      return;
    case Json::value_t::array: {
      const int parent_line = id < lines.size() ? lines[id].line : 0;
      out.openList();
      for (std::size_t i = 0; i < json.size(); ++i) {
        const std::size_t child = id < lines.size() && i < lines[id].items.size() ? lines[id].items[i] : kNoValue;
        out.item(child < lines.size() ? lines[child].line : parent_line);
        writeValue(json[i], child, lines, out);
      }
      out.close();
      return;
    }
    case Json::value_t::string:
      return out.text(json.get_ref<const std::string&>());
    case Json::value_t::null:
      return out.null();
    default:
      return out.text(json.dump());
  }
}

}  // namespace

FrontMatterMap readJsonFrontMatter(std::string_view text, const YamlLimits& limits) {
  FrontMatterMap map;
  std::size_t bytes_read = 0;
  LineRecordingSax sax(text, bytes_read, limits);
  Json::sax_parse(ReadingPosition(text.data(), &bytes_read, text.data()),
                  ReadingPosition(text.data() + text.size(), &bytes_read, text.data()), &sax);
  if (!sax.fault.empty()) {
    map.error = sax.fault;
    return map;
  }
  Json json;
  try {
    json = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    map.error_line = lineAt(text, e.byte > 0 ? e.byte - 1 : 0);
    std::string what = e.what();
    if (const auto colon = what.rfind(": "); colon != std::string::npos) what = what.substr(colon + 2);
    map.error = "front matter is not valid JSON: " + what;
    return map;
  } catch (const Json::exception& e) {
    map.error = std::string("front matter is not valid JSON: ") + e.what();
    return map;
  }
  if (!json.is_object()) {
    map.error = "front matter must be a JSON object";
    return map;
  }
  YamlFlowText flow;
  writeEntries(json, 0, sax.values, flow);
  loadFlowText(flow, map);
  return map;
}

}  // namespace newsticker::content
