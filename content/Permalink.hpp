// SPDX-License-Identifier: Apache-2.0
// A blog post's address on its site, built the way Jekyll builds it from
// feed.yaml's base_url and permalink pattern.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsticker::content {

// What a permalink pattern's placeholders are filled from.
struct PermalinkFields {
  std::string day;                      // "YYYY-MM-DD", the post's calendar day as written; "" = undated
  std::string title;                    // front matter `slug:`, else the file name without date and extension
  std::vector<std::string> categories;  // Jekyll's: folders above _posts, `categories:`, `category:`, in order
};

// The pattern a feed.yaml `permalink:` value stands for: Jekyll's named
// styles "date", "pretty", "ordinal" and "none", else the value itself with
// a leading '/' added when missing.
std::string permalinkPattern(std::string_view value);

// The first placeholder in `pattern` that permalinkUrl cannot fill (":hour"),
// or "" when every one is known: :year :month :day :i_month :i_day
// :short_year :y_day :title :slug :categories :slugified_categories :output_ext.
std::string unknownPermalinkPlaceholder(std::string_view pattern);

// `base_url` (no trailing '/') followed by `pattern` with its placeholders
// filled as Jekyll fills them: :title keeps its case and the letters, marks
// and digits of any script and ._~!$&'()+,;=@, every other run becomes one
// '-'; :slug does the same with letters, marks and digits only, lower-cased; :categories lower-cased (and
// :slugified_categories slugified like :slug), each result once, joined by
// '/'; :output_ext ".html". "//" left by an empty placeholder becomes "/",
// and bytes a URL cannot hold are percent-encoded (UTF-8 included).
// nullopt when the pattern needs a date and `fields.day` is empty, when the
// title is empty, or when the pattern holds an unknown placeholder.
std::optional<std::string> permalinkUrl(std::string_view base_url, std::string_view pattern,
                                        const PermalinkFields& fields);

// `base_url` followed by `path` (a site path such as Hugo's `url:`, Zola's
// `path`, or one built from a post's section and slug): a '/' added in
// front, "//" collapsed, bytes a URL cannot hold percent-encoded as above.
std::string sitePathUrl(std::string_view base_url, std::string_view path);

}  // namespace newsticker::content
