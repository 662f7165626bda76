// SPDX-License-Identifier: Apache-2.0
// What the schedule's on and off times do to the TV: with `display: {cec:
// true}`, HDMI-CEC standby at the off time, and Image View On plus Active
// Source at the on time (and at startup, so a restarted board takes the TV's
// input back). Without CEC, or when no adapter answers, the screen is only
// blanked: the loop's black picture, on which an HDMI sink sleeps by itself.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "firmware/CecAdapter.hpp"
#include "firmware/Log.hpp"

namespace newsticker::firmware {

class DisplayPower {
 public:
  using Opener = std::function<std::unique_ptr<CecIo>(const std::string& path, std::string& error)>;
  using LogSink = std::function<void(LogLevel, const std::string&)>;

  // `cec` false: every call does nothing. `device` is the adapter
  // ("/dev/cec0"); `open` opens it (openCecDevice, or a test double); `log`
  // receives the log lines (logMessage when empty).
  DisplayPower(bool cec, std::string device, Opener open = openCecDevice, LogSink log = {});

  // The schedule turned the screen on (`on`) or off: sends the CEC messages.
  // Opens the adapter when it is not open (it may have appeared since). A
  // missing adapter or a TV that does not answer is logged, once for each
  // distinct reason, and leaves the black-picture blank in place. Blocks
  // while the bus transmits (up to about a second): call it off the display
  // thread. Never throws.
  void screenTurned(bool on);

  bool enabled() const { return cec_; }

 private:
  void report(LogLevel level, const std::string& message);

  bool cec_;
  std::string device_;
  Opener open_;
  LogSink log_;
  std::unique_ptr<CecAdapter> adapter_;
  std::string last_problem_;
};

}  // namespace newsticker::firmware
