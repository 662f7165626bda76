// The words a card prints under its QR code, in the post's language. Pure.
#pragma once

#include <string>

namespace newsticker::render {

// "Scan to read" as a reader of `language` says it ("fr" -> "Scannez pour
// lire", "ja" -> "スキャンして読む", "zh-Hans" -> "扫码阅读全文", ...);
// tags are normalised first ("fr-CA" -> "fr", "zh-TW" -> "zh-Hant"). English
// for a language it does not know. Never throws.
std::string scanCaption(const std::string& language);

}  // namespace newsticker::render
