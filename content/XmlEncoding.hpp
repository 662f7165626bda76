// SPDX-License-Identifier: Apache-2.0
// Which character encoding an XML document (a feed) is in, and its text as
// UTF-8, through ICU: UTF-8, UTF-16, ISO-8859-1, Shift_JIS, EUC-KR, GB18030,
// Big5 and any other charset ICU converts.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsticker::content {

// The encoding `bytes` are in: a byte order mark first, then the XML
// declaration's encoding="...", then `http_charset` (the charset parameter
// of the Content-Type header, "" when none), else "UTF-8". As written, not
// yet checked against ICU; whether the bytes are valid in it is not asked
// (decodeXmlDocument asks). Pure; never throws.
std::string xmlEncodingOf(std::string_view bytes, std::string_view http_charset);

// `bytes` in `encoding` as UTF-8, without a byte order mark. Bytes the
// encoding does not map become U+FFFD. Labels are read as browsers read them
// (ISO-8859-1 and US-ASCII as windows-1252, GB2312 and GBK as GB18030,
// EUC-KR as windows-949). nullopt with `error` set when ICU knows no such
// encoding. Never throws.
std::optional<std::string> convertToUtf8(std::string_view bytes, const std::string& encoding, std::string& error);

struct DecodedXml {
  std::string utf8;      // the document as UTF-8, without a byte order mark
  std::string encoding;  // the encoding it was read in, as labelled ("windows-1252" when guessed)
};

// A feed document as UTF-8, the encoding chosen the way feed readers choose
// it: a byte order mark decides; else the XML declaration's encoding, unless
// the bytes are not valid in it and are valid in `http_charset` (the
// Content-Type charset, "" when none); with neither a declaration nor a
// charset, UTF-8 when the bytes are UTF-8 and windows-1252 when not (RFC
// 7303). Bytes no candidate reads are U+FFFD in the likeliest one. nullopt
// with `error` (one line) when ICU knows neither the declared encoding nor
// the charset. Never throws.
std::optional<DecodedXml> decodeXmlDocument(std::string_view bytes, std::string_view http_charset, std::string& error);

}  // namespace newsticker::content
