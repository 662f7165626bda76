// SPDX-License-Identifier: Apache-2.0
// The words a card prints under its QR code, in the post's language. Pure.
#pragma once

#include <string>

#include "content/LanguageTag.hpp"

namespace newsticker::render {

// "Scan to read" as a reader of `language` says it ("fr" -> "Scannez pour
// lire", "ja" -> "スキャンして読む", "zh-Hans" -> "扫码阅读全文", ...; a
// tag written "fr-CA" or "zh-TW" is normalised to "fr" or "zh-Hant" when it
// becomes a LanguageTag). English for a language it does not know.
std::string scanCaption(const content::LanguageTag& language);

}  // namespace newsticker::render
