// SPDX-License-Identifier: Apache-2.0
// What SDL's KMS/DRM driver needs on a board without a desktop: the GL flavour
// it draws with, a JIT-free software rasteriser under the unit's W^X sandbox,
// and the display's power (DPMS) through the DRM device SDL holds.
// See docs/ARCHITECTURE.md, "The display on a board".
#pragma once

#include <SDL.h>

#include <string>
#include <vector>

namespace newsticker::firmware {

// True when SDL will draw through KMS/DRM: `video_driver` (or SDL_VIDEODRIVER)
// is "kmsdrm", or neither names a driver and there is no X11 or Wayland
// display in the environment. Reads the environment only.
bool drawsThroughKms(const std::string& video_driver);

// True when this process may not map memory both writable and executable
// (systemd's MemoryDenyWriteExecute=yes): a JIT such as Mesa's llvmpipe would
// crash. Probes with one anonymous page mapping; never fails otherwise.
bool writableExecutableDenied();

// True when a DRM card device exists but opening it fails with EPERM: the
// device cgroup of a systemd unit (DeviceAllow=char-drm), resolved when the
// unit started, before the GPU driver had registered the device. Only a
// restart of the unit grants it.
bool drmDeviceDeniedBySandbox();

// Before SDL_Init on KMS/DRM: SDL's renderer and the software renderer's
// window surface both use GLES2 (SDL's desktop-GL renderer shows a black
// screen over KMSDRM on Mesa's software rasteriser), unless the operator set
// SDL_RENDER_DRIVER; and where W^X is enforced and GALLIUM_DRIVER is unset,
// Mesa's software path runs as softpipe, which needs no JIT (a hardware GPU
// driver such as V3D ignores it). Returns one log line per choice made.
std::vector<std::string> prepareKmsBackend(bool software_renderer);

// The GL_RENDERER text of an SDL OpenGL or GLES renderer ("V3D 4.2",
// "llvmpipe (LLVM 15.0.6, 256 bits)"); empty for other renderers or when GL
// cannot be asked.
std::string glRendererString(SDL_Renderer& renderer);

// True for a GL that rasterises on the CPU (Mesa's llvmpipe, softpipe, swrast):
// SDL's own software renderer composes faster and the GL only shows the result.
bool isSoftwareGl(const std::string& gl_renderer);

// Switches the display that `window` drives on or off through its DRM
// connector's DPMS property (the TV or monitor goes to standby), using the DRM
// device SDL's KMSDRM driver holds. Returns false with `error` set when the
// window is not a KMSDRM one or no connected connector has DPMS.
bool setKmsPower(SDL_Window& window, bool on, std::string& error);

}  // namespace newsticker::firmware
