// SPDX-License-Identifier: Apache-2.0
#include "content/XmlEncoding.hpp"

#include <unicode/ucnv.h>

#include <memory>
#include <vector>

#include "content/Utf8.hpp"

namespace newsticker::content {
namespace {

std::string lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n\"'");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n\"'");
  return text.substr(first, last - first + 1);
}

// The value of encoding="..." in an XML declaration at the start of `bytes`
// (after a UTF-8 byte order mark and whitespace), or "".
std::string declaredEncoding(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  // Whitespace before the declaration, as some servers send it.
  const auto start = bytes.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || start > 1024) return "";
  bytes.remove_prefix(start);
  if (bytes.substr(0, 5) != "<?xml") return "";
  const std::string_view declaration = bytes.substr(0, bytes.find("?>", 5));
  if (declaration.size() > 512) return "";
  const auto key = declaration.find("encoding");
  if (key == std::string_view::npos) return "";
  auto pos = declaration.find_first_not_of(" \t\r\n", key + 8);
  if (pos == std::string_view::npos || declaration[pos] != '=') return "";
  pos = declaration.find_first_not_of(" \t\r\n", pos + 1);
  if (pos == std::string_view::npos || (declaration[pos] != '"' && declaration[pos] != '\'')) return "";
  const char quote = declaration[pos];
  const auto end = declaration.find(quote, pos + 1);
  if (end == std::string_view::npos) return "";
  return std::string(declaration.substr(pos + 1, end - pos - 1));
}

// The ICU converter name for a label, read the way browsers read labels.
std::string icuName(const std::string& encoding) {
  const std::string label = lowered(trimmed(encoding));
  if (label == "iso-8859-1" || label == "iso8859-1" || label == "latin1" || label == "l1" || label == "us-ascii" ||
      label == "ascii" || label == "iso_8859-1") {
    return "windows-1252";
  }
  if (label == "gb2312" || label == "gbk" || label == "x-gbk" || label == "cp936") return "GB18030";
  if (label == "euc-kr" || label == "ks_c_5601-1987" || label == "cp949") return "windows-949";
  if (label == "shift_jis" || label == "sjis" || label == "x-sjis" || label == "shift-jis" || label == "ms_kanji") {
    return "windows-31j";
  }
  if (label == "big5") return "Big5";
  return std::string(trimmed(encoding));
}

// An encoding label as a message may show it: the document or server wrote
// it, so anything but letters, digits and . _ : - is shown as '?', and it is
// cut at 40 characters (a label cannot forge a second log line).
std::string shownLabel(const std::string& encoding) {
  std::string shown;
  for (const char c : encoding.substr(0, 40)) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                       c == '_' || c == ':' || c == '-';
    shown += plain ? c : '?';
  }
  if (encoding.size() > 40) shown += "...";
  return shown;
}

// The encoding a byte order mark names, or "".
std::string bomEncoding(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return "UTF-8";
  if (bytes.substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  if (bytes.substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  return "";
}

// `bytes` in `encoding` as UTF-8, without a byte order mark. `strict`: nullopt
// (with `error`) at the first byte sequence the encoding does not map; else
// such bytes become U+FFFD. nullopt with `error` when ICU knows no such encoding.
std::optional<std::string> converted(std::string_view bytes, const std::string& encoding, bool strict,
                                     std::string& error) {
  if (bytes.size() > (256u << 20)) {
    error = "document larger than 256 MiB";
    return std::nullopt;
  }
  const std::string name = icuName(encoding);
  const std::string label = lowered(name);
  const bool utf8 = label == "utf-8" || label == "utf8";
  if (utf8 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (utf8) {
    const std::optional<std::size_t> bad = firstInvalidUtf8(bytes);
    if (!bad) return std::string(bytes);  // the common case: nothing to convert
    if (strict) {
      error = "byte " + std::to_string(*bad) + " is not UTF-8";
      return std::nullopt;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(name.c_str(), &status), ucnv_close);
  if (U_FAILURE(status) || !converter) {
    error = "encoding '" + shownLabel(encoding) + "' is not one ICU converts";
    return std::nullopt;
  }
  if (strict) ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (bytes.substr(0, 2) == "\xFE\xFF" || bytes.substr(0, 2) == "\xFF\xFE") bytes.remove_prefix(2);
  // At most 3 UTF-8 bytes per input byte (a BMP character from one byte),
  // plus the terminator ICU writes when there is room.
  std::string out(bytes.size() * 3 + 4, '\0');
  status = U_ZERO_ERROR;
  const int32_t written = ucnv_toAlgorithmic(UCNV_UTF8, converter.get(), out.data(), static_cast<int32_t>(out.size()),
                                             bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status) || written < 0) {
    error = "cannot convert from '" + shownLabel(encoding) + "': " + u_errorName(status);
    return std::nullopt;
  }
  out.resize(static_cast<std::size_t>(written));
  if (out.compare(0, 3, "\xEF\xBB\xBF") == 0) out.erase(0, 3);
  return out;
}

}  // namespace

std::string xmlEncodingOf(std::string_view bytes, std::string_view http_charset) {
  if (const std::string bom = bomEncoding(bytes); !bom.empty()) return bom;
  std::string declared = declaredEncoding(bytes);
  // A declaration readable as ASCII is not in UTF-16, whatever it says.
  if (lowered(declared).compare(0, 6, "utf-16") == 0) return "UTF-8";
  if (!declared.empty()) return declared;
  if (!trimmed(http_charset).empty()) return std::string(trimmed(http_charset));
  return "UTF-8";
}

std::optional<std::string> convertToUtf8(std::string_view bytes, const std::string& encoding, std::string& error) {
  return converted(bytes, encoding, false, error);
}

std::optional<DecodedXml> decodeXmlDocument(std::string_view bytes, std::string_view http_charset, std::string& error) {
  const std::string charset(trimmed(http_charset));
  const std::string bom = bomEncoding(bytes);
  std::string declared = bom.empty() ? declaredEncoding(bytes) : "";
  if (lowered(declared).compare(0, 6, "utf-16") == 0) declared = "UTF-8";  // a declaration readable as ASCII
  // The order of trust: a byte order mark; the declaration; the HTTP charset
  // when the bytes are not valid in the declared encoding (a server that
  // knows better than a copied template); then, with neither, UTF-8, and
  // windows-1252 for bytes that are not UTF-8 (RFC 7303, and every reader).
  std::vector<std::string> strict;
  std::string lenient;
  if (!bom.empty()) {
    lenient = bom;
  } else if (!declared.empty()) {
    strict = {declared};
    if (!charset.empty() && icuName(charset) != icuName(declared)) strict.push_back(charset);
    lenient = declared;
  } else if (!charset.empty()) {
    lenient = charset;
  } else {
    strict = {"UTF-8", "windows-1252"};
    lenient = "windows-1252";
  }
  for (const std::string& encoding : strict) {
    std::string why;
    if (auto text = converted(bytes, encoding, true, why)) return DecodedXml{std::move(*text), encoding};
  }
  // No encoding reads every byte: the likeliest, with U+FFFD for the rest.
  std::optional<std::string> text = converted(bytes, lenient, false, error);
  if (!text && lenient == declared && !charset.empty()) {  // a declared encoding ICU does not know
    std::string ignored;
    text = converted(bytes, charset, false, ignored);
    lenient = charset;
  }
  if (!text) return std::nullopt;
  return DecodedXml{std::move(*text), lenient};
}

}  // namespace newsticker::content
