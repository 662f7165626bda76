// SPDX-License-Identifier: Apache-2.0
// What a running display offers an operator besides the picture: the screen
// capture (SIGUSR1, `newsticker screen-capture`), the Prometheus metrics file
// (newsticker.prom in metrics_dir), the pid file in the runtime folder, and
// the TV's power over HDMI-CEC at the schedule's on and off times. Slow work
// (PNG encoding, file writes, CEC transmits) runs on a thread of its own;
// the loop only hands it over. The loop calls frameShown() and wake().
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>

#include "firmware/CommandLine.hpp"
#include "firmware/ContentSession.hpp"
#include "firmware/DisplayPower.hpp"
#include "firmware/RenderWorker.hpp"
#include "firmware/SceneLoop.hpp"
#include "firmware/ScreenCapture.hpp"
#include "firmware/ServiceMetrics.hpp"

namespace newsticker::firmware {

class DisplayServices {
 public:
  // For a display of `options` showing `content` first on `screen` (borrowed).
  // `threaded` false does the slow work inline (tests). With `listen`,
  // SIGUSR1 asks for a capture. Writes the pid file; a missing runtime or
  // metrics folder is logged once and that part stays off.
  DisplayServices(const Options& options, const ContentSession& content, Screen& screen, std::string version,
                  bool threaded = true, bool listen = true);
  // Writes the metrics one last time and removes the pid file.
  ~DisplayServices();
  DisplayServices(const DisplayServices&) = delete;
  DisplayServices& operator=(const DisplayServices&) = delete;

  // The screen to give the loop: `screen` with the capture in between.
  Screen& screen() { return capturing_ ? static_cast<Screen&>(*capturing_) : screen_; }
  // Null when there is no runtime folder.
  ScreenCapture* capture() { return capture_.get(); }

  // A content load finished (any thread): its rejected files count.
  void contentLoaded(const ContentSession& content);
  // After each present (loop thread): counts frames, follows the card and
  // the schedule (CEC at each change), writes the metrics when they change.
  void frameShown(const SceneFrame& frame);
  // At each wake-up (loop thread, `now` on the loop's clock): hands over
  // finished work and writes the metrics every 30 s; returns when it next
  // needs a wake-up.
  double wake(double now);

  const DisplayState& state() const { return state_; }

 private:
  void writeMetrics();

  Screen& screen_;
  std::string metrics_dir_;
  std::string pid_file_;
  RenderWorker worker_;
  std::unique_ptr<ScreenCapture> capture_;
  std::unique_ptr<CapturingScreen> capturing_;
  DisplayPower power_;
  DisplayState state_;
  std::atomic<std::size_t> rejected_{0};
  bool first_frame_ = true;
  double last_moving_ = -1;  // loop time of the last animation frame; -1: none right before
  double interval_ = 1.0 / 60;
  double last_write_ = -1e9;  // loop time of the last metrics write
  double now_ = 0;            // the loop's time at the last call
  bool write_due_ = true;
  std::string metrics_error_;  // the last write's failure (worker thread only)
};

}  // namespace newsticker::firmware
