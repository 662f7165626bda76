// SPDX-License-Identifier: Apache-2.0
// Text fit for every channel a person reads it through (a log line, the
// journal, --check on a terminal, systemd's STATUS=): whole UTF-8, nothing a
// terminal takes as a command, nothing that forges a line or turns text
// around, and shortened between grapheme clusters, never inside one.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsticker::content {

// `text` with escapes for what must not be shown raw: bytes that are not
// UTF-8 as "\xFF"; C0 controls as "\n", "\t", "\r" or "\x1B"; DEL as "\x7F";
// C1 controls (U+0085), line and paragraph separators (U+2028, U+2029) and
// bidirectional controls (U+200E, U+200F, U+061C, U+202A..U+202E,
// U+2066..U+2069) as "\u2028". With `name` (a file name) a backslash is
// doubled, so the name's bytes can be read back. With `max_clusters` > 0 the
// text is cut after that many grapheme clusters (ICU's character break
// iterator: an emoji ZWJ sequence or a letter with its marks stays whole)
// and "…" added. Never throws.
std::string printableText(std::string_view text, std::size_t max_clusters = 0, bool name = false);

}  // namespace newsticker::content
