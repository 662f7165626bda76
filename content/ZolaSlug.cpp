// SPDX-License-Identifier: Apache-2.0
#include "content/ZolaSlug.hpp"

#include <unicode/translit.h>
#include <unicode/uscript.h>

#include <memory>

#include "content/Utf8.hpp"

namespace newsticker::content {
namespace {

// `cp` spelled in ASCII (ICU's Any-Latin; Latin-ASCII), or "" when ICU
// cannot. One transliterator per thread: ICU's are not shared across threads.
std::string asciiSpelling(char32_t cp) {
  thread_local std::unique_ptr<icu::Transliterator> to_ascii = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(made) : nullptr;
  }();
  if (!to_ascii) return "";
  icu::UnicodeString text(static_cast<UChar32>(cp));
  to_ascii->transliterate(text);
  std::string spelled;
  text.toUTF8String(spelled);
  return spelled;
}

bool isHan(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(cp), &status) == USCRIPT_HAN && U_SUCCESS(status);
}

// The `slug` crate's slugify over text already in ASCII.
class SlugWriter {
 public:
  void add(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out_ += c;
      after_dash_ = false;
    } else if (c >= 'A' && c <= 'Z') {
      out_ += static_cast<char>(c - 'A' + 'a');
      after_dash_ = false;
    } else if (!after_dash_) {
      out_ += '-';
      after_dash_ = true;
    }
  }
  std::string finish() {
    if (!out_.empty() && out_.back() == '-') out_.pop_back();
    return out_;
  }

 private:
  std::string out_;
  bool after_dash_ = true;  // no '-' at the start
};

}  // namespace

ZolaSlugify zolaSlugifyNamed(std::string_view name) {
  if (name == "safe") return ZolaSlugify::Safe;
  if (name == "off") return ZolaSlugify::Off;
  return ZolaSlugify::On;
}

std::string zolaSlug(std::string_view text, ZolaSlugify strategy) {
  if (strategy == ZolaSlugify::Off) return std::string(text);
  if (strategy == ZolaSlugify::Safe) {
    std::size_t end = text.size();
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '.')) --end;
    std::string kept;
    for (char c : text.substr(0, end)) {
      if (std::string_view("<>:\"/\\|?*").find(c) == std::string_view::npos) kept += c;
    }
    return kept;
  }
  SlugWriter slug;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = nextCodePoint(text, pos);
    if (cp < 0x80) {
      slug.add(static_cast<char>(cp));
      continue;
    }
    std::string spelled = asciiSpelling(cp);  // what stays outside ASCII becomes '-' below
    if (spelled.empty()) spelled = "-";
    if (isHan(cp)) spelled += ' ';
    for (char c : spelled) slug.add(c);
  }
  return slug.finish();
}

}  // namespace newsticker::content
