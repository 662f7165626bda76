// SPDX-License-Identifier: Apache-2.0
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
// open is dropped to the end of the text. The site values put in stop at
// kMaxSiteValueBytes together (4,000 lookups of a 200 KiB value took 840 MB):
// later lookups are dropped and `*expansion_cut` (when given) set. Time is
// linear in the text, unclosed paired shortcodes included. Never throws.
std::string removeTemplateTags(std::string_view body, const std::map<std::string, std::string>& site_values,
                               bool* expansion_cut = nullptr);

constexpr std::size_t kMaxSiteValueBytes = 64 * 1024;

}  // namespace newsticker::content
