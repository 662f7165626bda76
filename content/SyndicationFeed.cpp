// SPDX-License-Identifier: Apache-2.0
#include "content/SyndicationFeed.hpp"

#include <expat.h>

#include <memory>
#include <utility>

#include "content/HtmlEntities.hpp"
#include "content/HtmlText.hpp"
#include "content/SyndicationDate.hpp"
#include "content/UrlResolver.hpp"
#include "content/Utf8.hpp"
#include "content/XmlEncoding.hpp"

namespace newsticker::content {
namespace {

// Namespaces, as expat reports them: "URI\x01local".
constexpr char kSeparator = '\x01';
const std::string kAtom = "http://www.w3.org/2005/Atom";
const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kRss1 = "http://purl.org/rss/1.0/";
const std::string kRss090 = "http://my.netscape.com/rdf/simple/0.9/";
const std::string kDublinCore = "http://purl.org/dc/elements/1.1/";
const std::string kDcTerms = "http://purl.org/dc/terms/";
const std::string kContent = "http://purl.org/rss/1.0/modules/content/";
const std::string kMedia = "http://search.yahoo.com/mrss/";
const std::string kXml = "http://www.w3.org/XML/1998/namespace";

std::string qualified(const std::string& ns, const char* local) { return ns + kSeparator + local; }

// The document as a small tree: elements with their attributes, and text.
struct XmlNode {
  std::string name;  // "URI\x01local" or "local"; "" for a text node
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string text;  // a text node's characters (CDATA included)
  std::vector<XmlNode> children;
};

std::string localName(const std::string& name) {
  const auto separator = name.find(kSeparator);
  return separator == std::string::npos ? name : name.substr(separator + 1);
}

struct TreeBuilder {
  XML_Parser parser = nullptr;
  const SyndicationLimits* limits = nullptr;
  XmlNode document;
  std::vector<XmlNode*> open{&document};
  std::size_t elements = 0;
  std::string refusal;

  void refuse(std::string why) {
    if (refusal.empty()) refusal = std::move(why);
    XML_StopParser(parser, XML_FALSE);
  }
};

void XMLCALL onStart(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto& b = *static_cast<TreeBuilder*>(data);
  if (!b.refusal.empty()) return;
  if (++b.elements > b.limits->max_elements) {
    return b.refuse("more than " + std::to_string(b.limits->max_elements) + " XML elements; refused");
  }
  if (b.open.size() > static_cast<std::size_t>(b.limits->max_depth)) {
    return b.refuse("XML nested deeper than " + std::to_string(b.limits->max_depth) + " levels; refused");
  }
  XmlNode& node = b.open.back()->children.emplace_back();
  node.name = name;
  for (std::size_t i = 0; attributes[i] != nullptr; i += 2)
    node.attributes.emplace_back(attributes[i], attributes[i + 1]);
  b.open.push_back(&node);
}

void XMLCALL onEnd(void* data, const XML_Char*) {
  auto& b = *static_cast<TreeBuilder*>(data);
  if (b.open.size() > 1) b.open.pop_back();
}

void XMLCALL onText(void* data, const XML_Char* text, int length) {
  auto& b = *static_cast<TreeBuilder*>(data);
  if (b.open.size() < 2 || !b.refusal.empty()) return;  // outside the root element
  std::vector<XmlNode>& siblings = b.open.back()->children;
  if (siblings.empty() || !siblings.back().name.empty()) siblings.emplace_back();
  siblings.back().text.append(text, static_cast<std::size_t>(length));
}

// A reference to an entity nobody declared (&eacute; in a feed, often under
// an RSS 0.91 DOCTYPE whose external DTD is never read): the HTML entity of
// that name, as every feed reader reads it; an unknown name stays as written.
void XMLCALL onSkippedEntity(void* data, const XML_Char* name, int parameter_entity) {
  if (parameter_entity) return;  // in the DTD: no text
  const std::optional<std::string_view> html = htmlNamedReference(name);
  const std::string text = html ? std::string(*html) : "&" + std::string(name) + ";";
  onText(data, text.data(), static_cast<int>(text.size()));
}

// Any entity declaration ends the parse: feeds need none, and entities are
// how billion-laughs (expansion) and XXE (external entity) attacks work.
void XMLCALL onEntityDeclaration(void* data, const XML_Char* name, int parameter_entity, const XML_Char*, int,
                                 const XML_Char*, const XML_Char* system_id, const XML_Char*, const XML_Char*) {
  auto& b = *static_cast<TreeBuilder*>(data);
  std::string what = std::string(parameter_entity ? "a parameter entity" : "an entity") + " ('" + name + "'";
  if (system_id != nullptr) what += ", external";
  b.refuse("the document declares " + what + "); feeds need no entity declarations, so it is refused unexpanded");
}

struct ParserDeleter {
  void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};

// Builds the tree of `utf8`; "" on success, else the reason. `skipped_lines`
// lines were cut from the start of the document (whitespace before its XML
// declaration): messages count them, so their lines are the file's.
std::string buildTree(std::string_view utf8, int skipped_lines, const SyndicationLimits& limits, XmlNode& document) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, ParserDeleter> parser(XML_ParserCreateNS("UTF-8", kSeparator));
  if (!parser) return "out of memory for the XML parser";
  TreeBuilder builder;
  builder.parser = parser.get();
  builder.limits = &limits;
  XML_SetUserData(parser.get(), &builder);
  XML_SetElementHandler(parser.get(), onStart, onEnd);
  XML_SetCharacterDataHandler(parser.get(), onText);
  XML_SetEntityDeclHandler(parser.get(), onEntityDeclaration);
  // Undeclared entities are skipped (onSkippedEntity) rather than an error,
  // as in a document whose external DTD (never read) might declare them.
  XML_UseForeignDTD(parser.get(), XML_TRUE);
  XML_SetSkippedEntityHandler(parser.get(), onSkippedEntity);
  // No external DTD or parameter entity is ever read (and no handler would
  // fetch one): the default, stated.
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);
  const XML_Status status = XML_Parse(parser.get(), utf8.data(), static_cast<int>(utf8.size()), XML_TRUE);
  if (!builder.refusal.empty()) return builder.refusal;
  if (status != XML_STATUS_OK) {
    return "not well-formed XML (line " + std::to_string(XML_GetCurrentLineNumber(parser.get()) + skipped_lines) +
           ", column " + std::to_string(XML_GetCurrentColumnNumber(parser.get()) + 1) + ": " +
           XML_ErrorString(XML_GetErrorCode(parser.get())) + ")";
  }
  document = std::move(builder.document);
  return "";
}

const XmlNode* child(const XmlNode& node, const std::string& name) {
  for (const XmlNode& c : node.children) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

// An RSS element: no namespace (RSS 2.0), RSS 1.0's or RSS 0.90's.
const XmlNode* rssChild(const XmlNode& node, const char* local) {
  if (const XmlNode* plain = child(node, local)) return plain;
  if (const XmlNode* rss1 = child(node, qualified(kRss1, local))) return rss1;
  return child(node, qualified(kRss090, local));
}

std::string attribute(const XmlNode& node, const std::string& name) {
  for (const auto& [key, value] : node.attributes) {
    if (key == name) return value;
  }
  return "";
}

std::string directText(const XmlNode* node) {
  std::string text;
  if (node == nullptr) return text;
  for (const XmlNode& c : node->children) {
    if (c.name.empty()) text += c.text;
  }
  return text;
}

std::string escapedMarkup(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

// The children of `node` written back as markup. Text is escaped when it is
// text (Atom's type="xhtml"), kept as it is when it is already HTML source
// (RSS, type="html": "<b>bold</b> &amp;lt;i&amp;gt;" holds both).
void appendMarkup(const XmlNode& node, bool text_is_html, std::string& out) {
  for (const XmlNode& c : node.children) {
    if (c.name.empty()) {
      out += text_is_html ? c.text : escapedMarkup(c.text);
      continue;
    }
    const std::string name = localName(c.name);
    out += "<" + name;
    for (const auto& [key, value] : c.attributes) out += " " + localName(key) + "=\"" + escapedMarkup(value) + "\"";
    out += ">";
    appendMarkup(c, text_is_html, out);
    out += "</" + name + ">";
  }
}

// Every character of text under `node`, child elements included.
void appendAllText(const XmlNode& node, std::string& out) {
  for (const XmlNode& c : node.children) {
    if (c.name.empty()) out += c.text;
    else appendAllText(c, out);
  }
}

// The HTML an element holds: RSS text is HTML (escaped, CDATA, or tags
// written straight into the element); an Atom text construct says so with
// type="html", "xhtml" or "text" (the default).
std::string htmlOf(const XmlNode* node, bool atom) {
  if (node == nullptr) return "";
  const std::string type = atom ? attribute(*node, "type") : "html";
  std::string markup;
  if (type == "xhtml") {
    appendMarkup(*node, false, markup);
  } else if (type == "html" || type == "text/html") {
    appendMarkup(*node, true, markup);
  } else {
    appendAllText(*node, markup);
    markup = escapedMarkup(markup);  // plain text: no tags to find in it
  }
  return markup;
}

std::string baseOf(const XmlNode& node, const std::string& parent_base) {
  const std::string base = attribute(node, qualified(kXml, "base"));
  return base.empty() ? parent_base : resolveUrl(parent_base, base);
}

std::string webUrl(const std::string& base, const std::string& reference) {
  if (reference.find_first_not_of(" \t\r\n") == std::string::npos) return "";
  const std::string resolved = resolveUrl(base, reference);
  return isWebUrl(resolved) ? resolved : "";
}

bool looksLikeImageFile(const std::string& url) {
  std::string path = url.substr(0, url.find_first_of("?#"));
  for (char& c : path) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (const char* extension : {".jpg", ".jpeg", ".png", ".gif", ".webp"}) {
    const std::string ext(extension);
    if (path.size() > ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0) return true;
  }
  return false;
}

bool isImageType(const std::string& type) { return type.compare(0, 6, "image/") == 0; }

// `text` cut to at most `limit` code points, at a space when one is near the
// end, with "…" when anything was cut.
std::string shortened(const std::string& text, std::size_t limit) {
  std::size_t pos = 0, count = 0, last_space = std::string::npos;
  while (pos < text.size() && count < limit) {
    if (text[pos] == ' ') last_space = pos;
    nextCodePoint(text, pos);
    ++count;
  }
  if (pos >= text.size()) return text;
  std::size_t cut = pos;
  if (last_space != std::string::npos && last_space > pos * 7 / 10) cut = last_space;
  std::string out = text.substr(0, cut);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == '.' || out.back() == ';'))
    out.pop_back();
  return out + "\u2026";
}

struct ItemParts {
  const XmlNode* title = nullptr;
  const XmlNode* summary = nullptr;
  const XmlNode* content = nullptr;
};

// Title, summary and picture, shared by the formats once their elements are found.
void fillText(SyndicationItem& item, const ItemParts& parts, bool atom, const std::string& base,
              const SyndicationLimits& limits) {
  item.title = shortened(readHtmlText(htmlOf(parts.title, atom)).text, limits.max_title_chars);
  HtmlText summary = readHtmlText(htmlOf(parts.summary, atom));
  HtmlText content = readHtmlText(htmlOf(parts.content, atom));
  item.summary = shortened(summary.text.empty() ? content.text : summary.text, limits.max_summary_chars);
  if (item.title.empty()) item.title = shortened(item.summary, 80);
  if (item.image_url.empty()) {
    const std::string& first = !summary.first_image.empty() ? summary.first_image : content.first_image;
    item.image_url = webUrl(base, first);
  }
}

void fillDate(SyndicationItem& item, std::initializer_list<const XmlNode*> candidates) {
  for (const XmlNode* node : candidates) {
    if (node == nullptr) continue;
    if (const auto date = parseSyndicationDate(directText(node))) {
      item.published = *date;
      return;
    }
  }
}

// media:content (an image), then media:thumbnail, also inside media:group.
std::string mediaImage(const XmlNode& item, const std::string& base) {
  for (const XmlNode* holder : {&item, child(item, qualified(kMedia, "group"))}) {
    if (holder == nullptr) continue;
    for (const XmlNode& c : holder->children) {
      if (c.name != qualified(kMedia, "content")) continue;
      const std::string url = attribute(c, "url");
      const bool image = attribute(c, "medium") == "image" || isImageType(attribute(c, "type")) ||
                         (attribute(c, "medium").empty() && attribute(c, "type").empty() && looksLikeImageFile(url));
      if (image && !webUrl(base, url).empty()) return webUrl(base, url);
    }
    if (const XmlNode* thumbnail = child(*holder, qualified(kMedia, "thumbnail"))) {
      if (const std::string url = webUrl(base, attribute(*thumbnail, "url")); !url.empty()) return url;
    }
  }
  return "";
}

SyndicationItem rssItem(const XmlNode& node, const std::string& feed_base, const std::string& feed_language,
                        const SyndicationLimits& limits) {
  SyndicationItem item;
  const std::string base = baseOf(node, feed_base);
  const XmlNode* guid = rssChild(node, "guid");
  item.id = directText(guid);
  if (item.id.empty()) item.id = attribute(node, qualified(kRdf, "about"));
  item.link = webUrl(base, directText(rssChild(node, "link")));
  if (item.link.empty() && guid != nullptr && attribute(*guid, "isPermaLink") != "false") {
    item.link = webUrl(base, item.id);
  }
  for (const XmlNode& c : node.children) {
    if (c.name != "enclosure") continue;
    const std::string url = attribute(c, "url");
    const std::string type = attribute(c, "type");
    if (isImageType(type) || (type.empty() && looksLikeImageFile(url))) {
      item.image_url = webUrl(base, url);
      if (!item.image_url.empty()) break;
    }
  }
  if (item.image_url.empty()) item.image_url = mediaImage(node, base);
  fillText(item, {rssChild(node, "title"), rssChild(node, "description"), child(node, qualified(kContent, "encoded"))},
           false, base, limits);
  fillDate(item, {rssChild(node, "pubDate"), child(node, qualified(kDublinCore, "date")),
                  child(node, qualified(kDcTerms, "issued")), child(node, qualified(kDcTerms, "created")),
                  child(node, qualified(kDcTerms, "modified"))});
  item.language = attribute(node, qualified(kXml, "lang"));
  if (item.language.empty()) item.language = directText(child(node, qualified(kDublinCore, "language")));
  if (item.language.empty()) item.language = feed_language;
  return item;
}

// The href of an Atom element's alternate link (rel absent or "alternate"),
// an HTML one preferred.
std::string atomLink(const XmlNode& node, const std::string& base) {
  std::string found;
  for (const XmlNode& c : node.children) {
    if (c.name != qualified(kAtom, "link")) continue;
    const std::string rel = attribute(c, "rel");
    if (!rel.empty() && rel != "alternate") continue;
    const std::string href = webUrl(baseOf(c, base), attribute(c, "href"));
    if (href.empty()) continue;
    const std::string type = attribute(c, "type");
    if (type.empty() || type == "text/html") return href;
    if (found.empty()) found = href;
  }
  return found;
}

SyndicationItem atomEntry(const XmlNode& node, const std::string& feed_base, const std::string& feed_language,
                          const SyndicationLimits& limits) {
  SyndicationItem item;
  const std::string base = baseOf(node, feed_base);
  item.id = directText(child(node, qualified(kAtom, "id")));
  item.link = atomLink(node, base);
  for (const XmlNode& c : node.children) {
    if (c.name == qualified(kAtom, "link") && attribute(c, "rel") == "enclosure" && isImageType(attribute(c, "type"))) {
      item.image_url = webUrl(baseOf(c, base), attribute(c, "href"));
      if (!item.image_url.empty()) break;
    }
  }
  if (item.image_url.empty()) item.image_url = mediaImage(node, base);
  const XmlNode* content = child(node, qualified(kAtom, "content"));
  const std::string content_base = content != nullptr ? baseOf(*content, base) : base;
  fillText(item, {child(node, qualified(kAtom, "title")), child(node, qualified(kAtom, "summary")), content}, true,
           content_base, limits);
  fillDate(item, {child(node, qualified(kAtom, "published")), child(node, qualified(kAtom, "updated")),
                  child(node, qualified(kDublinCore, "date")), child(node, qualified(kDcTerms, "issued")),
                  child(node, qualified(kDcTerms, "created")), child(node, qualified(kDcTerms, "modified"))});
  item.language = attribute(node, qualified(kXml, "lang"));
  if (item.language.empty()) item.language = feed_language;
  return item;
}

void keep(SyndicationFeed& feed, SyndicationItem item) {
  if (item.title.empty() && item.summary.empty()) return;
  feed.items.push_back(std::move(item));
}

}  // namespace

SyndicationParse parseSyndicationFeed(std::string_view bytes, std::string_view http_charset,
                                      const std::string& document_url, const SyndicationLimits& limits) {
  SyndicationParse result;
  if (bytes.size() > limits.max_bytes) {
    result.error = "the document is larger than " + std::to_string(limits.max_bytes) + " bytes; refused";
    return result;
  }
  std::string error;
  const std::optional<DecodedXml> decoded = decodeXmlDocument(bytes, http_charset, error);
  if (!decoded) {
    result.error = error;
    return result;
  }
  // Whitespace before the XML declaration (a podcast host's template left a
  // blank line) is not XML, but every feed reader reads past it.
  std::string_view text = decoded->utf8;
  int skipped_lines = 0;
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start != 0 && start != std::string_view::npos && text.compare(start, 5, "<?xml") == 0) {
    for (std::size_t i = 0; i < start; ++i) skipped_lines += text[i] == '\n' ? 1 : 0;
    text.remove_prefix(start);
  }
  XmlNode document;
  error = buildTree(text, skipped_lines, limits, document);
  if (!error.empty()) {
    result.error = error;
    return result;
  }
  if (document.children.empty()) {
    result.error = "the document has no root element";
    return result;
  }
  const XmlNode& root = document.children.front();
  SyndicationFeed feed;
  const std::string root_base = baseOf(root, document_url);
  if (root.name == "rss" || root.name == qualified(kRdf, "RDF")) {
    const bool rdf = root.name != "rss";
    const XmlNode* channel = rssChild(root, "channel");
    if (channel == nullptr) {
      result.error = std::string("an ") + (rdf ? "RDF" : "RSS") + " document without a <channel>";
      return result;
    }
    feed.format = !rdf ? "RSS 2.0" : channel->name == qualified(kRss090, "channel") ? "RSS 0.90" : "RSS 1.0";
    const std::string base = baseOf(*channel, root_base);
    feed.title = readHtmlText(htmlOf(rssChild(*channel, "title"), false)).text;
    feed.link = webUrl(base, directText(rssChild(*channel, "link")));
    feed.language = directText(rssChild(*channel, "language"));
    if (feed.language.empty()) feed.language = directText(child(*channel, qualified(kDublinCore, "language")));
    if (feed.language.empty()) feed.language = attribute(root, qualified(kXml, "lang"));
    // RSS 2.0 keeps items in the channel; RSS 1.0 next to it.
    const XmlNode& holder = rdf ? root : *channel;
    for (const XmlNode& node : holder.children) {
      if (node.name == "item" || node.name == qualified(kRss1, "item") || node.name == qualified(kRss090, "item")) {
        keep(feed, rssItem(node, rdf ? root_base : base, feed.language, limits));
      }
    }
  } else if (root.name == qualified(kAtom, "feed")) {
    feed.format = "Atom 1.0";
    feed.title = readHtmlText(htmlOf(child(root, qualified(kAtom, "title")), true)).text;
    feed.link = atomLink(root, root_base);
    feed.language = attribute(root, qualified(kXml, "lang"));
    for (const XmlNode& node : root.children) {
      if (node.name == qualified(kAtom, "entry")) keep(feed, atomEntry(node, root_base, feed.language, limits));
    }
  } else {
    result.error = "not an RSS or Atom feed (the document is <" + localName(root.name) + ">)";
    return result;
  }
  result.feed = std::move(feed);
  return result;
}

}  // namespace newsticker::content
