// SPDX-License-Identifier: Apache-2.0
// screen-settle: when did the X screen first show what it finally shows?
//
// Grabs the root window of $DISPLAY every PERIOD ms for SECONDS seconds (MIT-SHM
// when the server has it, else XGetImage), keeping only a hash of each grab
// and the wall-clock instants (CLOCK_REALTIME) just before and after it. At the
// end the last grab is the settled picture, and it prints one line:
//
//   settle first_equal_unix=T settled_unix=T2 before_unix=T0 samples=N changes=K
//          grab_ms_p50=G period_ms=P
//
// first_equal_unix: midpoint of the first grab equal to the last one (the
// picture appeared between the previous grab and that one; the error is at
// most one period plus one grab). settled_unix: the same for the grab that
// starts the final unbroken run of equal grabs. before_unix: the end of the
// grab just before first_equal (so first_equal - before is the uncertainty).
// changes: how often consecutive grabs differed. Exit 1 when the screen never
// changed from the first grab (nothing appeared), 2 on usage or X errors.
//
// After the first grab it prints "ready" on stdout and flushes, so a caller
// can start the program under test only once grabbing is under way.
// Usage: screen-settle SECONDS [PERIOD_MS]
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <time.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

double realNow() {
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double monotonicNow() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// 64-bit hash of the visible pixels (padding bytes at row ends skipped).
std::uint64_t hashImage(const XImage* image) {
  std::uint64_t h = 1469598103934665603ull;
  const int row_bytes = image->width * (image->bits_per_pixel / 8);
  for (int y = 0; y < image->height; ++y) {
    const unsigned char* row = reinterpret_cast<const unsigned char*>(image->data) + y * image->bytes_per_line;
    int x = 0;
    for (; x + 8 <= row_bytes; x += 8) {
      std::uint64_t word;
      __builtin_memcpy(&word, row + x, 8);
      h = (h ^ word) * 0x100000001b3ull;
      h ^= h >> 29;
    }
    for (; x < row_bytes; ++x) h = (h ^ row[x]) * 0x100000001b3ull;
  }
  return h;
}

struct Sample {
  double start, end;  // wall clock around the grab
  std::uint64_t hash;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: screen-settle SECONDS [PERIOD_MS]\n");
    return 2;
  }
  const double seconds = std::atof(argv[1]);
  const double period = (argc > 2 ? std::atof(argv[2]) : 10.0) / 1000.0;
  if (seconds <= 0 || period <= 0) {
    std::fprintf(stderr, "screen-settle: SECONDS and PERIOD_MS must be positive\n");
    return 2;
  }
  Display* display = XOpenDisplay(nullptr);
  if (display == nullptr) {
    std::fprintf(stderr, "screen-settle: cannot open display %s\n",
                 std::getenv("DISPLAY") ? std::getenv("DISPLAY") : "(unset)");
    return 2;
  }
  const int screen = DefaultScreen(display);
  const Window root = RootWindow(display, screen);
  const int width = DisplayWidth(display, screen), height = DisplayHeight(display, screen);

  XShmSegmentInfo shm{};
  XImage* shm_image = nullptr;
  if (XShmQueryExtension(display)) {
    shm_image = XShmCreateImage(display, DefaultVisual(display, screen), DefaultDepth(display, screen), ZPixmap,
                                nullptr, &shm, width, height);
    if (shm_image != nullptr) {
      shm.shmid = shmget(IPC_PRIVATE, shm_image->bytes_per_line * shm_image->height, IPC_CREAT | 0600);
      shm.shmaddr = shm_image->data = static_cast<char*>(shmat(shm.shmid, nullptr, 0));
      shm.readOnly = False;
      if (shm.shmid < 0 || shm.shmaddr == reinterpret_cast<char*>(-1) || !XShmAttach(display, &shm)) {
        XDestroyImage(shm_image);
        shm_image = nullptr;
      }
      XSync(display, False);
      if (shm.shmid >= 0) shmctl(shm.shmid, IPC_RMID, nullptr);  // freed when both sides detach
    }
  }

  const auto grab = [&]() -> std::uint64_t {
    if (shm_image != nullptr) {
      XShmGetImage(display, root, shm_image, 0, 0, AllPlanes);
      return hashImage(shm_image);
    }
    XImage* image = XGetImage(display, root, 0, 0, width, height, AllPlanes, ZPixmap);
    if (image == nullptr) return 0;
    const std::uint64_t h = hashImage(image);
    XDestroyImage(image);
    return h;
  };

  std::vector<Sample> samples;
  samples.reserve(static_cast<std::size_t>(seconds / period) + 16);
  const double begin = monotonicNow();
  double next = begin;
  while (true) {
    Sample s{};
    s.start = realNow();
    s.hash = grab();
    s.end = realNow();
    samples.push_back(s);
    if (samples.size() == 1) {
      std::printf("ready\n");
      std::fflush(stdout);
    }
    next += period;
    const double now = monotonicNow();
    if (now - begin >= seconds) break;
    if (next > now) {
      const double wait = next - now;
      timespec ts{static_cast<time_t>(wait), static_cast<long>((wait - static_cast<time_t>(wait)) * 1e9)};
      nanosleep(&ts, nullptr);
    } else {
      next = now;  // a slow grab: do not try to catch up
    }
  }
  if (shm_image != nullptr) {
    XShmDetach(display, &shm);
    XDestroyImage(shm_image);
    shmdt(shm.shmaddr);
  }
  XCloseDisplay(display);

  const std::uint64_t last = samples.back().hash;
  std::size_t first_equal = samples.size() - 1, settled = samples.size() - 1;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    if (samples[i].hash == last) {
      first_equal = i;
      break;
    }
  }
  while (settled > 0 && samples[settled - 1].hash == last) --settled;
  long changes = 0;
  for (std::size_t i = 1; i < samples.size(); ++i) changes += samples[i].hash != samples[i - 1].hash;
  std::vector<double> grab_ms;
  for (const Sample& s : samples) grab_ms.push_back((s.end - s.start) * 1000.0);
  std::sort(grab_ms.begin(), grab_ms.end());

  const auto mid = [&](std::size_t i) { return (samples[i].start + samples[i].end) / 2; };
  const double before = first_equal > 0 ? samples[first_equal - 1].end : samples[0].start;
  std::printf(
      "settle first_equal_unix=%.6f settled_unix=%.6f before_unix=%.6f samples=%zu changes=%ld "
      "grab_ms_p50=%.2f period_ms=%.1f\n",
      mid(first_equal), mid(settled), before, samples.size(), changes, grab_ms[grab_ms.size() / 2], period * 1000.0);
  if (first_equal == 0) {
    std::fprintf(stderr, "screen-settle: the screen never changed in %.1f s\n", seconds);
    return 1;
  }
  return 0;
}
