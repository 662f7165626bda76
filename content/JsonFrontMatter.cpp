// readJsonFrontMatter (FrontMatterMap.hpp): Hugo's JSON object front matter,
// checked with a counting SAX pass, read with nlohmann::json and copied into
// the common yaml-cpp mapping.
#include <nlohmann/json.hpp>

#include "content/FrontMatterMap.hpp"

namespace newsticker::content {
namespace {

using Json = nlohmann::json;

int lineAt(std::string_view text, std::size_t byte) {
  int line = 0;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

// Counts values and nesting; stops the parse at the first limit passed.
class LimitingSax final : public nlohmann::json_sax<Json> {
 public:
  explicit LimitingSax(const YamlLimits& limits) : limits_(limits) {}
  std::string fault;

  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { return open(); }
  bool key(string_t&) override { return true; }
  bool end_object() override { return --depth_, true; }
  bool start_array(std::size_t) override { return open(); }
  bool end_array() override { return --depth_, true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  bool value() {
    if (++nodes_ > limits_.max_nodes) {
      fault = "front matter has more than " + std::to_string(limits_.max_nodes) + " values";
      return false;
    }
    return true;
  }
  bool open() {
    if (!value()) return false;
    if (++depth_ > limits_.max_depth) {
      fault = "front matter is nested more than " + std::to_string(limits_.max_depth) + " levels deep";
      return false;
    }
    return true;
  }
  const YamlLimits& limits_;
  std::size_t nodes_ = 0;
  int depth_ = 0;
};

YAML::Node toYaml(const Json& json) {
  switch (json.type()) {
    case Json::value_t::object: {
      YAML::Node map(YAML::NodeType::Map);
      for (const auto& [key, value] : json.items()) map[key] = toYaml(value);
      return map;
    }
    case Json::value_t::array: {
      YAML::Node list(YAML::NodeType::Sequence);
      for (const Json& item : json) list.push_back(toYaml(item));
      return list;
    }
    case Json::value_t::string:
      return YAML::Node(json.get<std::string>());
    case Json::value_t::null:
      return YAML::Node(YAML::NodeType::Null);
    default:  // numbers and booleans, as JSON writes them
      return YAML::Node(json.dump());
  }
}

}  // namespace

FrontMatterMap readJsonFrontMatter(std::string_view text, const YamlLimits& limits) {
  FrontMatterMap map;
  LimitingSax sax(limits);
  Json::sax_parse(text.begin(), text.end(), &sax);
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
  map.root = toYaml(json);
  map.ok = true;
  return map;
}

}  // namespace newsticker::content
