// SPDX-License-Identifier: Apache-2.0
// Runs a shell command from a test and keeps what it printed.
#pragma once

#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>
#include <utility>

// The output (stdout; add 2>&1 for stderr too) and exit status of `command`
// run by /bin/sh; -1 when it did not exit normally.
inline std::pair<std::string, int> runCommand(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int status = ::pclose(pipe);
  return {out, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}
