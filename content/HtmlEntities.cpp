// SPDX-License-Identifier: Apache-2.0
#include "content/HtmlEntities.hpp"

#include <algorithm>
#include <iterator>

namespace newsticker::content {
namespace {

struct NamedReference {
  std::string_view name;
  std::string_view text;
};

constexpr NamedReference kNamed[] = {
#include "content/HtmlEntityTable.inc"
};

}  // namespace

std::optional<std::string_view> htmlNamedReference(std::string_view name) {
  const auto before = [](const NamedReference& entry, std::string_view key) { return entry.name < key; };
  const auto found = std::lower_bound(std::begin(kNamed), std::end(kNamed), name, before);
  if (found == std::end(kNamed) || found->name != name) return std::nullopt;
  return found->text;
}

}  // namespace newsticker::content
