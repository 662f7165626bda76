// SPDX-License-Identifier: Apache-2.0
// An RSS 2.0, RSS 1.0 or 0.90 (RDF) or Atom 1.0 document turned into items a card can
// show. Network-free: the bytes come from firmware/FeedFetcher.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsticker::content {

struct SyndicationItem {
  std::string id;         // guid, atom:id or rdf:about as written; "" when the item has none
  std::string title;      // plain text, at most SyndicationLimits::max_title_chars; else the summary's start
  std::string link;       // absolute http(s) address, or ""
  std::string summary;    // plain text (HTML reduced), at most SyndicationLimits::max_summary_chars
  std::string published;  // UTC "YYYY-MM-DDTHH:MM:SSZ" (or "YYYY-MM-DD"), or "" when undated
  std::string image_url;  // absolute http(s) address of the item's picture, or ""
  std::string language;   // the item's xml:lang, else the feed's language; may be ""
};

struct SyndicationFeed {
  std::string format;                  // "RSS 2.0", "RSS 1.0", "RSS 0.90" or "Atom 1.0"
  std::string title;                   // plain text
  std::string link;                    // the site's absolute address, or ""
  std::string language;                // <language>, dc:language or xml:lang as written; may be ""
  std::vector<SyndicationItem> items;  // in document order
};

struct SyndicationLimits {
  std::size_t max_bytes = 5u << 20;  // larger documents are refused unparsed
  std::size_t max_elements = 200000;
  int max_depth = 64;
  std::size_t max_summary_chars = 600;  // longer summaries are cut at a word with "…"
  std::size_t max_title_chars = 300;    // and titles
};

struct SyndicationParse {
  std::optional<SyndicationFeed> feed;
  std::string error;  // one line, set when `feed` is empty
};

// Parses `bytes`, the body of a response from `document_url` whose
// Content-Type named `http_charset` ("" when none). The encoding comes from
// the byte order mark, the XML declaration, `http_charset` when the bytes are
// not valid in the declared one, else UTF-8 or windows-1252 (decodeXmlDocument,
// XmlEncoding.hpp). The parser is expat: a document that declares any entity
// (<!ENTITY ...>, internal or external, general or parameter) is refused as
// soon as the declaration is read, so entity expansion (billion laughs) and
// external entities (XXE) never happen; external DTDs are never loaded and
// nothing is read from the network or the disk. Relative links resolve
// against xml:base and then `document_url`; only http(s) links are kept.
// Dates, the first readable: pubDate or published, updated, dc:date, then
// dcterms:issued, created and modified (SyndicationDate.hpp).
// Pictures, first found: an image enclosure, media:content, media:thumbnail,
// the first <img> of the description or content. Items with neither title
// nor summary are left out. Never throws.
SyndicationParse parseSyndicationFeed(std::string_view bytes, std::string_view http_charset,
                                      const std::string& document_url, const SyndicationLimits& limits = {});

}  // namespace newsticker::content
