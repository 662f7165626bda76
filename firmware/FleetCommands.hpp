// SPDX-License-Identifier: Apache-2.0
// The operator's commands for a board in a fleet (docs/fleet.md):
//   newsticker screen-capture [--runtime-dir DIR]
//   newsticker status [--config FILE] [--metrics-dir DIR]
//   newsticker contact-sheet FOLDER OUT.png
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "firmware/CommandLine.hpp"
#include "firmware/PrometheusText.hpp"

namespace newsticker::firmware {

// True when `word` (argv[1]) names one of the commands above.
bool isFleetCommand(const std::string& word);

// Parses one of the commands (argv[1] is its name) on top of `defaults`.
// Never exits or prints; a usage error is in `error`.
ParsedCommandLine parseFleetCommand(int argc, const char* const* argv, const Options& defaults);

// Asks the display running with `options.runtime_dir` (or the folder
// findRuntimeDirectory finds) for a screen capture: reads its pid file, sends
// SIGUSR1 and waits up to `timeout` seconds for screen.png to be written
// anew. Prints the PNG's path on stdout and returns 0; 1 after one line on
// stderr when no display runs there, it cannot be signalled, or no capture came.
int runScreenCaptureCommand(const Options& options, double timeout = 5);

// The metric files of one board, read from its metrics folder.
struct BoardMetrics {
  std::vector<MetricFamily> display, sync, fetch;  // empty when the file is absent
  bool has_display = false, has_sync = false, has_fetch = false;
  double display_written = 0;  // the display file's mtime (Unix time)
};

// Reads newsticker.prom, newsticker-sync.prom and newsticker-fetch.prom from
// `folder` with the format's rules checked (parseMetrics). False with
// `error` ("FILE: line N: reason") for the first file that breaks them.
bool readBoardMetrics(const std::string& folder, BoardMetrics& metrics, std::string& error);

// The metrics as lines for a person ("display:  on (schedule), ..."), with
// times in local time and how long ago they were at `now` (Unix time).
std::string formatStatus(const BoardMetrics& metrics, double now);

// `newsticker status`: prints formatStatus of options.metrics_dir to `out`.
// Returns 0; 1 when the display's file is missing (after printing the rest);
// 2 when a file breaks the format (one line on stderr).
int runStatusCommand(const Options& options, std::ostream& out);

}  // namespace newsticker::firmware
