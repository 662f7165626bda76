// SPDX-License-Identifier: Apache-2.0
#include "content/PostReader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "content/FrontMatter.hpp"
#include "content/FrontMatterMap.hpp"
#include "content/HtmlDigest.hpp"
#include "content/HugoConfig.hpp"
#include "content/HugoPermalink.hpp"
#include "content/LanguageDetector.hpp"
#include "content/MarkdownDigest.hpp"
#include "content/Nfc.hpp"
#include "content/Permalink.hpp"
#include "content/PostDate.hpp"
#include "content/ShowWindow.hpp"
#include "content/TemplateTags.hpp"
#include "content/Utf8.hpp"
#include "content/ZolaSlug.hpp"

namespace newsticker::content {
namespace {

std::string expansionWarning() {
  return "{{ site.* }} values past " + std::to_string(kMaxSiteValueBytes / 1024) +
         " KiB together are left out (the site values put into one text are limited)";
}

class Reader {
 public:
  Reader(const std::string& file, int yaml_first_line, PostReadResult& result, int unknown_line = 0,
         const FrontMatterMap* map = nullptr)
      : file_(file), yaml_first_line_(yaml_first_line), unknown_line_(unknown_line), map_(map), result_(result) {}

  void error(int line, std::string message) {
    result_.diagnostics.push_back({file_, line, Severity::Error, std::move(message)});
  }
  void warning(int line, std::string message) {
    result_.diagnostics.push_back({file_, line, Severity::Warning, std::move(message)});
  }
  // The file line where `node` is written (for TOML and JSON, the line of its key).
  int lineOf(const YAML::Node& node) const {
    const int line = map_ != nullptr ? frontMatterLine(*map_, node) : node.Mark().line;
    return line < 0 ? unknown_line_ : yaml_first_line_ + line;
  }
  // The file line of a yaml-cpp mark's line (an exception's) in the front matter being read.
  int lineOfMark(int mark_line) const {
    if (map_ != nullptr && !map_->original_lines.empty()) {
      const bool known = mark_line >= 0 && static_cast<std::size_t>(mark_line) < map_->original_lines.size();
      return known ? yaml_first_line_ + map_->original_lines[mark_line] : unknown_line_;
    }
    return yaml_first_line_ + (mark_line < 0 ? 0 : mark_line);
  }

  // The text of a scalar field, or "" when absent; warns when the field has
  // the wrong shape.
  std::string text(const YAML::Node& map, const char* key) {
    const YAML::Node node = map[key];
    if (!node || node.IsNull()) return "";
    if (!node.IsScalar()) {
      warning(lineOf(node), std::string(key) + " should be text, found " + shape(node) + "; ignored");
      return "";
    }
    return node.Scalar();
  }
  std::string firstText(const YAML::Node& map, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
      std::string value = text(map, key);
      if (!value.empty()) return value;
    }
    return "";
  }
  std::vector<std::string> list(const YAML::Node& map, const char* key) {
    std::vector<std::string> values;
    const YAML::Node node = map[key];
    if (!node || node.IsNull()) return values;
    if (node.IsScalar()) {  // Jekyll allows "tags: a b c"
      std::string word;
      for (char c : node.Scalar() + " ") {
        if (c == ' ' || c == ',') {
          if (!word.empty()) values.push_back(word);
          word.clear();
        } else {
          word += c;
        }
      }
      return values;
    }
    if (!node.IsSequence()) {
      warning(lineOf(node), std::string(key) + " should be a list, found " + shape(node) + "; ignored");
      return values;
    }
    for (const auto& item : node) {
      if (item.IsScalar() && !item.Scalar().empty()) values.push_back(item.Scalar());
    }
    return values;
  }
  std::optional<double> number(const YAML::Node& map, const char* key) {
    const YAML::Node node = map[key];
    if (!node || node.IsNull()) return std::nullopt;
    double value = 0;
    if (!node.IsScalar() || !YAML::convert<double>::decode(node, value)) {
      warning(lineOf(node), std::string(key) + " should be a number; ignored");
      return std::nullopt;
    }
    return value;
  }
  static std::string shape(const YAML::Node& node) {
    if (node.IsSequence()) return "a list";
    if (node.IsMap()) return "a set of keys";
    if (node.IsNull()) return "nothing";
    return "text";
  }

 private:
  const std::string& file_;
  int yaml_first_line_;
  int unknown_line_;           // where a value without a mark of its own is reported
  const FrontMatterMap* map_;  // the front matter being read: its lines
  PostReadResult& result_;
};

// Keys newsticker reads.
const std::vector<std::string>& readKeys() {
  static const std::vector<std::string> kKeys = {"title",
                                                 "excerpt",
                                                 "summary",
                                                 "description",
                                                 "source",
                                                 "author",
                                                 "authors",
                                                 "provider",
                                                 "date",
                                                 "publishedDateTime",
                                                 "webUrl",
                                                 "originalUrl",
                                                 "url",
                                                 "topics",
                                                 "tags",
                                                 "published",
                                                 "draft",
                                                 "quality",
                                                 "heat",
                                                 "duration",
                                                 "lang",
                                                 "language",
                                                 "related",
                                                 "logo",
                                                 "images",
                                                 "image",
                                                 "photo",
                                                 "permalink",
                                                 "slug",
                                                 "path",
                                                 "categories",
                                                 "category",
                                                 "excerpt_separator",
                                                 "featured_image",
                                                 "extra",
                                                 "params",
                                                 "taxonomies",
                                                 "show_from",
                                                 "show_until",
                                                 "show_hours",
                                                 "priority",
                                                 "urgent",
                                                 "repeat_every",
                                                 "publishDate",
                                                 "expiryDate",
                                                 "publishdate",
                                                 "expirydate"};
  return kKeys;
}

// Keys of the post formats and of Jekyll, Hugo and Zola front matter that
// newsticker knowingly leaves to them.
bool isGeneratorKey(const std::string& key) {
  static const char* const kKnown[] = {
      // news items
      "type", "secured", "ampWebUrl", "cdnAmpWebUrl",
      // Jekyll and its common plugins and themes
      "layout", "redirect_from", "redirect_to", "hidden", "featured-img", "sitemap", "comments", "toc", "id",
      "last_modified_at", "updated", "render_with_liquid", "header", "sidebar", "classes", "share", "related_posts",
      "author_profile", "read_time", "mathjax", "og_image", "seo", "lastmod", "version", "order", "nav_order", "parent",
      "has_children", "pin", "math", "mermaid", "modified",
      // Hugo
      "aliases", "expiryDate", "headless", "isCJKLanguage", "keywords", "linkTitle", "markup", "outputs", "publishDate",
      "resources", "series", "translationKey", "weight", "build", "cascade", "menu", "menus", "expirydate",
      "publishdate", "linktitle", "iscjklanguage", "translationkey", "showToc", "TocOpen",
      // Zola
      "template", "in_search_index", "updated", "render", "sort_by", "paginate_by", "transparent", "page_template",
      "insert_anchor_links", "generate_feeds", "aliases"};
  for (const char* known : kKnown) {
    if (key == known) return true;
  }
  return false;
}

// Restricted Damerau-Levenshtein distance (a swap of two neighbours is one edit).
std::size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

bool isReadKey(const std::string& key) {
  for (const std::string& known : readKeys()) {
    if (key == known) return true;
  }
  return false;
}

// The key newsticker reads that `key` looks like a typo of ("titel" gives
// "title"), or "" when it is a known key or resembles none: within 2 edits
// of a key of 6 letters or more, 1 edit of one of 4 or 5, never for shorter.
std::string likelyTypoOf(const std::string& key) {
  if (isGeneratorKey(key) || isReadKey(key) || key.size() > 40) return "";
  for (const std::string& known : readKeys()) {
    const std::size_t allowed = known.size() >= 6 ? 2 : known.size() >= 4 ? 1 : 0;
    if (allowed > 0 && editDistance(key, known) <= allowed) return known;
  }
  return "";
}

// Removes C0 control characters other than tab and newline (a NUL would cut
// the text short where it is drawn); true when something was removed.
bool removeControlCharacters(std::string& text) {
  const auto is_control = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t' && c != '\n') || u == 0x7F;
  };
  const auto end = std::remove_if(text.begin(), text.end(), is_control);
  const bool changed = end != text.end();
  text.erase(end, text.end());
  return changed;
}

// `text` cut to at most `max_bytes`, never inside a UTF-8 character.
std::string cutAtCharacter(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

std::string fileNameOf(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The words of `text` between blanks (Ruby's String#split without arguments).
std::vector<std::string> blankSeparatedWords(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

// The categories a Jekyll post's path gives it: the folders above its _posts
// folder ("releases/_posts/2026-01-02-x.md" gives "releases"; folders below
// _posts give none). Like Jekyll, the path is cut at its first "_posts".
std::vector<std::string> jekyllFolderCategories(const std::string& file) {
  const std::size_t cut = file.find("_posts");
  std::vector<std::string> folders;
  if (cut == std::string::npos) return folders;
  std::string part;
  for (char c : file.substr(0, cut) + "/") {
    if (c != '/') {
      part += c;
      continue;
    }
    if (!part.empty()) folders.push_back(part);
    part.clear();
  }
  return folders;
}

// The slug a file name gives a Jekyll post: "2026-11-25-bench-day.md" gives
// "bench-day", "notes.md" gives "notes".
std::string slugOfFileName(const std::string& file_name) {
  std::string stem = file_name.substr(0, file_name.rfind('.'));
  if (dateFromFileName(stem)) stem.erase(0, 11);
  return stem;
}

// The calendar day a date value names as written ("2026-10-12T22:00:00-04:00"
// gives "2026-10-12", not the UTC day), or "" when it is not a date.
// A whole number of pixels from a width/height value; 0 when it is none.
int pixels(const YAML::Node& node) {
  int value = 0;
  if (!node || !node.IsScalar() || !YAML::convert<int>::decode(node, value) || value < 0) return 0;
  return value;
}

// Names a UTF-16/32 byte order mark or the NUL pattern of BOM-less UTF-16.
std::string wideEncodingName(std::string_view b) {
  auto starts = [&](std::string_view prefix) { return b.substr(0, prefix.size()) == prefix; };
  if (starts(std::string_view("\xFF\xFE\0\0", 4))) return "UTF-32LE";
  if (starts(std::string_view("\0\0\xFE\xFF", 4))) return "UTF-32BE";
  if (starts("\xFF\xFE")) return "UTF-16LE";
  if (starts("\xFE\xFF")) return "UTF-16BE";
  if (b.size() >= 4 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) return "UTF-16LE";
  if (b.size() >= 4 && b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) return "UTF-16BE";
  return "";
}

// The folder part of a path ("content/posts/a.md" gives "content/posts"; "" at the top).
std::string folderOf(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

// A post written in HTML (a Jekyll _posts/*.html): read through the HTML-to-text step.
bool isHtmlPost(const std::string& file) {
  const auto endsWith = [&](const char* ext) {
    const std::size_t n = std::char_traits<char>::length(ext);
    return file.size() > n && file.compare(file.size() - n, n, ext) == 0;
  };
  return endsWith(".html") || endsWith(".htm");
}

bool isBundleIndex(const std::string& file) {
  const std::string name = fileNameOf(file);
  return name == "index.md" || name == "index.markdown";
}

// The name that stands for a post in its address and dates: the file name,
// or for a page bundle (a folder holding index.md) the folder's name.
std::string postStem(const std::string& file) {
  if (isBundleIndex(file)) {
    const std::string folder = folderOf(file);
    return fileNameOf(folder) + ".md";
  }
  return fileNameOf(file);
}

bool startsWithScheme(const std::string& text) {
  return text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0;
}

// Zola's slug source for a file stem that starts with a date ("2026-03-26-name",
// "2026-03-26_name", "2026-03-26T10:00:00Z_name" ...): the name after it, or
// the whole stem when it does not start so (Zola's RFC 3339 file name rule).
std::string withoutDatePrefix(const std::string& stem) {
  if (stem.size() < 12 || !parsePostDate(stem.substr(0, 10))) return stem;
  std::size_t at = 10;
  if (stem[at] == 'T') {  // a time: hh:mm:ss, optional fraction, then Z or an offset
    const auto digits = [&](std::size_t from, std::size_t count) {
      if (from + count > stem.size()) return false;
      for (std::size_t i = from; i < from + count; ++i) {
        if (stem[i] < '0' || stem[i] > '9') return false;
      }
      return true;
    };
    if (!digits(11, 2) || stem[13] != ':' || !digits(14, 2) || stem.size() < 19 || stem[16] != ':' || !digits(17, 2)) {
      return stem;
    }
    at = 19;
    if (at < stem.size() && stem[at] == '.') {
      do ++at;
      while (at < stem.size() && stem[at] >= '0' && stem[at] <= '9');
    }
    if (at < stem.size() && stem[at] == 'Z') {
      ++at;
    } else if (at < stem.size() && (stem[at] == '+' || stem[at] == '-') && digits(at + 1, 2) && at + 3 < stem.size() &&
               stem[at + 3] == ':' && digits(at + 4, 2)) {
      at += 6;
    } else {
      return stem;
    }
  }
  if (at < stem.size() && (stem[at] == ' ' || stem[at] == '\t')) ++at;
  if (at + 1 < stem.size() && (stem[at] == '_' || stem[at] == '-')) return stem.substr(at + 1);
  return stem;
}

// The first date written in `path` as "YYYY/MM/DD" or "YYYY-MM-DD" at the
// start of one of its '/'-separated elements and ending at an element's end
// or before '-' or '_': "inside-rust/2022/08/16/slug", "2026/03/26/release",
// "blog/2026-03-26-name"; "" when there is none (or it is no real day).
std::string dayInPath(const std::string& path) {
  const auto digits = [&](std::size_t at, std::size_t count) {
    if (at + count > path.size()) return false;
    for (std::size_t i = at; i < at + count; ++i) {
      if (path[i] < '0' || path[i] > '9') return false;
    }
    return true;
  };
  for (std::size_t at = 0;;) {
    const char separator = at + 10 <= path.size() ? path[at + 4] : '\0';
    const char after = at + 10 < path.size() ? path[at + 10] : '/';
    if ((separator == '/' || separator == '-') && path[at + 7] == separator && digits(at, 4) && digits(at + 5, 2) &&
        digits(at + 8, 2) && (after == '/' || after == '-' || after == '_')) {
      const std::string day = path.substr(at, 4) + "-" + path.substr(at + 5, 2) + "-" + path.substr(at + 8, 2);
      if (parsePostDate(day)) return day;
    }
    const std::size_t slash = path.find('/', at);
    if (slash == std::string::npos) return "";
    at = slash + 1;
  }
}

// Everything before the first `marker` in `body`, or nullopt when there is none.
std::optional<std::string> beforeMarker(const std::string& body, const std::vector<std::string>& markers) {
  for (const std::string& marker : markers) {
    if (marker.empty()) continue;
    if (const std::size_t at = body.find(marker); at != std::string::npos) return body.substr(0, at);
  }
  return std::nullopt;
}

// Copies the keys of Zola's `[extra]` and Hugo's `params` tables to the top
// level where the top level does not set them, so the field rules read them.
void liftExtraTables(YAML::Node& root) {
  for (const char* table : {"extra", "params"}) {
    const YAML::Node& const_root = root;
    const YAML::Node extra = const_root[table];
    if (!extra || !extra.IsMap()) continue;
    for (const auto& entry : extra) {
      if (!entry.first.IsScalar()) continue;
      const std::string key = entry.first.Scalar();
      if (!const_root[key]) root[key] = entry.second;
    }
  }
}

// Reads the field rules (docs/content.md) from one front matter mapping.
class PostFields {
 public:
  PostFields(const std::string& file, const YAML::Node& root, Reader& fm, int first_line, const FeedDefaults& defaults,
             PostReadResult& result)
      : file_(file), root_(root), fm_(fm), first_line_(first_line), defaults_(defaults), result_(result) {}

  int keyLine(const std::string& key) const { return fm_.lineOf(root_[key]); }

  // False (with an error) when there is no usable title.
  bool title(Post& post) {
    const YAML::Node title = root_["title"];
    if (!title || title.IsNull()) {
      fm_.error(first_line_, "title is missing: add 'title: ...' to the front matter");
      return false;
    }
    if (!title.IsScalar()) {
      fm_.error(keyLine("title"), "title must be text, found " + Reader::shape(title));
      return false;
    }
    if (title.Scalar().find_first_not_of(" \t\r\n") == std::string::npos) {
      fm_.error(keyLine("title"), "title is empty");
      return false;
    }
    post.title = title.Scalar();
    if (removeControlCharacters(post.title)) {
      // Checked after cleaning: a title of control characters alone would
      // give a card without a headline.
      if (post.title.find_first_not_of(" \t\r\n") == std::string::npos) {
        fm_.error(keyLine("title"), "title is empty once control characters are removed");
        return false;
      }
      fm_.warning(keyLine("title"), "title holds control characters (such as NUL); they are left out");
    }
    return true;
  }

  bool newsItem() const { return root_["provider"] || root_["publishedDateTime"]; }

  // The summary key's text, or the body's lead as the site shows it.
  std::string summary(const std::string& body, const MarkdownDigest& digest, LiquidScope& scope) {
    std::string written = fm_.firstText(root_, {"excerpt", "summary", "description"});
    if (!written.empty()) {
      bool cut = false;
      written = removeTemplateTags(written, scope, &cut);
      if (cut) fm_.warning(keyLine("excerpt"), expansionWarning());
      if (!newsItem() && written.find_first_of("[*_`<&#\\") != std::string::npos) {
        const std::string plain = digestMarkdown(written, linkDefinitions(body)).lead_paragraphs;
        if (!plain.empty()) written = plain;
      }
      return written;
    }
    std::vector<std::string> markers;
    markers.push_back(fm_.text(root_, "excerpt_separator"));
    if (defaults_.site == SiteKind::Jekyll || defaults_.site == SiteKind::Folder) {
      markers.push_back(defaults_.excerpt_separator);
    } else {
      markers.insert(markers.end(), {"<!--more-->", "<!-- more -->"});
    }
    if (const auto lead = beforeMarker(body, markers)) {
      // As Jekyll's excerpt: the whole body's link definitions are read with it.
      const std::string text = isHtmlPost(file_) ? digestHtml(*lead).lead_paragraphs
                                                 : digestMarkdown(*lead, linkDefinitions(body)).lead_paragraphs;
      if (!text.empty()) return text;
    }
    return digest.first_paragraph;
  }

  void sourceAndAuthor(Post& post) {
    if (const YAML::Node provider = root_["provider"]; provider && provider.IsMap()) {
      post.source = fm_.text(provider, "name");
      result_.logo_hints.provider_domain = fm_.text(provider, "domain");
    }
    const YAML::Node author = root_["author"] ? root_["author"] : root_["authors"];
    if (author && author.IsMap()) {
      post.author = fm_.text(author, "name");
    } else if (author && author.IsSequence() && author.size() > 0) {
      const YAML::Node first = author[0];
      if (first.IsScalar()) post.author = first.Scalar();
      if (first.IsMap()) post.author = fm_.text(first, "name");
    } else if (author) {
      post.author = fm_.text(root_, root_["author"] ? "author" : "authors");
    }
    if (const auto display = defaults_.author_names.find(post.author); display != defaults_.author_names.end()) {
      post.author = display->second;
    }
    if (post.source.empty()) post.source = fm_.text(root_, "source");
    // A site's posts are its site's news: the author's login is a byline,
    // not the source. A folder of posts keeps its author as the source.
    if (defaults_.site == SiteKind::Folder && post.source.empty()) post.source = post.author;
    if (const SiteLanguage* language = siteLanguage(); post.source.empty() && language != nullptr) {
      post.source = language->name;  // the site's title in the page's language
    }
    if (post.source.empty()) post.source = defaults_.name;
    if (post.source.empty()) post.source = post.author;
  }

  // Returns the date node, if any, for the address.
  YAML::Node date(Post& post) {
    const YAML::Node date_node = root_["publishedDateTime"] ? root_["publishedDateTime"] : root_["date"];
    if (date_node && date_node.IsScalar() && !date_node.Scalar().empty()) {
      if (const auto date = parsePostDate(date_node.Scalar())) {
        post.date = *date;
      } else {
        fm_.warning(keyLine(root_["publishedDateTime"] ? "publishedDateTime" : "date"),
                    "date '" + date_node.Scalar() + "' is not YYYY-MM-DD or ISO 8601; the post is shown undated");
      }
    }
    // Zola: the Rust blog's templates read the date from the page's `path`
    // ("inside-rust/2022/08/16/slug"); its `slug` or folders may hold one too.
    if (post.date.empty() && defaults_.site == SiteKind::Zola) {
      for (const std::string& path : {fm_.text(root_, "path"), fm_.text(root_, "slug"), contentPath()}) {
        if (post.date.empty()) post.date = dayInPath(path);
      }
    }
    if (post.date.empty()) {
      std::string stem = postStem(file_);
      if (stem.size() > 10 && stem[10] == '_') stem[10] = '-';  // Zola also takes "2026-03-26_name"
      if (const auto date = dateFromFileName(stem)) post.date = *date;
    }
    return date_node;
  }

  // The categories of a Jekyll post's address, as Jekyll gathers them: the
  // folders above its _posts folder, then `categories` (a text split at
  // blanks), then `category` (one text, or a list), each kept once.
  std::vector<std::string> jekyllCategories() {
    std::vector<std::string> values = jekyllFolderCategories(file_);
    const auto add = [&](const std::string& value) {
      if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
    };
    if (const YAML::Node node = root_["categories"]; node && node.IsScalar()) {
      for (const std::string& word : blankSeparatedWords(node.Scalar())) add(word);
    } else {
      for (const std::string& value : fm_.list(root_, "categories")) add(value);
    }
    if (const YAML::Node node = root_["category"]; node && node.IsSequence()) {
      for (const std::string& value : fm_.list(root_, "category")) add(value);
    } else {
      add(fm_.text(root_, "category"));
    }
    return values;
  }

  std::vector<std::string> categories() {
    if (defaults_.site == SiteKind::Jekyll) return jekyllCategories();
    std::vector<std::string> values = fm_.list(root_, "categories");
    if (values.empty() && !fm_.text(root_, "category").empty()) values.push_back(fm_.text(root_, "category"));
    if (const YAML::Node taxonomies = root_["taxonomies"]; values.empty() && taxonomies && taxonomies.IsMap()) {
      values = fm_.list(taxonomies, "categories");
    }
    return values;
  }

  std::vector<std::string> topics() {
    std::vector<std::string> values = fm_.list(root_, "topics");
    if (values.empty()) values = fm_.list(root_, "tags");
    if (const YAML::Node taxonomies = root_["taxonomies"]; values.empty() && taxonomies && taxonomies.IsMap()) {
      values = fm_.list(taxonomies, "tags");
    }
    return values;
  }

  // The post's address: its own (webUrl, originalUrl, an absolute url), else
  // the one its generator gives it under the site's base URL.
  std::string url(const YAML::Node& date_node) {
    const std::string own = fm_.firstText(root_, {"webUrl", "originalUrl"});
    if (!own.empty()) return own;
    const std::string url_key = fm_.text(root_, "url");
    if (startsWithScheme(url_key)) return url_key;
    if (!url_key.empty() && defaults_.site == SiteKind::Folder && defaults_.base_url.empty()) return url_key;
    if (newsItem() || defaults_.base_url.empty()) return "";
    if (defaults_.site == SiteKind::Hugo) return hugoUrl(date_node, url_key);
    if (!url_key.empty()) return siteUrl(defaults_.base_url, url_key);
    if (defaults_.site == SiteKind::Zola) return zolaUrl();

    PermalinkFields fields;
    if (date_node && date_node.IsScalar()) fields.day = dayInTimeZone(date_node.Scalar(), defaults_.time_zone);
    if (fields.day.empty()) fields.day = dateFromFileName(postStem(file_)).value_or("");
    fields.title = fm_.text(root_, "slug");
    if (fields.title.empty()) fields.title = slugOfFileName(postStem(file_));
    fields.categories = categories();
    std::string pattern = defaults_.permalink;
    if (const std::string own_pattern = fm_.text(root_, "permalink"); !own_pattern.empty()) {
      const std::string candidate = permalinkPattern(own_pattern);
      const std::string unknown = unknownPermalinkPlaceholder(candidate);
      if (unknown.empty()) {
        pattern = candidate;
      } else {
        fm_.warning(keyLine("permalink"),
                    "permalink uses " + unknown + ", which is not a placeholder newsticker knows; using " + pattern);
      }
    }
    return permalinkUrl(defaults_.base_url, pattern, fields).value_or("");
  }

  void images(const MarkdownDigest& digest) {
    PhotoHints& photo = result_.photo_hints;
    if (const YAML::Node node = root_["photo"]; node && node.IsScalar()) {
      bool enabled = true;  // `photo: true` asks for the automatic choice
      if (YAML::convert<bool>::decode(node, enabled)) {
        photo.disabled = !enabled;
      } else if (node.Scalar() == "none") {
        photo.disabled = true;
      } else {
        photo.front_matter = node.Scalar();
        photo.front_matter_line = keyLine("photo");
      }
    } else if (node && !node.IsNull()) {
      fm_.warning(keyLine("photo"), "photo should be a file name or none, found " + Reader::shape(node) + "; ignored");
    }
    for (const char* key : {"image", "featured_image"}) {
      if (const YAML::Node image = root_[key]; image && image.IsScalar() && !image.Scalar().empty()) {
        addCandidate(image.Scalar(), 0, 0);
      } else if (image && image.IsMap()) {  // jekyll-seo-tag: {path, width, height}
        const std::string path = fm_.firstText(image, {"path", "url"});
        if (!path.empty()) addCandidate(path, pixels(image["width"]), pixels(image["height"]));
      }
    }
    if (const YAML::Node images = root_["images"]; images && images.IsSequence()) {
      for (const auto& image : images) {
        if (image.IsMap()) {
          const std::string url = fm_.text(image, "url");
          if (url.empty()) continue;
          result_.logo_hints.image_urls.push_back(url);
          addCandidate(url, pixels(image["width"]), pixels(image["height"]));
        } else if (image.IsScalar() && !image.Scalar().empty()) {  // Hugo: a list of paths
          addCandidate(image.Scalar(), 0, 0);
        }
      }
    }
    for (const std::string& src : digest.images) addCandidate(src, 0, 0);
  }

  // draft: `published: false` or `draft: true`; weight: `quality`, else
  // `heat`; duration: `duration` in seconds, (0, 3600], else a warning.
  void draftWeightAndDuration(Post& post) {
    if (const YAML::Node published = root_["published"]; published && published.IsScalar()) {
      bool value = true;
      if (YAML::convert<bool>::decode(published, value)) post.draft = !value;
    }
    if (const YAML::Node draft = root_["draft"]; draft && draft.IsScalar()) {
      bool value = false;
      if (YAML::convert<bool>::decode(draft, value) && value) post.draft = true;
    }
    if (const auto quality = fm_.number(root_, "quality")) {
      post.weight = *quality;
    } else if (const auto heat = fm_.number(root_, "heat")) {
      post.weight = *heat;
    }
    if (const auto duration = fm_.number(root_, "duration")) {
      if (*duration > 0 && *duration <= 3600) {
        post.duration_seconds = *duration;
      } else {
        fm_.warning(keyLine("duration"), "duration must be between 0 and 3600 seconds; ignored");
      }
    }
  }

  // The show window: `show_from` / `show_until` (an until date includes its
  // day), Hugo's `publishDate` / `expiryDate` (an expiry date is its day's
  // start, as Hugo reads it), and on a Jekyll or Hugo site the generator's
  // rule that a post dated in the future is not published unless the site
  // says `future: true` (Hugo: `buildFuture`). The editor's keys win.
  void showWindow(Post& post, const YAML::Node& date_node) {
    ShowRules& show = post.show;
    const bool site = defaults_.site == SiteKind::Jekyll || defaults_.site == SiteKind::Hugo;
    if (site && !defaults_.publish_future && date_node && date_node.IsScalar()) {
      show.from = siteTime(date_node.Scalar(), false);
      show.from_line = keyLine(root_["publishedDateTime"] ? "publishedDateTime" : "date");
      show.from_is_date = !show.from.empty();
    } else if (site && !defaults_.publish_future && defaults_.site == SiteKind::Jekyll) {
      show.from = dateFromFileName(postStem(file_)).value_or("");  // the start of the file name's day
      if (!show.from.empty()) show.from = siteTime(show.from, false);
      show.from_is_date = !show.from.empty();
    }
    const std::string dated = show.from;
    for (const char* key : {"publishDate", "publishdate"}) showTime(key, false, true, show.from, show.from_line);
    if (defaults_.site != SiteKind::Hugo || !defaults_.publish_expired) {
      for (const char* key : {"expiryDate", "expirydate"}) showTime(key, false, true, show.until, show.until_line);
    }
    showTime("show_from", false, false, show.from, show.from_line);
    showTime("show_until", true, false, show.until, show.until_line);
    if (show.from != dated) show.from_is_date = false;
    const bool same_form = !show.from.empty() && !show.until.empty() && show.from.back() == show.until.back();
    if (same_form && show.until <= show.from) {
      fm_.warning(show.until_line, "the show window ends before it starts (" + showTimeText(show.from) + " to " +
                                       showTimeText(show.until, true) + "): the post never shows");
    }
  }

  // `show_hours` (DayPart.hpp), `priority: high`, `urgent: true` and an
  // urgent post's `repeat_every`; a value that is none of these is warned
  // about and left out.
  void showOptions(Post& post) {
    ShowRules& show = post.show;
    std::vector<std::pair<std::string, int>> entries;  // each with its line
    if (const YAML::Node hours = root_["show_hours"]; hours && hours.IsScalar()) {
      std::string rest = hours.Scalar() + ";";
      for (std::size_t at = rest.find(';'); at != std::string::npos; at = rest.find(';')) {
        entries.emplace_back(rest.substr(0, at), keyLine("show_hours"));
        rest.erase(0, at + 1);
      }
    } else if (hours && hours.IsSequence()) {
      for (const auto& item : hours) {
        if (item.IsScalar()) entries.emplace_back(item.Scalar(), fm_.lineOf(item));
      }
    } else if (hours && !hours.IsNull()) {
      fm_.warning(keyLine("show_hours"),
                  "show_hours should be text or a list, found " + Reader::shape(hours) + "; ignored");
    }
    for (const auto& [entry, line] : entries) {
      if (entry.find_first_not_of(" \t") == std::string::npos) continue;
      DayPartsResult parts = parseDayParts(entry);
      if (!parts.error.empty()) fm_.warning(line, "show_hours: " + parts.error + "; left out");
      show.hours.insert(show.hours.end(), parts.parts.begin(), parts.parts.end());
    }
    if (const std::string priority = fm_.text(root_, "priority"); !priority.empty()) {
      show.high_priority = priority == "high";
      if (priority != "high" && priority != "normal") {
        fm_.warning(keyLine("priority"), "priority is high or normal, not '" + priority + "'; ignored");
      }
    }
    if (const YAML::Node urgent = root_["urgent"]; urgent && !urgent.IsNull()) {
      if (!urgent.IsScalar() || !YAML::convert<bool>::decode(urgent, show.urgent)) {
        fm_.warning(keyLine("urgent"), "urgent is true or false; ignored");
      }
    }
    if (const std::string repeat = fm_.text(root_, "repeat_every"); !repeat.empty()) {
      const auto seconds = parseInterval(repeat);
      if (!seconds) {
        fm_.warning(keyLine("repeat_every"), "repeat_every '" + repeat +
                                                 "' is not a time such as 10m, 1h or 90s "
                                                 "(at least 30 s); ignored");
      } else if (!show.urgent) {
        fm_.warning(keyLine("repeat_every"), "repeat_every is for urgent posts (urgent: true); ignored");
      } else {
        show.repeat_seconds = *seconds;
      }
    }
  }

  // language: `lang` / `language`, else the language of a multilingual Hugo
  // site's page (its content folder or file name; a Chinese script the text
  // shows is kept), else what the title and summary show, else the feed's.
  // The section after a horizontal rule is a second
  // language when its script differs from the main text's (Chinese after
  // English, English after Japanese); the feed default plays no part in
  // telling them apart. Needs post.title and post.summary.
  void languages(Post& post, const MarkdownDigest& digest) {
    const std::string declared = fm_.firstText(root_, {"lang", "language"});
    const LanguageTag detected = detectLanguage(post.title + "\n" + post.summary);  // "" for Latin: no opinion
    const SiteLanguage* site_language = siteLanguage();
    if (!declared.empty()) {
      post.language = LanguageTag(declared);
    } else if (site_language != nullptr && !site_language->tag.empty() &&
               (detected.empty() || detected.primary() != site_language->tag.primary())) {
      post.language = site_language->tag;  // a multilingual Hugo site's page: its folder's language
    } else {
      post.language = detected.empty() ? defaults_.language : detected;
    }
    if (digest.has_rule && !digest.after_rule_title.empty()) {
      const LanguageTag second = detectLanguage(digest.after_rule_title + "\n" + digest.after_rule_summary);
      if (second != detected) {
        post.secondary_title = digest.after_rule_title;
        post.secondary_summary = digest.after_rule_summary;
        post.secondary_language = second;
      }
    }
  }

  // related: the news item's `related` headlines with a title, and their
  // providers' names.
  std::vector<RelatedHeadline> related() {
    std::vector<RelatedHeadline> headlines;
    const YAML::Node items = root_["related"];
    if (!items || !items.IsSequence()) return headlines;
    for (const auto& item : items) {
      if (!item.IsMap()) continue;
      RelatedHeadline headline;
      headline.title = fm_.text(item, "title");
      if (const YAML::Node provider = item["provider"]; provider && provider.IsMap()) {
        headline.source = fm_.text(provider, "name");
      }
      if (!headline.title.empty()) headlines.push_back(std::move(headline));
    }
    return headlines;
  }

  // A site's front matter belongs to its generator: only a key that looks
  // like a typo of one newsticker reads is warned. A plain folder's posts are
  // written for newsticker: every key it does not know is warned. Either way
  // each key newsticker does not read is listed in result_.unused_keys.
  void warnUnknownKeys() {
    for (const auto& entry : root_) {
      const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
      if (entry.first.IsScalar() && !isReadKey(key) && result_.unused_keys.size() < kMaxUnusedKeysPerPost) {
        std::string listed = cutAtCharacter(key, kMaxUnusedKeyBytes);
        auto& keys = result_.unused_keys;
        if (std::find(keys.begin(), keys.end(), listed) == keys.end()) keys.push_back(std::move(listed));
      }
      const std::string meant = likelyTypoOf(key);
      if (!meant.empty()) {
        fm_.warning(keyLine(key), "unknown key '" + key + "' ignored; did you mean '" + meant + "'?");
      } else if (defaults_.site == SiteKind::Folder && !isReadKey(key) && !isGeneratorKey(key)) {
        fm_.warning(keyLine(key), "unknown key '" + key + "' ignored");
      }
    }
  }

 private:
  // `base_url` + a site path, '/'-separated, collapsed and escaped as Permalink does.
  static std::string siteUrl(const std::string& base_url, const std::string& path) {
    return sitePathUrl(base_url, path);
  }

  // A multilingual Hugo site's language of this page (hugoLanguageOf); nullptr otherwise.
  const SiteLanguage* siteLanguage() const {
    return defaults_.site == SiteKind::Hugo ? hugoLanguageOf(defaults_.languages, file_) : nullptr;
  }

  // The file's path under content/ ("posts/2026/a.md"), or under its
  // language's content folder (content/es/).
  std::string contentPath() const {
    if (defaults_.site == SiteKind::Hugo) return hugoContentPath(defaults_.languages, defaults_.posts_root, file_);
    std::string relative = file_;
    const std::string root_prefix = defaults_.posts_root.empty() ? "" : defaults_.posts_root + "/";
    if (!root_prefix.empty() && relative.rfind(root_prefix, 0) == 0) relative.erase(0, root_prefix.size());
    return relative;
  }

  // The folder a page sits in under content/: a page bundle's is the one
  // above its own folder.
  std::string pageFolder() const {
    const std::string relative = contentPath();
    return isBundleIndex(relative) ? folderOf(folderOf(relative)) : folderOf(relative);
  }

  // The page's file name without extension (and without a Hugo language
  // suffix: "tides.es.md" gives "tides"), or a page bundle's folder name.
  std::string pageBaseName() const {
    const std::string stem = postStem(contentPath());
    std::string base = stem.substr(0, stem.rfind('.'));
    const SiteLanguage* language = siteLanguage();
    const std::string suffix = language != nullptr ? "." + language->key : "";
    if (!suffix.empty() && base.size() > suffix.size() &&
        base.compare(base.size() - suffix.size(), suffix.size(), suffix) == 0) {
      base.erase(base.size() - suffix.size());
    }
    return base;
  }

  // Hugo's nearest section of the page: the deepest of its folders that is
  // the top one or holds an _index file.
  std::string hugoSection() const {
    std::string folder = pageFolder();
    while (folder.find('/') != std::string::npos && defaults_.hugo_sections.count(folder) == 0) {
      folder = folderOf(folder);
    }
    return folder;
  }

  // The [permalinks] pattern for the page: the most specific section path
  // that holds it ("" for a page at the top), or "" when none does.
  std::string hugoPattern() const {
    std::string page_path;
    for (const std::string& element : std::vector<std::string>{pageFolder(), pageBaseName()}) {
      if (element.empty()) continue;
      for (char c : element) page_path += c == ' ' ? '-' : c;
      page_path += '/';
    }
    page_path = hugoPathElement(page_path);
    std::string best_key, pattern;
    bool found = false;
    for (const auto& [key, value] : defaults_.section_permalinks) {
      const bool holds = key.empty() ? page_path.find('/') + 1 == page_path.size() : page_path.rfind(key + "/", 0) == 0;
      if (holds && (!found || key.size() > best_key.size())) {
        best_key = key;
        pattern = value;
        found = true;
      }
    }
    return pattern;
  }

  // Hugo's address: the page's own `url` (its tokens filled), else the
  // [permalinks] pattern of its section, else its folder and slug or name.
  std::string hugoUrl(const YAML::Node& date_node, const std::string& url_key) {
    HugoPageFields fields;
    if (date_node && date_node.IsScalar()) fields.day = dayInTimeZone(date_node.Scalar(), "");
    for (const char* key : {"publishDate", "pubdate", "lastmod", "modified"}) {
      if (fields.day.empty() && root_[key] && root_[key].IsScalar()) {
        fields.day = dayInTimeZone(root_[key].Scalar(), "");
      }
    }
    fields.title = fm_.text(root_, "title");
    fields.slug = fm_.text(root_, "slug");
    fields.base_name = pageBaseName();
    fields.sections = hugoSection();
    // A multilingual site's language: its own address, or its prefix ("/es") before the path.
    const SiteLanguage* language = siteLanguage();
    const std::string& base =
        language != nullptr && !language->base_url.empty() ? language->base_url : defaults_.base_url;
    const std::string prefix = language != nullptr ? language->prefix : "";
    if (!url_key.empty()) {  // Hugo puts no language prefix before a page's own url
      return siteUrl(base, hugoPermalinkPath(url_key, fields, false).value_or(url_key));
    }
    if (const std::string pattern = hugoPattern(); !pattern.empty()) {
      if (const auto path = hugoPermalinkPath(pattern, fields)) return siteUrl(base, prefix + *path);
    }
    return siteUrl(base, prefix + hugoDefaultPath(pageFolder(), fields));
  }

  // Zola's address: the page's `path`, else its folders under content/ as
  // written, then its slug (`slug`, else the file name after a date), made
  // by the site's slugify.paths rule.
  std::string zolaUrl() {
    if (const std::string path = fm_.text(root_, "path"); !path.empty()) {
      return siteUrl(defaults_.base_url, "/" + path + "/");
    }
    std::string slug = fm_.text(root_, "slug");
    if (slug.empty()) slug = withoutDatePrefix(pageBaseName());
    const std::string folder = pageFolder();
    const std::string path =
        (folder.empty() ? "" : "/" + folder) + "/" + zolaSlug(slug, zolaSlugifyNamed(defaults_.slugify_paths)) + "/";
    return siteUrl(defaults_.base_url, path);
  }

  // A picture named relative to a page bundle ("cover.jpg" next to index.md)
  // is looked for there, as a site path.
  void addCandidate(const std::string& reference, int width, int height) {
    std::string ref = reference;
    const bool relative =
        !ref.empty() && ref.front() != '/' && ref.find("://") == std::string::npos && ref.rfind("data:", 0) != 0;
    if (relative && defaults_.site != SiteKind::Folder && defaults_.site != SiteKind::Jekyll) {
      const std::string folder = folderOf(file_);
      ref = "/" + (folder.empty() ? "" : folder + "/") + ref;
    }
    result_.photo_hints.candidates.push_back({ref, width, height});
  }

  // A generator's date in parseShowTime's form: a time without an offset
  // is read in the site's time zone (Hugo: UTC when the site names none;
  // Jekyll: the config's, later, when the site names none). "" when it is
  // not a date (the date rule has warned already).
  std::string siteTime(const std::string& text, bool day_end) const {
    const std::optional<std::string> written = parseShowTime(text, day_end);
    if (!written || written->back() == 'Z') return written.value_or("");
    std::string zone = defaults_.time_zone;
    if (zone.empty() && defaults_.site == SiteKind::Hugo) zone = "UTC";
    if (zone.empty()) return *written;
    const std::optional<std::int64_t> instant = instantOf(*written, zone);
    return instant ? showTimeOfInstant(*instant) : *written;
  }

  // Reads `key`, a date or a date and time, into `value` and its line into `line`; warns when it is neither.
  // `site_date`: a generator's key (publishDate, expiryDate), read as siteTime does.
  void showTime(const char* key, bool day_end, bool site_date, std::string& value, int& line) {
    const std::string text = fm_.text(root_, key);
    if (text.empty()) return;
    const std::string parsed = site_date ? siteTime(text, day_end) : parseShowTime(text, day_end).value_or("");
    if (parsed.empty()) {
      fm_.warning(keyLine(key), std::string(key) + " '" + text +
                                    "' is not a date (YYYY-MM-DD) or a date and time (YYYY-MM-DD HH:MM); ignored");
      return;
    }
    value = parsed;
    line = keyLine(key);
  }

  const std::string& file_;
  const YAML::Node& root_;
  Reader& fm_;
  int first_line_;
  const FeedDefaults& defaults_;
  PostReadResult& result_;
};

}  // namespace

PostReadResult readPost(const std::string& file, std::string_view bytes, const FeedDefaults& defaults,
                        const YamlLimits& limits) {
  PostReadResult result;
  Reader reader(file, 0, result);

  if (const std::string wide = wideEncodingName(bytes); !wide.empty()) {
    reader.error(0, "the file is " + wide + "; save it as UTF-8");
    return result;
  }
  if (const auto bad = firstInvalidUtf8(bytes)) {
    int line = 1;
    for (std::size_t i = 0; i < *bad; ++i) line += bytes[i] == '\n';
    reader.error(line, "invalid UTF-8 at byte " + std::to_string(*bad) + "; save the file as UTF-8");
    return result;
  }
  // One spelling of each character from here on (NFC): decomposed
  // Vietnamese ("e" + U+0302 + U+0301) takes the same face and width as
  // the precomposed letters a keyboard usually types.
  const std::string normalized = toNfc(bytes);
  bytes = normalized;

  const FrontMatter split = splitFrontMatter(bytes);
  if (!split.present) {
    reader.error(1,
                 "no front matter: the file must start with a '---' line (YAML), a '+++' line (TOML) or "
                 "a '{' (JSON), then the title");
    return result;
  }
  if (!split.closed) {
    const char* close = split.format == FrontMatterFormat::Toml   ? "add a line with only '+++' after it"
                        : split.format == FrontMatterFormat::Json ? "close its '{' with a '}'"
                                                                  : "add a line with only '---' after it";
    reader.error(1, std::string("front matter is not closed: ") + close);
    return result;
  }
  // A raw NUL is no text: in the front matter a parser would call it an
  // "unknown escape character", so it is named here with its offset; in the
  // body it is left out of the text with a warning.
  std::optional<std::string> body_without_nul;
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    int line = 1;
    for (std::size_t i = 0; i < nul; ++i) line += bytes[i] == '\n';
    if (line < split.body_first_line) {
      reader.error(
          line, "NUL byte at byte " + std::to_string(nul) + " in the front matter; remove it (a post is UTF-8 text)");
      return result;
    }
    const auto count = static_cast<std::size_t>(std::count(split.body.begin(), split.body.end(), '\0'));
    reader.warning(line, (count == 1 ? std::string("NUL byte") : std::to_string(count) + " NUL bytes, the first") +
                             " at byte " + std::to_string(nul) + " in the body; left out of the text");
    body_without_nul = split.body;
    body_without_nul->erase(std::remove(body_without_nul->begin(), body_without_nul->end(), '\0'),
                            body_without_nul->end());
  }
  const std::string& body = body_without_nul ? *body_without_nul : split.body;

  FrontMatterMap map = readFrontMatter(split.format, split.yaml, limits);
  if (!map.ok) {
    reader.error(split.yaml_first_line + map.error_line, map.error);
    return result;
  }
  // A value without a mark of its own is reported at the opening line.
  const int opening_line = split.format == FrontMatterFormat::Json ? 1 : split.yaml_first_line - 1;
  Reader fm(file, split.yaml_first_line, result, split.format == FrontMatterFormat::Yaml ? 0 : opening_line, &map);

  try {
    PostFields fields(file, map.root, fm, split.yaml_first_line, defaults, result);
    Post post;
    post.file = file;
    if (!fields.title(post)) return result;
    fields.warnUnknownKeys();
    liftExtraTables(map.root);

    bool cut = false;
    LiquidScope scope;  // what {{ ... }} may name: the site's values and data, the page, the post's assigns
    scope.site_values = &defaults.site_values;
    scope.site_data = &defaults.site_data;
    scope.page = map.root;
    const std::string clean_body = removeTemplateTags(body, scope, &cut);
    if (cut) fm.warning(0, expansionWarning());
    const MarkdownDigest digest = isHtmlPost(file) ? digestHtml(clean_body) : digestMarkdown(clean_body);
    post.summary = fields.summary(clean_body, digest, scope);
    fields.sourceAndAuthor(post);
    const YAML::Node date_node = fields.date(post);
    post.url = fields.url(date_node);
    post.topics = fields.topics();

    fields.draftWeightAndDuration(post);
    fields.showWindow(post, date_node);
    fields.showOptions(post);
    fields.languages(post, digest);
    post.related = fields.related();

    removeControlCharacters(post.summary);
    removeControlCharacters(post.source);
    removeControlCharacters(post.author);
    removeControlCharacters(post.secondary_title);
    removeControlCharacters(post.secondary_summary);

    result.logo_hints.front_matter = fm.text(map.root, "logo");
    result.logo_hints.body_image = digest.first_image;
    fields.images(digest);
    result.post = std::move(post);
  } catch (const YAML::Exception& e) {
    fm.error(fm.lineOfMark(e.mark.line), "front matter could not be read: " + e.msg);
    result.post.reset();
  }
  return result;
}

}  // namespace newsticker::content
