// SPDX-License-Identifier: Apache-2.0
// The program's one logger: a line per event on stderr. Under systemd
// (JOURNAL_STREAM set) each line starts with its sd-daemon priority ("<3>"
// error, "<4>" warning, "<6>" info) so journald keeps the level; on a
// terminal it reads "newsticker: warning: ...".
#pragma once

#include <sstream>
#include <string>

namespace newsticker::firmware {

enum class LogLevel { Error = 3, Warning = 4, Info = 6 };

// The line `message` is written as, without the newline: control characters
// (a newline in a file name) are escaped so one event stays one line.
std::string logLine(LogLevel level, const std::string& message, bool for_journal);

// Writes `message` at `level` to stderr (thread-safe; never throws).
void logMessage(LogLevel level, const std::string& message);

// The parts streamed one after another into one string: logError(joined("x is ", 3)).
template <typename... Parts>
std::string joined(const Parts&... parts) {
  std::ostringstream out;
  (out << ... << parts);
  return out.str();
}

inline void logError(const std::string& message) { logMessage(LogLevel::Error, message); }
inline void logWarning(const std::string& message) { logMessage(LogLevel::Warning, message); }
inline void logInfo(const std::string& message) { logMessage(LogLevel::Info, message); }

}  // namespace newsticker::firmware
