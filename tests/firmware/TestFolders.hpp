// SPDX-License-Identifier: Apache-2.0
// Scratch folders for the firmware tests, under the system's temp folder.
#pragma once

#include <filesystem>
#include <string>

// $TMPDIR/newsticker-test-`name`, removed with everything in it (not created).
inline std::filesystem::path freshFolder(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("newsticker-test-" + name);
  std::filesystem::remove_all(dir);
  return dir;
}
