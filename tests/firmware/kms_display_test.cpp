// SPDX-License-Identifier: Apache-2.0
// The board's display path without a board: which flavour of GL SDL is asked
// for, what counts as a CPU-rasterised GL, the W^X probe that chooses Mesa's
// softpipe, and the environment that means KMS/DRM. tests/system/board-test
// checks the same on a real KMS/DRM device in a virtual machine.
#include <doctest/doctest.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "firmware/KmsDisplay.hpp"

using namespace newsticker::firmware;

namespace {

// Sets `name` to `value` (nullptr: unset) for the scope, then puts it back.
struct ScopedEnv {
  std::string name, old;
  bool had;
  ScopedEnv(const char* n, const char* value) : name(n), had(std::getenv(n) != nullptr) {
    if (had) old = std::getenv(n);
    if (value != nullptr) setenv(n, value, 1);
    else unsetenv(n);
  }
  ~ScopedEnv() {
    if (had) setenv(name.c_str(), old.c_str(), 1);
    else unsetenv(name.c_str());
  }
};

}  // namespace

TEST_CASE("KMS/DRM is what SDL uses when it is named, or when no X11 or Wayland display is there") {
  const ScopedEnv x("DISPLAY", nullptr), w("WAYLAND_DISPLAY", nullptr), v("SDL_VIDEODRIVER", nullptr);
  CHECK(drawsThroughKms(""));
  CHECK(drawsThroughKms("kmsdrm"));
  CHECK_FALSE(drawsThroughKms("dummy"));
  CHECK_FALSE(drawsThroughKms("offscreen"));
  {
    const ScopedEnv display("DISPLAY", ":0");
    CHECK_FALSE(drawsThroughKms(""));
    CHECK(drawsThroughKms("kmsdrm"));
  }
  {
    const ScopedEnv wayland("WAYLAND_DISPLAY", "wayland-0");
    CHECK_FALSE(drawsThroughKms(""));
  }
  const ScopedEnv unit("SDL_VIDEODRIVER", "kmsdrm");  // as newsticker.service sets it
  CHECK(drawsThroughKms(""));
}

TEST_CASE("Mesa's CPU rasterisers are software GL; a GPU driver's name is not") {
  CHECK(isSoftwareGl("llvmpipe (LLVM 15.0.6, 256 bits)"));
  CHECK(isSoftwareGl("softpipe"));
  CHECK(isSoftwareGl("Software Rasterizer"));
  CHECK_FALSE(isSoftwareGl("V3D 4.2"));
  CHECK_FALSE(isSoftwareGl("VC4 V3D 2.1"));
  CHECK_FALSE(isSoftwareGl("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  CHECK_FALSE(isSoftwareGl(""));
}

TEST_CASE("the W^X probe sees a process that may not map writable and executable memory") {
  CHECK_FALSE(writableExecutableDenied());  // this test process may
  // A child under the kernel's own memory-deny-write-execute (what systemd's
  // MemoryDenyWriteExecute=yes enforces with seccomp): the probe must say so.
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    if (prctl(65 /* PR_SET_MDWE */, 1 /* PR_MDWE_REFUSE_EXEC_GAIN */, 0, 0, 0) != 0) _exit(2);
    _exit(writableExecutableDenied() ? 0 : 1);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  if (WEXITSTATUS(status) == 2) {
    MESSAGE("this kernel has no PR_SET_MDWE (Linux < 6.3): the denied case is checked by tests/system/board-test");
    return;
  }
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("before SDL starts on KMS/DRM: GLES2 is asked for, and softpipe only where W^X is enforced") {
  // ctest's own SDL_FRAMEBUFFER_ACCELERATION=0 would win over the hint, as an operator's would.
  const ScopedEnv render("SDL_RENDER_DRIVER", nullptr), gallium("GALLIUM_DRIVER", nullptr),
      surface("SDL_FRAMEBUFFER_ACCELERATION", nullptr);
  const std::vector<std::string> lines = prepareKmsBackend(false);
  CHECK(std::string(SDL_GetHint(SDL_HINT_RENDER_DRIVER)) == "opengles2");
  CHECK(std::string(SDL_GetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION)) == "opengles2");
  CHECK(std::getenv("GALLIUM_DRIVER") == nullptr);  // this process may JIT: llvmpipe stays
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find("GLES2") != std::string::npos);
  SDL_ResetHints();
}

TEST_CASE("an operator's SDL_RENDER_DRIVER wins over the GLES2 choice") {
  const ScopedEnv render("SDL_RENDER_DRIVER", "opengl"), gallium("GALLIUM_DRIVER", nullptr);
  SDL_ResetHints();
  prepareKmsBackend(false);
  CHECK(SDL_GetHint(SDL_HINT_RENDER_DRIVER) == std::string("opengl"));  // SDL reads the variable itself
  SDL_ResetHints();
}

TEST_CASE("display power: a window that is not on KMS/DRM says so and changes nothing") {
  REQUIRE(SDL_InitSubSystem(SDL_INIT_VIDEO) == 0);
  SDL_Window* window = SDL_CreateWindow("t", 0, 0, 64, 64, SDL_WINDOW_HIDDEN);
  REQUIRE(window != nullptr);
  std::string error;
  CHECK_FALSE(setKmsPower(*window, false, error));
  CHECK(error == "not a KMS/DRM display");
  SDL_DestroyWindow(window);
  SDL_QuitSubSystem(SDL_INIT_VIDEO);
}
