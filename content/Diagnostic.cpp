// SPDX-License-Identifier: Apache-2.0
#include "content/Diagnostic.hpp"

namespace newsticker::content {

std::string formatDiagnostic(const Diagnostic& diagnostic) {
  std::string out = diagnostic.file;
  if (diagnostic.line > 0) out += ":" + std::to_string(diagnostic.line);
  out += ": ";
  if (diagnostic.severity == Severity::Warning) out += "warning: ";
  out += diagnostic.message;
  return out;
}

}  // namespace newsticker::content
