// SPDX-License-Identifier: Apache-2.0
#include "render/TextFitter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>

#include "content/Utf8.hpp"
#include "render/CjkScript.hpp"
#include "render/TextDirection.hpp"

namespace newsticker::render {
namespace {

bool isSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trimEnd(std::string_view s) {
  while (!s.empty() && isSpaceByte(s.back())) s.remove_suffix(1);
  // U+3000 IDEOGRAPHIC SPACE
  while (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") s.remove_suffix(3);
  return s;
}

std::size_t skipSpaces(std::string_view text, std::size_t pos) {
  while (pos < text.size() && isSpaceByte(text[pos])) ++pos;
  return pos;
}

constexpr std::string_view kSoftHyphen = "\xC2\xAD";  // U+00AD

// A line as it is drawn from `segment` (trailing spaces already trimmed):
// a line that ends at a soft hyphen shows a hyphen there (U+00AD itself
// draws nothing), set like the text's other punctuation.
std::string shownLine(std::string_view segment) {
  if (segment.size() >= 2 && segment.substr(segment.size() - 2) == kSoftHyphen) {
    return std::string(segment.substr(0, segment.size() - 2)) + "-";
  }
  return std::string(segment);
}

// Measures the lines of one paragraph `text`, each in its place in it: the
// bidi algorithm resolves the paragraph, so a line's order depends on the
// text around it (FontSpec::bidi_before and bidi_after).
struct LineMeasure {
  LineMeasure(std::string_view paragraph, const FontSpec& spec, TextMeasurer& m)
      : text(paragraph), font(spec), measurer(m), info(bidiParagraph(paragraph, spec.rtl)) {}
  // `font` for the line drawn from text[begin, end) (a hyphen or an ellipsis
  // the line adds after `end` does not count).
  FontSpec fontFor(std::size_t begin, std::size_t end) const {
    FontSpec spec = font;
    if (info.bidi) {
      BidiContext context = lineContext(text, info, begin, end);
      spec.bidi_before = std::move(context.before);
      spec.bidi_after = std::move(context.after);
    }
    return spec;
  }
  // Width of `shown`, the line drawn from text[begin, end).
  int width(std::string_view shown, std::size_t begin, std::size_t end) const {
    return info.bidi ? measurer.width(shown, fontFor(begin, end)) : measurer.width(shown, font);
  }
  // Width of text[begin, end) without its trailing spaces, as a line
  // (shownLine: a hyphen for a soft hyphen at its end).
  int width(std::size_t begin, std::size_t end) const {
    const std::string_view trimmed = trimEnd(text.substr(begin, end - begin));
    const std::string shown = shownLine(trimmed);
    const bool soft = shown.size() != trimmed.size();  // the paragraph's text stops before the soft hyphen
    return width(shown, begin, begin + trimmed.size() - (soft ? kSoftHyphen.size() : 0));
  }
  std::string_view text;
  const FontSpec& font;
  TextMeasurer& measurer;
  BidiParagraph info;
};

int lineAdvance(const TextBox& box, int px) { return static_cast<int>(std::lround(px * box.line_height)); }

int allowedLines(const TextBox& box, int px) {
  int lines = box.max_lines;
  if (box.max_height > 0) lines = std::min(lines, box.max_height / std::max(1, lineAdvance(box, px)));
  return std::max(lines, 0);
}

// `text` without the trailing spaces and punctuation that would touch an
// ellipsis appended to it.
std::string_view trimBeforeEllipsis(std::string_view text) {
  std::string_view kept = trimEnd(text);
  for (bool trimmed = true; trimmed && !kept.empty();) {
    trimmed = false;
    for (std::string_view tail : {",", ";", ":", "-", ".", "\xE3\x80\x82" /*。*/, "\xE3\x80\x81" /*、*/,
                                  "\xEF\xBC\x8C" /*，*/, "\xEF\xBC\x9A" /*：*/, "\xEF\xBC\x9B" /*；*/}) {
      if (kept.size() >= tail.size() && kept.substr(kept.size() - tail.size()) == tail) {
        kept = trimEnd(kept.substr(0, kept.size() - tail.size()));
        trimmed = true;
      }
    }
  }
  return kept;
}

// The longest prefix of `text` (cut between grapheme clusters) whose width,
// with `suffix` appended, is at most `width`. Trailing spaces and
// punctuation that would touch the ellipsis are removed.
// True when the last character of `text` is of no CJK script (a Latin letter,
// a digit, Latin punctuation): an ellipsis after it is three full stops.
bool endsInNonCjk(std::string_view text) {
  char32_t last = 0;
  for (std::size_t pos = 0; pos < text.size();) last = content::nextCodePoint(text, pos);
  return last != 0 && cjkScriptOf(last) == CjkScript::None;
}

std::string cutToFit(std::string_view text, std::string_view suffix, int width, const FontSpec& font,
                     TextMeasurer& measurer, LineBreaker& breaker) {
  const std::vector<std::size_t> bounds = breaker.graphemeBoundaries(text);
  std::size_t lo = 0, hi = bounds.size() - 1;  // bounds[lo] fits
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    std::string candidate(trimEnd(text.substr(0, bounds[mid])));
    candidate += suffix;
    if (measurer.width(candidate, font) <= width) lo = mid;
    else hi = mid - 1;
  }
  std::string_view kept = trimBeforeEllipsis(text.substr(0, bounds[lo]));
  return std::string(kept) + std::string(suffix);
}

// The last line-break opportunity in `text` before byte `limit`, or 0.
std::size_t lastOpportunityBefore(std::string_view text, std::size_t limit, const FontSpec& font,
                                  LineBreaker& breaker) {
  std::size_t best = 0;
  for (const BreakOpportunity& o : breaker.opportunities(text, font.language)) {
    if (o.offset >= limit) break;
    best = o.offset;
  }
  return best;
}

// The most bytes one line `width` px wide can hold at `px`: no glyph is
// narrower than an eighth of an em and a character is at most 4 bytes; the
// factor 2 leaves room for combining marks.
std::size_t maxLineBytes(int width, int px) {
  return 2 * 4 * 8 * static_cast<std::size_t>(std::max(width, 1)) / static_cast<std::size_t>(std::max(px, 1)) + 64;
}

// How wide each line may be: the first `wide_lines` lines `wide` px, the
// rest `narrow` px (a cut-out below them).
struct LineWidths {
  int wide = 0;
  int narrow = 0;
  std::size_t wide_lines = static_cast<std::size_t>(-1);
  int at(std::size_t line) const { return line < wide_lines ? wide : narrow; }
  LineWidths narrowedBy(int px) const { return LineWidths{wide - px, narrow - px, wide_lines}; }
};

LineWidths widthsFor(const TextBox& box, int px) {
  LineWidths widths{box.width, box.width};
  if (box.narrow_width > 0 && box.narrow_width < box.width) {
    widths.narrow = box.narrow_width;
    widths.wide_lines = static_cast<std::size_t>(std::max(0, box.wide_height) / std::max(1, lineAdvance(box, px)));
  }
  return widths;
}

// A Latin letter or digit (ASCII or Latin-1 and Latin Extended letters).
bool isLatinAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
bool isUpper(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }
bool isLower(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7); }
bool isDigit(char32_t c) { return c >= '0' && c <= '9'; }

struct TokenCut {
  std::string line;       // the part of the token shown, with its hyphen
  std::size_t bytes = 0;  // how much of the token it takes (> 0)
};

// Punctuation that must not start a line: a cut never leaves it first on
// the next line (". , ، ؟" and their kin, closing brackets and quotes).
bool mayNotStartLine(char32_t c) {
  static constexpr std::u32string_view kMarks =
      U".,;:!?)]}\u00BB\u201D\u2019\u060C\u061B\u061F\u06D4\u3001\u3002\uFF0C\uFF0E\uFF1A\uFF1B\uFF01\uFF1F";
  return kMarks.find(c) != std::u32string_view::npos;
}

// Cuts `token`, a word wider than `width`, at its last camelCase, letter and
// digit, or punctuation boundary (after a punctuation mark, before a full
// stop) whose part (with a hyphen after a letter or digit) fits
// ("StratoVoltEdge-" of "StratoVoltEdgeInferenceAccelerator"); else at the
// last point where its language's patterns hyphenate it (LineBreaker::
// hyphenationPoints: "Planfeststellungs-" / "verfahren"), marked with a
// hyphen; else at the last grapheme cluster that fits (so Korean breaks
// between syllables), a cut after a Latin letter or digit marked with a
// hyphen. No cut leaves punctuation such as "." "," "؟" to start the next
// line (the cut moves a cluster earlier).
// `token` starts at byte `token_start` of the paragraph `measure` measures.
TokenCut cutToken(std::string_view token, std::size_t token_start, int width, const LineMeasure& measure,
                  LineBreaker& breaker) {
  const std::vector<std::size_t> bounds = breaker.graphemeBoundaries(token);
  // The width of `line`, the part of the token before `end` as shown.
  const auto widthOf = [&](const std::string& line, std::size_t end) {
    return measure.width(line, token_start, token_start + trimEnd(token.substr(0, end)).size());
  };
  const auto lastCodePoint = [&](std::size_t end) {
    char32_t c = 0;
    for (std::size_t pos = 0; pos < end;) c = content::nextCodePoint(token, pos);
    return c;
  };
  const auto startsBadly = [&](std::size_t at) {
    std::size_t pos = at;
    return at < token.size() && mayNotStartLine(content::nextCodePoint(token, pos));
  };
  const auto shown = [&](std::size_t end) {
    std::string line(trimEnd(token.substr(0, end)));
    if (isLatinAlnum(lastCodePoint(end))) line += '-';
    return line;
  };
  // Boundaries between clusters, from the end: the word-like ones first.
  for (std::size_t i = bounds.size() - 2; i >= 1 && i < bounds.size(); --i) {
    std::size_t pos = bounds[i];
    const char32_t after = content::nextCodePoint(token, pos);
    const char32_t before = lastCodePoint(bounds[i]);
    const bool camel = isLower(before) && isUpper(after);
    const bool digits = (isDigit(before) && !isDigit(after) && isLatinAlnum(after)) ||
                        (!isDigit(before) && isLatinAlnum(before) && isDigit(after));
    // After punctuation, but before a full stop rather than after it, as a
    // web address breaks (www.harbor-city | .example), and without a hyphen.
    const bool punctuation =
        before < 0x80 && !isLatinAlnum(before) && before != ' ' && before != '.' && isLatinAlnum(after);
    const bool before_dot = after == '.' && isLatinAlnum(before);
    if (!(camel || digits || punctuation || before_dot)) continue;
    std::string line = before_dot ? std::string(trimEnd(token.substr(0, bounds[i]))) : shown(bounds[i]);
    if (widthOf(line, bounds[i]) <= width) return TokenCut{std::move(line), bounds[i]};
  }
  // The language's hyphenation points, from the end.
  const std::vector<std::size_t> hyphens = breaker.hyphenationPoints(token, measure.font.language);
  for (auto it = hyphens.rbegin(); it != hyphens.rend(); ++it) {
    if (startsBadly(*it)) continue;
    std::string line = std::string(trimEnd(token.substr(0, *it))) + "-";
    if (widthOf(line, *it) <= width) return TokenCut{std::move(line), *it};
  }
  std::size_t fit_lo = 1, fit_hi = bounds.size() - 1;  // bounds[fit_lo] is kept
  while (fit_lo < fit_hi) {
    const std::size_t mid = (fit_lo + fit_hi + 1) / 2;
    if (widthOf(shown(bounds[mid]), bounds[mid]) <= width) fit_lo = mid;
    else fit_hi = mid - 1;
  }
  fit_lo = std::min(fit_lo, bounds.size() - 1);
  // Not before punctuation: a cluster or more earlier, when that part fits
  // too (widths of odd text, invalid bytes or controls, need not grow with it).
  std::size_t earlier = fit_lo;
  while (earlier > 1 && startsBadly(bounds[earlier])) --earlier;
  if (earlier != fit_lo && widthOf(shown(bounds[earlier]), bounds[earlier]) <= width) fit_lo = earlier;
  const std::size_t end = bounds[fit_lo];
  std::string line = shown(end);
  // A box narrower than one letter and its hyphen: the letter alone (the
  // line is then as wide as its one cluster, as without the mark).
  if (line.size() > end && widthOf(line, end) > width) line = std::string(trimEnd(token.substr(0, end)));
  return TokenCut{std::move(line), end};
}

std::vector<std::string> wrapLines(std::string_view text, const LineWidths& widths, const FontSpec& font,
                                   TextMeasurer& measurer, LineBreaker& breaker, bool* cut_token,
                                   std::size_t max_lines) {
  std::vector<std::string> lines;
  if (cut_token != nullptr) *cut_token = false;
  const LineMeasure measure(text, font, measurer);
  const std::vector<BreakOpportunity> opportunities = breaker.opportunities(text, font.language);
  std::size_t start = skipSpaces(text, 0);
  std::size_t next = 0;  // first opportunity not yet passed
  while (start < text.size() && (max_lines == 0 || lines.size() < max_lines)) {
    const int width = widths.at(lines.size());
    const std::size_t window = maxLineBytes(width, font.px);
    while (next < opportunities.size() && opportunities[next].offset <= start) ++next;
    // Candidates: the opportunities up to the next mandatory break, and none
    // further than a line could possibly reach (so a huge paragraph costs
    // the same per line as a short one).
    std::size_t last = next;
    while (last + 1 < opportunities.size() && !opportunities[last].mandatory &&
           opportunities[last].offset - start < window) {
      ++last;
    }
    // Binary search for the last opportunity whose line fits; widths grow
    // with the end offset, so the fitting ones form a prefix.
    while (last > next && opportunities[last].offset - start > window) --last;
    std::size_t lo = next, hi = last + 1;                        // answer in [lo, hi): first that does not fit
    if (opportunities[next].offset - start > window) hi = next;  // too far to fit: cut the token
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (measure.width(start, opportunities[mid].offset) <= width) lo = mid + 1;
      else hi = mid;
    }
    std::size_t end = 0;
    if (lo > next) {
      end = opportunities[lo - 1].offset;
    } else {
      // Even the first token overflows: cut it where it fits (always after
      // at least one cluster, so the loop advances), marked with a hyphen.
      const std::string_view token = text.substr(start, std::min(opportunities[next].offset - start, window));
      const TokenCut cut = cutToken(token, start, width, measure, breaker);
      lines.push_back(cut.line);
      start = start + cut.bytes;
      if (cut_token != nullptr) *cut_token = true;
      continue;
    }
    lines.push_back(shownLine(trimEnd(text.substr(start, end - start))));
    start = skipSpaces(text, end);
  }
  return lines;
}

// Where the text after the first `count` lines starts (lines are trimmed
// substrings of `text`, in order, a cut word's part with the hyphen the cut
// added, a line ending at a soft hyphen with the hyphen drawn for it).
std::size_t offsetAfterLines(std::string_view text, const std::vector<std::string>& lines, std::size_t count) {
  std::size_t offset = 0;
  for (std::size_t i = 0; i < count && i < lines.size(); ++i) {
    std::string_view line = lines[i];
    std::size_t at = text.find(line, offset);
    bool stripped = false;
    if (at == std::string_view::npos && !line.empty() && line.back() == '-') {
      line.remove_suffix(1);
      at = text.find(line, offset);
      stripped = true;
    }
    if (at == std::string_view::npos) return offset;
    offset = at + line.size();
    if (stripped && text.substr(offset, kSoftHyphen.size()) == kSoftHyphen) offset += kSoftHyphen.size();
  }
  return offset;
}

// How many pieces a line break may separate `line` into (words; characters in CJK).
std::size_t segmentCount(std::string_view line, const content::LanguageTag& language, LineBreaker& breaker) {
  std::size_t count = 0;
  for (const BreakOpportunity& o : breaker.opportunities(line, language)) count += o.offset > 0;
  return count;
}

// The code point that starts `s` at byte `pos`, or that ends `s` before it
// when `before` is set; 0 when there is none.
char32_t codePointAt(std::string_view s, std::size_t pos, bool before) {
  if (before) {
    if (pos == 0) return 0;
    do {
      --pos;
    } while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80);
  }
  if (pos >= s.size()) return 0;
  const auto lead = static_cast<unsigned char>(s[pos]);
  const int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
  char32_t c = length == 1 ? lead : lead & (0x7F >> length);
  for (int i = 1; i < length && pos + i < s.size(); ++i) c = (c << 6) | (static_cast<unsigned char>(s[pos + i]) & 0x3F);
  return c;
}

bool isHan(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }
bool isHiragana(char32_t c) { return c >= 0x3041 && c <= 0x309F; }
bool isClosingPunctuation(char32_t c) {
  return c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF1A || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F ||
         c == 0xFF09 || c == 0x300D || c == 0x300F || c == 0x3011;
}

// How much a line break between `before` and `after` is wanted, as a change
// of cost: after CJK punctuation is the best place; after a hyphen, or in
// Japanese between a kanji and the kana that follow it (新|しい), a word is
// split.
long long breakCost(char32_t before, char32_t after, const content::LanguageTag& language, long long unit) {
  if (isClosingPunctuation(before)) return -unit;
  if (before == '-' || before == 0x2010) return unit;  // "Ten-|Year": a compound torn apart
  if (language.cjk() == content::LanguageTag::Cjk::Japanese && isHan(before) && isHiragana(after)) return unit;
  return 0;
}

// Lines of the same count as `lines` (fitted at `widths`), as even as the
// break opportunities allow: the breaks that minimise the summed squares of
// each line's shortfall from its width (so, the widths being fixed, the
// lines' lengths are as equal as they can be), found by dynamic programming
// over the break opportunities. `lines` when the text has hard line breaks.
std::vector<std::string> balancedLines(std::string_view text, const std::vector<std::string>& lines,
                                       const LineWidths& widths, const FontSpec& font, TextMeasurer& measurer,
                                       LineBreaker& breaker) {
  const std::size_t n = lines.size();
  std::vector<std::size_t> starts{skipSpaces(text, 0)};
  for (const BreakOpportunity& o : breaker.opportunities(text, font.language)) {
    if (o.mandatory && o.offset < text.size()) return lines;
    if (o.offset > starts.back()) starts.push_back(o.offset);
  }
  const std::size_t k = starts.size() - 1;  // pieces; starts[k] is the end
  if (k < n || k > 400) return lines;
  constexpr long long kInfinity = std::numeric_limits<long long>::max() / 4;
  const long long unit = static_cast<long long>(widths.wide) * widths.wide / 40;
  const LineMeasure measure(text, font, measurer);
  // cost[m][j]: the best m lines ending at starts[j]; from[m][j]: where the last began.
  std::vector<std::vector<long long>> cost(n + 1, std::vector<long long>(k + 1, kInfinity));
  std::vector<std::vector<std::size_t>> from(n + 1, std::vector<std::size_t>(k + 1, 0));
  cost[0][0] = 0;
  for (std::size_t m = 0; m < n; ++m) {
    const long long limit = widths.at(m);
    for (std::size_t i = m; i < k; ++i) {
      if (cost[m][i] >= kInfinity) continue;
      for (std::size_t j = i + 1; j <= k; ++j) {
        const int w = measure.width(starts[i], starts[j]);
        if (w > limit) break;  // longer lines only get wider
        long long c = cost[m][i] + (limit - w) * (limit - w);
        if (m + 1 < n) {
          const std::string_view head = trimEnd(text.substr(0, starts[j]));
          c +=
              breakCost(codePointAt(head, head.size(), true), codePointAt(text, starts[j], false), font.language, unit);
        }
        if (c < cost[m + 1][j]) {
          cost[m + 1][j] = c;
          from[m + 1][j] = i;
        }
      }
    }
  }
  if (cost[n][k] >= kInfinity) return lines;
  std::vector<std::string> balanced(n);
  for (std::size_t m = n, j = k; m > 0; --m) {
    const std::size_t i = from[m][j];
    balanced[m - 1] = shownLine(trimEnd(text.substr(starts[i], starts[j] - starts[i])));
    j = i;
  }
  return balanced;
}

// The fewest pieces a last line should hold: two words, or in Chinese and
// Japanese (broken between characters) four characters.
std::size_t fewestLastLinePieces(const content::LanguageTag& language) {
  return language.isCjk() && !language.keepsWordsWhole() ? 4 : 2;
}

// `lines` (fitted at `widths`) or, when the last holds fewer pieces than a
// last line should, the lines of the least narrowing (up to a sixth) that
// gives it enough without adding a line.
std::vector<std::string> linesWithoutWidow(std::string_view text, const std::vector<std::string>& lines,
                                           const LineWidths& widths, const FontSpec& font, TextMeasurer& measurer,
                                           LineBreaker& breaker) {
  const std::size_t fewest = fewestLastLinePieces(font.language);
  if (lines.size() < 2 || segmentCount(lines.back(), font.language, breaker) >= fewest) return lines;
  // Narrowing moves pieces down: the smallest narrowing at which the last
  // line holds enough (or the count grows) is found by bisection.
  int lo = 1, hi = widths.wide / 6;
  std::vector<std::string> found;
  while (lo <= hi) {
    const int mid = (lo + hi) / 2;
    bool cut = false;
    auto candidate = wrapLines(text, widths.narrowedBy(mid), font, measurer, breaker, &cut, lines.size() + 1);
    if (cut || candidate.size() > lines.size()) {
      hi = mid - 1;
    } else if (segmentCount(candidate.back(), font.language, breaker) >= fewest) {
      found = std::move(candidate);
      hi = mid - 1;
    } else {
      lo = mid + 1;
    }
  }
  return found.empty() ? lines : found;
}

// The last line of a text that does not fit: `rest`, the text after the
// lines before it, cut to fit `width` in `font` with an ellipsis after it.
// Noto Sans CJK's U+2026 is a full-width, centred ellipsis: right after CJK
// text, odd after Latin letters or digits, which get three full stops
// instead, also in a CJK card (the ellipsis follows the text it ends). Where
// words are separated by spaces, the line ends on a whole word unless that
// leaves it less than three quarters full.
struct EllipsisLine {
  std::string line;            // with its ellipsis
  std::size_t ellipsis_bytes;  // the ellipsis's length at the end of `line`
};
EllipsisLine ellipsisLine(std::string_view rest, int width, const FontSpec& font, const content::LanguageTag& language,
                          TextMeasurer& measurer, LineBreaker& breaker) {
  const bool cjk = language.isCjk();
  std::string_view ellipsis = cjk && measurer.hasEllipsis(font) ? "\xE2\x80\xA6" : "...";
  std::string last = cutToFit(rest, ellipsis, width, font, measurer, breaker);
  bool latin_end = !cjk;
  if (ellipsis != "..." && endsInNonCjk(std::string_view(last).substr(0, last.size() - ellipsis.size()))) {
    ellipsis = "...";
    last = cutToFit(rest, ellipsis, width, font, measurer, breaker);
    latin_end = true;
  }
  if (latin_end || language.keepsWordsWhole()) {
    const std::size_t word_end = lastOpportunityBefore(rest, last.size() - ellipsis.size() + 1, font, breaker);
    if (word_end > 0) {
      std::string whole(trimBeforeEllipsis(rest.substr(0, word_end)));
      whole += ellipsis;
      const int whole_width = measurer.width(whole, font);
      if (whole_width <= width && whole_width * 4 >= measurer.width(last, font) * 3) last = whole;
    }
  }
  return EllipsisLine{std::move(last), ellipsis.size()};
}

}  // namespace

std::vector<std::string> wrapText(std::string_view text, int width, const FontSpec& font, TextMeasurer& measurer,
                                  LineBreaker& breaker, bool* cut_token, std::size_t max_lines) {
  return wrapLines(text, LineWidths{width, width}, font, measurer, breaker, cut_token, max_lines);
}

FittedText fitText(std::string_view text, const TextBox& box, TextMeasurer& measurer, LineBreaker& breaker) {
  FittedText result;
  const bool rtl = runsRightToLeft(text, box.language);
  const auto specAt = [&](int px) { return FontSpec{box.weight, px, box.language, box.autospace, rtl}; };
  result.font = specAt(box.min_px);
  result.line_advance = lineAdvance(box, box.min_px);
  if (trimEnd(text).empty() || box.width <= 0) return result;

  // Largest size whose wrap fits; fit is (nearly) monotone in size. First
  // among the sizes that keep every word whole, then among all.
  for (const bool allow_cuts : {false, true}) {
    int lo = box.min_px, hi = box.max_px;
    std::vector<std::string> best_lines;
    bool found = false, best_cut = false;
    while (lo <= hi) {
      const int mid = (lo + hi) / 2;
      bool cut = false;
      const int allowed = allowedLines(box, mid);
      auto lines = wrapLines(text, widthsFor(box, mid), specAt(mid), measurer, breaker, &cut,
                             static_cast<std::size_t>(std::max(allowed, 0)) + 1);
      const bool fits = allowed > 0 && static_cast<int>(lines.size()) <= allowed;
      if (fits && (allow_cuts || !cut)) {
        found = true;
        best_cut = cut;
        result.font = specAt(mid);
        best_lines = std::move(lines);
        lo = mid + 1;
      } else {
        hi = mid - 1;  // too many lines, or a cut word: try smaller
      }
    }
    if (found) {
      const LineWidths widths = widthsFor(box, result.font.px);
      if (!best_cut && box.balance && best_lines.size() > 1) {
        best_lines = balancedLines(text, best_lines, widths, result.font, measurer, breaker);
      } else if (!best_cut && box.avoid_widow) {
        best_lines = linesWithoutWidow(text, best_lines, widths, result.font, measurer, breaker);
      }
      result.lines = std::move(best_lines);
      result.line_advance = lineAdvance(box, result.font.px);
      result.shown_bytes = text.size();
      result.contexts = lineContexts(text, result.lines, result.font.rtl);
      return result;
    }
  }

  // Nothing fits: take what fits at the smallest size and end with an ellipsis.
  const FontSpec font = specAt(box.min_px);
  result.font = font;
  result.line_advance = lineAdvance(box, box.min_px);
  const int allowed = allowedLines(box, box.min_px);
  if (allowed <= 0) return result;
  const LineWidths widths = widthsFor(box, box.min_px);
  auto lines = wrapLines(text, widths, font, measurer, breaker, nullptr, static_cast<std::size_t>(allowed));
  lines.resize(static_cast<std::size_t>(allowed));
  // The last line holds the rest of the text, cut to fit with the ellipsis.
  const std::size_t rest_start = offsetAfterLines(text, lines, static_cast<std::size_t>(allowed - 1));
  const int last_width = widths.at(static_cast<std::size_t>(allowed - 1));
  const std::string_view rest =
      text.substr(skipSpaces(text, rest_start)).substr(0, maxLineBytes(last_width, box.min_px));
  // The last line is measured after the lines before it, with nothing after.
  const std::size_t last_start = static_cast<std::size_t>(rest.data() - text.data());
  FontSpec last_font = font;
  last_font.bidi_before = lineContext(text, bidiParagraph(text, rtl), last_start, last_start).before;
  const EllipsisLine last = ellipsisLine(rest, last_width, last_font, box.language, measurer, breaker);
  result.shown_bytes = last_start + last.line.size() - last.ellipsis_bytes;
  lines.back() = last.line;
  result.lines = std::move(lines);
  result.ellipsised = true;
  result.contexts = lineContexts(text, result.lines, result.font.rtl, last_start);
  return result;
}

std::vector<BidiContext> lineContexts(std::string_view text, const std::vector<std::string>& lines, bool rtl,
                                      std::size_t ellipsis_start) {
  std::vector<BidiContext> contexts;
  const BidiParagraph info = bidiParagraph(text, rtl);
  if (!info.bidi) return contexts;
  std::size_t offset = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (ellipsis_start != std::string_view::npos && i + 1 == lines.size()) {
      contexts.push_back(BidiContext{lineContext(text, info, ellipsis_start, ellipsis_start).before, ""});
      break;
    }
    std::string_view line = lines[i];
    std::size_t at = text.find(line, offset);
    if (at == std::string_view::npos && !line.empty() && line.back() == '-') {
      line.remove_suffix(1);
      at = text.find(line, offset);
    }
    if (at == std::string_view::npos) {  // not from the text: no better context
      at = offset;
      line = {};
    }
    contexts.push_back(lineContext(text, info, at, at + line.size()));
    offset = at + line.size();
  }
  return contexts;
}

}  // namespace newsticker::render
