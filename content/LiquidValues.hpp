// SPDX-License-Identifier: Apache-2.0
// The values a post's simple Liquid expressions name, as Jekyll would fill
// them: the site's configuration, its _data files, the page's front matter
// and the variables the post assigns. Nothing is executed: an expression
// newsticker cannot read has no value.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

namespace newsticker::content {

struct LiquidScope {
  const std::map<std::string, std::string>* site_values = nullptr;  // "author.name" -> text (site.author.name)
  const std::map<std::string, YAML::Node>* site_data = nullptr;     // _data file name -> its content (site.data.NAME)
  YAML::Node page;                                                  // the post's front matter (page.KEY)
  std::map<std::string, YAML::Node> assigned;                       // {% assign NAME = ... %}
  // Items and keys the expressions may still look at (a `where` over a
  // 20,000-item list looks at 20,000): at 0 no expression has a value any more.
  mutable std::size_t work_left = 100000;
};

// The value of `expression`: a variable path (`release.version`,
// `site.data.releases[0]`, `page.tags[1]`, `site.title`, a name assigned
// before) or a quoted text, then filters: `where: "key", VALUE` (the maps of
// a list whose key's text is VALUE's), `first`, `last`, `default: VALUE`,
// `size`, `strip`, `upcase`, `downcase`, `escape`, `xml_escape`. nullopt
// when a name is unknown, a filter is another or does not fit its input, or
// the text is no expression, or scope.work_left ran out. Never throws.
std::optional<YAML::Node> liquidValue(std::string_view expression, const LiquidScope& scope);

// The text `expression` gives when shown (`{{ expression }}`): its value
// when that is text (or a number, true or false); nullopt when it has none,
// is empty or is a list or a map.
std::optional<std::string> liquidText(std::string_view expression, const LiquidScope& scope);

// Reads an `assign` tag's inside ("assign release = site.data.x | first"):
// the variable's name, and its value put into `scope.assigned` (an
// undefined node when the value cannot be read, so a later use of the name
// has none). False when `inside` is not an assign tag.
bool liquidAssign(std::string_view inside, LiquidScope& scope);

}  // namespace newsticker::content
