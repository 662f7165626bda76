// SPDX-License-Identifier: Apache-2.0
// Runs slow rendering work (card layout and rasterisation, logos, the crawl,
// the header) off the display thread, one job at a time, and hands each
// result back to the loop between frames. Everything that touches the font
// cache runs here, so fonts are never used from two threads.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace newsticker::firmware {

class RenderWorker {
 public:
  // The work returns its hand-over: a function that runs on the loop's
  // thread in collect() (uploading textures, storing results).
  using HandOver = std::function<void()>;
  using Work = std::function<HandOver()>;

  // `threaded` false runs each job at once inside post() (tests, capture: the
  // result is then deterministic). `wake` is called from the worker after
  // each job so a sleeping loop wakes up (may be empty).
  RenderWorker(bool threaded, std::function<void()> wake);
  // Drops queued jobs and waits for the running one, whose image decodes
  // (render::decodeWithDeadline) are cancelled at once: a decode that never
  // ends is left behind, not waited for.
  ~RenderWorker();
  RenderWorker(const RenderWorker&) = delete;
  RenderWorker& operator=(const RenderWorker&) = delete;

  // Queues `work`. An exception it throws is caught and reported with
  // `what_for` on stderr once; its hand-over is then skipped.
  void post(Work work, std::string what_for);
  // Runs the hand-overs of finished jobs, in order. Never blocks on work.
  void collect();
  // Blocks until no job is queued or running (then collect() hands them over).
  void waitIdle();
  // Blocks until a finished job waits to be collected, or nothing is
  // queued or running.
  void waitForResult();
  // Drops the jobs that have not started.
  void dropQueued();
  // Jobs queued or running.
  std::size_t busy() const;
  // Seconds the job running now has been running (steady clock); 0 when
  // none runs. A job that goes on for long is stuck (the watchdog asks).
  double runningSeconds() const;

 private:
  void run();
  struct Job {
    Work work;
    std::string what_for;
  };

  bool threaded_;
  std::function<void()> wake_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Job> queued_;
  std::deque<HandOver> finished_;
  std::size_t running_ = 0;
  std::chrono::steady_clock::time_point running_since_;
  bool stopping_ = false;
  std::atomic<bool> cancel_decodes_{false};
  std::thread thread_;
};

}  // namespace newsticker::firmware
