// SPDX-License-Identifier: Apache-2.0
#include "firmware/DisplayPower.hpp"

namespace newsticker::firmware {

DisplayPower::DisplayPower(bool cec, std::string device, Opener open, LogSink log)
    : cec_(cec), device_(std::move(device)), open_(std::move(open)), log_(std::move(log)) {
  if (!log_) log_ = logMessage;
}

void DisplayPower::report(LogLevel level, const std::string& message) {
  if (level != LogLevel::Info) {
    if (message == last_problem_) return;  // once, until something else happens
    last_problem_ = message;
  } else {
    last_problem_.clear();
  }
  log_(level, message);
}

void DisplayPower::screenTurned(bool on) {
  if (!cec_) return;
  if (!adapter_) {
    std::string error;
    std::unique_ptr<CecIo> io = open_(device_, error);
    if (!io) {
      report(LogLevel::Warning, "CEC: no adapter answers at " + device_ + " (" + error +
                                    "); the schedule only blanks the picture and the TV stays on "
                                    "(display: {cec: false} stops trying)");
      return;
    }
    adapter_ = std::make_unique<CecAdapter>(std::move(io), device_);
  }
  std::string error;
  const bool sent = on ? adapter_->wake(error) : adapter_->standby(error);
  if (!sent) {
    adapter_.reset();  // opened and prepared afresh next time
    report(LogLevel::Warning,
           "CEC: " + error +
               (on ? "; the picture is back, the TV may still be off" : "; the picture is blanked, the TV stays on"));
    return;
  }
  report(LogLevel::Info, on ? "CEC: TV woken (Image View On) and this board made its active source (" + device_ + ")"
                            : "CEC: TV sent to standby (" + device_ + ")");
}

}  // namespace newsticker::firmware
