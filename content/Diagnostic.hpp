// SPDX-License-Identifier: Apache-2.0
// A message about one content file: what is wrong, where, and how bad it is.
#pragma once

#include <string>

namespace newsticker::content {

enum class Severity { Error, Warning };

struct Diagnostic {
  std::string file;  // relative to the content folder
  int line = 0;      // 1-based; 0 when the fault has no line
  Severity severity = Severity::Error;
  std::string message;  // one sentence a content editor understands
};

// Formats as "file:line: message" (or "file: message" without a line), prefixed
// with "warning: " for warnings.
std::string formatDiagnostic(const Diagnostic& diagnostic);

}  // namespace newsticker::content
