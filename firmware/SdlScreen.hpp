// SPDX-License-Identifier: Apache-2.0
// The real screen: a full-screen SDL window (or --windowed) and its renderer.
#pragma once

#include <memory>
#include <string>

#include "firmware/Clock.hpp"
#include "firmware/SceneSettings.hpp"
#include "firmware/Screen.hpp"
#include "render/SdlHandles.hpp"

namespace newsticker::firmware {

struct WindowRequest {
  bool windowed = false;
  int width = 0, height = 0;  // 0: the display's size (1280x720 windowed)
  RendererChoice renderer = RendererChoice::Auto;
  std::string mode;  // "1920x1080@60": a video mode for full screen; empty: the display's own
};

class SdlScreen final : public Screen {
 public:
  // Opens the window on the display SDL picked. Full screen covers the whole
  // display, with or without a window manager. Throws std::runtime_error with
  // SDL's reason when no window or renderer can be made. SDL must be running;
  // set the framebuffer hint before SDL_Init for the software path (see
  // chooseSoftwareRendering).
  SdlScreen(const WindowRequest& request, const Clock& clock);

  SDL_Renderer& renderer() override { return *renderer_; }
  void outputSize(int& width, int& height) override;
  bool vsync() const override { return vsync_; }
  double frameInterval() const override { return frame_interval_; }
  void present(const std::vector<render::Rect>& dirty) override;
  std::vector<ScreenEvent> waitUntil(double deadline) override;
  // DPMS through the DRM device on KMS/DRM (firmware/KmsDisplay); false and
  // one log line elsewhere or when the connector refuses.
  bool setDisplayPower(bool on) override;

  // "software" or the GL/GLES renderer's name, for the log.
  std::string rendererName() const { return renderer_name_; }

 private:
  const Clock& clock_;
  render::WindowPtr window_;
  render::RendererPtr renderer_;
  bool software_ = false;
  bool vsync_ = false;
  bool fullscreen_ = true;
  double frame_interval_ = 1.0 / 60;
  std::string renderer_name_;
  int desktop_w_ = 0, desktop_h_ = 0;
  bool power_warned_ = false;
};

// Whether `choice` means SDL's software renderer on this machine: Auto picks
// it unless a GPU is there to use (a DRM render node that opens, or the
// KMSDRM driver), since a software OpenGL (Mesa llvmpipe) costs far more
// than it gives. Reads no GL state; cheap.
bool chooseSoftwareRendering(RendererChoice choice);

// "1920x1080@60" or "1280x720" into `mode` (refresh 0: any); false when it
// is not a size from 64 to 8192 with an optional rate.
bool parseDisplayMode(const std::string& text, SDL_DisplayMode& mode);

}  // namespace newsticker::firmware
