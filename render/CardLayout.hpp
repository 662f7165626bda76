// SPDX-License-Identifier: Apache-2.0
// Places a post's identity (logo, source, date, topics), headline, summary,
// photo and QR code on a card: pure geometry over a TextMeasurer, the same
// result for the same inputs.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "content/Post.hpp"
#include "render/CardDate.hpp"
#include "render/DrawList.hpp"
#include "render/LineBreaker.hpp"
#include "render/TextMeasurer.hpp"
#include "render/Theme.hpp"

namespace newsticker::render {

// Pixels at the screen's edges that the card leaves free for what the screen
// draws around it (header, crawl, an overscan safe area).
struct Insets {
  int top = 0, right = 0, bottom = 0, left = 0;
  bool operator==(const Insets& o) const {
    return top == o.top && right == o.right && bottom == o.bottom && left == o.left;
  }
};

struct CardSize {
  CardSize() = default;
  CardSize(int w, int h, Insets i = {}) : width(w), height(h), insets(i) {}
  int width = 1920;
  int height = 1080;
  Insets insets;  // the card's panel stays inside these; its background fills the whole size
};

// What the layout cannot know from the post: facts about its image files.
struct CardAssets {
  double logo_aspect = 1.0;   // the logo's width / height; 1 when unknown
  double photo_aspect = 1.5;  // the photo's width / height: 1.6 or wider gets a 16:9 slot in landscape, else 3:2
};

// The type sizes of one screen, in pixels: every card of the cycle sets each
// role at its size (a headline at one of two steps); a text's length decides
// its number of lines and where an ellipsis falls, never its size.
struct CardTypeScale {
  int headline = 0;        // the larger step
  int headline_small = 0;  // for a headline that does not fit its lines at the larger step
  int summary = 0, secondary = 0, meta = 0, chip = 0, caption = 0;
  bool small_panel = false;  // a short side under 720 (a 7-inch 800x480): larger type, no chips, two headline lines
};

// The type scale of cards of `size` in `theme`: the theme's sizes scaled with
// the short side (from 720 up in proportion; a small panel's type about a
// quarter larger at 480), body and meta text never under theme.min_text_px.
// Pure.
CardTypeScale cardTypeScale(const CardSize& size, const Theme& theme);

// The QR tile's box holds a code of this many modules a side (version 6,
// 106 bytes at level M) at the screen's module size; a smaller code keeps
// the module size in a wider quiet zone, a larger one gets smaller modules.
constexpr int kQrBoxModules = 41;

// `units` of chrome (margins, paddings, tiles: 1/1080 of the short side,
// tighter on small screens) in pixels on a `width` x `height` screen; the
// card's panel sits theme.margin of them in from the screen's edges (or
// insets), which the header's contents line up with. Pure.
int chromePixels(double units, int width, int height);

// Pixels per QR module on cards of `size`: theme.qr_module units, rounded up.
int qrModulePixels(const CardSize& size, const Theme& theme);

// At most this many topic chips on a card.
constexpr std::size_t kMaxChips = 2;

// How much of a text the card shows. Words are the pieces a line may break
// between (in Chinese and Japanese, characters).
struct TextCut {
  bool cut = false;     // the text ends with an ellipsis (or is not shown at all)
  int words_shown = 0;  // words shown whole
  int words_total = 0;
};

// What a card shows of its post's text, and at which sizes.
struct CardFit {
  TextCut title, summary;
  int headline_px = 0;  // the headline's size (the cycle's unless it had to shrink)
  int summary_px = 0;   // 0 when there is no summary
  int text_bottom = 0;  // y where the text area ends (the panel's bottom padding below; the footer and QR tile on it)
  int body_bottom = 0;  // y where headline and summary end (above the footer, or the QR tile in portrait)
};

// Lays out `post` on a card of `size`. `fallback_language` is used when the
// post has none. Text is fitted (never overflows its box) at the screen's
// type scale (cardTypeScale): the headline at the top, then the summary in a
// measure of about 62 characters. On the bottom margin: the footer (the logo
// tile, wide for a wide logo, else a monogram badge of the source, else
// nothing; the source and date beside it; up to two topic chips) and, at the
// right, the QR code to post.url with a caption, a tile of one size and place
// for every card of the screen. A photo gets a slot of its own: 3:2 (16:9
// for a wide photo) at the top right above the QR tile in landscape, a 16:9
// band across the top in portrait. A headline that runs right to left (Arabic, Hebrew) mirrors all
// of this: lines right-aligned, footer at the right, QR code bottom left.
// When `fit` is not null it receives what was cut. Throws only what the
// measurer throws.
DrawList layoutCard(const content::Post& post, const CardSize& size, const Theme& theme,
                    const content::LanguageTag& fallback_language, TextMeasurer& measurer, LineBreaker& breaker,
                    const CardAssets& assets = {}, CardFit* fit = nullptr);

// The colours a monogram badge may have (picked by the source's name); its
// letters are kMonogramText on them.
const std::vector<Color>& monogramBadgeColours();
constexpr Color kMonogramText{255, 255, 255};

// Letters for a monogram badge: the initials of the first `max_letters` words
// of `name` (upper-cased Latin), or its first character for CJK; "N" when
// the name has neither.
std::string monogramLetters(const std::string& name, std::size_t max_letters = 2);

// A topic as words: a slug ("call-for-talks", "open_data") as words ("call
// for talks"); anything else unchanged.
std::string topicLabel(const std::string& topic);

// A topic as its chip shows it: topicLabel in capitals, as `language` writes
// them ("CALL FOR TALKS"; Turkish dotted İ); scripts without case unchanged.
std::string chipLabel(const std::string& topic, const content::LanguageTag& language);

// Modules per side (quiet zone excluded) of the smallest QR code, error
// correction level M, that holds `bytes` bytes in byte mode (177, version 40,
// when none does). The layout sizes the code's box with it; a painter using
// level L needs at most as many.
int qrModulesFor(std::size_t bytes);

}  // namespace newsticker::render
