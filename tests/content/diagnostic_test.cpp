// SPDX-License-Identifier: Apache-2.0
// formatDiagnostic: "file:line: message", "warning: " for warnings.
#include <doctest/doctest.h>

#include "content/Diagnostic.hpp"

using namespace newsticker::content;

TEST_CASE("diagnostic: formatted with file, line and a warning prefix") {
  CHECK(formatDiagnostic({"posts/a.md", 3, Severity::Error, "title is missing"}) == "posts/a.md:3: title is missing");
  CHECK(formatDiagnostic({"posts/a.md", 0, Severity::Error, "cannot be read"}) == "posts/a.md: cannot be read");
  CHECK(formatDiagnostic({"feed.yaml", 2, Severity::Warning, "duration ignored"}) ==
        "feed.yaml:2: warning: duration ignored");
  CHECK(formatDiagnostic({"logo.md", 0, Severity::Warning, "no logo"}) == "logo.md: warning: no logo");
}
