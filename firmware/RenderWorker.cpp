// SPDX-License-Identifier: Apache-2.0
#include "firmware/RenderWorker.hpp"
#include "firmware/Log.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <exception>

#include "render/DecodeDeadline.hpp"

namespace newsticker::firmware {
namespace {

RenderWorker::HandOver runGuarded(const RenderWorker::Work& work, const std::string& what_for) {
  try {
    return work();
  } catch (const std::exception& error) {
    logWarning(joined(what_for, ": ", error.what()));
  } catch (...) {
    logWarning(joined(what_for, ": unknown error"));
  }
  return {};
}

}  // namespace

RenderWorker::RenderWorker(bool threaded, std::function<void()> wake) : threaded_(threaded), wake_(std::move(wake)) {
  if (threaded_) thread_ = std::thread([this] { run(); });
}

RenderWorker::~RenderWorker() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    queued_.clear();
  }
  cancel_decodes_.store(true);
  render::cancelDecodeWaits();
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void RenderWorker::post(Work work, std::string what_for) {
  if (!threaded_) {
    HandOver done = runGuarded(work, what_for);
    if (done) finished_.push_back(std::move(done));
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queued_.push_back(Job{std::move(work), std::move(what_for)});
  }
  changed_.notify_all();
}

void RenderWorker::run() {
  // Below the display thread: a frame due while a card is being prepared
  // gets the CPU first (Linux applies nice per thread).
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
  const render::DecodeCancelScope cancel(cancel_decodes_);
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return stopping_ || !queued_.empty(); });
    if (stopping_) return;
    Job job = std::move(queued_.front());
    queued_.pop_front();
    ++running_;
    running_since_ = std::chrono::steady_clock::now();
    lock.unlock();
    HandOver done = runGuarded(job.work, job.what_for);
    lock.lock();
    --running_;
    if (done) finished_.push_back(std::move(done));
    changed_.notify_all();
    if (wake_) {
      lock.unlock();
      wake_();
      lock.lock();
    }
  }
}

void RenderWorker::collect() {
  std::deque<HandOver> ready;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ready.swap(finished_);
  }
  for (HandOver& done : ready) done();
}

void RenderWorker::waitIdle() {
  if (!threaded_) return;
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return stopping_ || (queued_.empty() && running_ == 0); });
}

void RenderWorker::waitForResult() {
  if (!threaded_) return;
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return stopping_ || !finished_.empty() || (queued_.empty() && running_ == 0); });
}

void RenderWorker::dropQueued() {
  std::lock_guard<std::mutex> lock(mutex_);
  queued_.clear();
}

std::size_t RenderWorker::busy() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queued_.size() + running_;
}

}  // namespace newsticker::firmware

namespace newsticker::firmware {

double RenderWorker::runningSeconds() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (running_ == 0) return 0;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - running_since_).count();
}

}  // namespace newsticker::firmware
