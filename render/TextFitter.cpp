#include "render/TextFitter.hpp"

#include <algorithm>
#include <cmath>

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
    for (std::string_view tail : {",", ";", ":", "-", ".", "\xE3\x80\x82" /*。*/, "\xE3\x80\x81" /*、*/, "\xEF\xBC\x8C" /*，*/,
                                  "\xEF\xBC\x9A" /*：*/, "\xEF\xBC\x9B" /*；*/}) {
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
std::string cutToFit(std::string_view text, std::string_view suffix, int width, const FontSpec& font,
                     TextMeasurer& measurer, LineBreaker& breaker) {
  const std::vector<std::size_t> bounds = breaker.graphemeBoundaries(text);
  std::size_t lo = 0, hi = bounds.size() - 1;  // bounds[lo] fits
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    std::string candidate(trimEnd(text.substr(0, bounds[mid])));
    candidate += suffix;
    if (measurer.width(candidate, font) <= width) lo = mid; else hi = mid - 1;
  }
  std::string_view kept = trimBeforeEllipsis(text.substr(0, bounds[lo]));
  return std::string(kept) + std::string(suffix);
}

// The last line-break opportunity in `text` before byte `limit`, or 0.
std::size_t lastOpportunityBefore(std::string_view text, std::size_t limit, const FontSpec& font, LineBreaker& breaker) {
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

}  // namespace

std::vector<std::string> wrapText(std::string_view text, int width, const FontSpec& font,
                                  TextMeasurer& measurer, LineBreaker& breaker, bool* cut_token,
                                  std::size_t max_lines) {
  std::vector<std::string> lines;
  if (cut_token != nullptr) *cut_token = false;
  const std::vector<BreakOpportunity> opportunities = breaker.opportunities(text, font.language);
  const std::size_t window = maxLineBytes(width, font.px);
  std::size_t start = skipSpaces(text, 0);
  std::size_t next = 0;  // first opportunity not yet passed
  while (start < text.size() && (max_lines == 0 || lines.size() < max_lines)) {
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
    std::size_t lo = next, hi = last + 1;  // answer in [lo, hi): first that does not fit
    if (opportunities[next].offset - start > window) hi = next;  // too far to fit: cut the token
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      const auto segment = trimEnd(text.substr(start, opportunities[mid].offset - start));
      if (measurer.width(segment, font) <= width) lo = mid + 1; else hi = mid;
    }
    std::size_t end;
    if (lo > next) {
      end = opportunities[lo - 1].offset;
    } else {
      // Even the first token overflows: cut it between grapheme clusters, at
      // the last one that fits (always at least one, so the loop advances).
      const std::string_view token =
          text.substr(start, std::min(opportunities[next].offset - start, window));
      const std::vector<std::size_t> bounds = breaker.graphemeBoundaries(token);
      std::size_t fit_lo = 1, fit_hi = bounds.size() - 1;  // bounds[fit_lo] is kept
      while (fit_lo < fit_hi) {
        const std::size_t mid = (fit_lo + fit_hi + 1) / 2;
        if (measurer.width(trimEnd(token.substr(0, bounds[mid])), font) <= width) fit_lo = mid; else fit_hi = mid - 1;
      }
      end = start + bounds[std::min(fit_lo, bounds.size() - 1)];
      if (cut_token != nullptr) *cut_token = true;
    }
    lines.emplace_back(trimEnd(text.substr(start, end - start)));
    start = skipSpaces(text, end);
  }
  return lines;
}

FittedText fitText(std::string_view text, const TextBox& box, TextMeasurer& measurer, LineBreaker& breaker) {
  FittedText result;
  const auto specAt = [&](int px) { return FontSpec{box.weight, px, box.language}; };
  result.font = specAt(box.min_px);
  result.line_advance = lineAdvance(box, box.min_px);
  if (trimEnd(text).empty() || box.width <= 0) return result;

  // Largest size whose wrap fits; fit is (nearly) monotone in size. First
  // among the sizes that keep every word whole, then among all.
  for (const bool allow_cuts : {false, true}) {
    int lo = box.min_px, hi = box.max_px;
    std::vector<std::string> best_lines;
    bool found = false;
    while (lo <= hi) {
      const int mid = (lo + hi) / 2;
      bool cut = false;
      const int allowed = allowedLines(box, mid);
      auto lines = wrapText(text, box.width, specAt(mid), measurer, breaker, &cut,
                            static_cast<std::size_t>(std::max(allowed, 0)) + 1);
      const bool fits = allowed > 0 && static_cast<int>(lines.size()) <= allowed;
      if (fits && (allow_cuts || !cut)) {
        found = true;
        result.font = specAt(mid);
        best_lines = std::move(lines);
        lo = mid + 1;
      } else {
        hi = mid - 1;  // too many lines, or a cut word: try smaller
      }
    }
    if (found) {
      result.lines = std::move(best_lines);
      result.line_advance = lineAdvance(box, result.font.px);
      return result;
    }
  }

  // Nothing fits: take what fits at the smallest size and end with an ellipsis.
  const FontSpec font = specAt(box.min_px);
  result.font = font;
  result.line_advance = lineAdvance(box, box.min_px);
  const int allowed = allowedLines(box, box.min_px);
  if (allowed <= 0) return result;
  auto lines = wrapText(text, box.width, font, measurer, breaker, nullptr, static_cast<std::size_t>(allowed));
  lines.resize(static_cast<std::size_t>(allowed));
  // The last line holds the rest of the text, cut to fit with the ellipsis.
  std::size_t rest_start = 0;
  for (int i = 0; i + 1 < allowed; ++i) {
    rest_start = text.find(lines[static_cast<std::size_t>(i)], rest_start) + lines[static_cast<std::size_t>(i)].size();
  }
  const std::string_view rest =
      text.substr(skipSpaces(text, rest_start)).substr(0, maxLineBytes(box.width, box.min_px));
  // Noto Sans CJK's U+2026 is a full-width, centred ellipsis: right for CJK
  // text, odd after Latin letters, which get three full stops instead.
  const bool cjk = box.language == "ja" || box.language == "ko" || box.language.rfind("zh", 0) == 0;
  const std::string_view ellipsis = cjk && measurer.hasEllipsis(font) ? "\xE2\x80\xA6" : "...";
  std::string last = cutToFit(rest, ellipsis, box.width, font, measurer, breaker);
  if (box.language != "ja" && box.language.rfind("zh", 0) != 0) {
    // Where words are separated by spaces, end on a whole word unless that
    // leaves the line less than three quarters full.
    const std::size_t word_end = lastOpportunityBefore(rest, last.size() - ellipsis.size() + 1, font, breaker);
    if (word_end > 0) {
      std::string whole(trimBeforeEllipsis(rest.substr(0, word_end)));
      whole += ellipsis;
      const int whole_width = measurer.width(whole, font);
      if (whole_width <= box.width && whole_width * 4 >= measurer.width(last, font) * 3) last = whole;
    }
  }
  lines.back() = last;
  result.lines = std::move(lines);
  result.ellipsised = true;
  return result;
}

}  // namespace newsticker::render
