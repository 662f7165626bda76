// SPDX-License-Identifier: Apache-2.0
#include "firmware/ScreenCapture.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "firmware/AtomicFile.hpp"
#include "firmware/Log.hpp"
#include "firmware/PngFile.hpp"
#include "render/Compositor.hpp"
#include "render/SdlHandles.hpp"

namespace newsticker::firmware {
namespace {

// The self-pipe from the SIGUSR1 handler to the listener thread.
int signal_pipe[2] = {-1, -1};
struct sigaction previous_action {};

void onCaptureSignal(int) {
  const int saved = errno;
  const char byte = 'c';
  if (signal_pipe[1] >= 0) (void)!::write(signal_pipe[1], &byte, 1);
  errno = saved;
}

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

double wallNow() { return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(); }

}  // namespace

std::string displayRuntimeDirectory() {
  const std::string systemd = environment("RUNTIME_DIRECTORY");
  if (!systemd.empty()) return systemd.substr(0, systemd.find(':'));
  const std::string user = environment("XDG_RUNTIME_DIR");
  if (user.empty()) return "";
  const std::string folder = user + "/newsticker";
  if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) return "";
  return folder;
}

std::string findRuntimeDirectory(const std::string& given) {
  if (!given.empty()) return given;
  const std::string systemd = environment("RUNTIME_DIRECTORY");
  if (!systemd.empty()) return systemd.substr(0, systemd.find(':'));
  const std::string user = environment("XDG_RUNTIME_DIR");
  std::error_code ec;
  if (!user.empty() && std::filesystem::exists(user + "/newsticker/newsticker.pid", ec)) return user + "/newsticker";
  return "/run/newsticker";
}

ScreenCapture::ScreenCapture(std::string folder, int rotation, RenderWorker& writer, bool listen)
    : path_(folder + "/screen.png"), rotation_(rotation), writer_(writer) {
  if (listen) this->listen();
}

ScreenCapture::~ScreenCapture() {
  if (!listening_) return;
  ::sigaction(SIGUSR1, &previous_action, nullptr);
  const char stop = 'q';
  (void)!::write(signal_pipe[1], &stop, 1);
  listener_.join();
  ::close(signal_pipe[0]);
  ::close(signal_pipe[1]);
  signal_pipe[0] = signal_pipe[1] = -1;
}

void ScreenCapture::listen() {
  if (signal_pipe[0] >= 0 || ::pipe2(signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
    logWarning("screen capture: cannot listen for SIGUSR1 (already listening, or no pipe)");
    return;
  }
  struct sigaction action {};
  action.sa_handler = onCaptureSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  ::sigaction(SIGUSR1, &action, &previous_action);
  listening_ = true;
  listener_ = std::thread([this] {
    for (;;) {
      pollfd p{signal_pipe[0], POLLIN, 0};
      if (::poll(&p, 1, -1) < 0 && errno != EINTR) return;
      char bytes[16];
      const ssize_t n = ::read(signal_pipe[0], bytes, sizeof bytes);
      for (ssize_t i = 0; i < n; ++i) {
        if (bytes[i] == 'q') return;
      }
      if (n > 0) request();
    }
  });
}

void ScreenCapture::request() {
  requested_.store(true);
  if (SDL_WasInit(SDL_INIT_EVENTS) != 0) {
    SDL_Event event{};
    event.type = SDL_USEREVENT;
    SDL_PushEvent(&event);
  }
}

void ScreenCapture::composed(SDL_Renderer& renderer) {
  requested_.store(false);
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(&renderer, &w, &h);
  render::SurfacePtr frame(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888));
  if (!frame || SDL_RenderReadPixels(&renderer, nullptr, SDL_PIXELFORMAT_RGB888, frame->pixels, frame->pitch) != 0) {
    logWarning(std::string("screen capture: cannot read the frame: ") + SDL_GetError());
    return;
  }
  auto shared = std::shared_ptr<SDL_Surface>(frame.release(), SDL_FreeSurface);
  const std::string path = path_;
  const int rotation = rotation_;
  std::atomic<double>* written = &last_written_;
  writer_.post(
      [shared, path, rotation, written]() -> RenderWorker::HandOver {
        // The panel's picture turned back, so the capture stands upright.
        render::SurfacePtr upright = rotation != 0 ? render::rotateSurface(*shared, (360 - rotation) % 360) : nullptr;
        std::vector<unsigned char> png;
        std::string error;
        if (!encodePng(upright ? *upright : *shared, png, error)) {
          logWarning("screen capture: cannot encode the PNG: " + error);
          return {};
        }
        const AtomicWrite result = writeFileAtomically(
            path, std::string_view(reinterpret_cast<const char*>(png.data()), png.size()), error, 0644);
        if (result == AtomicWrite::Failed) {
          logWarning("screen capture: " + error);
          return {};
        }
        // The same picture again still counts as a new capture for whoever waits on the file.
        if (result == AtomicWrite::Unchanged) ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);
        written->store(wallNow());
        logInfo("screen capture written to " + path);
        return {};
      },
      "writing the screen capture");
}

void CapturingScreen::present(const std::vector<render::Rect>& dirty) {
  if (capture_.pending() && dirty.empty()) {
    capture_.composed(screen_.renderer());
    exposed_ = false;
  }
  screen_.present(dirty);
}

std::vector<ScreenEvent> CapturingScreen::waitUntil(double deadline) {
  if (capture_.pending() && !exposed_) {
    exposed_ = true;
    return {ScreenEvent::Exposed};  // draw the whole frame now; the capture takes it
  }
  std::vector<ScreenEvent> events = screen_.waitUntil(deadline);
  if (capture_.pending() && !exposed_ && events.empty()) {
    exposed_ = true;
    events.push_back(ScreenEvent::Exposed);
  }
  return events;
}

}  // namespace newsticker::firmware
