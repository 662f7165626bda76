// SPDX-License-Identifier: Apache-2.0
#include "firmware/SceneLoop.hpp"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>

#include "firmware/Log.hpp"
#include "render/CardGround.hpp"
#include "render/CardPainter.hpp"
#include "render/CrawlStrip.hpp"
#include "render/LogoLoader.hpp"
#include "render/TextDirection.hpp"

namespace newsticker::firmware {
namespace {

constexpr int kMaxTextureSide = 2048;  // Raspberry Pi 0-3 GPU limit
constexpr int kMaxCrawlPeriod = 16 * 2048;
// While the next card is late, the loop looks whether it came this often
// (besides the worker's wake-up when it does).
constexpr double kLateCardPoll = 0.05;

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

// The texts a header shows, as one string: equal keys, equal pictures.
std::string headerKey(const render::HeaderContent& header) {
  return header.feed_name + '\n' + header.feed_logo + '\n' + header.position + '\n' + header.time + '\n' + header.date;
}

}  // namespace

std::vector<double> SceneLoop::holdTimes(const SceneSettings& settings, const std::vector<content::Post>& posts) {
  std::vector<double> holds;
  for (const content::Post& post : posts) holds.push_back(cardHoldSeconds(settings, post));
  return holds;
}

SceneLoop::SceneLoop(Screen& screen, Clock& clock, render::FontCache& fonts, SharedContent content,
                     SceneSettings settings)
    : screen_(screen), clock_(clock), fonts_(fonts), content_(std::move(content)), settings_(std::move(settings)),
      style_(render::screenStyleFor(settings_.theme)), cards_(fonts, settings_.theme, settings_.fallback_language),
      clock_text_(settings_.clock), planner_(settings_),
      timeline_(planner_.start(content_->playlist, clock_.wallTime()), settings_.transition_seconds),
      // A result is ready: wake the sleeping loop.
      worker_(settings_.threaded, [this] { screen_.wake(); }), loader_(settings_.threaded, [this] { screen_.wake(); }) {
}

SceneLoop::~SceneLoop() = default;

void SceneLoop::logOnce(const std::string& message) {
  if (logged_.insert(message).second) logWarning(message);
}

std::size_t SceneLoop::liveTextures() const {
  std::size_t count = crawl_tiles_.size();
  for (const auto& card : card_textures_) count += card.second ? 1 : 0;
  for (const auto& header : headers_) count += header.second.texture ? 1 : 0;
  for (const render::TexturePtr* t : {&spare_card_texture_, &header_fallback_, &outgoing_}) count += *t ? 1 : 0;
  return count + grounds_.textures();
}

void SceneLoop::contentChanged(bool immediately) {
  if (immediately) forced_request_.store(true);
  change_requests_.fetch_add(1);
  screen_.wake();
}

void SceneLoop::startReload() {
  if (!reload || loading_) return;
  loading_ = true;
  reload_due_ = -1;
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

void SceneLoop::keepHeaderShown(std::size_t current) {
  const auto it = headers_.find(current);
  if (it != headers_.end() && it->second.texture) header_fallback_ = std::move(it->second.texture);
  headers_.clear();
}

void SceneLoop::swapContent(std::size_t current, double now) {
  const std::size_t card = timeline_.cycle().card(current);
  const std::string leaving = content_->playlist[card].file;  // an urgent notice returns to it
  const auto it = card_textures_.find(card);
  outgoing_ = it != card_textures_.end() ? std::move(it->second) : nullptr;
  // The layout stays: any other card prepared lends its texture to the new
  // feed's first; the header and the crawl strip on screen stay until their
  // new pictures are ready (on a slow board that takes seconds).
  for (auto& card : card_textures_) {
    if (card.second) spare_card_texture_ = std::move(card.second);
  }
  card_textures_.clear();
  keepHeaderShown(current);
  content_ = std::move(pending_);
  pending_.reset();
  timeline_.swapIn(planner_.start(content_->playlist, clock_.wallTime(), true, leaving), now);
  logged_.clear();
  dropRequests();
}

std::size_t SceneLoop::placeInPending(std::size_t current) const {
  const std::string& file = content_->playlist[timeline_.cycle().card(current)].file;
  for (std::size_t i = 0; i < pending_->playlist.size(); ++i) {
    if (pending_->playlist[i].file == file) return i;
  }
  return pending_->playlist.size();
}

void SceneLoop::continueContent(std::size_t current, double now) {
  const std::size_t at = placeInPending(current);
  const auto it = card_textures_.find(timeline_.cycle().card(current));
  render::TexturePtr shown = it != card_textures_.end() ? std::move(it->second) : nullptr;
  // Any other card prepared lends its texture to the next one.
  for (auto& card : card_textures_) {
    if (card.second) spare_card_texture_ = std::move(card.second);
  }
  card_textures_.clear();
  if (shown) card_textures_[at] = std::move(shown);
  keepHeaderShown(current);
  grounds_.clear();
  content_ = std::move(pending_);
  pending_.reset();
  CardCycle whole = planner_.start(content_->playlist, clock_.wallTime(), false);
  const std::size_t slot = std::min(whole.slotOf(at), whole.size() - 1);
  timeline_.continueIn(std::move(whole), slot, now);
  dropRequests();  // cards, header and crawl being made for the first look are dropped
}

void SceneLoop::dropRequests() {
  ++generation_;
  worker_.dropQueued();
  cards_requested_.clear();
  header_requests_.clear();
  crawl_tiles_requested_.clear();
  crawl_requested_ = false;
  redraw_ = true;
}

void SceneLoop::layOut() {
  int output_w = 0, output_h = 0;
  screen_.outputSize(output_w, output_h);
  compositor_ = std::make_unique<render::Compositor>(screen_.renderer(), settings_.rotation, output_w, output_h);
  geometry_ = render::layoutScreen(compositor_->sceneWidth(), compositor_->sceneHeight(), settings_.screen);
  card_size_ = cardSizeFor(geometry_.width, geometry_.height, geometry_.card_insets);
  damage_ = Damage(screen_.bufferCount());
  dropRequests();
  card_textures_.clear();
  grounds_.clear();
  spare_card_texture_.reset();
  outgoing_.reset();
  headers_.clear();
  header_fallback_.reset();
  crawl_tiles_.clear();
  crawl_layout_.reset();
  crawl_period_ = 0;
}

void SceneLoop::requestCard(std::size_t slot) {
  const std::size_t index = timeline_.cycle().card(slot);
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
  const auto place = planner_.position(index, timeline_.cycle());
  if (settings_.screen.progress) header.position = render::positionLabel(place.first, place.second);
  if (settings_.screen.clock) {
    const auto now = static_cast<std::time_t>(std::floor(clock_.wallTime()));
    header.time = clock_text_.time(now);
    header.date = clock_text_.date(now);
    header.date_short = clock_text_.shortDate(now);
  }
  return header;
}

const render::HeaderContent& SceneLoop::headerOf(std::size_t index) {
  const long minute = static_cast<long>(std::floor(clock_.wallTime() / 60.0));
  if (minute != header_cache_minute_ || content_.get() != header_cache_content_ || header_cache_.size() > 4) {
    header_cache_.clear();
    header_cache_minute_ = minute;
    header_cache_content_ = content_.get();
  }
  auto it = header_cache_.find(index);
  if (it == header_cache_.end()) it = header_cache_.emplace(index, headerFor(index)).first;
  return it->second;
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

void SceneLoop::requestHeader(std::size_t index) {
  if (geometry_.header.h <= 0) return;
  const render::HeaderContent header = headerOf(index);
  const std::string key = headerKey(header);
  const auto prepared = headers_.find(index);
  const auto asked = header_requests_.find(index);
  if ((prepared != headers_.end() && prepared->second.key == key) ||
      (asked != header_requests_.end() && asked->second == key)) {
    return;
  }
  header_requests_[index] = key;
  const std::uint64_t generation = generation_;
  const render::ScreenGeometry geometry = geometry_;
  const render::ScreenStyle style = style_;
  const SharedContent content = content_;
  const int rotation = compositor_->rotation();
  worker_.post(
      [this, generation, geometry, style, header, key, content, rotation, index]() -> RenderWorker::HandOver {
        render::DrawList list = render::layoutHeader(header, geometry, style, fonts_, worker_breaker_);
        render::LogoSurfaces logos;
        for (auto it = list.commands.begin(); it != list.commands.end();) {
          const auto* logo = std::get_if<render::Logo>(&*it);
          if (logo == nullptr) {
            ++it;
            continue;
          }
          std::string error;
          render::SurfacePtr image =
              cards_.loadImage(*content->tree, logo->path, logo->box.w, logo->box.h, false, error);
          if (image) {
            logos.emplace(logo->path, std::move(image));
            ++it;
          } else {
            it = list.commands.erase(it - 1, it + 1);  // the logo and its tile
          }
        }
        render::SurfacePtr painted = render::paintDrawList(list, fonts_, logos);
        SharedSurface surface = painted ? share(render::uploadReady(*painted, rotation, false)) : nullptr;
        return [this, generation, index, surface, key] {
          if (generation != generation_) return;
          const auto asked = header_requests_.find(index);
          if (asked != header_requests_.end() && asked->second == key) header_requests_.erase(asked);
          render::TexturePtr texture = surface ? compositor_->upload(*surface, false, true) : nullptr;
          if (!texture) logOnce(std::string("cannot draw the header: ") + SDL_GetError());
          headers_[index] = PreparedHeader{key, std::move(texture)};  // null: shown as the plain band
          redraw_ = true;
        };
      },
      "drawing the header");
}

void SceneLoop::requestCrawl() {
  if (!settings_.screen.crawl || geometry_.crawl.h <= 0 || crawl_requested_) return;
  crawl_requested_ = true;
  std::vector<const content::Post*> shown;
  for (const std::size_t card : planner_.shownCards()) shown.push_back(&content_->playlist[card]);
  const std::vector<render::CrawlItem> items = render::crawlItemsFor(
      shown, settings_.screen.crawl_others, content_->feed.defaults.name, settings_.fallback_language);
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

void SceneLoop::drawCards(const TimelineFrame& frame) {
  const CardCycle& cycle = timeline_.cycle();
  const auto cardTexture = [&](std::size_t card) -> SDL_Texture* {
    const auto it = card_textures_.find(card);
    return it != card_textures_.end() ? it->second.get() : nullptr;
  };
  // Moving from `from` to `to` (whose ground is `to_index`'s) by `p` (0..1), the way the settings say.
  const auto transition = [&](SDL_Texture* from, std::size_t to_index, double p) {
    drawTransition(*compositor_, transitionLayers(settings_.transition, p, geometry_.width, geometry_.height),
                   grounds_.of(to_index), from, cardTexture(to_index), settings_.theme.background_top);
  };
  if (frame.swapping()) {
    transition(outgoing_.get(), cycle.card(0), frame.swap);
  } else if (!frame.cycle.transitioning()) {
    const std::vector<TransitionLayer> alone{
        {TransitionLayer::Source::From, {0, 0, geometry_.width, geometry_.height}, 1}};
    drawTransition(*compositor_, alone, nullptr, cardTexture(cycle.card(frame.cycle.current)), nullptr,
                   settings_.theme.background_top);
  } else {
    transition(cardTexture(cycle.card(frame.cycle.current)), cycle.card(frame.cycle.next), frame.cycle.transition);
  }
}

void SceneLoop::drawHeader(std::size_t index) {
  if (geometry_.header.h <= 0) return;
  // The card's own header; until it is ready (a new feed, a first look
  // grown whole) the one last shown.
  const auto it = headers_.find(index);
  SDL_Texture* texture = it != headers_.end() ? it->second.texture.get() : header_fallback_.get();
  if (texture != nullptr) compositor_->draw(*texture, geometry_.header);
  else compositor_->fill(geometry_.header, style_.header_background);
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
  keep.insert(tile);                                            // the next to come on from the right
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
  layOut();
  for (;;) {
    const double now = clock_.now();
    const double wake = on_wake ? on_wake(now) : INFINITY;
    takeReloadRequests(now);
    if (!scheduleShows(now)) {
      if (!sleepWhileBlank(now, wake)) break;
      continue;
    }
    swapFeed(now);
    followPlan(now);
    prepare(now);
    const bool waiting = holdForLateCards(now);
    const TimelineFrame frame = timeline_.frameAt(now);
    releaseOffScreen(frame);
    const bool moving = composeAndPresent(frame, now);
    if (!sleepUntilNextDeadline(now, wake, moving, waiting)) break;
  }
  if (settings_.frame_stats) logFrameStats();
  return 0;
}

void SceneLoop::takeReloadRequests(double now) {
  // A burst of changes settles for a second; SIGHUP goes at once.
  if (change_requests_.exchange(0) > 0) reload_due_ = forced_request_.exchange(false) ? now : now + 1.0;
  if (reload_due_ >= 0 && now >= reload_due_) startReload();
  loader_.collect();
}

bool SceneLoop::scheduleShows(double now) {
  if (!settings_.schedule.enabled) return true;
  updateSchedule(clock_.wallTime());
  if (!schedule_on_) {
    // Outside the screen's hours: one black frame, then sleep.
    if (!black_shown_) showBlank(now);
    return false;
  }
  if (blanked_) {
    blanked_ = false;
    black_shown_ = false;
    screen_.setDisplayPower(true);
    logInfo("screen on by the schedule");
    timeline_.restart(now);  // the cycle starts again from its first card
    redraw_ = true;
  }
  return true;
}

void SceneLoop::showBlank(double now) {
  compositor_->clipTo({});
  compositor_->fill({0, 0, geometry_.width, geometry_.height}, render::Color{0, 0, 0});
  damage_.next(true, {});
  screen_.present({});
  screen_.setDisplayPower(false);  // standby by DPMS where it can; the black frame elsewhere
  if (!blanked_) logInfo("screen off by the schedule");
  blanked_ = true;
  black_shown_ = true;
  if (on_frame) {
    SceneFrame info;
    info.time = now;
    info.blank = true;
    info.posts = planner_.position(0, timeline_.cycle()).second;
    info.loaded_at = content_->loaded_at;
    on_frame(info);
  }
}

bool SceneLoop::sleepWhileBlank(double now, double wake) {
  double deadline = std::min(now + (schedule_change_wall_ - clock_.wallTime()) + 0.001, wake);
  if (reload_due_ >= 0) deadline = std::min(deadline, reload_due_);
  const std::vector<ScreenEvent> events = screen_.waitUntil(deadline);
  if (!events.empty()) black_shown_ = false;  // whatever happened to the picture: black again
  if (!handleEvents(events)) return false;
  worker_.collect();
  return true;
}

void SceneLoop::swapFeed(double now) {
  // A new feed comes in between cards, never in the middle of a transition
  // or another swap.
  if (!pending_ || !timeline_.started() || timeline_.swapping() || shown_.transitioning()) return;
  const std::size_t current = timeline_.currentCard(now);
  if (!timeline_.transitioning(now) && placeInPending(current) < pending_->playlist.size()) {
    // The rest of a feed shown from a first look, or a reload that still
    // holds the card on screen: that card stays and goes on holding; the
    // cycle goes on in the new feed's order (never back to its first card).
    continueContent(current, now);
    logInfo("showing " + std::to_string(content_->playlist.size()) + " cards, going on from the card on screen");
    return;
  }
  // A transition from the card on screen to the new feed's first card.
  swapContent(current, now);
  logInfo("showing " + std::to_string(content_->playlist.size()) + " cards from the reloaded content");
}

void SceneLoop::followPlan(double now) {
  // Posts joining or leaving at their minute, an urgent notice cutting in
  // (CyclePlanner): the cycle is rewritten around the card on screen.
  if (timeline_.started() && !timeline_.swapping()) {
    const double wall = clock_.wallTime();
    const bool changed =
        timeline_.revise(now, [&](CardCycle& cycle, double t) { return planner_.update(wall, t, cycle); });
    if (changed) redraw_ = true;
  }
  if (planner_.takeShownChanged()) crawl_requested_ = false;
}

void SceneLoop::prepare(double now) {
  // The card on screen and the one after, their headers, and the crawl.
  const std::size_t current = timeline_.currentCard(now);
  const std::size_t upcoming = (current + 1) % timeline_.cycle().size();
  requestCard(current);
  if (upcoming != current) requestCard(upcoming);
  requestHeader(current);
  requestCrawl();  // after the first card and header: the first frame does not wait for it
  if (upcoming != current) requestHeader(upcoming);
  worker_.collect();
  if (!timeline_.started()) startCycle();
}

void SceneLoop::startCycle() {
  // Nothing is on screen yet: wait for the first card, its header and the
  // crawl.
  while (worker_.busy() > 0 && !(cardReady(0) && headerReady(0) && (geometry_.crawl.h <= 0 || crawl_layout_))) {
    worker_.waitForResult();
    worker_.collect();
  }
  timeline_.start(clock_.now());
  frame_due_ = clock_.now();
}

bool SceneLoop::holdForLateCards(double now) {
  bool waiting = false;
  if (timeline_.swapping()) {
    // The new feed's first card and header come in together, or the old card stays.
    if (!cardReady(0) || !headerReady(0)) {
      timeline_.holdSwap(now);
      waiting = true;
    }
    if (timeline_.finishSwap(now)) {
      outgoing_.reset();
      redraw_ = true;
    }
  }
  if (timeline_.transitioning(now)) {
    // The next card and its header (its position) come in together, or the current card holds on.
    const std::size_t next = (timeline_.currentCard(now) + 1) % timeline_.cycle().size();
    if (!cardReady(next) || !headerReady(next)) {
      timeline_.holdCurrentCard(now);
      waiting = true;
    }
  }
  return waiting;
}

void SceneLoop::releaseOffScreen(const TimelineFrame& frame) {
  if (frame.cycle.transitioning() || frame.swapping()) return;
  // Between transitions only the card on screen and the next are kept: any
  // other card lends its texture to the next one prepared.
  const std::size_t current = frame.cycle.current;
  const std::size_t upcoming = (current + 1) % timeline_.cycle().size();
  const CardCycle& cycle = timeline_.cycle();
  for (auto it = card_textures_.begin(); it != card_textures_.end();) {
    if (it->first == cycle.card(current) || it->first == cycle.card(upcoming)) {
      ++it;
      continue;
    }
    if (it->second) spare_card_texture_ = std::move(it->second);
    it = card_textures_.erase(it);
  }
  for (auto it = headers_.begin(); it != headers_.end();) {
    it = it->first == current || it->first == upcoming ? std::next(it) : headers_.erase(it);
  }
  if (headers_.count(current) != 0) header_fallback_.reset();
  grounds_.keepOnly({cycle.card(current), cycle.card(upcoming)});
}

bool SceneLoop::composeAndPresent(const TimelineFrame& frame, double now) {
  const int offset = settings_.screen.crawl ? crawlOffset(frame.crawl) : -1;
  const bool transition = frame.cycle.transitioning() || frame.swapping();
  const bool moving = transition || offset >= 0;
  // Animation frames come on the frame clock, not whenever something (a
  // finished card, a reload) wakes the loop.
  const double interval = screen_.frameInterval();
  const bool frame_due = screen_.vsync() || now + 0.002 >= frame_due_;
  const bool changed = redraw_ || frame.cycle.current != shown_.current || frame.cycle.next != shown_.next ||
                       frame.cycle.transitioning() != shown_.transitioning();
  const bool whole = changed || (transition && frame_due);
  if (!whole && !(moving && frame_due)) return moving;
  const double work_start = settings_.frame_stats ? clock_.now() : 0;
  if (moving) frame_due_ = now - frame_due_ > interval ? now + interval : frame_due_ + interval;
  const double filled = settings_.screen.crawl ? frame.cycle.hold : 1.0;  // the track animates with the crawl only
  // The header and the track turn to the next card at the transition's midpoint.
  const auto place = planner_.position(cardShownAt(frame.cycle), timeline_.cycle());
  const render::ProgressMarks marks = render::layoutProgress(geometry_.progress, place.first, place.second, filled);
  // Between changes only the crawl and the progress track move.
  std::vector<render::Rect> bands;
  for (const render::Rect* band : {&geometry_.crawl, &geometry_.progress}) {
    if (band->h > 0) bands.push_back(*band);
  }
  const DamageRegion region = damage_.next(whole, bands);
  std::vector<render::Rect> dirty;
  if (region.whole) {
    compositor_->clipTo({});
    drawScene(frame, marks, offset, nullptr);
  }
  for (const render::Rect& r : region.rects) {
    compositor_->clipTo({r});
    drawScene(frame, marks, offset, &r);
    dirty.push_back(compositor_->toOutput(r));
  }
  compositor_->clipTo({});
  screen_.present(dirty);
  redraw_ = false;
  shown_ = frame.cycle;
  noteFrameWork(moving, transition ? 1 : whole ? 0 : 2, work_start);
  reportFrame(frame, now, region.whole, offset, marks);
  return moving;
}

void SceneLoop::drawScene(const TimelineFrame& frame, const render::ProgressMarks& marks, int offset,
                          const render::Rect* clip) {
  const auto inside = [&](const render::Rect& band) {
    return clip->x >= band.x && clip->y >= band.y && clip->x + clip->w <= band.x + band.w &&
           clip->y + clip->h <= band.y + band.h;
  };
  const auto meets = [&](const render::Rect& band) {
    return band.h > 0 && (clip == nullptr || (clip->x < band.x + band.w && band.x < clip->x + clip->w &&
                                              clip->y < band.y + band.h && band.y < clip->y + clip->h));
  };
  // The bands are opaque: the cards beneath one are not drawn.
  if (clip == nullptr || !(inside(geometry_.header) || inside(geometry_.progress) || inside(geometry_.crawl))) {
    drawCards(frame);
  }
  if (meets(geometry_.header)) drawHeader(cardShownAt(frame.cycle));
  if (meets(geometry_.progress)) drawProgress(marks);
  if (meets(geometry_.crawl)) drawCrawl(offset);
}

void SceneLoop::noteFrameWork(bool moving, int kind, double work_start) {
  if (!settings_.frame_stats) return;
  const double presented = clock_.now();
  if (moving && last_moving_present_ >= 0) frame_gaps_.push_back(presented - last_moving_present_);
  last_moving_present_ = moving ? presented : -1;
  frame_work_[kind].push_back(presented - work_start);
  if (!first_present_logged_) {
    first_present_logged_ = true;
    logInfo(joined("stats first_present_unix=", std::fixed, std::setprecision(6), clock_.wallTime()));
  }
}

void SceneLoop::reportFrame(const TimelineFrame& frame, double now, bool whole, int offset,
                            const render::ProgressMarks& marks) {
  if (!on_frame) return;
  SceneFrame info;
  info.time = now;
  info.cycle = frame.cycle;
  info.full = whole;
  info.swapping = frame.swapping();
  info.crawl_offset = offset;
  info.crawl_period = crawl_period_;
  const auto place = planner_.position(frame.cycle.current, timeline_.cycle());
  info.place = place.first;
  info.posts = place.second;
  info.loaded_at = content_->loaded_at;
  info.card = timeline_.cycle().card(frame.cycle.current);
  info.title = content_->playlist[info.card].title;
  info.file = content_->playlist[info.card].file;
  const render::HeaderContent& header = headerOf(cardShownAt(frame.cycle));
  info.position = header.position;
  info.time_text = header.time;
  info.progress = marks;
  on_frame(info);
}

void SceneLoop::logFrameStats() const {
  logInfo(framePacingSummary(frame_gaps_, screen_.frameInterval()));
  logInfo(frameWorkLine("still", frame_work_[0]));
  logInfo(frameWorkLine("transition", frame_work_[1]));
  logInfo(frameWorkLine("crawl", frame_work_[2]));
}

bool SceneLoop::sleepUntilNextDeadline(double now, double wake, bool moving, bool waiting) {
  // The next deadline: a card change (or, while a card is late, a look
  // whether it came), the clock's minute, the schedule, the next animation
  // frame, a reload, the watchdog; or an event or a wake-up before it.
  double deadline = std::min(waiting ? now + kLateCardPoll : timeline_.nextChange(now), wake);
  if (geometry_.header.h > 0 && settings_.screen.clock) {
    deadline = std::min(deadline, now + (60.0 - std::fmod(clock_.wallTime(), 60.0)) + 0.001);
  }
  if (settings_.schedule.enabled) {
    const double wall = clock_.wallTime();
    updateSchedule(wall);
    deadline = std::min(deadline, now + (schedule_change_wall_ - wall) + 0.001);
  }
  if (moving) deadline = std::min(deadline, screen_.vsync() ? now : frame_due_);
  else frame_due_ = now;  // the first frame of the next motion is due at once
  const double wall = clock_.wallTime();
  deadline = std::min(deadline, now + (planner_.nextChange(wall) - wall));
  if (reload_due_ >= 0) deadline = std::min(deadline, reload_due_);
  if (pending_ && !timeline_.swapping() && !shown_.transitioning()) deadline = now;
  if (!handleEvents(screen_.waitUntil(deadline))) return false;
  worker_.collect();
  return true;
}

bool SceneLoop::handleEvents(const std::vector<ScreenEvent>& events) {
  for (const ScreenEvent event : events) {
    if (event == ScreenEvent::Quit) return false;
    int w = 0, h = 0;
    screen_.outputSize(w, h);
    const bool same_size = w == compositor_->outputWidth() && h == compositor_->outputHeight();
    if (event == ScreenEvent::Exposed || (event == ScreenEvent::Resized && same_size)) redraw_ = true;
    else layOut();  // a new size, or lost textures: lay out again and prepare everything anew
  }
  return true;
}

}  // namespace newsticker::firmware
