// SPDX-License-Identifier: Apache-2.0
// 24 simulated hours on the fake clock with the crawl running and a reload
// every hour: memory stays flat and textures and fonts return to their count.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "firmware/Clock.hpp"
#include "firmware/ContentSession.hpp"
#include "firmware/RecordingScreen.hpp"
#include "firmware/SceneLoop.hpp"
#include "firmware/SdlRuntime.hpp"
#include "tests/render/RealFonts.hpp"

using namespace newsticker;
namespace fs = std::filesystem;

namespace {

// Under AddressSanitizer freed memory sits in its quarantine: RSS says
// nothing about leaks there (the sanitizer's own leak check does).
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kRssMeaningful = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kRssMeaningful = false;
#else
constexpr bool kRssMeaningful = true;
#endif
#else
constexpr bool kRssMeaningful = true;
#endif

long residentKiB() {
  long pages = 0, resident = 0;
  std::ifstream("/proc/self/statm") >> pages >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

}  // namespace

TEST_CASE("soak: 24 simulated hours, a reload every hour, RSS flat and no texture or font left behind") {
  firmware::SdlRuntime sdl("dummy");
  const fs::path dir = fs::temp_directory_path() / "newsticker-soak";
  fs::remove_all(dir);
  fs::create_directories(dir / "posts");
  for (int i = 1; i <= 6; ++i) {
    std::ofstream(dir / "posts" / ("2026-11-0" + std::to_string(i) + "-post.md"))
        << "---\ntitle: Soak post " << i << " 試験 テスト\ndate: 2026-11-0" << i << "\nurl: https://example.org/" << i
        << "\n---\nA summary that is long enough to wrap onto a second line.\n";
  }
  auto content = std::make_shared<firmware::ContentSession>(firmware::openContent(dir.string(), false));
  firmware::SceneSettings settings;
  settings.threaded = false;
  settings.hold_seconds = 60;
  settings.transition_seconds = 1;
  settings.clock.time_zone = "UTC";
  const double hours = 24;
  firmware::ManualClock clock(1795513290);
  firmware::RecordingScreen screen(clock, 480, 270, hours * 3600, 1);
  firmware::SceneLoop loop(screen, clock, realFonts(), content, settings);
  loop.reload = [&] { return std::make_shared<firmware::ContentSession>(firmware::openContent(dir.string(), false)); };
  int hour = 0, reloads = 0;
  long rss_warm = 0, rss_end = 0;
  std::size_t textures_warm = 0, fonts_warm = 0;
  loop.on_wake = [&](double now) {
    if (now >= (hour + 1) * 3600.0) {
      ++hour;
      ++reloads;
      loop.contentChanged(true);
      if (hour == 2) {  // after warm-up: the baseline
        rss_warm = residentKiB();
        textures_warm = loop.liveTextures();
        fonts_warm = realFonts().openFonts();
      }
    }
    return (hour + 1) * 3600.0;
  };
  std::size_t frames = 0;
  loop.on_frame = [&](const firmware::SceneFrame&) { ++frames; };
  CHECK(loop.run() == 0);
  rss_end = residentKiB();
  const std::size_t textures_end = loop.liveTextures();
  const std::size_t fonts_end = realFonts().openFonts();
  MESSAGE("soak: " << frames << " frames, " << reloads << " reloads; RSS " << rss_warm << " KiB after 2 h, " << rss_end
                   << " KiB after 24 h; textures " << textures_warm << " -> " << textures_end << "; fonts "
                   << fonts_warm << " -> " << fonts_end);
  std::printf("soak: RSS %ld KiB after 2 h, %ld KiB after 24 h (%+ld KiB); textures %zu -> %zu; fonts %zu -> %zu\n",
              rss_warm, rss_end, rss_end - rss_warm, textures_warm, textures_end, fonts_warm, fonts_end);
  CHECK(reloads >= 23);
  CHECK(frames > 24 * 3600 / 2);
  if (kRssMeaningful) CHECK(rss_end - rss_warm < 1024);
  CHECK(textures_end == textures_warm);
  CHECK(fonts_end <= fonts_warm);
  fs::remove_all(dir);
}
