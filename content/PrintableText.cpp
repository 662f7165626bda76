// SPDX-License-Identifier: Apache-2.0
#include "content/PrintableText.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cstdio>
#include <memory>

#include "content/Utf8.hpp"

namespace newsticker::content {
namespace {

bool shownAsEscape(char32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0x200E || cp == 0x200F || cp == 0x061C ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// The byte length of the first `clusters` grapheme clusters of `text`, or
// its whole length when it has no more.
std::size_t clusterPrefix(std::string_view text, std::size_t clusters) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !it) {
    utext_close(ut);
    return text.size();
  }
  it->setText(ut, status);
  std::size_t end = text.size();
  std::size_t count = 0;
  for (int32_t at = it->next(); at != icu::BreakIterator::DONE; at = it->next()) {
    if (++count == clusters) {
      end = static_cast<std::size_t>(at);
      break;
    }
  }
  it.reset();
  utext_close(ut);
  return end;
}

}  // namespace

std::string printableText(std::string_view text, std::size_t max_clusters, bool name) {
  std::size_t length = text.size();
  if (max_clusters > 0 && text.size() > max_clusters) length = clusterPrefix(text, max_clusters);
  const std::string_view kept = text.substr(0, length);
  std::string out;
  std::size_t pos = 0;
  char buffer[12];
  while (pos < kept.size()) {
    const std::size_t start = pos;
    const char32_t cp = nextCodePoint(kept, pos);
    const bool invalid = cp == 0xFFFD && pos - start == 1;
    if (invalid || cp < 0x20 || cp == 0x7F) {
      const auto c = static_cast<unsigned char>(kept[start]);
      if (c == '\n') out += "\\n";
      else if (c == '\t') out += "\\t";
      else if (c == '\r') out += "\\r";
      else {
        std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
        out += buffer;
      }
    } else if (shownAsEscape(cp)) {
      std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(cp));
      out += buffer;
    } else if (cp == '\\' && name) {
      out += "\\\\";
    } else {
      out.append(kept, start, pos - start);
    }
  }
  if (length < text.size()) out += "\u2026";
  return out;
}

}  // namespace newsticker::content
