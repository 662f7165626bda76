// SPDX-License-Identifier: Apache-2.0
// What is on screen now, as a PNG: on SIGUSR1 (or `newsticker
// screen-capture`, which sends it), the display composes its next frame in
// full, reads it back from its own renderer just before presenting it
// (SDL_RenderReadPixels: the same on KMSDRM, X11, Wayland and headless), and
// a worker thread encodes and writes it to <runtime folder>/screen.png
// atomically. The frame on screen is not changed or delayed beyond the read.
#pragma once

#include <SDL.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "firmware/RenderWorker.hpp"
#include "firmware/Screen.hpp"

namespace newsticker::firmware {

// The display's runtime folder: $RUNTIME_DIRECTORY (systemd's
// RuntimeDirectory=newsticker, /run/newsticker; the first of a list), else
// $XDG_RUNTIME_DIR/newsticker (created, mode 0700); "" when neither is set
// or the folder cannot be made.
std::string displayRuntimeDirectory();

// Where a command finds the running display's folder: `given` when not
// empty, else $RUNTIME_DIRECTORY, else $XDG_RUNTIME_DIR/newsticker when a
// display left its pid file there, else /run/newsticker (the system unit's).
std::string findRuntimeDirectory(const std::string& given);

class ScreenCapture {
 public:
  // Captures go to `folder`/screen.png, turned back by `rotation` degrees so
  // the picture stands as viewers see the panel; `writer` encodes and writes
  // them (it must outlive this). With `listen`, SIGUSR1 asks for a capture
  // (one process-wide listener: a thread that wakes the loop); the previous
  // SIGUSR1 disposition comes back in the destructor.
  ScreenCapture(std::string folder, int rotation, RenderWorker& writer, bool listen);
  ~ScreenCapture();
  ScreenCapture(const ScreenCapture&) = delete;
  ScreenCapture& operator=(const ScreenCapture&) = delete;

  // Asks for the next full frame (any thread); wakes the loop with an SDL
  // user event when SDL's events are running.
  void request();
  // True while a request waits for its frame.
  bool pending() const { return requested_.load(); }

  // Reads the frame composed on `renderer` (call before presenting it) and
  // hands it to the writer. Failures are logged; the request is done either way.
  void composed(SDL_Renderer& renderer);

  // Unix time of the last capture written; 0 before the first.
  double lastWritten() const { return last_written_.load(); }
  const std::string& path() const { return path_; }

 private:
  void listen();

  std::string path_;
  int rotation_;
  RenderWorker& writer_;
  std::atomic<bool> requested_{false};
  std::atomic<double> last_written_{0};
  bool listening_ = false;
  std::thread listener_;
};

// A Screen that hands every full frame to a ScreenCapture that asked for
// one, and makes the loop compose such a frame soon after a request (it
// reports the picture as exposed: the loop draws it whole again). Everything
// else goes to the wrapped screen.
class CapturingScreen final : public Screen {
 public:
  // Borrows both; they must outlive this.
  CapturingScreen(Screen& screen, ScreenCapture& capture) : screen_(screen), capture_(capture) {}

  SDL_Renderer& renderer() override { return screen_.renderer(); }
  void outputSize(int& width, int& height) override { screen_.outputSize(width, height); }
  bool vsync() const override { return screen_.vsync(); }
  double frameInterval() const override { return screen_.frameInterval(); }
  void present(const std::vector<render::Rect>& dirty) override;
  std::vector<ScreenEvent> waitUntil(double deadline) override;
  bool setDisplayPower(bool on) override { return screen_.setDisplayPower(on); }

 private:
  Screen& screen_;
  ScreenCapture& capture_;
  bool exposed_ = false;  // the loop was told to draw the whole frame for the pending capture
};

}  // namespace newsticker::firmware
