// SPDX-License-Identifier: Apache-2.0
#include "firmware/KmsDisplay.hpp"

#include <SDL_syswm.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace newsticker::firmware {

namespace {

bool environmentSet(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

// The connector's property called `name`, or 0.
uint32_t propertyId(int fd, uint32_t connector, const char* name) {
  drmModeObjectProperties* props = drmModeObjectGetProperties(fd, connector, DRM_MODE_OBJECT_CONNECTOR);
  if (props == nullptr) return 0;
  uint32_t id = 0;
  for (uint32_t i = 0; i < props->count_props && id == 0; ++i) {
    drmModePropertyRes* prop = drmModeGetProperty(fd, props->props[i]);
    if (prop != nullptr && std::strcmp(prop->name, name) == 0) id = prop->prop_id;
    drmModeFreeProperty(prop);
  }
  drmModeFreeObjectProperties(props);
  return id;
}

}  // namespace

bool drawsThroughKms(const std::string& video_driver) {
  std::string driver = video_driver;
  if (driver.empty() && environmentSet("SDL_VIDEODRIVER")) driver = std::getenv("SDL_VIDEODRIVER");
  if (!driver.empty()) return driver == "kmsdrm";
  return !environmentSet("DISPLAY") && !environmentSet("WAYLAND_DISPLAY");
}

bool writableExecutableDenied() {
  void* page = mmap(nullptr, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (page == MAP_FAILED) return true;
  munmap(page, 4096);
  return false;
}

bool drmDeviceDeniedBySandbox() {
  std::error_code ec;
  for (std::filesystem::directory_iterator it("/dev/dri", ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().rfind("card", 0) != 0) continue;
    const int fd = open(it->path().c_str(), O_RDWR | O_CLOEXEC);
    if (fd >= 0) {
      close(fd);
      return false;
    }
    if (errno == EPERM) return true;
  }
  return false;
}

std::vector<std::string> prepareKmsBackend(bool software_renderer) {
  std::vector<std::string> lines;
  if (!environmentSet("SDL_RENDER_DRIVER")) {
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
    lines.emplace_back("KMS/DRM: SDL's GLES2 renderer");
  }
  // The software renderer's window surface is a texture of a GL renderer on
  // KMSDRM (the driver has no framebuffer of its own): GLES2 there too. Set
  // for `auto` as well, which turns to software on a CPU-rasterised GL.
  SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "opengles2");
  if (software_renderer) lines.emplace_back("KMS/DRM: SDL's software renderer, shown through GLES2");
  if (!environmentSet("GALLIUM_DRIVER") && writableExecutableDenied()) {
    setenv("GALLIUM_DRIVER", "softpipe", 1);
    lines.emplace_back(
        "KMS/DRM: memory is never writable and executable here (MemoryDenyWriteExecute): "
        "a software GL runs as Mesa's softpipe, without a JIT");
  }
  return lines;
}

std::string glRendererString(SDL_Renderer& renderer) {
  SDL_RendererInfo info{};
  if (SDL_GetRendererInfo(&renderer, &info) != 0 || info.name == nullptr) return {};
  if (std::strncmp(info.name, "opengl", 6) != 0) return {};
  // SDL's GL renderers make their context current on the calling thread.
  SDL_RenderFlush(&renderer);
  using GetString = const unsigned char* (*)(unsigned int);
  auto get = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
  if (get == nullptr || SDL_GL_GetCurrentContext() == nullptr) return {};
  const unsigned char* text = get(0x1F01 /* GL_RENDERER */);
  return text != nullptr ? reinterpret_cast<const char*>(text) : "";
}

bool isSoftwareGl(const std::string& gl_renderer) {
  for (const char* name : {"llvmpipe", "softpipe", "Software Rasterizer", "swrast"}) {
    if (gl_renderer.find(name) != std::string::npos) return true;
  }
  return false;
}

bool setKmsPower(SDL_Window& window, bool on, std::string& error) {
  SDL_SysWMinfo wm;
  SDL_VERSION(&wm.version);
  if (SDL_GetWindowWMInfo(&window, &wm) != SDL_TRUE || wm.subsystem != SDL_SYSWM_KMSDRM) {
    error = "not a KMS/DRM display";
    return false;
  }
  const int fd = wm.info.kmsdrm.drm_fd;
  drmModeRes* resources = drmModeGetResources(fd);
  if (resources == nullptr) {
    error = std::string("cannot read the DRM device: ") + std::strerror(errno);
    return false;
  }
  int switched = 0;
  error = "no connected display with a DPMS property";
  for (int i = 0; i < resources->count_connectors; ++i) {
    drmModeConnector* connector = drmModeGetConnector(fd, resources->connectors[i]);
    if (connector == nullptr) continue;
    const uint32_t dpms = connector->connection == DRM_MODE_CONNECTED && connector->encoder_id != 0
                              ? propertyId(fd, connector->connector_id, "DPMS")
                              : 0;
    if (dpms != 0) {
      const int rc =
          drmModeConnectorSetProperty(fd, connector->connector_id, dpms, on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF);
      if (rc == 0) ++switched;
      else error = std::string("DPMS: ") + std::strerror(-rc > 0 ? -rc : errno);
    }
    drmModeFreeConnector(connector);
  }
  drmModeFreeResources(resources);
  return switched > 0;
}

}  // namespace newsticker::firmware
