// SPDX-License-Identifier: Apache-2.0
// The render worker in process: jobs run off the calling thread one at a
// time, their hand-overs run on the caller in order, each finished job wakes
// the loop, a throwing job is reported and skipped, queued jobs can be
// dropped; unthreaded, a job runs inside post().
#include <doctest/doctest.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "TestFolders.hpp"
#include "firmware/RenderWorker.hpp"

using newsticker::firmware::RenderWorker;

namespace {

// What the code under test writes to stderr while `run` runs.
template <typename Run>
std::string stderrOf(Run run) {
  const std::filesystem::path path = freshFolder("worker-stderr");
  std::fflush(stderr);
  const int saved = dup(2);
  std::FILE* file = std::fopen(path.c_str(), "w");
  REQUIRE(file != nullptr);
  dup2(fileno(file), 2);
  run();
  std::fflush(stderr);
  dup2(saved, 2);
  close(saved);
  std::fclose(file);
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  return text;
}

}  // namespace

TEST_CASE("threaded: jobs run on the worker's thread, hand-overs on the caller's in order, each wakes the loop") {
  std::atomic<int> wakes{0};
  RenderWorker worker(true, [&] { ++wakes; });
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<int> handed;
  std::atomic<int> on_caller{0};
  for (int i = 0; i < 5; ++i) {
    worker.post(
        [&, i]() -> RenderWorker::HandOver {
          if (std::this_thread::get_id() == caller) ++on_caller;
          return [&, i] {
            CHECK(std::this_thread::get_id() == caller);
            handed.push_back(i);
          };
        },
        "job " + std::to_string(i));
  }
  worker.waitIdle();
  CHECK(worker.busy() == 0);
  CHECK(handed.empty());  // nothing is handed over before collect()
  worker.collect();
  CHECK(handed == std::vector<int>{0, 1, 2, 3, 4});
  CHECK(on_caller == 0);
  // The wake-up follows each hand-over being queued: the last may come just after waitIdle returns.
  for (int spins = 0; wakes < 5 && spins < 5000; ++spins) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  CHECK(wakes == 5);
}

TEST_CASE("threaded: waitForResult returns when one result is ready; dropQueued drops the jobs not started") {
  RenderWorker worker(true, {});
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::vector<int> handed;
  std::atomic<bool> started{false};
  worker.post(
      [&, gate]() -> RenderWorker::HandOver {
        started = true;
        gate.wait();
        return [&] { handed.push_back(0); };
      },
      "the running job");
  for (int i = 1; i <= 3; ++i) {
    worker.post([&, i]() -> RenderWorker::HandOver { return [&, i] { handed.push_back(i); }; }, "a queued job");
  }
  while (!started) std::this_thread::yield();
  CHECK(worker.busy() == 4);
  worker.dropQueued();
  CHECK(worker.busy() == 1);  // the running job stays
  release.set_value();
  worker.waitForResult();
  worker.collect();
  CHECK(handed == std::vector<int>{0});
  worker.waitIdle();
  CHECK(worker.busy() == 0);
}

TEST_CASE("a job that throws is reported with what it was for, and its hand-over is skipped") {
  RenderWorker worker(true, {});
  std::vector<int> handed;
  const std::string said = stderrOf([&] {
    worker.post([]() -> RenderWorker::HandOver { throw std::runtime_error("no memory for the card"); },
                "preparing card 3");
    worker.post([&]() -> RenderWorker::HandOver { return [&] { handed.push_back(2); }; }, "preparing card 4");
    worker.waitIdle();
    worker.collect();
  });
  CHECK(said.find("preparing card 3: no memory for the card") != std::string::npos);
  CHECK(handed == std::vector<int>{2});
}

TEST_CASE("unthreaded: a job runs inside post() and is handed over at the next collect") {
  int wakes = 0;
  RenderWorker worker(false, [&] { ++wakes; });
  bool ran = false, handed = false;
  worker.post(
      [&]() -> RenderWorker::HandOver {
        ran = true;
        return [&] { handed = true; };
      },
      "a job");
  CHECK(ran);
  CHECK_FALSE(handed);
  CHECK(worker.busy() == 0);
  worker.waitForResult();  // returns at once: nothing runs elsewhere
  worker.collect();
  CHECK(handed);
  CHECK(wakes == 0);  // the caller itself ran it: nobody sleeps
}
