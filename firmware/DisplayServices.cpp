// SPDX-License-Identifier: Apache-2.0
#include "firmware/DisplayServices.hpp"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "firmware/AtomicFile.hpp"
#include "firmware/Log.hpp"

namespace newsticker::firmware {
namespace {

constexpr double kMetricsPeriod = 30;  // seconds between writes while nothing changes
constexpr double kCardChangeGap = 5;   // a card change is written at most this often

double wallNow() { return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(); }

}  // namespace

DisplayServices::DisplayServices(const Options& options, const ContentSession& content, Screen& screen,
                                 std::string version, bool threaded, bool listen)
    : screen_(screen), metrics_dir_(options.metrics_dir), worker_(threaded, {}),
      power_(options.cec, options.cec_device) {
  state_.version = std::move(version);
  state_.started_at = wallNow();
  rejected_.store(content.feed.rejected_files);
  interval_ = screen.frameInterval();
  const std::string runtime = displayRuntimeDirectory();
  if (runtime.empty()) {
    logInfo("screen capture off: neither RUNTIME_DIRECTORY nor XDG_RUNTIME_DIR names a folder for screen.png");
  } else {
    capture_ = std::make_unique<ScreenCapture>(runtime, options.scene.rotation, worker_, listen);
    capturing_ = std::make_unique<CapturingScreen>(screen_, *capture_);
    pid_file_ = runtime + "/newsticker.pid";
    std::string error;
    if (writeFileAtomically(pid_file_, std::to_string(::getpid()) + "\n", error, 0644) == AtomicWrite::Failed) {
      logWarning("cannot write the pid file (newsticker screen-capture will not find this display): " + error);
      pid_file_.clear();
    }
  }
  if (metrics_dir_.empty()) return;
  std::error_code ec;
  if (!std::filesystem::is_directory(metrics_dir_, ec)) {
    logInfo("metrics off: " + metrics_dir_ +
            " does not exist (apt-get install prometheus-node-exporter, "
            "or metrics_dir: in the config)");
    metrics_dir_.clear();
  }
}

DisplayServices::~DisplayServices() {
  writeMetrics();
  worker_.waitIdle();
  worker_.collect();
  if (!pid_file_.empty()) {
    std::ifstream in(pid_file_);
    long pid = 0;
    if (in >> pid && pid == ::getpid()) ::unlink(pid_file_.c_str());
  }
}

void DisplayServices::contentLoaded(const ContentSession& content) { rejected_.store(content.feed.rejected_files); }

void DisplayServices::frameShown(const SceneFrame& frame) {
  now_ = frame.time;
  ++state_.frames;
  const bool moving = !frame.blank && (frame.cycle.transitioning() || frame.swapping || frame.crawl_offset >= 0);
  if (moving && last_moving_ >= 0 && frame.time - last_moving_ > 2 * interval_) ++state_.frames_late;
  last_moving_ = moving ? frame.time : -1;

  const bool on = !frame.blank;
  if (first_frame_ || on != state_.on) {
    // The TV follows the schedule; at startup the board takes its input back.
    DisplayPower* power = &power_;
    if (power_.enabled()) {
      worker_.post(
          [power, on]() -> RenderWorker::HandOver {
            power->screenTurned(on);
            return {};
          },
          "switching the TV over HDMI-CEC");
    }
    first_frame_ = false;
    write_due_ = true;
  }
  state_.on = on;
  state_.posts = frame.posts;
  state_.loaded_at = static_cast<double>(frame.loaded_at);
  if (on && state_.card != frame.place + 1) {
    state_.card = frame.place + 1;
    state_.card_file = frame.file;
    state_.card_title = frame.title;
    if (now_ - last_write_ >= kCardChangeGap) write_due_ = true;
  }
  if (write_due_) writeMetrics();
}

double DisplayServices::wake(double now) {
  now_ = now;
  worker_.collect();
  if (first_frame_) return INFINITY;  // the first frame writes the first metrics
  if (write_due_ || now - last_write_ >= kMetricsPeriod) writeMetrics();
  return last_write_ + kMetricsPeriod;
}

void DisplayServices::writeMetrics() {
  write_due_ = false;
  last_write_ = now_;
  if (metrics_dir_.empty()) return;
  state_.rejected = rejected_.load();
  state_.captured_at = capture_ ? capture_->lastWritten() : 0;
  const std::string folder = metrics_dir_;
  DisplayState state = state_;
  worker_.post(
      [this, folder, state]() mutable -> RenderWorker::HandOver {
        state.resident_bytes = residentMemoryBytes();
        std::string error;
        if (!writeMetricsFile(folder, kDisplayMetricsFile, displayMetrics(state), error)) {
          // Once per reason: a folder that is not writable stays so.
          if (error != metrics_error_) logWarning("metrics: " + error);
        }
        metrics_error_ = error;
        return {};
      },
      "writing the metrics");
}

}  // namespace newsticker::firmware
