// SPDX-License-Identifier: Apache-2.0
#include "firmware/SceneLoop.hpp"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>

#include "render/CardGround.hpp"
#include "render/CardPainter.hpp"
#include "render/CrawlStrip.hpp"
#include "render/TextDirection.hpp"
#include "render/LogoLoader.hpp"
#include "firmware/Log.hpp"

namespace newsticker::firmware {
namespace {

constexpr double kDefaultHoldSeconds = 8.0;
constexpr int kMaxTextureSide = 2048;  // Raspberry Pi 0-3 GPU limit
constexpr int kMaxCrawlPeriod = 16 * 2048;

using SharedSurface = std::shared_ptr<SDL_Surface>;

SharedSurface share(render::SurfacePtr surface) { return SharedSurface(surface.release(), SDL_FreeSurface); }

// Cards are rendered at the scene size, halved until both sides fit a texture.
render::CardSize cardSizeFor(int width, int height, render::Insets insets) {
  while (width > kMaxTextureSide || height > kMaxTextureSide) {
    width /= 2;
    height /= 2;
    insets = {insets.top / 2, insets.right / 2, insets.bottom / 2, insets.left / 2};
  }
  return render::CardSize(width, height, insets);
}

}  // namespace

std::vector<double> SceneLoop::holdTimes(const SceneSettings& settings, const std::vector<content::Post>& posts) {
  std::vector<double> holds;
  for (const content::Post& post : posts) {
    double hold = settings.hold_seconds;
    if (hold <= 0) hold = post.duration_seconds;
    if (hold <= 0) hold = kDefaultHoldSeconds;
    holds.push_back(hold);
  }
  return holds;
}

SceneLoop::SceneLoop(Screen& screen, Clock& clock, render::FontCache& fonts, SharedContent content,
                     SceneSettings settings)
    : screen_(screen),
      clock_(clock),
      fonts_(fonts),
      content_(std::move(content)),
      settings_(std::move(settings)),
      style_(render::screenStyleFor(settings_.theme)),
      cards_(fonts, settings_.theme, settings_.fallback_language),
      clock_text_(settings_.clock),
      cycle_(holdTimes(settings_, content_->playlist), settings_.transition_seconds),
      worker_(settings_.threaded, [] {
        // Wake the loop's SDL_WaitEventTimeout: a result is ready.
        SDL_Event event{};
        event.type = SDL_USEREVENT;
        SDL_PushEvent(&event);
      }),
      loader_(settings_.threaded, [] {
        SDL_Event event{};
        event.type = SDL_USEREVENT;
        SDL_PushEvent(&event);
      }) {}

SceneLoop::~SceneLoop() = default;

void SceneLoop::logOnce(const std::string& message) {
  if (logged_.insert(message).second) logWarning(message);
}

std::size_t SceneLoop::liveTextures() const {
  std::size_t count = crawl_tiles_.size();
  for (const auto& card : card_textures_) count += card.second ? 1 : 0;
  for (const render::TexturePtr* t : {&spare_card_texture_, &header_texture_, &outgoing_}) count += *t ? 1 : 0;
  return count + grounds_.textures();
}

void SceneLoop::contentChanged(bool immediately) {
  if (immediately) forced_request_.store(true);
  change_requests_.fetch_add(1);
  SDL_Event event{};
  event.type = SDL_USEREVENT;
  SDL_PushEvent(&event);
}

void SceneLoop::startReload(double now) {
  if (!reload || loading_) return;
  loading_ = true;
  reload_due_ = -1;
  (void)now;
  const std::function<SharedContent()> load = reload;
  loader_.post(
      [this, load]() -> RenderWorker::HandOver {
        SharedContent fresh = load();
        return [this, fresh] {
          loading_ = false;
          if (fresh) pending_ = fresh;
        };
      },
      "reloading the content");
}

void SceneLoop::swapContent(std::size_t current, double now) {
  const auto it = card_textures_.find(current);
  outgoing_ = it != card_textures_.end() ? std::move(it->second) : nullptr;
  content_ = std::move(pending_);
  pending_.reset();
  cycle_ = CardCycle(holdTimes(settings_, content_->playlist), settings_.transition_seconds);
  logged_.clear();
  // The layout stays: the cards are made anew, while the header and the crawl
  // on screen stay until their new pictures are ready (on a slow board that
  // takes seconds; dropping them left the bands blank meanwhile).
  ++generation_;
  worker_.dropQueued();
  for (auto& card : card_textures_) {
    if (card.second) spare_card_texture_ = std::move(card.second);
  }
  card_textures_.clear();
  cards_requested_.clear();
  header_requested_.clear();
  crawl_tiles_requested_.clear();
  crawl_requested_ = false;
  requestCrawl();
  redraw_ = true;
  swap_start_ = now;
}

std::size_t SceneLoop::placeInPending(std::size_t current) const {
  const std::string& file = content_->playlist[current].file;
  for (std::size_t i = 0; i < pending_->playlist.size(); ++i) {
    if (pending_->playlist[i].file == file) return i;
  }
  return pending_->playlist.size();
}

std::size_t SceneLoop::continueContent(std::size_t current) {
  const std::size_t at = placeInPending(current);
  const auto it = card_textures_.find(current);
  render::TexturePtr shown = it != card_textures_.end() ? std::move(it->second) : nullptr;
  // Any other card prepared lends its texture to the next one.
  for (auto& card : card_textures_) {
    if (card.second) spare_card_texture_ = std::move(card.second);
  }
  card_textures_.clear();
  grounds_.clear();
  content_ = std::move(pending_);
  pending_.reset();
  cycle_ = CardCycle(holdTimes(settings_, content_->playlist), settings_.transition_seconds);
  ++generation_;  // cards, header and crawl being made for the first look are dropped
  worker_.dropQueued();
  cards_requested_.clear();
  if (shown) card_textures_[at] = std::move(shown);
  header_requested_.clear();
  crawl_requested_ = false;
  requestCrawl();
  redraw_ = true;
  return at;
}

void SceneLoop::setUp() {
  int output_w = 0, output_h = 0;
  screen_.outputSize(output_w, output_h);
  compositor_ = std::make_unique<render::Compositor>(screen_.renderer(), settings_.rotation, output_w, output_h);
  geometry_ = render::layoutScreen(compositor_->sceneWidth(), compositor_->sceneHeight(), settings_.screen);
  card_size_ = cardSizeFor(geometry_.width, geometry_.height, geometry_.card_insets);
  ++generation_;
  worker_.dropQueued();
  card_textures_.clear();
  grounds_.clear();
  spare_card_texture_.reset();
  cards_requested_.clear();
  header_texture_.reset();
  header_requested_.clear();
  crawl_tiles_.clear();
  crawl_tiles_requested_.clear();
  crawl_layout_.reset();
  crawl_period_ = 0;
  crawl_requested_ = false;
  redraw_ = true;
}

void SceneLoop::requestCard(std::size_t index) {
  if (index >= content_->playlist.size() || card_textures_.count(index) || cards_requested_.count(index)) return;
  cards_requested_.insert(index);
  const std::uint64_t generation = generation_;
  const render::CardSize size = card_size_;
  const SharedContent content = content_;  // kept alive while the job runs
  const int rotation = compositor_->rotation();
  worker_.post(
      [this, generation, size, content, index, rotation]() -> RenderWorker::HandOver {
        const content::Post* post = &content->playlist[index];
        std::vector<std::string> warnings;
        SharedSurface surface, ground;
        std::string failure, ground_key;
        try {
          // Painted, turned and made opaque here, so the display thread only copies it.
          render::DrawList list;
          render::SurfacePtr card = cards_.render(*post, *content->tree, size, warnings, &list);
          if (card) surface = share(render::uploadReady(*card, rotation, false));
          const render::DrawList chrome = render::cardGround(list, settings_.theme);  // what a fade-through keeps
          ground_key = render::groundKey(chrome);
          if (render::SurfacePtr painted = render::paintDrawList(chrome, fonts_, {})) {
            ground = share(render::uploadReady(*painted, rotation, false));
          }
          if (!surface) failure = post->file + ": cannot paint the card: " + SDL_GetError();
        } catch (const std::exception& error) {
          failure = post->file + ": cannot prepare the card: " + error.what();
        }
        return [this, generation, index, surface, ground, ground_key, warnings, failure] {
          if (generation != generation_) return;
          if (ground) grounds_.put(index, ground_key, *ground, *compositor_);
          for (const std::string& warning : warnings) logOnce(warning);
          if (!failure.empty()) logOnce(failure);
          cards_requested_.erase(index);
          render::TexturePtr texture;
          if (surface && spare_card_texture_) {
            // The card that just left lends its texture: a copy into memory
            // already in use, instead of a fresh 8 MB on the display thread.
            Uint32 format = 0;
            int w = 0, h = 0;
            SDL_QueryTexture(spare_card_texture_.get(), &format, nullptr, &w, &h);
            if (w == surface->w && h == surface->h && format == surface->format->format &&
                SDL_UpdateTexture(spare_card_texture_.get(), nullptr, surface->pixels, surface->pitch) == 0) {
              texture = std::move(spare_card_texture_);
            }
            spare_card_texture_.reset();
          }
          if (surface && !texture) {
            texture = compositor_->upload(*surface, false, true);
            if (!texture) logOnce(std::string("cannot upload a card texture: ") + SDL_GetError());
          }
          card_textures_[index] = std::move(texture);  // null: shown as the plain background
          redraw_ = true;
        };
      },
      "preparing card " + std::to_string(index + 1));
}

render::HeaderContent SceneLoop::headerFor(std::size_t index) const {
  render::HeaderContent header;
  header.feed_name = content_->feed.defaults.name;
  header.feed_logo = content_->feed.logo;
  header.language = settings_.fallback_language;
  if (settings_.screen.progress) header.position = render::positionLabel(index, content_->playlist.size());
  if (settings_.screen.clock) {
    const auto now = static_cast<std::time_t>(std::floor(clock_.wallTime()));
    header.time = clock_text_.time(now);
    header.date = clock_text_.date(now);
    header.date_short = clock_text_.shortDate(now);
  }
  return header;
}

const render::HeaderContent& SceneLoop::currentHeader(std::size_t index) {
  const long minute = static_cast<long>(std::floor(clock_.wallTime() / 60.0));
  if (index != header_cache_index_ || minute != header_cache_minute_ || content_.get() != header_cache_content_) {
    header_cache_ = headerFor(index);
    header_cache_index_ = index;
    header_cache_minute_ = minute;
    header_cache_content_ = content_.get();
  }
  return header_cache_;
}

void SceneLoop::updateSchedule(double wall) {
  const long minute = static_cast<long>(std::floor(wall / 60.0));
  if (minute == schedule_minute_) return;
  schedule_minute_ = minute;
  const auto whole = static_cast<std::time_t>(std::floor(wall));
  const render::LocalTime local = render::localTime(whole, settings_.clock.time_zone);
  schedule_on_ = settings_.schedule.isOn(local.weekday, local.minute_of_day);
  const int minutes = settings_.schedule.minutesUntilChange(local.weekday, local.minute_of_day);
  schedule_change_wall_ = static_cast<double>(whole - local.second_of_minute) + minutes * 60.0;
}

void SceneLoop::requestHeader(const render::HeaderContent& header) {
  const std::string key = header.feed_name + '\n' + header.feed_logo + '\n' + header.position + '\n' + header.time +
                          '\n' + header.date;
  if (geometry_.header.h <= 0 || key == header_requested_) return;
  header_requested_ = key;
  const std::uint64_t generation = generation_;
  const render::ScreenGeometry geometry = geometry_;
  const render::ScreenStyle style = style_;
  const SharedContent content = content_;
  const int rotation = compositor_->rotation();
  worker_.post(
      [this, generation, geometry, style, header, key, content, rotation]() -> RenderWorker::HandOver {
        render::DrawList list = render::layoutHeader(header, geometry, style, fonts_, worker_breaker_);
        render::LogoSurfaces logos;
        for (auto it = list.commands.begin(); it != list.commands.end();) {
          const auto* logo = std::get_if<render::Logo>(&*it);
          if (logo == nullptr) {
            ++it;
            continue;
          }
          std::string error;
          render::SurfacePtr image = cards_.loadImage(*content->tree, logo->path, logo->box.w, logo->box.h, false, error);
          if (image) {
            logos.emplace(logo->path, std::move(image));
            ++it;
          } else {
            it = list.commands.erase(it - 1, it + 1);  // the logo and its tile
          }
        }
        render::SurfacePtr painted = render::paintDrawList(list, fonts_, logos);
        SharedSurface surface = painted ? share(render::uploadReady(*painted, rotation, false)) : nullptr;
        return [this, generation, surface, key] {
          if (generation != generation_ || !surface) return;
          header_texture_ = compositor_->upload(*surface, false, true);
          redraw_ = true;
        };
      },
      "drawing the header");
}

void SceneLoop::requestCrawl() {
  if (!settings_.screen.crawl || geometry_.crawl.h <= 0 || crawl_requested_) return;
  crawl_requested_ = true;
  const std::vector<render::CrawlItem> items = render::crawlItemsFor(
      content_->playlist, settings_.screen.crawl_others, content_->feed.defaults.name, settings_.fallback_language);
  render::CrawlStyle style = render::crawlStyleFor(std::min(geometry_.width, geometry_.height), settings_.theme);
  style.height = geometry_.crawl.h;
  style.background = style_.crawl_background;
  style.hairline = style_.crawl_hairline;
  style.headline = style_.crawl_headline;
  style.source = style_.crawl_source;
  style.mark = style_.crawl_mark;
  // The strip reads right to left when most of its headlines do.
  const auto rtl_items = std::count_if(items.begin(), items.end(), [](const render::CrawlItem& item) {
    return render::runsRightToLeft(item.headline, item.language);
  });
  style.rtl = 2 * static_cast<std::size_t>(rtl_items) > items.size();
  const std::uint64_t generation = generation_;
  const int min_period = geometry_.crawl.w;
  const int rotation = compositor_->rotation();
  worker_.post(
      [this, generation, items, style, min_period, rotation]() -> RenderWorker::HandOver {
        auto layout = std::make_shared<const render::CrawlLayout>(
            render::layoutCrawl(items, style, min_period, fonts_, kMaxCrawlPeriod));
        // The first two tiles come with the layout: the strip starts at 0.
        auto first = std::make_shared<std::map<int, SharedSurface>>();
        for (int index : {0, 1}) {
          if (index >= render::crawlTileCount(*layout, kMaxTextureSide)) break;
          render::SurfacePtr tile = render::paintCrawlTile(*layout, fonts_, index, kMaxTextureSide);
          if (tile) tile = render::uploadReady(*tile, rotation, false);
          if (tile) (*first)[index] = share(std::move(tile));
        }
        return [this, generation, layout, first] {
          if (generation != generation_) return;
          crawl_tiles_.clear();
          crawl_tiles_requested_.clear();
          crawl_layout_ = layout;
          crawl_period_ = render::crawlTileCount(*layout, kMaxTextureSide) > 0 ? layout->period : 0;
          for (const auto& [index, surface] : *first) uploadCrawlTile(index, *surface);
          redraw_ = true;
        };
      },
      "drawing the crawl");
}

void SceneLoop::uploadCrawlTile(int index, SDL_Surface& surface) {
  render::TexturePtr texture = compositor_->upload(surface, false, true);
  if (!texture) {
    logOnce(std::string("cannot upload the crawl: ") + SDL_GetError());
    return;
  }
  crawl_tiles_[index] = std::move(texture);
}

void SceneLoop::requestCrawlTile(int index) {
  if (!crawl_layout_ || crawl_tiles_.count(index) || !crawl_tiles_requested_.insert(index).second) return;
  const std::uint64_t generation = generation_;
  const std::shared_ptr<const render::CrawlLayout> layout = crawl_layout_;
  const int rotation = compositor_->rotation();
  worker_.post(
      [this, generation, layout, index, rotation]() -> RenderWorker::HandOver {
        render::SurfacePtr tile = render::paintCrawlTile(*layout, fonts_, index, kMaxTextureSide);
        if (tile) tile = render::uploadReady(*tile, rotation, false);
        SharedSurface surface = tile ? share(std::move(tile)) : nullptr;
        return [this, generation, layout, index, surface] {
          if (generation != generation_ || layout != crawl_layout_) return;
          crawl_tiles_requested_.erase(index);
          if (surface) uploadCrawlTile(index, *surface);
          else logOnce(std::string("cannot paint the crawl: ") + SDL_GetError());
          redraw_ = true;
        };
      },
      "drawing the crawl");
}

int SceneLoop::crawlOffset(double elapsed) const {
  if (crawl_period_ <= 0) return -1;
  const double speed = settings_.crawl_speed * std::min(geometry_.width, geometry_.height) / 1080.0;
  const long long travelled = std::llround(std::max(0.0, elapsed) * speed);
  if (crawl_layout_ && crawl_layout_->rtl) {
    // A right-to-left strip starts with its first item at the band's right
    // end and moves right: the window slides back along the strip.
    const long long start = crawl_period_ - geometry_.crawl.w;
    return static_cast<int>(((start - travelled) % crawl_period_ + crawl_period_) % crawl_period_);
  }
  return static_cast<int>(travelled % crawl_period_);
}

void SceneLoop::drawCards(const CycleFrame& frame, double swap_progress) {
  const auto cardTexture = [&](std::size_t index) -> SDL_Texture* {
    const auto it = card_textures_.find(index);
    return it != card_textures_.end() ? it->second.get() : nullptr;
  };
  // Moving from `from` to `to` (whose ground is `to_index`'s) by `p` (0..1), the way the settings say.
  const auto transition = [&](SDL_Texture* from, std::size_t to_index, double p) {
    drawTransition(*compositor_, transitionLayers(settings_.transition, p, geometry_.width, geometry_.height),
                   grounds_.of(to_index), from, cardTexture(to_index), settings_.theme.background_top);
  };
  if (swap_progress >= 0) {
    transition(outgoing_.get(), 0, swap_progress);
  } else if (!frame.transitioning()) {
    const std::vector<TransitionLayer> alone{{TransitionLayer::Source::From, {0, 0, geometry_.width, geometry_.height}, 1}};
    drawTransition(*compositor_, alone, nullptr, cardTexture(frame.current), nullptr, settings_.theme.background_top);
  } else {
    transition(cardTexture(frame.current), frame.next, frame.transition);
  }
}

void SceneLoop::drawCrawl(int offset) {
  const render::Rect& band = geometry_.crawl;
  if (band.h <= 0) return;
  if (offset < 0 || !crawl_layout_ || crawl_period_ <= 0) {
    compositor_->fill(band, style_.crawl_background);
    return;
  }
  // The strip from `offset` on, tile after tile, wrapping at the period. A
  // tile not painted yet shows as the plain band; the one after the last
  // visible is asked for ahead, and tiles that have scrolled past are freed.
  const int count = render::crawlTileCount(*crawl_layout_, kMaxTextureSide);
  std::set<int> keep;
  int tile = offset / kMaxTextureSide;
  int x = tile * kMaxTextureSide - offset;
  while (x < band.w) {
    const int w = std::min(kMaxTextureSide, crawl_period_ - tile * kMaxTextureSide);
    const int from = std::max(0, -x);
    const int to = std::min(w, band.w - x);
    keep.insert(tile);
    const auto it = crawl_tiles_.find(tile);
    if (to > from) {
      const render::Rect at{band.x + x + from, band.y, to - from, band.h};
      if (it != crawl_tiles_.end()) {
        const render::Rect part{from, 0, to - from, band.h};
        compositor_->draw(*it->second, at, 255, &part);
      } else {
        compositor_->fill(at, style_.crawl_background);
      }
    }
    x += w;
    tile = (tile + 1) % count;
  }
  keep.insert(tile);  // the next to come on from the right
  keep.insert((offset / kMaxTextureSide + count - 1) % count);  // from the left (a right-to-left strip)
  for (const int index : keep) requestCrawlTile(index);
  for (auto it = crawl_tiles_.begin(); it != crawl_tiles_.end();) {
    it = keep.count(it->first) ? std::next(it) : crawl_tiles_.erase(it);
  }
}

void SceneLoop::drawProgress(const render::ProgressMarks& marks) {
  if (geometry_.progress.h <= 0) return;
  compositor_->fill(geometry_.progress, style_.header_background);
  for (const render::Rect& r : marks.done) compositor_->fill(r, style_.track_done);
  for (const render::Rect& r : marks.pending) compositor_->fill(r, style_.track);
  compositor_->fill(marks.current, style_.track);
  compositor_->fill(marks.current_fill, style_.track_current);
}

std::string framePacingSummary(std::vector<double> gaps, double interval) {
  if (gaps.empty()) return "no animation frames";
  std::sort(gaps.begin(), gaps.end());
  const auto at = [&](double q) { return gaps[static_cast<std::size_t>(q * (gaps.size() - 1))] * 1000.0; };
  const auto late = std::count_if(gaps.begin(), gaps.end(), [&](double g) { return g > 2 * interval; });
  char text[200];
  std::snprintf(text, sizeof text,
                "frames %zu, interval %.1f ms, gap p50 %.1f ms, p99 %.1f ms, max %.1f ms, %ld later than 2 intervals",
                gaps.size() + 1, interval * 1000.0, at(0.5), at(0.99), gaps.back() * 1000.0, static_cast<long>(late));
  return text;
}

std::string frameWorkLine(const std::string& kind, std::vector<double> seconds) {
  std::sort(seconds.begin(), seconds.end());
  const auto at = [&](double q) {
    return seconds.empty() ? 0.0 : seconds[static_cast<std::size_t>(q * (seconds.size() - 1))] * 1000.0;
  };
  char text[200];
  std::snprintf(text, sizeof text, "stats frames kind=%s n=%zu p50_ms=%.2f p99_ms=%.2f max_ms=%.2f", kind.c_str(),
                seconds.size(), at(0.5), at(0.99), seconds.empty() ? 0.0 : seconds.back() * 1000.0);
  return text;
}

int SceneLoop::run() {
  setUp();
  const double origin_time = clock_.now();
  double origin = origin_time;  // the cycle's time zero; moves on while a card is late
  double scheduled = origin;    // when the current animation frame was due
  bool first_frame = true;
  bool blanked = false;
  CycleFrame shown;
  shown.current = shown.next = static_cast<std::size_t>(-1);
  double last_moving_present = -1;
  struct StatsPrinter {
    const SceneLoop& loop;
    ~StatsPrinter() {
      if (loop.settings_.frame_stats) {
        logInfo(framePacingSummary(loop.frame_gaps_, loop.screen_.frameInterval()));
        logInfo(frameWorkLine("still", loop.frame_work_[0]));
        logInfo(frameWorkLine("transition", loop.frame_work_[1]));
        logInfo(frameWorkLine("crawl", loop.frame_work_[2]));
      }
    }
  } stats_printer{*this};

  for (;;) {
    const double now = clock_.now();
    double wake = on_wake ? on_wake(now) : INFINITY;

    // Reload: a burst of changes settles for a second; SIGHUP goes at once.
    if (change_requests_.exchange(0) > 0) {
      reload_due_ = forced_request_.exchange(false) ? now : now + 1.0;
    }
    if (reload_due_ >= 0 && now >= reload_due_) startReload(now);
    loader_.collect();

    // Schedule: outside the screen's hours, one black frame and sleep.
    if (settings_.schedule.enabled) {
      const double wall = clock_.wallTime();
      updateSchedule(wall);
      if (!schedule_on_) {
        if (!blanked) {
          compositor_->clipTo({});
          compositor_->fill({0, 0, geometry_.width, geometry_.height}, render::Color{0, 0, 0});
          screen_.present({});
          screen_.setDisplayPower(false);  // standby by DPMS where it can; the black frame elsewhere
          blanked = true;
          logInfo("screen off by the schedule");
          if (on_frame) {
            SceneFrame info;
            info.time = now;
            info.blank = true;
            info.posts = content_->playlist.size();
            info.loaded_at = content_->loaded_at;
            on_frame(info);
          }
        }
        double deadline = now + (schedule_change_wall_ - wall) + 0.001;
        deadline = std::min(deadline, wake);
        if (reload_due_ >= 0) deadline = std::min(deadline, reload_due_);
        for (const ScreenEvent event : screen_.waitUntil(deadline)) {
          if (event == ScreenEvent::Quit) return 0;
          if (event != ScreenEvent::Exposed) setUp();
          blanked = false;  // draw black again
        }
        worker_.collect();
        continue;
      }
      if (blanked) {
        blanked = false;
        screen_.setDisplayPower(true);
        logInfo("screen on by the schedule");
        origin = now;  // the cycle starts again from its first card
        redraw_ = true;
      }
    }

    // Schedule: where the cycle stands.
    double t = now - origin;
    CycleFrame frame = cycle_.at(t);

    // A new feed is swapped in between cards: a transition from the card on
    // screen to the new feed's first card, never in the middle of another.
    if (pending_ && !first_frame && swap_start_ < 0 && !shown.transitioning() &&
        !frame.transitioning() && placeInPending(frame.current) < pending_->playlist.size()) {
      // The rest of a feed shown from a first look, or a reload that still
      // holds the card on screen: that card stays and goes on holding; the
      // cycle goes on in the new feed's order (never back to its first card).
      const double into_hold = t - cycle_.holdStart(frame.current, t);
      const std::size_t at = continueContent(frame.current);
      origin = now - (cycle_.holdStart(at, 0) + into_hold);
      t = now - origin;
      frame = cycle_.at(t);
      logInfo("showing " + std::to_string(content_->playlist.size()) + " cards, going on from the card on screen");
    }
    if (pending_ && !first_frame && swap_start_ < 0 && !shown.transitioning()) {
      const std::size_t leaving = frame.current;
      swapContent(leaving, now);
      logInfo("showing " + std::to_string(content_->playlist.size()) + " cards from the reloaded content");
      origin = now + settings_.transition_seconds;
      t = now - origin;
      frame = cycle_.at(0);
    }

    // Prepare: the card on screen, the one coming, and the one after.
    requestCard(frame.current);
    if (frame.transitioning()) requestCard(frame.next);
    else if (cycle_.size() > 1) requestCard((frame.current + 1) % cycle_.size());
    requestHeader(currentHeader(cardShownAt(frame)));
    requestCrawl();  // after the cards and the header
    worker_.collect();
    if (first_frame) {
      // Nothing is on screen yet: wait for the first card, the header and the crawl.
      while (worker_.busy() > 0 && !(cardReady(frame.current) && (geometry_.header.h <= 0 || header_texture_) &&
                                     (geometry_.crawl.h <= 0 || crawl_layout_))) {
        worker_.waitForResult();
        worker_.collect();
      }
      origin = clock_.now();
      scheduled = origin;
      t = 0;
      frame = cycle_.at(0);
      first_frame = false;
    }
    double swap_progress = -1;
    if (swap_start_ >= 0) {
      if (!cardReady(0)) {
        // The new feed's first card is not ready: the old one stays.
        swap_start_ = now;
        origin = now + settings_.transition_seconds;
      }
      swap_progress = std::clamp((now - swap_start_) / std::max(settings_.transition_seconds, 1e-3), 0.0, 1.0);
      if (swap_progress >= 1.0 || settings_.transition_seconds <= 0) {
        swap_start_ = -1;
        swap_progress = -1;
        outgoing_.reset();
        origin = std::min(origin, now);
        redraw_ = true;
      }
      t = std::max(0.0, now - origin);
      frame = cycle_.at(t);
    }
    bool waiting_for_card = false;
    if (frame.transitioning() && !cardReady(frame.next)) {
      // The next card is late: hold the current one until it is ready.
      const double start = t - frame.transition * cycle_.transitionSeconds();
      origin += t - start;
      t = start - 1e-6;
      frame = cycle_.at(t);
      waiting_for_card = true;
    }
    if (!frame.transitioning() && swap_progress < 0) {
      const std::size_t upcoming = (frame.current + 1) % cycle_.size();
      for (auto it = card_textures_.begin(); it != card_textures_.end();) {
        if (it->first == frame.current || it->first == upcoming) {
          ++it;
          continue;
        }
        if (it->second) spare_card_texture_ = std::move(it->second);
        it = card_textures_.erase(it);
      }
      grounds_.keepOnly({frame.current, upcoming});
    }

    // Compose and present.
    const int offset = settings_.screen.crawl ? crawlOffset(now - origin_time) : -1;
    const bool moving = frame.transitioning() || swap_progress >= 0 || offset >= 0;
    // Animation frames come on the frame clock, not whenever something
    // (a finished card, a reload) wakes the loop.
    const double interval = screen_.frameInterval();
    const bool frame_due = screen_.vsync() || now + 0.002 >= scheduled;
    const bool changed = redraw_ || frame.current != shown.current || frame.next != shown.next ||
                         frame.transitioning() != shown.transitioning();
    const bool full = changed || ((frame.transitioning() || swap_progress >= 0) && frame_due);
    if (full || (moving && frame_due)) {
      const double work_start = settings_.frame_stats ? clock_.now() : 0;
      if (moving) scheduled = now - scheduled > interval ? now + interval : scheduled + interval;
      const bool animate_progress = settings_.screen.crawl;
      const render::ProgressMarks marks = render::layoutProgress(
          geometry_.progress, cardShownAt(frame), cycle_.size(), animate_progress ? frame.hold : 1.0);
      std::vector<render::Rect> dirty;
      if (full) {
        compositor_->clipTo({});
        drawCards(frame, swap_progress);
        if (geometry_.header.h > 0) {
          if (header_texture_) compositor_->draw(*header_texture_, geometry_.header);
          else compositor_->fill(geometry_.header, style_.header_background);
        }
        drawProgress(marks);
        drawCrawl(offset);
      } else {
        // Only the crawl and the progress track move: draw and show just those.
        if (geometry_.crawl.h > 0) {
          compositor_->clipTo({geometry_.crawl});
          drawCrawl(offset);
          dirty.push_back(compositor_->toOutput(geometry_.crawl));
        }
        if (geometry_.progress.h > 0) {
          compositor_->clipTo({geometry_.progress});
          drawProgress(marks);
          dirty.push_back(compositor_->toOutput(geometry_.progress));
        }
        compositor_->clipTo({});
      }
      screen_.present(dirty);
      if (settings_.frame_stats) {
        const double presented = clock_.now();
        if (moving && last_moving_present >= 0) frame_gaps_.push_back(presented - last_moving_present);
        last_moving_present = moving ? presented : -1;
        const int kind = frame.transitioning() || swap_progress >= 0 ? 1 : full ? 0 : 2;
        frame_work_[kind].push_back(presented - work_start);
        if (!first_present_logged_) {
          first_present_logged_ = true;
          logInfo(joined("stats first_present_unix=", std::fixed, std::setprecision(6), clock_.wallTime()));
        }
      }
      redraw_ = false;
      shown = frame;
      if (on_frame) {
        SceneFrame info;
        info.time = now;
        info.cycle = frame;
        info.full = full;
        info.swapping = swap_progress >= 0;
        info.crawl_offset = offset;
        info.crawl_period = crawl_period_;
        info.posts = content_->playlist.size();
        info.loaded_at = content_->loaded_at;
        info.title = content_->playlist[frame.current].title;
        info.file = content_->playlist[frame.current].file;
        const render::HeaderContent& header = currentHeader(cardShownAt(frame));
        info.position = header.position;
        info.time_text = header.time;
        info.progress = marks;
        on_frame(info);
      }
    }

    // Sleep until the next deadline: a card change, the clock's minute, the
    // next animation frame, a reload, the watchdog, or an event.
    double deadline = origin + cycle_.nextChange(t);
    if (geometry_.header.h > 0 && settings_.screen.clock) {
      const double wall = clock_.wallTime();
      deadline = std::min(deadline, now + (60.0 - std::fmod(wall, 60.0)) + 0.001);
    }
    if (settings_.schedule.enabled) {
      const double wall = clock_.wallTime();
      updateSchedule(wall);
      deadline = std::min(deadline, now + (schedule_change_wall_ - wall) + 0.001);
    }
    if (moving) {
      deadline = std::min(deadline, screen_.vsync() ? now : scheduled);
    } else {
      scheduled = now;  // the first frame of the next motion is due at once
    }
    if (waiting_for_card || (swap_start_ >= 0 && !cardReady(0))) deadline = std::min(deadline, now + 0.05);
    if (reload_due_ >= 0) deadline = std::min(deadline, reload_due_);
    if (pending_ && swap_start_ < 0 && !shown.transitioning()) deadline = now;
    deadline = std::min(deadline, wake);
    for (const ScreenEvent event : screen_.waitUntil(deadline)) {
      if (event == ScreenEvent::Quit) return 0;
      int w = 0, h = 0;
      screen_.outputSize(w, h);
      const bool same_size = w == compositor_->outputWidth() && h == compositor_->outputHeight();
      if (event == ScreenEvent::Exposed || (event == ScreenEvent::Resized && same_size)) redraw_ = true;
      else setUp();  // a new size, or lost textures: lay out again and prepare everything anew
    }
    worker_.collect();
  }
}

}  // namespace newsticker::firmware
