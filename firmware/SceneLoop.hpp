// SPDX-License-Identifier: Apache-2.0
// The kiosk's main loop: a short list of named phases (reload requests,
// schedule, feed swap, prepare, hold for late cards, compose and present,
// sleep to the next deadline) run against a Screen and a Clock, both
// injected, so a test drives a whole cycle on a fake clock without sleeping.
// The cycle's time zero lives in a CycleTimeline, what each frame repaints in
// a Damage (docs/ARCHITECTURE.md, "The kiosk loop").
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "firmware/CardCycle.hpp"
#include "firmware/CardTransition.hpp"
#include "firmware/Clock.hpp"
#include "firmware/ContentSession.hpp"
#include "firmware/CyclePlanner.hpp"
#include "firmware/CycleTimeline.hpp"
#include "firmware/Damage.hpp"
#include "firmware/RenderWorker.hpp"
#include "firmware/SceneSettings.hpp"
#include "firmware/Screen.hpp"
#include "render/CardRenderer.hpp"
#include "render/ClockText.hpp"
#include "render/Compositor.hpp"
#include "render/CrawlStrip.hpp"
#include "render/FontCache.hpp"
#include "render/LineBreaker.hpp"
#include "render/ScreenLayout.hpp"
#include "render/Theme.hpp"

namespace newsticker::firmware {

// What one composed frame showed: for tests and recordings.
struct SceneFrame {
  double time = 0;        // the loop's clock at compose time
  CycleFrame cycle;       // slots of the cycle and the transition
  std::size_t card = 0;   // the current slot's post in the playlist
  std::size_t place = 0;  // its place in the cycle, from 0 (the header's "3" is place 2)
  bool full = true;       // the whole frame composed and presented (false: only the moving bands)
  bool blank = false;     // the screen is off (schedule): a black frame
  bool swapping = false;  // a transition from the previous feed's card to the new feed's first
  int crawl_offset = -1;  // strip pixels scrolled past the left edge; -1: no crawl
  int crawl_period = 0;
  std::size_t posts = 0;      // cards in the cycle (the header's "of 11")
  std::time_t loaded_at = 0;  // when the content shown was read
  std::string title;          // the current card's headline
  std::string file;           // and its post file
  std::string position;       // the header's "3 / 11"
  std::string time_text;      // the header's clock
  render::ProgressMarks progress;
};

using SharedContent = std::shared_ptr<const ContentSession>;

class SceneLoop {
 public:
  // Borrows the screen, clock and fonts; they must outlive the loop. SDL
  // (with SDL_ttf) must be running.
  SceneLoop(Screen& screen, Clock& clock, render::FontCache& fonts, SharedContent content, SceneSettings settings);
  ~SceneLoop();

  // Runs until the screen reports Quit; returns 0. Never throws for content.
  int run();

  // Called after each present with what was shown.
  std::function<void(const SceneFrame&)> on_frame;
  // Called at every wake-up with the clock's time; returns when it next
  // needs one (infinity: never). The watchdog lives here.
  std::function<double(double now)> on_wake;
  // Loads the content again (on a loader thread); null keeps what is shown.
  std::function<SharedContent()> reload;

  // Textures alive now (cards, the spare, header, crawl tiles, the outgoing
  // card): for tests that check nothing leaks.
  std::size_t liveTextures() const;
  // Seconds the card worker's running job has been running (0: idle).
  double workerRunningSeconds() const { return worker_.runningSeconds(); }

  // Asks for a reload from any thread: `immediately` (SIGHUP) or about a
  // second after the last of a burst of changes.
  void contentChanged(bool immediately);

  // The hold time of each card: `settings.hold_seconds`, else the post's, else 8 s.
  static std::vector<double> holdTimes(const SceneSettings& settings, const std::vector<content::Post>& posts);

 private:
  // The phases of one pass of run(), in order.
  void takeReloadRequests(double now);
  bool scheduleShows(double now);
  bool sleepWhileBlank(double now, double wake);
  void swapFeed(double now);
  void followPlan(double now);
  void prepare(double now);
  bool holdForLateCards(double now);
  void releaseOffScreen(const TimelineFrame& frame);
  bool composeAndPresent(const TimelineFrame& frame, double now);
  bool sleepUntilNextDeadline(double now, double wake, bool moving, bool waiting);

  // Lays the scene out for the output's size; everything is prepared anew.
  void layOut();
  // Drops the jobs queued and the results to come for the size or feed shown so far.
  void dropRequests();
  // Keeps the header on screen for card `current` until the new feed's is ready.
  void keepHeaderShown(std::size_t current);
  void startCycle();
  void startReload();
  void swapContent(std::size_t current, double now);
  // Where card `current` of the content shown is in the pending content
  // (matched by file); the pending playlist's size when it is not there.
  std::size_t placeInPending(std::size_t current) const;
  // Takes the pending feed (the whole feed after a first look, or a reload
  // that still holds the card on screen) in place of the one shown, keeping
  // card `current`'s texture and its place in its hold. The card must be
  // there (placeInPending).
  void continueContent(std::size_t current, double now);
  bool handleEvents(const std::vector<ScreenEvent>& events);
  void showBlank(double now);

  void requestCard(std::size_t index);
  void requestHeader(std::size_t index);
  void requestCrawl();
  void requestCrawlTile(int index);
  void uploadCrawlTile(int index, SDL_Surface& surface);
  render::HeaderContent headerFor(std::size_t index) const;
  // The header of card `index` at this minute (cached: ICU formatting); valid until the next call.
  const render::HeaderContent& headerOf(std::size_t index);
  void updateSchedule(double wall);

  // Compose: the scene's layers, within the scene rectangle `clip` (null: all of it).
  void drawScene(const TimelineFrame& frame, const render::ProgressMarks& marks, int offset, const render::Rect* clip);
  void drawCards(const TimelineFrame& frame);
  void drawHeader(std::size_t index);
  void drawCrawl(int offset);
  void drawProgress(const render::ProgressMarks& marks);
  int crawlOffset(double elapsed) const;
  bool cardReady(std::size_t slot) const { return card_textures_.count(timeline_.cycle().card(slot)) != 0; }
  bool headerReady(std::size_t index) const { return geometry_.header.h <= 0 || headers_.count(index) != 0; }
  void noteFrameWork(bool moving, int kind, double work_start);
  void reportFrame(const TimelineFrame& frame, double now, bool whole, int offset, const render::ProgressMarks& marks);
  void logFrameStats() const;
  void logOnce(const std::string& message);

  Screen& screen_;
  Clock& clock_;
  render::FontCache& fonts_;
  SharedContent content_;
  SceneSettings settings_;
  render::ScreenStyle style_;
  render::CardRenderer cards_;
  render::ClockText clock_text_;
  CyclePlanner planner_;    // which posts show in which slots, as the wall clock moves
  CycleTimeline timeline_;  // its slots on the loop's clock; card textures are kept by post (cycle().card(slot))
  Damage damage_{1};
  render::LineBreaker worker_breaker_;  // used by worker jobs only
  RenderWorker worker_;                 // cards, header, crawl: everything that uses fonts
  RenderWorker loader_;                 // content reloads

  std::unique_ptr<render::Compositor> compositor_;
  render::ScreenGeometry geometry_;
  render::CardSize card_size_;
  std::uint64_t generation_ = 0;  // bumped by dropRequests: results for an older size or feed are dropped
  std::map<std::size_t, render::TexturePtr> card_textures_;
  CardGrounds grounds_;                    // what a fade-through shows between two cards' texts
  render::TexturePtr spare_card_texture_;  // the last card that left, reused for the next one
  std::set<std::size_t> cards_requested_;
  // The headers of the card on screen and the next (each with the texts it
  // shows), so the position changes with the card; the header last shown
  // stays on screen until the new feed's is ready.
  struct PreparedHeader {
    std::string key;
    render::TexturePtr texture;  // null: shown as the plain band
  };
  std::map<std::size_t, PreparedHeader> headers_;
  std::map<std::size_t, std::string> header_requests_;  // card -> the texts being painted
  render::TexturePtr header_fallback_;
  std::shared_ptr<const render::CrawlLayout> crawl_layout_;  // the strip, laid out once per feed and size
  std::map<int, render::TexturePtr> crawl_tiles_;            // the tiles on screen and the next: painted as they come
  std::set<int> crawl_tiles_requested_;
  int crawl_period_ = 0;
  bool crawl_requested_ = false;
  bool redraw_ = true;
  std::set<std::string> logged_;

  // What the last passes did: the cycle frame last presented, the screen off
  // by the schedule (and the black frame shown), when the next animation frame is due.
  CycleFrame shown_{static_cast<std::size_t>(-1), static_cast<std::size_t>(-1)};
  bool blanked_ = false;
  bool black_shown_ = false;
  double frame_due_ = 0;

  // Reload: requests from other threads, the load in flight, the feed waiting to be swapped in.
  std::atomic<int> change_requests_{0};
  std::atomic<bool> forced_request_{false};
  double reload_due_ = -1;
  bool loading_ = false;
  SharedContent pending_;
  render::TexturePtr outgoing_;  // the previous feed's last card, during the swap

  // Worked out once per wall-clock minute (or card), not per frame: the
  // header's texts (ICU formatting) and the schedule (ICU calendar, a week's scan).
  std::map<std::size_t, render::HeaderContent> header_cache_;
  long header_cache_minute_ = -1;
  const ContentSession* header_cache_content_ = nullptr;
  long schedule_minute_ = -1;
  bool schedule_on_ = true;
  double schedule_change_wall_ = 0;  // wall time of the next on/off change

  // Pacing of animation frames: gaps between consecutive moving frames; and
  // the work of each frame (compose and present), by kind.
  std::vector<double> frame_gaps_;
  std::vector<double> frame_work_[3];  // still, transition, crawl-only
  double last_moving_present_ = -1;
  bool first_present_logged_ = false;
};

// "frames 3600, interval 16.7 ms, gap p50 16.7 ms, p99 17.1 ms, max 18.0 ms,
// 0 later than 2 intervals": the pacing of `gaps` (seconds) at `interval`.
std::string framePacingSummary(std::vector<double> gaps, double interval);

// "stats frames kind=crossfade n=120 p50_ms=1.2 p99_ms=3.4 max_ms=5.0": the
// compose-and-present times `seconds` of one kind of frame, for benchmarks.
std::string frameWorkLine(const std::string& kind, std::vector<double> seconds);

}  // namespace newsticker::firmware
