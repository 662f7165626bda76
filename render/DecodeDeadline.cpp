// SPDX-License-Identifier: Apache-2.0
#include "render/DecodeDeadline.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

namespace newsticker::render {
namespace {

using SteadyClock = std::chrono::steady_clock;

// One decode's hand-over, shared by the waiter and the decoding thread.
struct Slot {
  bool done = false;
  bool abandoned = false;
  SurfacePtr surface;
  std::string error;
  SteadyClock::time_point started;
};

// Every decode's waiter and thread meet on this one mutex and condition.
std::mutex& lock() {
  static std::mutex mutex;
  return mutex;
}
std::condition_variable& changed() {
  static std::condition_variable cv;
  return cv;
}
// The runaways' start times, under lock(); a runaway removes its own entry.
std::multiset<SteadyClock::time_point>& runaways() {
  static std::multiset<SteadyClock::time_point> started;
  return started;
}

thread_local const std::atomic<bool>* t_cancel = nullptr;

std::string secondsText(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", seconds);
  return text;
}

}  // namespace

SurfacePtr decodeWithDeadline(const Decode& decode, double seconds, std::string& error, bool& timed_out,
                              std::size_t max_runaways) {
  timed_out = false;
  if (seconds <= 0) return decode(error);
  const auto slot = std::make_shared<Slot>();
  slot->started = SteadyClock::now();
  {
    std::lock_guard<std::mutex> guard(lock());
    if (runaways().size() >= max_runaways) {
      error = "not decoded: " + std::to_string(runaways().size()) +
              " earlier images are still decoding past their deadline";
      return nullptr;
    }
  }
  std::thread([slot, decode] {
    std::string why;
    SurfacePtr surface = decode(why);
    std::lock_guard<std::mutex> guard(lock());
    slot->surface = std::move(surface);
    slot->error = std::move(why);
    slot->done = true;
    if (slot->abandoned) runaways().erase(runaways().find(slot->started));
    changed().notify_all();
  }).detach();
  const std::atomic<bool>* cancel = t_cancel;
  const auto deadline =
      slot->started + std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(seconds));
  std::unique_lock<std::mutex> guard(lock());
  changed().wait_until(guard, deadline, [&] { return slot->done || (cancel != nullptr && cancel->load()); });
  if (slot->done) {
    error = std::move(slot->error);
    return std::move(slot->surface);
  }
  slot->abandoned = true;
  runaways().insert(slot->started);
  timed_out = true;
  error = cancel != nullptr && cancel->load() ? "not decoded: shutting down"
                                              : "took longer than " + secondsText(seconds) + " s to decode; not drawn";
  return nullptr;
}

std::size_t runawayDecodes() {
  std::lock_guard<std::mutex> guard(lock());
  return runaways().size();
}

double oldestRunawaySeconds() {
  std::lock_guard<std::mutex> guard(lock());
  if (runaways().empty()) return 0;
  return std::chrono::duration<double>(SteadyClock::now() - *runaways().begin()).count();
}

DecodeCancelScope::DecodeCancelScope(const std::atomic<bool>& cancel) { t_cancel = &cancel; }

DecodeCancelScope::~DecodeCancelScope() { t_cancel = nullptr; }

void cancelDecodeWaits() {
  std::lock_guard<std::mutex> guard(lock());
  changed().notify_all();
}

}  // namespace newsticker::render
