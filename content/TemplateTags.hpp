// Removes what a static site generator would have evaluated before the
// Markdown is read: Liquid (Jekyll) and Hugo shortcodes, so no template
// syntax reaches a card.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace newsticker::content {

// Returns `body` with:
// - `{{ site.KEY }}` (a plain lookup, no filter) replaced by site_values[KEY]
//   ("site.author.name" looks up "author.name"), any other `{{ ... }}` dropped;
// - `{% raw %}...{% endraw %}` kept as its literal content;
// - `{% comment %}`, `{% highlight %}` blocks dropped with what they hold;
// - every other `{% ... %}` tag dropped (`{% link %}`, `{% post_url %}`,
//   `{% include %}`, if/for tags; what lies between them is kept);
// - Hugo shortcodes `{{< ... >}}` and `{{% ... %}}` dropped; a paired
//   `highlight` or `code` shortcode with what it holds.
// So `[#12]({{ site.repository }}/issues/12)` keeps its link text. A tag left
// open is dropped to the end of the text. Never throws.
std::string removeTemplateTags(std::string_view body, const std::map<std::string, std::string>& site_values);

}  // namespace newsticker::content
