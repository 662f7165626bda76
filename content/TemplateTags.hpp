// SPDX-License-Identifier: Apache-2.0
// Removes what a static site generator would have evaluated before the
// Markdown is read: Liquid (Jekyll) and Hugo shortcodes, so no template
// syntax reaches a card.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "content/LiquidValues.hpp"

namespace newsticker::content {

// Returns `body` with:
// - `{% assign NAME = EXPRESSION %}` read into `scope` and dropped;
// - `{{ EXPRESSION }}` replaced by its text (liquidText: site.KEY from
//   site_values, "site.author.name" looking up "author.name";
//   site.data.NAME...; page.KEY; an assigned NAME.field; filters such as
//   where/first/default);
// - `{% raw %}...{% endraw %}` kept as its literal content;
// - `{% comment %}`, `{% highlight %}` blocks dropped with what they hold;
// - every other `{% ... %}` tag dropped (`{% link %}`, `{% post_url %}`,
//   `{% include %}`, if/for tags; what lies between them is kept);
// - Hugo's `{{< param NAME >}}` / `{{% param NAME %}}` replaced by the
//   page's NAME, else the site's params.NAME (keys in any case);
// - other Hugo shortcodes `{{< ... >}}` and `{{% ... %}}` dropped; a paired
//   `highlight` or `code` shortcode with what it holds.
// A value that cannot be filled in (`{{ release.version }}` with no such
// release, a filter newsticker does not read) takes its whole sentence out
// (to the previous sentence's end mark or the paragraph's or block's start,
// through its own end mark), so no sentence shows with a hole; one in a link
// destination or an HTML tag is only dropped.
// So `[#12]({{ site.repository }}/issues/12)` keeps its link text. A tag left
// open is dropped to the end of the text. The values put in stop at
// kMaxSiteValueBytes together (4,000 lookups of a 200 KiB value took 840 MB),
// and at most 1,000 values are worked out (with at most scope.work_left
// items and keys looked at, 100,000 by default): past any, no more values are
// put in (nor holes made) and `*expansion_cut` (when given) is set. Time is
// linear in the text, unclosed paired shortcodes included. Never throws.
std::string removeTemplateTags(std::string_view body, LiquidScope& scope, bool* expansion_cut = nullptr);

// The same with only the site's values (site.KEY).
std::string removeTemplateTags(std::string_view body, const std::map<std::string, std::string>& site_values,
                               bool* expansion_cut = nullptr);

constexpr std::size_t kMaxSiteValueBytes = 64 * 1024;

}  // namespace newsticker::content
