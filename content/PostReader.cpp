#include "content/PostReader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "content/FrontMatter.hpp"
#include "content/LanguageDetector.hpp"
#include "content/MarkdownDigest.hpp"
#include "content/Permalink.hpp"
#include "content/PostDate.hpp"
#include "content/Utf8.hpp"

namespace newsticker::content {
namespace {

class Reader {
 public:
  Reader(const std::string& file, int yaml_first_line, PostReadResult& result)
      : file_(file), yaml_first_line_(yaml_first_line), result_(result) {}

  void error(int line, std::string message) {
    result_.diagnostics.push_back({file_, line, Severity::Error, std::move(message)});
  }
  void warning(int line, std::string message) {
    result_.diagnostics.push_back({file_, line, Severity::Warning, std::move(message)});
  }
  int lineOf(const YAML::Node& node) const {
    const int line = node.Mark().line;
    return line < 0 ? 0 : yaml_first_line_ + line;
  }
  int lineOfYaml(int yaml_line) const { return yaml_first_line_ + yaml_line; }

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
  PostReadResult& result_;
};

// Keys newsticker reads, and keys of the two post formats (and common Jekyll
// ones) that it knowingly ignores; anything else earns a warning, so a typo
// such as 'tittle' does not pass silently.
bool isKnownKey(const std::string& key) {
  static const char* const kKnown[] = {
      "title", "excerpt", "summary", "description", "source", "author", "provider", "date",
      "publishedDateTime", "webUrl", "originalUrl", "url", "topics", "tags", "published", "draft",
      "quality", "heat", "duration", "lang", "language", "related", "logo", "images", "photo",
      // read by other tools, ignored here
      "layout", "category", "categories", "type", "secured", "ampWebUrl", "cdnAmpWebUrl", "permalink",
      "image", "redirect_from", "excerpt_separator", "hidden", "featured-img", "sitemap", "comments",
      "toc", "slug", "id", "last_modified_at", "updated"};
  for (const char* known : kKnown) {
    if (key == known) return true;
  }
  return false;
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

std::string fileNameOf(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
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
std::string dayAsWritten(const std::string& value) {
  const std::size_t start = value.find_first_not_of(" \t");
  if (start == std::string::npos || !parsePostDate(value)) return "";
  return value.substr(start, 10);
}

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

}  // namespace

PostReadResult readPost(const std::string& file, std::string_view bytes,
                        const FeedDefaults& defaults, const YamlLimits& limits) {
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

  const FrontMatter split = splitFrontMatter(bytes);
  if (!split.present) {
    reader.error(1, "no front matter: the file must start with a '---' line, then 'title: ...'");
    return result;
  }
  if (!split.closed) {
    reader.error(1, "front matter is not closed: add a line with only '---' after it");
    return result;
  }
  // A raw NUL is no text: in the front matter yaml-cpp would call it an
  // "unknown escape character", so it is named here with its offset; in the
  // body it is left out of the text with a warning.
  std::optional<std::string> body_without_nul;
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    int line = 1;
    for (std::size_t i = 0; i < nul; ++i) line += bytes[i] == '\n';
    if (line < split.body_first_line) {
      reader.error(line, "NUL byte at byte " + std::to_string(nul) +
                             " in the front matter; remove it (a post is UTF-8 text)");
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

  Reader fm(file, split.yaml_first_line, result);
  if (const auto fault = checkYamlLimits(split.yaml, limits)) {
    fm.error(fm.lineOfYaml(fault->line), fault->message);
    return result;
  }
  YAML::Node root;
  try {
    root = YAML::Load(split.yaml);
  } catch (const YAML::Exception& e) {
    fm.error(fm.lineOfYaml(e.mark.line), "front matter is not valid YAML: " + e.msg);
    return result;
  }
  if (!root.IsMap()) {
    fm.error(split.yaml_first_line, "front matter must be 'key: value' lines, found " + Reader::shape(root));
    return result;
  }

  try {
    Post post;
    post.file = file;
    const YAML::Node title = root["title"];
    if (!title || title.IsNull()) {
      fm.error(split.yaml_first_line, "title is missing: add 'title: ...' to the front matter");
      return result;
    }
    if (!title.IsScalar()) {
      fm.error(fm.lineOf(title), "title must be text, found " + Reader::shape(title));
      return result;
    }
    if (title.Scalar().find_first_not_of(" \t\r\n") == std::string::npos) {
      fm.error(fm.lineOf(title), "title is empty");
      return result;
    }
    post.title = title.Scalar();
    if (removeControlCharacters(post.title)) {
      // Checked after cleaning: a title of control characters alone would
      // give a card without a headline.
      if (post.title.find_first_not_of(" \t\r\n") == std::string::npos) {
        fm.error(fm.lineOf(title), "title is empty once control characters are removed");
        return result;
      }
      fm.warning(fm.lineOf(title), "title holds control characters (such as NUL); they are left out");
    }

    const MarkdownDigest digest = digestMarkdown(body);
    post.summary = fm.firstText(root, {"excerpt", "summary", "description"});
    if (post.summary.empty()) post.summary = digest.first_paragraph;

    if (const YAML::Node provider = root["provider"]; provider && provider.IsMap()) {
      post.source = fm.text(provider, "name");
      result.logo_hints.provider_domain = fm.text(provider, "domain");
    }
    if (post.source.empty()) post.source = fm.text(root, "source");
    if (const YAML::Node author = root["author"]; post.source.empty() && author) {
      post.source = author.IsMap() ? fm.text(author, "name") : fm.text(root, "author");
    }
    if (post.source.empty()) post.source = defaults.name;

    const YAML::Node date_node = root["publishedDateTime"] ? root["publishedDateTime"] : root["date"];
    if (date_node && date_node.IsScalar() && !date_node.Scalar().empty()) {
      if (const auto date = parsePostDate(date_node.Scalar())) {
        post.date = *date;
      } else {
        fm.warning(fm.lineOf(date_node), "date '" + date_node.Scalar() +
                                             "' is not YYYY-MM-DD or ISO 8601; the post is shown undated");
      }
    }
    if (post.date.empty()) {
      if (const auto date = dateFromFileName(fileNameOf(file))) post.date = *date;
    }

    post.url = fm.firstText(root, {"webUrl", "originalUrl", "url"});
    // A blog post (not a news item) without an address of its own gets its
    // site's: feed.yaml's base_url + permalink, from the day as written.
    const bool news_item = root["provider"] || root["publishedDateTime"];
    if (post.url.empty() && !news_item && !defaults.base_url.empty()) {
      PermalinkFields fields;
      if (date_node && date_node.IsScalar()) fields.day = dayAsWritten(date_node.Scalar());
      if (fields.day.empty()) fields.day = dateFromFileName(fileNameOf(file)).value_or("");
      fields.title = fm.text(root, "slug");
      if (fields.title.empty()) fields.title = slugOfFileName(fileNameOf(file));
      fields.categories = fm.list(root, "categories");
      if (fields.categories.empty() && !fm.text(root, "category").empty()) {
        fields.categories.push_back(fm.text(root, "category"));
      }
      post.url = permalinkUrl(defaults.base_url, defaults.permalink, fields).value_or("");
    }
    post.topics = fm.list(root, "topics");
    if (post.topics.empty()) post.topics = fm.list(root, "tags");

    if (const YAML::Node published = root["published"]; published && published.IsScalar()) {
      bool value = true;
      if (YAML::convert<bool>::decode(published, value)) post.draft = !value;
    }
    if (const YAML::Node draft = root["draft"]; draft && draft.IsScalar()) {
      bool value = false;
      if (YAML::convert<bool>::decode(draft, value) && value) post.draft = true;
    }
    if (const auto quality = fm.number(root, "quality")) {
      post.weight = *quality;
    } else if (const auto heat = fm.number(root, "heat")) {
      post.weight = *heat;
    }
    if (const auto duration = fm.number(root, "duration")) {
      if (*duration > 0 && *duration <= 3600) {
        post.duration_seconds = *duration;
      } else {
        fm.warning(fm.lineOf(root["duration"]), "duration must be between 0 and 3600 seconds; ignored");
      }
    }

    const std::string declared = fm.firstText(root, {"lang", "language"});
    // What the text itself shows ("" for Latin script: no opinion).
    const std::string detected = detectLanguage(post.title + "\n" + post.summary);
    if (!declared.empty()) {
      post.language = normaliseLanguageTag(declared);
    } else {
      post.language = detected.empty() ? defaults.language : detected;
    }

    if (const YAML::Node related = root["related"]; related && related.IsSequence()) {
      for (const auto& item : related) {
        if (!item.IsMap()) continue;
        RelatedHeadline headline;
        headline.title = fm.text(item, "title");
        if (const YAML::Node provider = item["provider"]; provider && provider.IsMap()) {
          headline.source = fm.text(provider, "name");
        }
        if (!headline.title.empty()) post.related.push_back(std::move(headline));
      }
    }

    if (digest.has_rule && !digest.after_rule_title.empty()) {
      // The section after a rule is a second language when its script differs
      // from the main text's (Chinese after English, English after Japanese);
      // the feed default plays no part in telling them apart.
      const std::string second = detectLanguage(digest.after_rule_title + "\n" + digest.after_rule_summary);
      if (second != detected) {
        post.secondary_title = digest.after_rule_title;
        post.secondary_summary = digest.after_rule_summary;
        post.secondary_language = second;
      }
    }

    for (const auto& entry : root) {
      const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
      if (!isKnownKey(key)) {
        fm.warning(fm.lineOf(entry.first), "unknown key '" + key + "' ignored");
      }
    }

    removeControlCharacters(post.summary);
    removeControlCharacters(post.source);
    removeControlCharacters(post.secondary_title);
    removeControlCharacters(post.secondary_summary);

    result.logo_hints.front_matter = fm.text(root, "logo");
    result.logo_hints.body_image = digest.first_image;
    PhotoHints& photo = result.photo_hints;
    if (const YAML::Node node = root["photo"]; node && node.IsScalar()) {
      bool enabled = true;  // `photo: true` asks for the automatic choice
      if (YAML::convert<bool>::decode(node, enabled)) {
        photo.disabled = !enabled;
      } else if (node.Scalar() == "none") {
        photo.disabled = true;
      } else {
        photo.front_matter = node.Scalar();
        photo.front_matter_line = fm.lineOf(node);
      }
    } else if (node && !node.IsNull()) {
      fm.warning(fm.lineOf(node), "photo should be a file name or none, found " + Reader::shape(node) + "; ignored");
    }
    if (const YAML::Node image = root["image"]; image && image.IsScalar() && !image.Scalar().empty()) {
      photo.candidates.push_back({image.Scalar(), 0, 0});
    } else if (image && image.IsMap()) {  // jekyll-seo-tag: {path, width, height}
      const std::string path = fm.firstText(image, {"path", "url"});
      if (!path.empty()) photo.candidates.push_back({path, pixels(image["width"]), pixels(image["height"])});
    }
    if (const YAML::Node images = root["images"]; images && images.IsSequence()) {
      for (const auto& image : images) {
        if (image.IsMap()) {
          const std::string url = fm.text(image, "url");
          if (url.empty()) continue;
          result.logo_hints.image_urls.push_back(url);
          photo.candidates.push_back({url, pixels(image["width"]), pixels(image["height"])});
        }
      }
    }
    for (const std::string& src : digest.images) photo.candidates.push_back({src, 0, 0});
    result.post = std::move(post);
  } catch (const YAML::Exception& e) {
    fm.error(fm.lineOfYaml(e.mark.line), "front matter could not be read: " + e.msg);
    result.post.reset();
  }
  return result;
}

}  // namespace newsticker::content
