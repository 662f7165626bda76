// SPDX-License-Identifier: Apache-2.0
// UTF-8 validation and decoding over byte strings (no locale, no allocation).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsticker::content {

// Byte offset of the first byte that is not part of well-formed UTF-8
// (overlongs, surrogates and values above U+10FFFF are ill-formed), or nullopt.
std::optional<std::size_t> firstInvalidUtf8(std::string_view bytes);

// Decodes the code point starting at `pos` and advances `pos` past it.
// Ill-formed bytes decode as U+FFFD and advance by one byte.
char32_t nextCodePoint(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void appendUtf8(std::string& out, char32_t cp);

}  // namespace newsticker::content
