// SPDX-License-Identifier: Apache-2.0
#include "firmware/Log.hpp"

#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "content/PrintableText.hpp"

namespace newsticker::firmware {

std::string logLine(LogLevel level, const std::string& message, bool for_journal) {
  std::string line;
  if (for_journal) {
    line = "<" + std::to_string(static_cast<int>(level)) + ">";
  } else {
    line = "newsticker: ";
    if (level == LogLevel::Error) line += "error: ";
    if (level == LogLevel::Warning) line += "warning: ";
  }
  return line + content::printableText(message);
}

void logMessage(LogLevel level, const std::string& message) {
  static const bool journal = std::getenv("JOURNAL_STREAM") != nullptr;
  static std::mutex mutex;
  const std::string line = logLine(level, message, journal) + "\n";
  std::lock_guard<std::mutex> lock(mutex);
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

}  // namespace newsticker::firmware
