// SPDX-License-Identifier: Apache-2.0
// Issue 27, item 1: a card worker stuck in a slow decode. The watchdog sees
// it (no pings once a job runs too long), and shutting down (SIGTERM ends
// the loop, then the worker) does not wait for the decode.
#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "content/MemoryTree.hpp"
#include "firmware/ProgressWatch.hpp"
#include "firmware/RenderWorker.hpp"
#include "render/LogoLoader.hpp"

using namespace newsticker;

namespace {

// 20 polylines of 1,000 points stroked 1e5 wide with round joins: seconds in
// nanosvg (one took 0.15 s on the 2-core CI machine; 20 leave a wide margin).
std::string slowSvg() {
  std::string list;
  for (int i = 1; i <= 1000; ++i) list += " " + std::to_string(i * 37 % 100) + "," + std::to_string(i * 91 % 100);
  std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>";
  for (int k = 0; k < 20; ++k) {
    svg += "<polyline points='" + list + "' stroke='black' stroke-width='1e5' stroke-linejoin='round' fill='none'/>";
  }
  return svg + "</svg>";
}

}  // namespace

TEST_CASE("a worker stuck in a slow decode is reported stuck, and its end does not wait for the decode") {
  content::MemoryTree tree("slow", {{"logos/slow.svg", slowSvg()}});
  // The work checks switched off so nanosvg gets the file, and a deadline
  // longer than the test: only the shutdown can end the wait.
  render::LogoLimits limits;
  limits.svg_work.max_stroke_ratio = 1e9;
  limits.svg_work.max_edges = limits.svg_work.max_scan_work = 1e18;
  limits.decode_seconds = 60;
  limits.max_svg_numbers = 1000000;
  auto worker = std::make_unique<firmware::RenderWorker>(true, nullptr);
  CHECK(worker->runningSeconds() == 0);
  std::string error;
  worker->post(
      [&]() -> firmware::RenderWorker::HandOver {
        render::loadLogo(tree, "logos/slow.svg", 120, 120, error, limits);
        return {};
      },
      "decoding a slow logo");
  // The job runs for 0.2 s at least (on a loaded machine the thread may
  // start late: wait for it, up to 20 s).
  const auto posted = std::chrono::steady_clock::now();
  while (worker->runningSeconds() <= 0.2 && std::chrono::steady_clock::now() - posted < std::chrono::seconds(20)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const double running = worker->runningSeconds();
  CHECK(running > 0.2);
  CHECK(firmware::stallReason(running, 0).empty());  // 15 s allowed by default
  firmware::ProgressLimits strict;
  strict.job_seconds = 0.1;
  CHECK(firmware::stallReason(running, 0, strict).rfind("card preparation has been running for ", 0) == 0);
  strict.runaway_seconds = 0.1;
  CHECK(firmware::stallReason(0, 0.5, strict).rfind("an image decode given up on has been running for ", 0) == 0);
  const auto start = std::chrono::steady_clock::now();
  worker.reset();
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(took < 0.2);
  CHECK(error == "not decoded: shutting down");
  MESSAGE("worker ended " << took * 1000 << " ms after it was asked to, its decode still running");
}
