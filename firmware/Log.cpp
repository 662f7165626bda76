#include "firmware/Log.hpp"

#include <cstdio>
#include <cstdlib>
#include <mutex>

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
  for (const char c : message) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == '\n') {
      line += "\\n";
    } else if (byte < 0x20 || byte == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
      line += escaped;
    } else {
      line += c;
    }
  }
  return line;
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
