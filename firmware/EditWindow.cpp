// SPDX-License-Identifier: Apache-2.0
#include "firmware/EditWindow.hpp"

#include <SDL.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "content/ShowWindow.hpp"
#include "firmware/CheckReport.hpp"
#include "firmware/ContentSession.hpp"
#include "firmware/ContentWatcher.hpp"
#include "firmware/GlyphCoverage.hpp"
#include "firmware/Log.hpp"
#include "firmware/ScreenshotRun.hpp"
#include "firmware/SdlRuntime.hpp"
#include "firmware/Slideshow.hpp"
#include "render/CardPainter.hpp"
#include "render/ScreenLayout.hpp"
#include "render/TextFitter.hpp"

namespace newsticker::firmware {
namespace {

namespace fs = std::filesystem;

constexpr int kGap = 16;          // between the screens, and around the notes
constexpr int kNotePx = 20;       // the notes' type size
constexpr int kNoteAdvance = 30;  // one note line
constexpr render::Color kGround{30, 32, 38};
constexpr render::Color kNoteColors[] = {{255, 120, 110}, {255, 196, 87}, {205, 214, 228}};  // error, warning, info

int cardWidth(const Options& options) { return options.width > 0 ? options.width : 1920; }
int cardHeight(const Options& options) { return options.height > 0 ? options.height : 1080; }

// The notes about `post` that --check gives: its images, characters no font
// draws, what its card cuts at the options' size, and when it shows.
void addCheckNotes(const Options& options, const ContentSession& session, const content::Post& post,
                   render::FontCache& fonts, std::vector<EditNote>& notes) {
  for (const content::Diagnostic& d : checkPostImages({post}, *session.tree)) {
    notes.push_back({EditNote::Kind::Warning, content::formatDiagnostic(d)});
  }
  for (const auto& [file, characters] : findMissingGlyphs({post}, fonts)) {
    std::string text = file + ": no font draws";
    for (const char32_t c : characters) {
      char code[16];
      std::snprintf(code, sizeof code, " U+%04X", static_cast<unsigned>(c));
      text += code;
    }
    notes.push_back({EditNote::Kind::Warning, text});
  }
  const int w = cardWidth(options), h = cardHeight(options);
  const render::CardSize size(w, h, render::layoutScreen(w, h, options.scene.screen).card_insets);
  const CardCuts cuts =
      measureCardCuts({post}, fonts, size, options.scene.theme, fallbackLanguage(session, options.language));
  std::string cut = cutNotes(cuts, post.file);
  for (std::size_t at = cut.find(" | "); at != std::string::npos; at = cut.find(" | ")) {
    const std::size_t next = cut.find(" | ", at + 3);
    notes.push_back({EditNote::Kind::Warning, post.file + ": " + cut.substr(at + 3, next - at - 3)});
    cut.erase(0, next);
  }
  const std::string& zone = options.scene.clock.time_zone;
  if (post.show.any()) {
    const bool now = content::showingAt({post}, static_cast<std::int64_t>(momentOf(options)), zone).front();
    notes.push_back({EditNote::Kind::Info, post.file + ": " + content::showRulesText(post.show, zone) +
                                               (now ? "" : " (not showing now; shown here all the same)")});
  }
}

// A panel of `w` x `h` saying that `file` does not parse, and why.
render::DrawList failureDrawList(const std::string& file, const std::string& reason, int w, int h,
                                 render::FontCache& fonts, render::LineBreaker& breaker) {
  render::DrawList list;
  list.width = w;
  list.height = h;
  list.commands.push_back(render::FillShape{{0, 0, w, h}, 0, {92, 24, 28}, {64, 18, 22}, 0});
  const int margin = std::max(12, h / 12);
  render::TextBox box;
  box.width = w - 2 * margin;
  box.max_lines = 2;
  box.max_px = std::max(14, h / 12);
  box.min_px = std::max(12, box.max_px * 2 / 3);
  box.weight = fonts::Weight::Bold;
  box.language = "en";
  const render::FittedText heading = render::fitText(file + " does not parse", box, fonts, breaker);
  box.weight = fonts::Weight::Regular;
  box.max_lines = 8;
  box.max_px = std::max(12, h / 18);
  box.min_px = std::max(10, box.max_px * 2 / 3);
  const render::FittedText why = render::fitText(reason, box, fonts, breaker);
  int y = margin;
  for (const render::FittedText* text : {&heading, &why}) {
    const render::FontMetrics m = fonts.metrics(text->font);
    for (std::size_t i = 0; i < text->lines.size(); ++i) {
      list.commands.push_back(
          render::TextRun{text->lines[i], text->lineFont(i), margin, y + m.ascent, {255, 236, 236}});
      y += text->line_advance;
    }
    y += text->line_advance / 2;
  }
  return list;
}

}  // namespace

EditTarget editTargetOf(const std::string& post_path, const std::string& content_dir) {
  std::error_code ec;
  const fs::path post = fs::weakly_canonical(fs::absolute(post_path, ec), ec);
  EditTarget target;
  fs::path folder;
  if (!content_dir.empty()) {
    folder = fs::weakly_canonical(fs::absolute(content_dir, ec), ec);
  } else {
    folder = post.parent_path();
    const std::string parent = folder.filename().string();
    if (parent == "posts" || parent == "_posts") folder = folder.parent_path();
  }
  const fs::path relative = post.lexically_relative(folder);
  if (relative.empty() || *relative.begin() == "..") {
    throw std::runtime_error(post_path + " is not inside the content folder " + content_dir);
  }
  target.content_dir = folder.string();
  target.file = relative.generic_string();
  return target;
}

EditView editView(const Options& options, const EditTarget& target, render::FontCache& fonts) {
  EditView view;
  view.file = target.file;
  content::LoadLimits limits = loadLimitsFor(options);
  limits.cache_file.clear();  // the file changes at every save: read it
  limits.only_file = target.file;
  ContentSession session = openContent(target.content_dir, true, limits, true);
  const auto post = std::find_if(session.feed.posts.begin(), session.feed.posts.end(),
                                 [&](const content::Post& p) { return p.file == target.file; });
  std::size_t warnings = 0;
  std::string failure;
  for (const content::Diagnostic& d : session.feed.diagnostics) {
    const bool error = d.severity == content::Severity::Error;
    view.notes.push_back({error ? EditNote::Kind::Error : EditNote::Kind::Warning, content::formatDiagnostic(d)});
    if (error && failure.empty()) failure = d.message;
  }
  if (post == session.feed.posts.end()) {
    if (failure.empty()) failure = "no post in " + target.file;
    view.failure = failure;
    view.summary = target.file + " does not parse: " + failure;
    return view;
  }
  addCheckNotes(options, session, *post, fonts, view.notes);
  for (const EditNote& note : view.notes) warnings += note.kind == EditNote::Kind::Warning;
  // The post alone, shown whatever its window says (an urgent one keeps its look).
  content::Post shown = *post;
  const bool urgent = shown.show.urgent;
  shown.show = content::ShowRules{};
  shown.show.urgent = urgent;
  session.playlist = {shown};
  view.landscape = firstScreen(options, session, fonts);
  if (options.edit_portrait) {
    view.portrait = firstScreen(options, session, fonts, cardHeight(options), cardWidth(options));
  }
  view.summary = target.file + ": " + std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
  return view;
}

render::SurfacePtr editSheet(const Options& options, const EditView& view, render::FontCache& fonts) {
  render::LineBreaker breaker;
  render::SurfacePtr failure;
  if (!view.landscape) {
    failure = render::paintDrawList(
        failureDrawList(view.file, view.failure, cardWidth(options), cardHeight(options), fonts, breaker), fonts, {});
  }
  SDL_Surface* first = view.landscape ? view.landscape.get() : failure.get();
  if (first == nullptr) return nullptr;
  const SDL_Surface* second = view.portrait.get();
  const int screens_w = first->w + (second ? kGap + second->w : 0);
  const int screens_h = std::max(first->h, second ? second->h : 0);
  const int notes = static_cast<int>(std::max<std::size_t>(view.notes.size(), 1));
  render::DrawList list;
  list.width = std::max(screens_w, 480);
  list.height = screens_h + 2 * kGap + notes * kNoteAdvance;
  list.commands.push_back(render::FillShape{{0, 0, list.width, list.height}, 0, kGround, kGround, 0});
  render::TextBox box;
  box.width = list.width - 2 * kGap;
  box.min_px = box.max_px = kNotePx;
  box.language = "en";
  const std::vector<EditNote> shown =
      view.notes.empty() ? std::vector<EditNote>{{EditNote::Kind::Info, "no warnings"}} : view.notes;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const render::FittedText line = render::fitText(shown[i].text, box, fonts, breaker);
    if (line.lines.empty()) continue;
    const int baseline = screens_h + kGap + static_cast<int>(i) * kNoteAdvance + fonts.metrics(line.font).ascent;
    list.commands.push_back(
        render::TextRun{line.lines[0], line.lineFont(0), kGap, baseline, kNoteColors[static_cast<int>(shown[i].kind)]});
  }
  render::SurfacePtr sheet = render::paintDrawList(list, fonts, {});
  if (!sheet) return nullptr;
  SDL_Rect at{0, 0, first->w, first->h};
  SDL_BlitSurface(first, nullptr, sheet.get(), &at);
  if (second != nullptr) {
    at = SDL_Rect{first->w + kGap, 0, second->w, second->h};
    SDL_BlitSurface(const_cast<SDL_Surface*>(second), nullptr, sheet.get(), &at);
  }
  return sheet;
}

}  // namespace newsticker::firmware
namespace newsticker::firmware {
namespace {

struct WindowCloser {
  void operator()(SDL_Window* window) const { SDL_DestroyWindow(window); }
};

// Shows `sheet` in `window` (resized to it), scaled down to fit the desktop
// when it is larger than that.
void present(SDL_Window* window, SDL_Surface& sheet) {
  SDL_Rect usable{0, 0, 0, 0};
  double scale = 1;
  if (SDL_GetDisplayUsableBounds(std::max(0, SDL_GetWindowDisplayIndex(window)), &usable) == 0 && usable.w > 0 &&
      usable.h > 0) {
    scale = std::min({1.0, usable.w * 0.95 / sheet.w, usable.h * 0.95 / sheet.h});
  }
  const int w = std::max(1, static_cast<int>(sheet.w * scale)), h = std::max(1, static_cast<int>(sheet.h * scale));
  int current_w = 0, current_h = 0;
  SDL_GetWindowSize(window, &current_w, &current_h);
  if (current_w != w || current_h != h) SDL_SetWindowSize(window, w, h);
  SDL_Surface* target = SDL_GetWindowSurface(window);
  if (target == nullptr) return;
  if (scale >= 1) {
    SDL_BlitSurface(&sheet, nullptr, target, nullptr);
  } else {
    render::SurfacePtr same(SDL_ConvertSurface(&sheet, target->format, 0));
    SDL_Rect to{0, 0, w, h};
    if (same) SDL_SoftStretchLinear(same.get(), nullptr, target, &to);
  }
  SDL_UpdateWindowSurface(window);
}

}  // namespace

int runEditWindow(const Options& options) {
  EditTarget target;
  try {
    target = editTargetOf(options.edit_file, options.content_dir);
  } catch (const std::exception& error) {
    logError(error.what());
    return 1;
  }
  std::error_code ec;
  if (!fs::is_directory(target.content_dir, ec)) {
    logError(target.content_dir + " is not a folder");
    return 1;
  }
  if (const auto missing = fonts::missingFontFiles(options.font_chain); !missing.empty()) {
    logError("font " + missing.front() + " not found: apt-get install fonts-noto-cjk (or set NEWSTICKER_FONT_DIR)");
    return 1;
  }
  std::unique_ptr<SdlRuntime> sdl;
  try {
    sdl = std::make_unique<SdlRuntime>("");
  } catch (const std::exception& error) {
    logError(std::string("edit needs a display (DISPLAY or WAYLAND_DISPLAY): ") + error.what());
    return 1;
  }
  render::FontCache fonts(options.font_chain);
  EditView view = editView(options, target, fonts);
  render::SurfacePtr sheet = editSheet(options, view, fonts);
  std::unique_ptr<SDL_Window, WindowCloser> window(
      sheet ? SDL_CreateWindow(("newsticker edit: " + target.file).c_str(), SDL_WINDOWPOS_CENTERED,
                               SDL_WINDOWPOS_CENTERED, sheet->w, sheet->h, SDL_WINDOW_SHOWN)
            : nullptr);
  if (!window) {
    logError(std::string("cannot open a window: ") + SDL_GetError());
    return 1;
  }
  present(window.get(), *sheet);
  std::cout << "drawn " << view.summary << std::endl;
  std::atomic<bool> changed{false};
  const Uint32 wake = SDL_RegisterEvents(1);
  ContentWatcher watcher(target.content_dir, [&changed, wake](bool) {
    changed.store(true);
    SDL_Event event{};
    event.type = wake;
    SDL_PushEvent(&event);
  });
  for (;;) {
    SDL_Event event;
    if (SDL_WaitEventTimeout(&event, 1000) == 0) continue;
    if (event.type == SDL_QUIT) return 0;
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE) return 0;
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_EXPOSED && sheet) {
      present(window.get(), *sheet);
    }
    if (!changed.exchange(false)) continue;
    // A save is often a few events (a write, a rename): they settle first.
    const auto saved = std::chrono::steady_clock::now();
    do SDL_Delay(25);
    while (changed.exchange(false));
    view = editView(options, target, fonts);
    if (render::SurfacePtr next = editSheet(options, view, fonts)) sheet = std::move(next);
    if (sheet) present(window.get(), *sheet);
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - saved).count();
    std::printf("redrawn %s in %.2f s\n", view.summary.c_str(), took);
    std::fflush(stdout);
  }
}

}  // namespace newsticker::firmware
