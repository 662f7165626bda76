// SPDX-License-Identifier: Apache-2.0
// The card layout on its draw list, with the real fonts: exact strings and
// boxes (dates, captions, the byline, which face draws which run), the type
// scale of a cycle, summaries that use the room they have, balanced
// headlines, photo and QR code geometry, small screens and theme contrast.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "RealFonts.hpp"
#include "content/DemoFeed.hpp"
#include "content/DiskTree.hpp"
#include "content/FeedLoader.hpp"
#include "render/CardCaption.hpp"
#include "render/CardLayout.hpp"
#include "render/Contrast.hpp"
#include "render/QrCode.hpp"
#include "render/ScreenLayout.hpp"
#include "render/TextDirection.hpp"
#include "render/TextFitter.hpp"

using namespace newsticker;
using render::CardSize;
using render::Rect;
using render::TextRun;

namespace {

const CardSize kSizes[] = {{800, 480}, {1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}};

std::string sizeName(const CardSize& s) { return std::to_string(s.width) + "x" + std::to_string(s.height); }

// The same size with the insets the screen leaves around the card (header,
// progress track, crawl) when all of them are on.
CardSize withScreenInsets(const CardSize& s) {
  return CardSize(s.width, s.height, render::layoutScreen(s.width, s.height, {}).card_insets);
}

struct LaidOut {
  render::DrawList list;
  render::CardFit fit;
};

LaidOut layOut(const content::Post& post, const CardSize& size, const render::Theme& theme = {},
               const render::CardAssets& assets = {}) {
  static render::LineBreaker breaker;
  LaidOut out;
  out.list = render::layoutCard(post, size, theme, "en", realFonts(), breaker, assets, &out.fit);
  return out;
}

std::vector<TextRun> runs(const render::DrawList& list) {
  std::vector<TextRun> out;
  for (const auto& command : list.commands) {
    if (const auto* run = std::get_if<TextRun>(&command)) out.push_back(*run);
  }
  return out;
}

template <typename T>
std::vector<T> commandsOf(const render::DrawList& list) {
  std::vector<T> out;
  for (const auto& command : list.commands) {
    if (const auto* c = std::get_if<T>(&command)) out.push_back(*c);
  }
  return out;
}

bool isSummary(const TextRun& r, const render::Theme& t) {
  return r.color == t.summary && r.font.weight == fonts::Weight::Regular;
}
bool isHeadline(const TextRun& r, const render::Theme& t) {
  return r.color == t.headline && r.font.weight == fonts::Weight::Bold;
}

std::vector<TextRun> summaryRuns(const render::DrawList& list, const render::Theme& t = {}) {
  std::vector<TextRun> out;
  for (const TextRun& r : runs(list)) {
    if (isSummary(r, t)) out.push_back(r);
  }
  return out;
}

std::vector<TextRun> headlineRuns(const render::DrawList& list, const render::Theme& t = {}) {
  std::vector<TextRun> out;
  for (const TextRun& r : runs(list)) {
    if (isHeadline(r, t)) out.push_back(r);
  }
  return out;
}

// The box the glyphs of `run` can cover.
Rect inkBox(const TextRun& run) {
  const render::FontMetrics m = realFonts().metrics(run.font);
  return Rect{run.x, run.baseline - m.ascent, realFonts().width(run.text, run.font), m.ascent + m.descent};
}

bool overlaps(const Rect& a, const Rect& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

bool inside(const Rect& inner, const Rect& outer) {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w &&
         inner.y + inner.h <= outer.y + outer.h;
}

bool endsWithEllipsis(const std::string& s) {
  const auto endsWith = [&](const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
  };
  return endsWith("...") || endsWith("\xE2\x80\xA6");
}

std::size_t wordCount(const std::string& text) {
  std::istringstream in(text);
  std::string word;
  std::size_t n = 0;
  while (in >> word) ++n;
  return n;
}

const Rect& panelOf(const render::DrawList& list) { return std::get<render::FillShape>(list.commands[2]).rect; }

content::Feed seedsFeed() {
  // The seeds are part of the acceptance criteria: their absence is a failure, not a skip.
  REQUIRE_MESSAGE(std::filesystem::is_directory(NEWSTICKER_SEEDS_DIR), "seeds folder missing: " NEWSTICKER_SEEDS_DIR);
  static const content::DiskTree tree(NEWSTICKER_SEEDS_DIR);
  content::Feed feed = content::loadFeed(tree);
  REQUIRE(feed.posts.size() >= 5);
  return feed;
}

content::Post newsPost() {
  content::Post post;
  post.file = "posts/test.md";
  post.title = "Riverline Transit Puts Live Arrival Times on Every Tram Stop Display";
  post.summary =
      "All 86 tram stop displays in Harbor City now show live arrival predictions from Riverline's "
      "open data service, replacing printed timetables that often went stale after schedule changes.";
  post.source = "Riverline Transit Newsroom";
  post.date = "2026-11-02T09:30:00Z";
  post.language = "en";
  post.logo = "logos/riverline.png";
  return post;
}

std::string describe(const render::DrawCommand& command) {
  std::ostringstream out;
  if (const auto* s = std::get_if<render::FillShape>(&command)) {
    out << "shape " << s->rect.x << "," << s->rect.y << "," << s->rect.w << "," << s->rect.h << " r" << s->radius;
  } else if (const auto* r = std::get_if<TextRun>(&command)) {
    out << "text '" << r->text << "' " << r->font.px << r->font.language << " @" << r->x << "," << r->baseline;
  } else if (const auto* l = std::get_if<render::Logo>(&command)) {
    out << "logo " << l->path << " " << l->box.x << "," << l->box.y << "," << l->box.w << "," << l->box.h;
  } else if (const auto* p = std::get_if<render::Photo>(&command)) {
    out << "photo " << p->path << " " << p->box.x << "," << p->box.y << "," << p->box.w << "," << p->box.h;
  } else if (const auto* q = std::get_if<render::QrCode>(&command)) {
    out << "qr " << q->text << " " << q->box.x << "," << q->box.y << "," << q->box.w << "," << q->box.h;
  }
  return out.str();
}

double contrast(const render::Color& a, const render::Color& b) { return render::contrastRatio(a, b); }

// Every card of `feed` at every size, with and without the screen's insets.
template <typename Check>
void forEveryCard(const content::Feed& feed, Check check) {
  for (const CardSize& bare : kSizes) {
    for (const CardSize& size : {bare, withScreenInsets(bare)}) {
      for (const content::Post& post : feed.posts) {
        CAPTURE(sizeName(size));
        CAPTURE(size.insets.top);
        CAPTURE(post.file);
        check(post, size, layOut(post, size));
      }
    }
  }
}

// A cut summary fills its column: below its last line there is no room for
// another (the related headlines, when shown, take the bottom of the column).
void checkSummaryUsesItsRoom(const content::Post& post, const CardSize& size, const LaidOut& card) {
  (void)post;
  (void)size;
  const render::Theme theme;
  const std::vector<TextRun> summary = summaryRuns(card.list);
  const Rect& panel = panelOf(card.list);
  // The column's end is the real limit of the text and lies in the panel's bottom padding band.
  CHECK(card.fit.text_bottom <= panel.y + panel.h);
  CHECK(card.fit.text_bottom >= panel.y + panel.h - panel.h / 8);
  for (const TextRun& r : runs(card.list)) {
    if (r.color == theme.summary || r.color == theme.headline) CHECK(r.baseline <= card.fit.text_bottom);
  }
  if (summary.empty() || !endsWithEllipsis(summary.back().text)) {
    CHECK_FALSE(card.fit.summary.cut);
    return;
  }
  CHECK(card.fit.summary.cut);
  const render::FontSpec& font = summary.back().font;
  const int advance = static_cast<int>(std::lround(font.px * 1.42));
  const render::FontMetrics m = realFonts().metrics(font);
  const int last_box_bottom = summary.back().baseline - (advance + m.ascent - m.descent) / 2 + advance;
  int column_end = card.fit.body_bottom;
  for (const TextRun& r : runs(card.list)) {
    if (r.color == theme.related && r.baseline > summary.back().baseline) {
      column_end = std::min(column_end, inkBox(r).y - font.px / 2);
    }
  }
  INFO("last summary line: " << summary.back().text);
  CHECK(column_end - last_box_bottom < advance);
}

}  // namespace

TEST_CASE("no summary of the demo feed ends in an ellipsis while its column has room for another line") {
  forEveryCard(content::loadFeed(content::demoFeed()), checkSummaryUsesItsRoom);
}

TEST_CASE("no summary of the seeds ends in an ellipsis while its column has room for another line") {
  forEveryCard(seedsFeed(), checkSummaryUsesItsRoom);
}

TEST_CASE("one type scale per screen: each role one size across the demo cycle, the headline at one of two steps") {
  const content::Feed feed = content::loadFeed(content::demoFeed());
  const render::Theme theme;
  for (const CardSize& bare : kSizes) {
    for (const CardSize& size : {bare, withScreenInsets(bare)}) {
      CAPTURE(sizeName(size));
      const render::CardTypeScale scale = render::cardTypeScale(size, theme);
      CHECK(scale.headline_small < scale.headline);
      CHECK(scale.headline_small > scale.summary);
      std::map<std::string, std::set<int>> sizes;  // role -> sizes seen in the cycle
      int at_larger_step = 0;
      for (const content::Post& post : feed.posts) {
        CAPTURE(post.file);
        const LaidOut card = layOut(post, size);
        for (const TextRun& r : runs(card.list)) {
          if (isHeadline(r, theme)) sizes["headline"].insert(r.font.px);
          else if (isSummary(r, theme)) sizes["summary"].insert(r.font.px);
          else if (r.color == theme.meta || r.color == theme.related) sizes["meta"].insert(r.font.px);
          else if (r.color == theme.summary) sizes["source"].insert(r.font.px);
          else if (r.color == theme.chip_text) sizes["chip"].insert(r.font.px);
          else if (r.color == theme.secondary) sizes["secondary"].insert(r.font.px);
        }
        at_larger_step += card.fit.headline_px == scale.headline;
        CHECK((card.fit.headline_px == scale.headline || card.fit.headline_px == scale.headline_small));
        // A headline takes the smaller step only when it needs more lines than it has at the larger one.
        if (card.fit.headline_px == scale.headline_small) {
          content::Post shorter = post;
          shorter.title = post.title.substr(0, post.language.isCjk() ? 18 : 24);
          CHECK(layOut(shorter, size).fit.headline_px == scale.headline);
        }
      }
      CHECK(sizes["headline"].size() <= 2);
      for (const char* role : {"summary", "meta", "source", "chip", "secondary"}) {
        CAPTURE(role);
        CHECK(sizes[role].size() <= 1);
      }
      CHECK(*sizes["summary"].begin() == scale.summary);
      CHECK(*sizes["meta"].begin() == scale.meta);
      CHECK(*sizes["source"].begin() == scale.meta);
      // Most of the cycle (a small panel gives its headline two lines only).
      if (!scale.small_panel) CHECK(at_larger_step * 2 > static_cast<int>(feed.posts.size()));
    }
  }
}

TEST_CASE("headline lines are balanced: the same count as greedy wrapping, no lone last word") {
  render::LineBreaker breaker;
  const std::string title = "Riverline Adds Bicycle Racks to All Harbour Ferries Ahead of Winter Timetable";
  render::TextBox box;
  box.max_lines = 4;
  box.min_px = box.max_px = 92;
  box.line_height = 1.12;
  box.weight = fonts::Weight::Bold;
  box.language = "en";
  int tested = 0;
  for (int width = 900; width <= 2400; width += 7) {
    box.width = width;
    box.balance = false;
    const render::FittedText greedy = render::fitText(title, box, realFonts(), breaker);
    if (greedy.ellipsised || greedy.lines.size() < 2 || wordCount(greedy.lines.back()) != 1) continue;
    ++tested;
    CAPTURE(width);
    box.balance = true;
    const render::FittedText balanced = render::fitText(title, box, realFonts(), breaker);
    REQUIRE(balanced.lines.size() == greedy.lines.size());
    CHECK(wordCount(balanced.lines.back()) >= 2);
    std::string joined;
    for (const auto& line : balanced.lines) joined += (joined.empty() ? "" : " ") + line;
    CHECK(joined == title);
    int shortest = width, longest = 0;
    for (const auto& line : balanced.lines) {
      const int w = realFonts().width(line, balanced.font);
      CHECK(w <= width);
      shortest = std::min(shortest, w);
      longest = std::max(longest, w);
    }
    CHECK(shortest * 2 >= longest);  // no line less than half as long as the longest
  }
  CHECK(tested > 0);

  // On cards: no multi-line headline of the demo feed ends with one short
  // lone word (a word as long as half the longest line is a line of its own).
  const content::Feed feed = content::loadFeed(content::demoFeed());
  for (const CardSize& size : kSizes) {
    for (const content::Post& post : feed.posts) {
      if (post.language != "en") continue;
      const LaidOut card = layOut(post, size);
      const std::vector<TextRun> headline = headlineRuns(card.list);
      CAPTURE(sizeName(size));
      CAPTURE(post.title);
      // A headline at its smallest size takes the lines it needs, as they come.
      const int cycle_px = std::max(33, static_cast<int>(std::lround(92 * std::min(size.width, size.height) / 1080.0)));
      if (card.fit.headline_px < cycle_px * 3 / 4) continue;
      if (headline.size() < 2 || wordCount(headline.back().text) >= 2) continue;
      int longest = 0;
      for (const TextRun& line : headline) longest = std::max(longest, realFonts().width(line.text, line.font));
      // Unless the last word and the one before it are too wide for one line together.
      const std::string& before = headline[headline.size() - 2].text;
      const std::string pair = before.substr(before.find_last_of(' ') + 1) + " " + headline.back().text;
      const int column =
          panelOf(card.list).w - 2 * render::chromePixels(render::Theme{}.padding_x, size.width, size.height);
      if (realFonts().width(pair, headline.back().font) > column) continue;
      CHECK(realFonts().width(headline.back().text, headline.back().font) * 2 >= longest);
    }
  }
}

TEST_CASE("a summary avoids a one-word last line when narrowing its lines a little avoids it") {
  render::LineBreaker breaker;
  const std::string text =
      "From this Saturday, Brightforge Makerspace will open its workshop on the first weekend of "
      "every month so that neighbours can bring broken lamps, radios, toasters and bicycles.";
  render::TextBox box;
  box.max_lines = 10;
  box.min_px = box.max_px = 48;
  box.line_height = 1.42;
  box.language = "en";
  int tested = 0;
  for (int width = 700; width <= 1800; width += 11) {
    box.width = width;
    box.avoid_widow = false;
    const render::FittedText greedy = render::fitText(text, box, realFonts(), breaker);
    if (greedy.lines.size() < 2 || wordCount(greedy.lines.back()) != 1) continue;
    box.avoid_widow = true;
    const render::FittedText fixed = render::fitText(text, box, realFonts(), breaker);
    CAPTURE(width);
    CHECK(fixed.lines.size() == greedy.lines.size());
    if (wordCount(fixed.lines.back()) >= 2) ++tested;
  }
  CHECK(tested > 0);
}

TEST_CASE("the byline: source and date exactly, the source shortened (or on two lines), the date always whole") {
  const render::Theme theme;
  content::Post post = newsPost();
  LaidOut card = layOut(post, {1920, 1080});
  std::vector<std::string> meta;
  for (const TextRun& r : runs(card.list)) {
    const bool source = r.color == theme.summary && r.font.weight == fonts::Weight::Bold;
    if (r.color == theme.meta || source) meta.push_back(r.text);
  }
  REQUIRE(meta.size() == 2);
  CHECK(meta[0] == "Riverline Transit Newsroom");
  CHECK(meta[1] == "2 Nov 2026");

  // A source too long for its line takes two, then is shortened; the date is untouched.
  post.source = "The Harbor City Metropolitan Transit Authority Communications and Passenger Information Office";
  for (const CardSize& size : kSizes) {
    CAPTURE(sizeName(size));
    card = layOut(post, size);
    const auto all = runs(card.list);
    const auto source = std::find_if(all.begin(), all.end(), [&](const TextRun& r) {
      return r.color == theme.summary && r.font.weight == fonts::Weight::Bold;
    });
    const auto date = std::find_if(all.begin(), all.end(), [&](const TextRun& r) { return r.color == theme.meta; });
    REQUIRE(source != all.end());
    REQUIRE(date != all.end());
    // One line, or two in a narrow footer; the last ends with an ellipsis.
    const auto last_source = std::prev(date);
    CHECK(last_source - source <= 1);
    CAPTURE(last_source->text);
    CAPTURE(source->text);
    CHECK((endsWithEllipsis(last_source->text) || source->text + " " + last_source->text == post.source));
    CHECK(source->text.rfind("The Harbor City", 0) == 0);
    CHECK(date->text == "2 Nov 2026");
    CHECK(inkBox(*source).x + inkBox(*source).w <= panelOf(card.list).x + panelOf(card.list).w);
    CHECK(source->font.px >= theme.min_text_px);
  }

  // Dates follow the post's language.
  post = newsPost();
  post.language = "fr";
  post.date = "2024-02-27";
  CHECK(runs(layOut(post, {1920, 1080}).list)[1].text == "27 f\xC3\xA9vr. 2024");
  post.language = "ja";
  const auto ja = runs(layOut(post, {1920, 1080}).list);
  const auto ja_date = std::find_if(ja.begin(), ja.end(), [&](const TextRun& r) { return r.color == theme.meta; });
  REQUIRE(ja_date != ja.end());
  CHECK(ja_date->text ==
        "2024\xE5\xB9\xB4"
        "2\xE6\x9C\x88"
        "27\xE6\x97\xA5");
  CHECK(ja_date->font.language == "ja");
}

// The meta-coloured run of `card` (the date line), or "" when there is none.
std::string dateLine(const render::DrawList& card, const render::Theme& theme = {}) {
  for (const TextRun& r : runs(card)) {
    if (r.color == theme.meta) return r.text;
  }
  return "";
}

TEST_CASE("the author is a byline after the date when it is not the source and fits, never the source") {
  const render::Theme theme;
  content::Post post = newsPost();
  post.topics = {"transit", "trams", "open data"};
  post.author = "Mara Okafor";
  const std::string dot = " \xC2\xB7 ";
  for (const CardSize& size : kSizes) {
    CAPTURE(sizeName(size));
    const LaidOut card = layOut(post, size);
    CHECK(dateLine(card.list) == "2 Nov 2026" + dot + "Mara Okafor");
    const auto all = runs(card.list);
    CHECK(std::count_if(all.begin(), all.end(),
                        [](const TextRun& r) { return r.text == "Riverline Transit Newsroom"; }) == 1);
    // The byline costs no topic chip: as many chips as with the date alone.
    content::Post anonymous = post;
    anonymous.author.clear();
    CHECK(runs(card.list).size() == runs(layOut(anonymous, size).list).size());
  }
  // An author who is the source (a folder's post whose author became its
  // source) is not repeated.
  post.author = post.source;
  CHECK(dateLine(layOut(post, {1920, 1080}).list) == "2 Nov 2026");
  // The theme can turn bylines off.
  post.author = "Mara Okafor";
  render::Theme no_byline;
  no_byline.byline = false;
  CHECK(dateLine(layOut(post, {1920, 1080}, no_byline).list, no_byline) == "2 Nov 2026");
  // No room: an author too long for the line is left out whole, never cut;
  // the date stays.
  post.author = "The Harbor City Metropolitan Transit Authority Communications and Passenger Information Office";
  for (const CardSize& size : kSizes) {
    CAPTURE(sizeName(size));
    CHECK(dateLine(layOut(post, size).list) == "2 Nov 2026");
  }
  // Nor does a byline push a topic chip off the footer: at 1280x720 two chips
  // beside a long-ish author leave no room for both.
  post.author = "Mara Okafor-Lindqvist, Passenger Information Office";
  const LaidOut small = layOut(post, {1280, 720});
  content::Post anonymous = post;
  anonymous.author.clear();
  CHECK(dateLine(small.list) == "2 Nov 2026");
  CHECK(runs(small.list).size() == runs(layOut(anonymous, {1280, 720}).list).size());
  // Dates in the post's language, the author after them.
  post.author = "山田花子";
  post.language = "ja";
  post.date = "2024-02-27";
  CHECK(dateLine(layOut(post, {1920, 1080}).list) ==
        "2024\xE5\xB9\xB4"
        "2\xE6\x9C\x88"
        "27\xE6\x97\xA5" +
            dot + "山田花子");
}

TEST_CASE("a post with no source and no logo shows no badge, only its date") {
  const render::Theme theme;
  content::Post post = newsPost();
  post.source.clear();
  post.logo.clear();
  const LaidOut card = layOut(post, {1920, 1080});
  // Background, shadow and panel, then no shape at all (no badge, no chips, no QR).
  CHECK(commandsOf<render::FillShape>(card.list).size() == 3);
  CHECK(commandsOf<render::Logo>(card.list).empty());
  const auto all = runs(card.list);
  REQUIRE_FALSE(all.empty());
  CHECK(all[0].text == "2 Nov 2026");
  CHECK(all[0].color == theme.meta);
  CHECK(all[1].text.rfind("Riverline Transit Puts", 0) == 0);
  CHECK(all[0].x == all[1].x);  // the date starts the column, where a badge would have been
  for (const TextRun& r : all) CHECK(r.text != "R");
}

TEST_CASE("a wide logo gets a wide tile; a square one a square tile") {
  content::Post post = newsPost();
  const render::Logo square = commandsOf<render::Logo>(layOut(post, {1920, 1080}).list).at(0);
  CHECK(square.box.w == square.box.h);
  const render::Logo wide = commandsOf<render::Logo>(layOut(post, {1920, 1080}, {}, {3.0}).list).at(0);
  CHECK(wide.box.h == square.box.h);
  CHECK(wide.box.w >= wide.box.h * 5 / 2);
  // The byline moves right of the wider tile.
  const auto all = runs(layOut(post, {1920, 1080}, {}, {3.0}).list);
  CHECK(all[0].text == "Riverline Transit Newsroom");
  CHECK(all[0].x > wide.box.x + wide.box.w);
}

TEST_CASE("topics are chips: slugs read as words in capitals, at most two, each on its own rounded shape") {
  const render::Theme theme;
  content::Post post = newsPost();
  post.topics = {"northstack", "call-for-talks", "open_data"};
  const LaidOut card = layOut(post, {1920, 1080});
  std::vector<TextRun> chips;
  for (const TextRun& r : runs(card.list)) {
    if (r.color == theme.chip_text) chips.push_back(r);
  }
  REQUIRE(chips.size() == 2);
  CHECK(chips[0].text == "NORTHSTACK");
  CHECK(chips[1].text == "CALL FOR TALKS");
  const auto shapes = commandsOf<render::FillShape>(card.list);
  for (const TextRun& chip : chips) {
    const bool on_a_chip = std::any_of(shapes.begin(), shapes.end(), [&](const render::FillShape& s) {
      return s.top == theme.chip_fill && inside(inkBox(chip), s.rect) && s.radius * 2 >= s.rect.h - 1;
    });
    CHECK(on_a_chip);
  }
  CHECK(render::topicLabel("call-for-talks") == "call for talks");
  CHECK(render::topicLabel("Open Data") == "Open Data");
  CHECK(render::topicLabel("C++-17") == "C++-17");
  CHECK(render::chipLabel("Open Data", "en") == "OPEN DATA");
  CHECK(render::chipLabel("istanbul", "tr") == "\xC4\xB0STANBUL");                           // dotted capital I
  CHECK(render::chipLabel("\xE5\xA4\xA9\xE6\x96\x87", "ja") == "\xE5\xA4\xA9\xE6\x96\x87");  // no case
}

TEST_CASE("a photo gets a 3:2 or 16:9 slot: top right beside the text in landscape, a 16:9 band above it in portrait") {
  const render::Theme theme;
  content::Post post = newsPost();
  post.photo = "images/harbour.jpg";
  post.url = "https://example.net/newsroom/2026/11/live-arrivals";
  for (const double aspect : {1.5, 16.0 / 9.0, 0.75, 2.4}) {
    render::CardAssets assets;
    assets.photo_aspect = aspect;
    for (const CardSize& bare : kSizes) {
      for (const CardSize& size : {bare, withScreenInsets(bare)}) {
        // Landscape: the photo's own shape, 3:2 or 16:9; portrait: a 16:9 band.
        const double slot = aspect >= 1.6 || size.height > size.width ? 16.0 / 9.0 : 1.5;
        CAPTURE(sizeName(size));
        CAPTURE(aspect);
        const LaidOut card = layOut(post, size, theme, assets);
        const auto photos = commandsOf<render::Photo>(card.list);
        REQUIRE(photos.size() == 1);
        const Rect& box = photos[0].box;
        const Rect& panel = panelOf(card.list);
        CHECK(photos[0].path == "images/harbour.jpg");
        CHECK(inside(box, panel));
        CHECK(photos[0].radius > 0);
        CHECK(static_cast<double>(box.w) / box.h == doctest::Approx(slot).epsilon(0.02));
        for (const TextRun& r : runs(card.list)) {
          CAPTURE(r.text);
          CHECK_FALSE(overlaps(inkBox(r), box));
          if (size.width > size.height && !(r.color == theme.qr_dark)) CHECK(inkBox(r).x + inkBox(r).w <= box.x);
          if (size.width < size.height) CHECK(inkBox(r).y >= box.y + box.h);
        }
        // Never under the QR tile, and the tile never on it.
        for (const render::FillShape& shape : commandsOf<render::FillShape>(card.list)) {
          if (shape.top == theme.qr_light) CHECK_FALSE(overlaps(shape.rect, box));
        }
        if (size.width > size.height) {
          CHECK(box.w >= panel.w / 4);
          CHECK(box.y + box.h <= panel.y + panel.h * 2 / 3);
        } else {
          CHECK(box.w >= panel.w * 3 / 4);
          CHECK(box.y < panel.y + panel.h / 10);
        }
      }
    }
  }
  // Without a photo, no Photo command.
  CHECK(commandsOf<render::Photo>(layOut(newsPost(), {1920, 1080}).list).empty());
}

TEST_CASE("the QR code: square, big enough to scan at 1080p, inside the card, its caption under it, clear of text") {
  const render::Theme theme;
  content::Post post = newsPost();
  post.url = "https://example.net/newsroom/2026/11/live-arrivals-at-every-stop";
  const render::QrMatrix matrix = render::encodeQr(post.url);
  REQUIRE_FALSE(matrix.empty());
  for (const bool with_photo : {false, true}) {
    post.photo = with_photo ? "images/harbour.jpg" : "";
    for (const CardSize& bare : kSizes) {
      for (const CardSize& size : {bare, withScreenInsets(bare)}) {
        CAPTURE(sizeName(size));
        CAPTURE(with_photo);
        const LaidOut card = layOut(post, size);
        const auto codes = commandsOf<render::QrCode>(card.list);
        REQUIRE(codes.size() == 1);
        const render::QrCode& code = codes[0];
        CHECK(code.text == post.url);
        CHECK(code.box.w == code.box.h);
        // Quiet zone included: the box holds the symbol and 4 modules each side.
        const int module = code.box.w / (matrix.size + 8);
        const int short_side = std::min(size.width, size.height);
        CHECK(module * 1080 >= 6 * short_side - 1080);  // 6 px at 1080p, in proportion elsewhere
        if (short_side >= 1080) CHECK(module >= 6 * short_side / 1080);
        CHECK(inside(code.box, panelOf(card.list)));
        // The tile under the code and its caption.
        const auto shapes = commandsOf<render::FillShape>(card.list);
        const auto tile = std::find_if(shapes.begin(), shapes.end(), [&](const render::FillShape& s) {
          return s.top == theme.qr_light && inside(code.box, s.rect);
        });
        REQUIRE(tile != shapes.end());
        std::vector<TextRun> caption;
        for (const TextRun& r : runs(card.list)) {
          if (r.color == theme.qr_dark) caption.push_back(r);
        }
        REQUIRE(caption.size() == 1);
        CHECK(caption[0].text == "Scan to read");
        CHECK(caption[0].text == render::scanCaption("en"));
        const Rect ink = inkBox(caption[0]);
        CHECK(ink.y >= code.box.y + code.box.h - 2);
        CHECK(inside(ink, tile->rect));
        CHECK(std::abs((ink.x + ink.w / 2) - (code.box.x + code.box.w / 2)) <= 1);
        // No other text touches the tile, nor the photo; the tile sits on the
        // text's own margins, right and bottom.
        for (const TextRun& r : runs(card.list)) {
          if (r.color == theme.qr_dark) continue;
          CAPTURE(r.text);
          CHECK_FALSE(overlaps(inkBox(r), tile->rect));
        }
        if (with_photo) CHECK_FALSE(overlaps(tile->rect, commandsOf<render::Photo>(card.list).at(0).box));
        const Rect& panel = panelOf(card.list);
        CHECK(tile->rect.y + tile->rect.h == card.fit.text_bottom);
        CHECK(panel.x + panel.w - (tile->rect.x + tile->rect.w) ==
              render::chromePixels(theme.padding_x, size.width, size.height));
      }
    }
  }
  // The caption follows the post's language; the theme can turn the code off.
  post.photo.clear();
  post.language = "fr";
  bool french = false;
  for (const TextRun& r : runs(layOut(post, {1920, 1080}).list)) {
    french |= r.text == "Scannez pour lire" && r.font.language == "fr";
  }
  CHECK(french);
  render::Theme no_qr;
  no_qr.qr = false;
  CHECK(commandsOf<render::QrCode>(layOut(post, {1920, 1080}, no_qr).list).empty());
  post.url.clear();
  CHECK(commandsOf<render::QrCode>(layOut(post, {1920, 1080}).list).empty());
}

TEST_CASE("QR module estimate: the smallest version at level M holds the bytes") {
  CHECK(render::qrModulesFor(14) == 21);
  CHECK(render::qrModulesFor(15) == 25);
  CHECK(render::qrModulesFor(64) == 37);
  CHECK(render::qrModulesFor(2331) == 177);
  for (std::size_t bytes : {10u, 30u, 64u, 90u, 200u, 600u}) {
    CAPTURE(bytes);
    const render::QrMatrix m = render::encodeQr(std::string(bytes, 'a'));
    CHECK(m.size <= render::qrModulesFor(bytes));
  }
}

TEST_CASE("small screens: text stays large enough to read (body and meta at least 22 px)") {
  const render::Theme theme;
  const content::Feed feed = content::loadFeed(content::demoFeed());
  for (const CardSize& bare : {CardSize{800, 480}, CardSize{1024, 600}}) {
    for (const CardSize& size : {bare, withScreenInsets(bare)}) {
      for (const content::Post& post : feed.posts) {
        CAPTURE(sizeName(size));
        CAPTURE(post.file);
        const LaidOut card = layOut(post, size);
        for (const TextRun& r : runs(card.list)) {
          CAPTURE(r.text);
          if (r.color == theme.summary || r.color == theme.meta || r.color == theme.related ||
              r.color == theme.secondary) {
            CHECK(r.font.px >= 22);
          } else if (isHeadline(r, theme)) {
            CHECK(r.font.px >= 30);
            CHECK(r.font.px > card.fit.summary_px);  // a headline never drops below the summary
          } else if (r.color == theme.chip_text) {
            CHECK(r.font.px >= 20);
          } else if (r.color == theme.qr_dark) {
            CHECK(r.font.px >= 16);
          }
        }
        // Not the 1080p card scaled down: the summary is larger than that would give.
        if (card.fit.summary_px > 0 && !card.fit.summary.cut) {
          CHECK(card.fit.summary_px * 1080 > theme.summary_px * 0.8 * std::min(size.width, size.height));
        }
      }
    }
  }
}

TEST_CASE("themes: headline, summary and meta text have at least 7:1 contrast on the panel, dark and light") {
  CHECK(render::themeNamed("dark").has_value());
  CHECK(render::themeNamed("light").has_value());
  CHECK_FALSE(render::themeNamed("sepia").has_value());
  for (const render::Theme& theme : {render::darkTheme(), render::lightTheme()}) {
    for (const render::Color& panel : {theme.panel_top, theme.panel_bottom}) {
      CHECK(contrast(theme.headline, panel) >= 7.0);
      CHECK(contrast(theme.summary, panel) >= 7.0);
      CHECK(contrast(theme.meta, panel) >= 7.0);
      CHECK(contrast(theme.related, panel) >= 7.0);
      CHECK(contrast(theme.secondary, panel) >= 4.5);
    }
    CHECK(contrast(theme.chip_text, theme.chip_fill) >= 7.0);
    CHECK(contrast(theme.qr_dark, theme.qr_light) >= 12.0);
  }
  CHECK(render::darkTheme().headline == render::Theme{}.headline);
  CHECK_FALSE(render::lightTheme().panel_top == render::darkTheme().panel_top);
}

TEST_CASE("which face draws which run: each text in its own language") {
  const content::Feed feed = content::loadFeed(content::demoFeed());
  const auto post = [&](const std::string& part) {
    for (const auto& p : feed.posts) {
      if (p.file.find(part) != std::string::npos) return p;
    }
    FAIL("no demo post " << part);
    return content::Post{};
  };
  const render::Theme theme;
  const content::Post ja = post("aurora-planetarium");
  for (const TextRun& r : runs(layOut(ja, {1920, 1080}).list)) {
    CAPTURE(r.text);
    if (!(r.color == render::Color{255, 255, 255})) CHECK(r.font.language == "ja");
  }
  const content::Post en_zh = post("tidewater-opens");
  REQUIRE_FALSE(en_zh.secondary_title.empty());
  bool secondary_seen = false;
  for (const TextRun& r : runs(layOut(en_zh, withScreenInsets({1920, 1080})).list)) {
    if (r.color == theme.secondary) {
      secondary_seen = true;
      CHECK(r.font.language == en_zh.secondary_language);
      CHECK(en_zh.secondary_title.find(r.text) != std::string::npos);
    } else if (isHeadline(r, theme) || isSummary(r, theme)) {
      CHECK(r.font.language == "en");
    }
  }
  CHECK(secondary_seen);
}

TEST_CASE("the card says what it cut: words shown of words in the text") {
  content::Post post = newsPost();
  LaidOut card = layOut(post, {1920, 1080});
  CHECK_FALSE(card.fit.title.cut);
  CHECK_FALSE(card.fit.summary.cut);
  CHECK(card.fit.summary.words_total == static_cast<int>(wordCount(post.summary)));
  CHECK(card.fit.summary.words_shown == card.fit.summary.words_total);
  CHECK(card.fit.title.words_total == 11);

  for (int i = 0; i < 4; ++i) post.summary += " " + post.summary;
  card = layOut(post, withScreenInsets({800, 480}));
  REQUIRE(card.fit.summary.cut);
  const std::vector<TextRun> summary = summaryRuns(card.list);
  REQUIRE_FALSE(summary.empty());
  std::string shown;
  for (const TextRun& r : summary) shown += r.text + " ";
  shown = shown.substr(0, shown.find("..."));
  INFO("shown: " << shown);
  CHECK(card.fit.summary.words_shown == static_cast<int>(wordCount(shown)));
  CHECK(card.fit.summary.words_shown < card.fit.summary.words_total);
  CHECK(card.fit.summary.words_total == static_cast<int>(wordCount(post.summary)));
}

TEST_CASE("the panel stays inside the insets; the background fills the card") {
  const render::Insets insets{100, 20, 80, 30};
  const LaidOut card = layOut(newsPost(), CardSize(1920, 1080, insets));
  const auto& background = std::get<render::FillShape>(card.list.commands[0]);
  CHECK(background.rect.x == 0);
  CHECK(background.rect.y == 0);
  CHECK(background.rect.w == 1920);
  CHECK(background.rect.h == 1080);
  const Rect& panel = panelOf(card.list);
  CHECK(panel.x >= 30);
  CHECK(panel.y >= 100);
  CHECK(panel.x + panel.w <= 1920 - 20);
  CHECK(panel.y + panel.h <= 1080 - 80);
  for (const TextRun& r : runs(card.list)) CHECK(inside(inkBox(r), panel));
}

TEST_CASE("the same post lays out the same way every time") {
  content::Post post = newsPost();
  post.photo = "images/harbour.jpg";
  post.url = "https://example.net/a";
  post.topics = {"Public Transport"};
  const LaidOut first = layOut(post, {1280, 720});
  const LaidOut second = layOut(post, {1280, 720});
  REQUIRE(first.list.commands.size() == second.list.commands.size());
  for (std::size_t i = 0; i < first.list.commands.size(); ++i) {
    CHECK(describe(first.list.commands[i]) == describe(second.list.commands[i]));
  }
}

TEST_CASE("fixed geometry: one QR tile box per screen, on the bottom margin with the footer, across the demo cycle") {
  const content::Feed feed = content::loadFeed(content::demoFeed());
  const render::Theme theme;
  for (const CardSize& bare : kSizes) {
    for (const CardSize& size : {bare, withScreenInsets(bare)}) {
      CAPTURE(sizeName(size));
      std::set<std::string> tiles;
      for (const content::Post& post : feed.posts) {
        CAPTURE(post.file);
        const LaidOut card = layOut(post, size);
        for (render::FillShape shape : commandsOf<render::FillShape>(card.list)) {
          // A right-to-left card is the mirror image: its tile at the bottom left.
          if (render::runsRightToLeft(post.title, post.language))
            shape.rect.x = size.width - shape.rect.x - shape.rect.w;
          // (An urgent notice's alert sign is a white disc, not a tile.)
          const bool disc = 2 * shape.radius + 1 >= shape.rect.w;
          if (shape.top == theme.qr_light && !disc) tiles.insert(describe(shape));
        }
        // The footer (source, date, chips, badge or logo tile) ends on the text area's bottom, as the QR tile.
        int footer_bottom = 0;
        for (const TextRun& r : runs(card.list)) {
          if (r.color == theme.meta || (r.color == theme.summary && r.font.weight == fonts::Weight::Bold)) {
            footer_bottom = std::max(footer_bottom, inkBox(r).y + inkBox(r).h);
            CHECK(inkBox(r).y >= card.fit.body_bottom);  // below the headline and summary
          }
        }
        for (const render::Logo& logo : commandsOf<render::Logo>(card.list)) {
          footer_bottom = std::max(footer_bottom, logo.box.y + logo.box.h);
        }
        // (A line's ink box, ascent to descent, is 1.45 em: a little more than its line box.)
        CHECK(footer_bottom <= card.fit.text_bottom + render::cardTypeScale(size, theme).meta / 10);
        CHECK(footer_bottom >= card.fit.text_bottom - card.fit.text_bottom / 40);
        for (const TextRun& r : runs(card.list)) {
          if (isHeadline(r, theme) || isSummary(r, theme)) CHECK(r.baseline <= card.fit.body_bottom);
        }
      }
      CHECK(tiles.size() == 1);  // every demo post has a url: one tile, one place (mirrored for right to left)
    }
  }
}

TEST_CASE("the summary's measure: about 55 to 65 characters a line at the screen's summary size") {
  content::Post post = newsPost();
  post.url.clear();
  for (int i = 0; i < 3; ++i) post.summary += " " + post.summary;
  for (const CardSize& size : {CardSize{1280, 720}, CardSize{1920, 1080}, CardSize{3840, 2160}}) {
    CAPTURE(sizeName(size));
    const std::vector<TextRun> summary = summaryRuns(layOut(post, size).list);
    REQUIRE(summary.size() >= 3);
    std::size_t longest = 0;
    for (std::size_t i = 0; i + 1 < summary.size(); ++i) longest = std::max(longest, summary[i].text.size());
    CHECK(longest >= 55);
    CHECK(longest <= 68);
  }
}

namespace {

// The tallest band across the panel with nothing drawn in it (text ink,
// tiles, badges, logos, photos), as a share of the panel's height.
double largestEmptyBand(const render::DrawList& list) {
  const Rect& panel = panelOf(list);
  std::vector<std::pair<int, int>> used;  // [top, bottom)
  for (std::size_t i = 3; i < list.commands.size(); ++i) {
    const render::DrawCommand& command = list.commands[i];
    Rect box;
    if (const auto* run = std::get_if<TextRun>(&command)) box = inkBox(*run);
    else if (const auto* shape = std::get_if<render::FillShape>(&command)) box = shape->rect;
    else if (const auto* logo = std::get_if<render::Logo>(&command)) box = logo->box;
    else if (const auto* photo = std::get_if<render::Photo>(&command)) box = photo->box;
    else continue;
    used.emplace_back(box.y, box.y + box.h);
  }
  used.emplace_back(panel.y, panel.y);
  used.emplace_back(panel.y + panel.h, panel.y + panel.h);
  std::sort(used.begin(), used.end());
  int largest = 0, reach = panel.y;
  for (const auto& [top, bottom] : used) {
    largest = std::max(largest, top - reach);
    reach = std::max(reach, bottom);
  }
  return static_cast<double>(largest) / panel.h;
}

}  // namespace

TEST_CASE("sparse cards look finished: no empty band across more than 37 % of the panel (was up to half)") {
  content::Post closed;
  closed.file = "posts/closed.md";
  closed.title = "Library closed on Monday";
  closed.summary = "The library is closed for staff training.";
  closed.source = "Harbor City Library";
  closed.date = "2026-11-30";
  closed.url = "https://example.org/news/closed-monday";
  content::Post bare = closed;
  bare.source.clear();
  bare.url.clear();
  bare.summary = "Walk in from 10:00 to 16:00, Monday to Thursday; bring your health card.";
  for (const CardSize& size : kSizes) {
    CAPTURE(sizeName(size));
    for (const content::Post& post : {closed, bare}) {
      CAPTURE(post.title);
      const LaidOut card = layOut(post, withScreenInsets(size));
      CHECK(largestEmptyBand(card.list) < 0.37);
      // The text sits in the middle of its room, the footer on the bottom margin.
      const std::vector<TextRun> headline = headlineRuns(card.list);
      REQUIRE_FALSE(headline.empty());
      CHECK(inkBox(headline[0]).y > panelOf(card.list).y + panelOf(card.list).h / 8);
    }
  }
  // The demo cards too.
  for (const content::Post& post : content::loadFeed(content::demoFeed()).posts) {
    for (const CardSize& size : kSizes) {
      CAPTURE(post.file);
      CAPTURE(sizeName(size));
      CHECK(largestEmptyBand(layOut(post, withScreenInsets(size)).list) < 0.37);
    }
  }
}

TEST_CASE("1080p never shows less than 720p: as many lines and chips for every demo card") {
  const render::Theme theme;
  for (const content::Post& post : content::loadFeed(content::demoFeed()).posts) {
    CAPTURE(post.file);
    const LaidOut hd = layOut(post, withScreenInsets({1920, 1080}));
    const LaidOut small = layOut(post, withScreenInsets({1280, 720}));
    // As many lines; the words on them differ by the fonts' hinting at each size, by a word or two.
    CHECK(hd.fit.title.words_shown >= small.fit.title.words_shown);
    CHECK(hd.fit.summary.words_shown * 10 >= small.fit.summary.words_shown * 9);
    const auto chips = [&](const LaidOut& card) {
      const auto all = runs(card.list);
      return std::count_if(all.begin(), all.end(), [&](const TextRun& r) { return r.color == theme.chip_text; });
    };
    CHECK(chips(hd) >= chips(small));
    CHECK(summaryRuns(hd.list).size() >= summaryRuns(small.list).size());
  }
}

TEST_CASE("a small panel (800x480): larger type, no chips, a headline of two or three lines and a few summary lines") {
  const render::Theme theme;
  const CardSize size = withScreenInsets({800, 480});
  const render::CardTypeScale scale = render::cardTypeScale(size, theme);
  CHECK(scale.small_panel);
  CHECK_FALSE(render::cardTypeScale({1280, 720}, theme).small_panel);
  CHECK(scale.summary >= 26);  // 1080p's 48 scaled down would be 21
  CHECK(scale.headline >= 50);
  for (const content::Post& post : content::loadFeed(content::demoFeed()).posts) {
    CAPTURE(post.file);
    const LaidOut card = layOut(post, size);
    for (const TextRun& r : runs(card.list)) CHECK_FALSE(r.color == theme.chip_text);
    const auto headline = headlineRuns(card.list);
    CHECK(headline.size() >= 1);
    CHECK(headline.size() <= 3);
    const auto summary = summaryRuns(card.list);
    CHECK(summary.size() >= 2);
    CHECK(summary.size() <= 5);
  }
}

TEST_CASE("Chinese and Japanese headlines break between words, never inside a number and its counter") {
  render::LineBreaker phrases;
  const render::PhraseBreaks scope(phrases);
  int checked = 0;
  for (const content::Post& post : content::loadFeed(content::demoFeed()).posts) {
    const auto cjk = post.language.cjk();
    if (cjk != content::LanguageTag::Cjk::Japanese && cjk != content::LanguageTag::Cjk::SimplifiedChinese &&
        cjk != content::LanguageTag::Cjk::TraditionalChinese) {
      continue;
    }
    std::vector<std::size_t> allowed;
    for (const render::BreakOpportunity& o : phrases.opportunities(post.title, post.language))
      allowed.push_back(o.offset);
    for (const CardSize& size : kSizes) {
      CAPTURE(post.title);
      CAPTURE(sizeName(size));
      const std::vector<TextRun> headline = headlineRuns(layOut(post, size).list);
      std::size_t pos = 0;
      for (std::size_t i = 0; i + 1 < headline.size(); ++i) {
        pos = post.title.find(headline[i].text, pos) + headline[i].text.size();
        while (pos < post.title.size() && post.title[pos] == ' ') ++pos;
        CAPTURE(headline[i].text);
        CHECK(std::count(allowed.begin(), allowed.end(), pos) == 1);
        ++checked;
      }
    }
  }
  CHECK(checked >= 5);
}
