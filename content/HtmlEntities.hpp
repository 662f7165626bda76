// SPDX-License-Identifier: Apache-2.0
// HTML5's named character references (&eacute; &alpha; &NotEqualTilde;), all
// 2,125 of them, from a fixed table generated from Python's html.entities
// (content/generate_html_entities.py): feeds use them in HTML and, undeclared,
// in XML. Nothing is ever expanded recursively or loaded.
#pragma once

#include <optional>
#include <string_view>

namespace newsticker::content {

// The text (UTF-8, one or two code points) of the HTML named reference
// `name`, written without '&' and ';' ("eacute" -> "é"), case-sensitive as
// HTML is; nullopt when HTML has no such name. Pure; never throws.
std::optional<std::string_view> htmlNamedReference(std::string_view name);

}  // namespace newsticker::content
