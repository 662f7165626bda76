// SPDX-License-Identifier: Apache-2.0
// The screen around the card: the header band (the venue's name comes first;
// in portrait the position and the weekday make way for it; its ends line up
// with the card's panel) and the progress track.
#include <doctest/doctest.h>

#include <algorithm>

#include "RealFonts.hpp"
#include "render/CardLayout.hpp"
#include "render/Contrast.hpp"
#include "render/ScreenLayout.hpp"

using namespace newsticker;

namespace {

render::HeaderContent harborHeader() {
  render::HeaderContent header;
  header.feed_name = "Harbor City Commons";
  header.position = "14 / 16";
  header.time = "6:02 PM";
  header.date = "Mon, Dec 7";
  header.date_short = "Dec 7";
  header.language = "en";
  return header;
}

std::vector<render::TextRun> headerRuns(const render::HeaderContent& header, int w, int h) {
  static render::LineBreaker breaker;
  const render::ScreenGeometry geometry = render::layoutScreen(w, h, {});
  const render::DrawList list =
      render::layoutHeader(header, geometry, render::screenStyleFor(render::Theme{}), realFonts(), breaker);
  std::vector<render::TextRun> runs;
  for (const auto& command : list.commands) {
    if (const auto* run = std::get_if<render::TextRun>(&command)) runs.push_back(*run);
  }
  return runs;
}

bool shows(const std::vector<render::TextRun>& runs, const std::string& text) {
  return std::any_of(runs.begin(), runs.end(), [&](const render::TextRun& r) { return r.text == text; });
}

}  // namespace

TEST_CASE("header: the venue's name first; in portrait the position, then the weekday make way for it") {
  const render::HeaderContent header = harborHeader();
  for (const auto& [w, h] : {std::pair{1920, 1080}, std::pair{1280, 720}, std::pair{3840, 2160}}) {
    const int width = w;  // (clang: a structured binding cannot be captured)
    CAPTURE(width);
    const auto runs = headerRuns(header, w, h);
    CHECK(shows(runs, "Harbor City Commons"));
    CHECK(shows(runs, "6:02 PM"));
    CHECK(shows(runs, "Mon, Dec 7"));
    CHECK(shows(runs, "14 / 16"));
  }
  // Portrait, with the feed's logo: the longer the name, the more makes way
  // for it, in order: the position, the weekday, the date; the name stays whole.
  render::HeaderContent venue = header;
  venue.feed_logo = "logos/harbor.png";
  const std::vector<std::pair<std::string, std::vector<std::string>>> steps = {
      {"Harbor City Commons", {"6:02 PM", "Mon, Dec 7"}},  // was "Harbor City Com…" beside "14 / 16"
      {"Harbor City Commons Library", {"6:02 PM", "Dec 7"}},
      {"Harbor City Commons Public Library", {"6:02 PM"}}};
  for (const auto& [name, right] : steps) {
    const std::string venue_name = name;  // (clang: a structured binding cannot be captured)
    CAPTURE(venue_name);
    venue.feed_name = name;
    const auto runs = headerRuns(venue, 1080, 1920);
    REQUIRE(runs.size() == right.size() + 1);
    for (std::size_t i = 0; i < right.size(); ++i) CHECK(runs[i].text == right[i]);
    CHECK(runs.back().text == name);
  }
  // A name too long for any room: the clock stays, the name is shortened beside it alone.
  venue.feed_name = "Harbor City Commons Community Centre and Public Library, Eastbank Branch";
  const auto squeezed = headerRuns(venue, 1080, 1920);
  REQUIRE(squeezed.size() == 2);
  CHECK(squeezed[0].text == "6:02 PM");
  CHECK(squeezed[1].text.rfind("Harbor City Commons", 0) == 0);
  CHECK(squeezed[1].text.size() < venue.feed_name.size());
}

TEST_CASE("header: its ends line up with the card panel's edges") {
  const render::Theme theme;
  for (const auto& [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}, std::pair{800, 480}}) {
    const int width = w;  // (clang: a structured binding cannot be captured)
    CAPTURE(width);
    const render::ScreenGeometry geometry = render::layoutScreen(w, h, {});
    const auto runs = headerRuns(harborHeader(), w, h);
    REQUIRE(runs.size() >= 2);
    static render::LineBreaker breaker;
    const render::DrawList card = render::layoutCard(content::Post{}, render::CardSize(w, h, geometry.card_insets),
                                                     theme, "en", realFonts(), breaker);
    const render::Rect& panel = std::get<render::FillShape>(card.commands[2]).rect;
    const render::TextRun& time = runs.front();
    const render::TextRun& name = runs.back();
    CHECK(geometry.header.x + name.x == panel.x);
    CHECK(std::abs(geometry.header.x + time.x + realFonts().width(time.text, time.font) - (panel.x + panel.w)) <= 1);
  }
}

TEST_CASE("progress: a segment per card up to 20 cards; beyond, the track is the current card's hold") {
  const render::Rect track{10, 500, 1900, 6};
  const render::ProgressMarks few = render::layoutProgress(track, 3, 16, 0.5);
  CHECK(few.done.size() == 3);
  CHECK(few.pending.size() == 12);
  CHECK(few.current.w < track.w / 16);
  CHECK(few.current_fill.w == doctest::Approx(few.current.w * 0.5).epsilon(0.05));
  for (const std::size_t count : {21u, 60u, 500u}) {
    CAPTURE(count);
    const render::ProgressMarks many = render::layoutProgress(track, 13, count, 0.25);
    CHECK(many.done.empty());
    CHECK(many.pending.empty());
    CHECK(many.current.x == track.x);
    CHECK(many.current.w == track.w);
    CHECK(many.current_fill.w == doctest::Approx(track.w * 0.25).epsilon(0.01));
  }
  // The filled part is clearly brighter than the rest of the track, in both themes.
  for (const std::string name : {"dark", "light"}) {
    CAPTURE(name);
    const render::ScreenStyle style = render::screenStyleFor(*render::themeNamed(name));
    CHECK(render::contrastRatio(style.track_current, style.track) >= 2.5);
  }
}
