// SPDX-License-Identifier: Apache-2.0
#include "content/LiquidValues.hpp"

#include <vector>

namespace newsticker::content {
namespace {

constexpr int kMaxDepth = 4;             // index expressions inside index expressions
constexpr std::size_t kMaxFilters = 16;  // filters after one value

YAML::Node nil() { return YAML::Node(YAML::NodeType::Undefined); }

bool isNil(const YAML::Node& node) { return !node.IsDefined() || node.IsNull(); }

bool isNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

// `text` split at `separator` where it is outside quotes and brackets.
std::vector<std::string_view> splitOutside(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  char quote = 0;
  int brackets = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      ++brackets;
    } else if (c == ']') {
      --brackets;
    } else if (c == separator && brackets == 0) {
      parts.push_back(trimmed(text.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.push_back(trimmed(text.substr(start)));
  return parts;
}

bool isQuoted(std::string_view text) {
  return text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front();
}

bool isNumber(std::string_view text) {
  if (text.empty()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!((c >= '0' && c <= '9') || c == '.' || (c == '-' && i == 0))) return false;
  }
  return true;
}

// Counts `count` items looked at against scope.work_left; false when it has run out.
bool spend(const LiquidScope& scope, std::size_t count) {
  if (scope.work_left < count) {
    scope.work_left = 0;
    return false;
  }
  scope.work_left -= count;
  return true;
}

// The node at `key` (a map key, or a list index) of `node`; nil when none.
YAML::Node child(const YAML::Node& node, const std::string& key) {
  if (node.IsMap()) {
    const YAML::Node& map = node;
    for (const auto& entry : map) {
      if (entry.first.IsScalar() && entry.first.Scalar() == key) return entry.second;
    }
    return nil();
  }
  if (node.IsSequence() && isNumber(key) && key.find_first_of(".-") == std::string::npos && key.size() < 9) {
    const std::size_t index = std::stoul(key);
    return index < node.size() ? node[index] : nil();
  }
  if (key == "size" && node.IsSequence()) return YAML::Node(std::to_string(node.size()));
  return nil();
}

std::optional<YAML::Node> evaluate(std::string_view expression, const LiquidScope& scope, int depth);

// The path's elements: "a.b[0]['c'][d.e]" -> "a", "b", "0", "c", and d.e's text.
std::optional<std::vector<std::string>> pathElements(std::string_view path, const LiquidScope& scope, int depth) {
  std::vector<std::string> elements;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '[') {
      std::size_t close = i + 1;
      for (int open = 1; close < path.size() && open > 0; ++close)
        open += path[close] == '[' ? 1 : path[close] == ']' ? -1 : 0;
      const std::string_view inside = trimmed(path.substr(i + 1, close - i - 2));
      if (close > path.size() || path[close - 1] != ']' || inside.empty()) return std::nullopt;
      const auto index = evaluate(inside, scope, depth + 1);
      if (!index || !index->IsScalar()) return std::nullopt;
      elements.push_back(index->Scalar());
      i = close;
    } else {
      if (path[i] == '.' && !elements.empty()) ++i;
      const std::size_t start = i;
      while (i < path.size() && isNameChar(path[i])) ++i;
      if (i == start) return std::nullopt;
      elements.emplace_back(path.substr(start, i - start));
    }
  }
  if (elements.empty()) return std::nullopt;
  return elements;
}

// The value of a variable path; nil when it names nothing.
std::optional<YAML::Node> pathValue(std::string_view path, const LiquidScope& scope, int depth) {
  const auto elements = pathElements(path, scope, depth);
  if (!elements) return std::nullopt;
  const std::vector<std::string>& e = *elements;
  YAML::Node node = nil();
  std::size_t next = 1;
  if (const auto found = scope.assigned.find(e[0]); found != scope.assigned.end()) {
    node.reset(found->second);
  } else if (e[0] == "page") {
    node.reset(scope.page);
  } else if (e[0] == "site" && e.size() > 2 && e[1] == "data" && scope.site_data != nullptr) {
    const auto data = scope.site_data->find(e[2]);
    if (data == scope.site_data->end()) return nil();
    node.reset(data->second);
    next = 3;
  } else if (e[0] == "site" && e.size() > 1 && scope.site_values != nullptr) {
    std::string key = e[1];
    for (std::size_t k = 2; k < e.size(); ++k) key += "." + e[k];
    const auto value = scope.site_values->find(key);
    return value == scope.site_values->end() ? nil() : YAML::Node(value->second);
  } else {
    return nil();
  }
  // reset(), never '=': assigning a yaml-cpp node that refers into a tree rewrites the tree.
  for (std::size_t k = next; k < e.size() && !isNil(node); ++k) {
    if (node.IsMap() && !spend(scope, node.size())) return std::nullopt;
    node.reset(child(node, e[k]));
  }
  return node;
}

std::string caseChanged(std::string text, bool upper) {
  for (char& c : text) {
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// `value` through the filter `filter` ("where: 'k', 'v'"); nullopt when it is not one newsticker reads.
std::optional<YAML::Node> filtered(const YAML::Node& value, std::string_view filter, const LiquidScope& scope,
                                   int depth) {
  const std::size_t colon = filter.find(':');
  const std::string_view name = trimmed(filter.substr(0, colon));
  std::vector<YAML::Node> args;
  if (colon != std::string_view::npos) {
    for (std::string_view arg : splitOutside(filter.substr(colon + 1), ',')) {
      const auto evaluated = evaluate(arg, scope, depth + 1);
      if (!evaluated) return std::nullopt;
      args.push_back(*evaluated);
    }
  }
  const bool text = value.IsScalar();
  if (name == "where" && args.size() == 2 && args[0].IsScalar()) {
    if (!value.IsSequence()) return isNil(value) ? std::optional<YAML::Node>(nil()) : std::nullopt;
    if (!spend(scope, value.size())) return std::nullopt;
    YAML::Node kept(YAML::NodeType::Sequence);
    for (const auto& item : value) {
      const YAML::Node field = child(item, args[0].Scalar());
      const bool same = field.IsScalar() && args[1].IsScalar() && field.Scalar() == args[1].Scalar();
      if (same || (isNil(field) && isNil(args[1]))) kept.push_back(item);
    }
    return kept;
  }
  if ((name == "first" || name == "last") && args.empty()) {
    if (!value.IsSequence()) return isNil(value) ? std::optional<YAML::Node>(nil()) : std::nullopt;
    if (value.size() == 0) return nil();
    return value[name == "first" ? 0 : value.size() - 1];
  }
  if (name == "default" && args.size() == 1) {
    const bool empty = isNil(value) || (text && (value.Scalar().empty() || value.Scalar() == "false"));
    return empty ? args[0] : value;
  }
  if (name == "size" && args.empty()) {
    if (value.IsSequence() || value.IsMap()) return YAML::Node(std::to_string(value.size()));
    return YAML::Node(std::to_string(text ? value.Scalar().size() : 0));
  }
  const bool same_text = name == "escape" || name == "xml_escape" || name == "escape_once" || name == "strip";
  if ((same_text || name == "upcase" || name == "downcase") && args.empty()) {
    if (!text) return isNil(value) ? std::optional<YAML::Node>(nil()) : std::nullopt;
    if (name == "strip") return YAML::Node(std::string(trimmed(value.Scalar())));
    if (same_text) return value;  // the text is shown as text: nothing to escape
    return YAML::Node(caseChanged(value.Scalar(), name == "upcase"));
  }
  return std::nullopt;
}

// `value` through the filters parts[i...].
std::optional<YAML::Node> withFilters(const YAML::Node& value, const std::vector<std::string_view>& parts,
                                      std::size_t i, const LiquidScope& scope, int depth) {
  if (i == parts.size()) return value;
  const std::optional<YAML::Node> next = filtered(value, parts[i], scope, depth);
  if (!next) return std::nullopt;
  return withFilters(*next, parts, i + 1, scope, depth);
}

// The value of an expression without filters: a quoted text, a number, true,
// false, nil or a variable path.
std::optional<YAML::Node> baseValue(std::string_view base, const LiquidScope& scope, int depth) {
  if (isQuoted(base)) return YAML::Node(std::string(base.substr(1, base.size() - 2)));
  if (isNumber(base) || base == "true" || base == "false") return YAML::Node(std::string(base));
  if (base == "nil" || base == "null") return nil();
  return pathValue(base, scope, depth);
}

std::optional<YAML::Node> evaluate(std::string_view expression, const LiquidScope& scope, int depth) {
  const std::vector<std::string_view> parts = splitOutside(expression, '|');
  if (depth > kMaxDepth || parts.size() > kMaxFilters || !spend(scope, parts.size())) return std::nullopt;
  const std::optional<YAML::Node> value = baseValue(parts[0], scope, depth);
  if (!value) return std::nullopt;
  return withFilters(*value, parts, 1, scope, depth);
}

}  // namespace

std::optional<YAML::Node> liquidValue(std::string_view expression, const LiquidScope& scope) {
  expression = trimmed(expression);
  if (expression.empty()) return std::nullopt;
  try {
    return evaluate(expression, scope, 0);
  } catch (const std::exception&) {  // yaml-cpp on a node it cannot index; std::stoul on overflow
    return std::nullopt;
  }
}

std::optional<std::string> liquidText(std::string_view expression, const LiquidScope& scope) {
  const auto value = liquidValue(expression, scope);
  if (!value || !value->IsScalar() || value->Scalar().empty()) return std::nullopt;
  return value->Scalar();
}

bool liquidAssign(std::string_view inside, LiquidScope& scope) {
  inside = trimmed(inside);
  if (inside.rfind("assign", 0) != 0 || inside.size() < 7 || isNameChar(inside[6])) return false;
  const std::size_t equals = inside.find('=');
  if (equals == std::string_view::npos) return false;
  const std::string name(trimmed(inside.substr(6, equals - 6)));
  if (name.empty()) return false;
  const auto value = liquidValue(inside.substr(equals + 1), scope);
  scope.assigned.erase(name);  // emplace, not '=': see pathValue
  scope.assigned.emplace(name, value ? *value : nil());
  return true;
}

}  // namespace newsticker::content
