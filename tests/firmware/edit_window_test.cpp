// SPDX-License-Identifier: Apache-2.0
// `newsticker edit FILE.md` on a real X server (Xvfb): an editor saves three
// versions of a post (a rename over it, as most editors save, and writes in
// place); after each save the window's frame, read back from the X server,
// shows what `newsticker --screenshot` renders for that version, within a
// quarter second; warnings are drawn under it; a version that does not parse
// shows the reason instead of the card. Built only with Xlib (libx11-dev).
#include <doctest/doctest.h>

#if defined(NEWSTICKER_HAVE_X11)

#include <SDL.h>
#include <SDL_image.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "ShellCommand.hpp"
#include "TestFolders.hpp"
#include "render/SdlHandles.hpp"

extern char** environ;

namespace fs = std::filesystem;
using SteadyClock = std::chrono::steady_clock;

namespace {

constexpr int kW = 640, kH = 360;

double since(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

// A child process with `extra_env` added, stdout (and stderr) to `out_file`; killed when it goes out of scope.
class Child {
 public:
  Child(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env, const std::string& out_file,
        int pass_fd = -1) {
    std::vector<std::string> env = extra_env;
    for (char** e = environ; *e != nullptr; ++e) {
      const std::string entry = *e;
      const bool given = entry.rfind("SDL_VIDEODRIVER=", 0) == 0 || entry.rfind("DISPLAY=", 0) == 0 ||
                         entry.rfind("LSAN_OPTIONS=", 0) == 0;
      if (!given) env.push_back(entry);
    }
    std::vector<char*> args, envp;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    for (std::string& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    if (pass_fd >= 0) posix_spawn_file_actions_adddup2(&actions, pass_fd, 5);
    REQUIRE(posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), envp.data()) == 0);
    posix_spawn_file_actions_destroy(&actions);
  }
  ~Child() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  // SIGTERM, then the exit status (-1 when it had to be killed).
  int stop() {
    kill(pid_, SIGTERM);
    for (int i = 0; i < 50; ++i) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
};

// An X server of its own (Xvfb picks a free display number and says which).
struct XServer {
  std::unique_ptr<Child> process;
  std::string display;
  explicit XServer(const fs::path& log) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    process = std::make_unique<Child>(std::vector<std::string>{"/usr/bin/Xvfb", "-displayfd", "5", "-screen", "0",
                                                               "1600x1000x24", "-nolisten", "tcp"},
                                      std::vector<std::string>{}, log.string(), fds[1]);
    close(fds[1]);
    char number[16] = {};
    const ssize_t n = read(fds[0], number, sizeof number - 1);
    close(fds[0]);
    REQUIRE(n > 0);
    display = ":" + std::string(number, static_cast<std::size_t>(n)).substr(0, std::strcspn(number, "\n"));
  }
};

// The window titled "newsticker edit: ...", or 0.
Window editWindow(Display* x) {
  Window root = 0, parent = 0, *children = nullptr;
  unsigned int count = 0;
  Window found = 0;
  if (XQueryTree(x, DefaultRootWindow(x), &root, &parent, &children, &count) == 0) return 0;
  for (unsigned int i = 0; i < count && found == 0; ++i) {
    char* name = nullptr;
    if (XFetchName(x, children[i], &name) != 0 && name != nullptr) {
      if (std::string(name).rfind("newsticker edit: ", 0) == 0) found = children[i];
      XFree(name);
    }
  }
  if (children != nullptr) XFree(children);
  return found;
}

struct Frame {
  int w = 0, h = 0;
  std::vector<std::uint32_t> rgb;  // 0xRRGGBB, row by row
  std::uint32_t at(int x, int y) const { return rgb[static_cast<std::size_t>(y) * w + x]; }
};

// What the X server shows in `window` now.
Frame grab(Display* x, Window window) {
  Frame frame;
  XWindowAttributes attributes{};
  if (XGetWindowAttributes(x, window, &attributes) == 0) return frame;
  XImage* image = XGetImage(x, window, 0, 0, attributes.width, attributes.height, AllPlanes, ZPixmap);
  if (image == nullptr) return frame;
  frame.w = attributes.width;
  frame.h = attributes.height;
  frame.rgb.resize(static_cast<std::size_t>(frame.w) * frame.h);
  for (int y = 0; y < frame.h; ++y) {
    for (int px = 0; px < frame.w; ++px) {
      frame.rgb[static_cast<std::size_t>(y) * frame.w + px] = XGetPixel(image, px, y) & 0xFFFFFF;
    }
  }
  XDestroyImage(image);
  return frame;
}

// card-001.png of `newsticker --screenshot` for a folder holding `post` as posts/notice.md.
Frame screenshotOf(const fs::path& dir, const std::string& name, const std::string& post, const fs::path& config) {
  const fs::path feed = dir / ("reference-" + name);
  fs::create_directories(feed / "posts");
  std::ofstream(feed / "feed.yaml") << "name: Lobby Desk\n";
  std::ofstream(feed / "posts" / "notice.md") << post;
  const fs::path out = dir / ("shots-" + name);
  const auto result =
      runCommand("'" + std::string(NEWSTICKER_BINARY) + "' --screenshot '" + out.string() + "' --content '" +
                 feed.string() + "' --size 640x360 --config '" + config.string() + "' 2>&1");
  const std::string& text = result.first;
  const int status = result.second;
  INFO(text);
  REQUIRE(status == 0);
  newsticker::render::SurfacePtr png(IMG_Load((out / "card-001.png").c_str()));
  REQUIRE(png);
  newsticker::render::SurfacePtr argb(SDL_ConvertSurfaceFormat(png.get(), SDL_PIXELFORMAT_ARGB8888, 0));
  Frame frame;
  frame.w = argb->w;
  frame.h = argb->h;
  for (int y = 0; y < frame.h; ++y) {
    const auto* row =
        reinterpret_cast<const std::uint32_t*>(static_cast<const std::uint8_t*>(argb->pixels) + y * argb->pitch);
    for (int px = 0; px < frame.w; ++px) frame.rgb.push_back(row[px] & 0xFFFFFF);
  }
  return frame;
}

// How many pixels of `expected` differ in `window`'s top left corner (every one when it is smaller).
long differences(const Frame& window, const Frame& expected) {
  if (window.w < expected.w || window.h < expected.h) return static_cast<long>(expected.rgb.size());
  long count = 0;
  for (int y = 0; y < expected.h; ++y) {
    for (int px = 0; px < expected.w; ++px) count += window.at(px, y) != expected.at(px, y);
  }
  return count;
}

// Polls the window until its top left shows `expected`; the seconds it took, or -1 after `timeout`.
double waitFor(Display* x, const Frame& expected, double timeout, SteadyClock::time_point from, Frame* last) {
  while (since(from) < timeout) {
    const Window window = editWindow(x);
    if (window != 0) {
      *last = grab(x, window);
      if (differences(*last, expected) == 0) return since(from);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return -1;
}

// Writes `frame` as NEWSTICKER_TEST_OUTPUT/`name`.png, to be looked at.
void keep(const Frame& frame, const std::string& name) {
  const char* folder = std::getenv("NEWSTICKER_TEST_OUTPUT");
  const fs::path out = folder != nullptr ? folder : fs::temp_directory_path() / "newsticker-test-output";
  fs::create_directories(out);
  newsticker::render::SurfacePtr surface(
      SDL_CreateRGBSurfaceWithFormat(0, frame.w, frame.h, 32, SDL_PIXELFORMAT_ARGB8888));
  if (!surface) return;
  for (int y = 0; y < frame.h; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(surface->pixels) + y * surface->pitch);
    for (int px = 0; px < frame.w; ++px) row[px] = 0xFF000000u | frame.at(px, y);
  }
  IMG_SavePNG(surface.get(), (out / (name + ".png")).c_str());
}

std::string readAll(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Amber pixels (the warnings' colour) in the window below the screen.
long amberBelow(const Frame& frame) {
  long count = 0;
  for (int y = kH; y < frame.h; ++y) {
    for (int px = 0; px < frame.w; ++px) {
      const std::uint32_t p = frame.at(px, y);
      count += (p >> 16) > 200 && ((p >> 8) & 0xFF) > 140 && (p & 0xFF) < 120;
    }
  }
  return count;
}

}  // namespace

TEST_CASE("newsticker edit under Xvfb: three saves, each frame is --screenshot's, warnings under it, parse errors") {
  REQUIRE(fs::exists("/usr/bin/Xvfb"));
  const fs::path dir = freshFolder("edit-window");
  fs::create_directories(dir / "my-feed" / "posts");
  const fs::path config = dir / "config.yaml";
  std::ofstream(config) << "clock: false\n";  // the header shows no time: both pictures are of the same minute
  std::ofstream(dir / "my-feed" / "feed.yaml") << "name: Lobby Desk\n";
  const std::vector<std::string> versions = {
      "---\ntitle: Winter hours at the front desk\nsource: Lobby Desk\n---\nThe desk closes at 18:00 until March.\n",
      "---\ntitle: Winter hours at the front desk, from Monday\nsource: Lobby Desk\ncolour: blue\n---\n"
      "The desk closes at 18:00 from Monday until the end of March.\n",
      "---\ntitle: Fire drill at 10:00\nsource: Lobby Desk\nurgent: true\n---\nLeave by the nearest stairs.\n"};
  std::vector<Frame> expected;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    expected.push_back(screenshotOf(dir, std::to_string(i + 1), versions[i], config));
  }
  const fs::path post = dir / "my-feed" / "posts" / "notice.md";
  std::ofstream(post) << versions[0];

  XServer server(dir / "xvfb.log");
  Display* x = nullptr;
  for (int i = 0; i < 100 && x == nullptr; ++i) {
    x = XOpenDisplay(server.display.c_str());
    if (x == nullptr) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  REQUIRE(x != nullptr);
  const fs::path out = dir / "edit.out";
  Child edit({NEWSTICKER_BINARY, "edit", post.string(), "--size", "640x360", "--config", config.string()},
             // Under LeakSanitizer the X11 client libraries SDL loads and unloads
             // leave blocks of unknown modules: leaks are checked in the other
             // tests, which run the same code without them.
             {"DISPLAY=" + server.display, "SDL_VIDEODRIVER=x11", "LSAN_OPTIONS=detect_leaks=0"}, out.string());
  Frame frame;
  const double first = waitFor(x, expected[0], 20.0, SteadyClock::now(), &frame);
  INFO(readAll(out));
  REQUIRE(first >= 0);
  CHECK(frame.h > kH);            // the notes under the screen
  CHECK(amberBelow(frame) == 0);  // no warning

  // Version 2: written to a new file and renamed over the post, as most editors save. It has an unknown key.
  {
    std::ofstream(dir / "my-feed" / "posts" / ".notice.md.swp") << versions[1];
    const auto saved = SteadyClock::now();
    fs::rename(dir / "my-feed" / "posts" / ".notice.md.swp", post);
    const double took = waitFor(x, expected[1], 5.0, saved, &frame);
    CHECK(took >= 0);
    CHECK(took < 0.25);
    MESSAGE("version 2 on screen " << took << " s after the save");
    keep(frame, "edit-window-warning");
    CHECK(amberBelow(frame) > 50);  // "unknown key 'colour' ignored", in amber
  }
  // Version 3: written in place. An urgent notice: its band is in --screenshot's picture too.
  {
    const auto saved = SteadyClock::now();
    std::ofstream(post, std::ios::trunc) << versions[2];
    const double took = waitFor(x, expected[2], 5.0, saved, &frame);
    CHECK(took >= 0);
    CHECK(took < 0.25);
    MESSAGE("version 3 on screen " << took << " s after the save");
    keep(frame, "edit-window-urgent");
  }
  // A save that does not parse: the reason instead of the card, and the window lives on.
  {
    std::ofstream(post, std::ios::trunc) << "---\ntitle: Half written\n";
    const auto saved = SteadyClock::now();
    bool shown = false;
    while (!shown && since(saved) < 5.0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      shown = readAll(out).find("notice.md does not parse: front matter is not closed") != std::string::npos;
    }
    CHECK(shown);
    frame = grab(x, editWindow(x));
    REQUIRE(frame.w >= kW);
    CHECK(differences(frame, expected[2]) > kW * kH / 2);
    CHECK(frame.at(4, 4) == 0x5C181C);  // the panel's dark red at its top
    keep(frame, "edit-window-parse-error");
  }
  // Fixed again: the card is back.
  {
    const auto saved = SteadyClock::now();
    std::ofstream(post, std::ios::trunc) << versions[0];
    CHECK(waitFor(x, expected[0], 5.0, saved, &frame) >= 0);
  }
  CHECK(edit.stop() == 0);
  const std::string printed = readAll(out);
  INFO(printed);
  CHECK(printed.find("drawn posts/notice.md: 0 warnings") != std::string::npos);
  CHECK(printed.find("redrawn posts/notice.md: 1 warning in ") != std::string::npos);
  XCloseDisplay(x);
  fs::remove_all(dir);
}

#endif  // NEWSTICKER_HAVE_X11
