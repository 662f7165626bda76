// SPDX-License-Identifier: Apache-2.0
#include "firmware/CheckReport.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "content/PrintableText.hpp"
#include "content/Utf8.hpp"
#include "render/ImageHeader.hpp"

namespace newsticker::firmware {
namespace {

// Names and texts as content::printableText writes them (file names lossless).
std::string shownName(const std::string& s) { return content::printableText(s, 0, true); }
std::string shown(const std::string& s) { return content::printableText(s); }

// A JSON string (always valid UTF-8). Bytes of `s` that are not UTF-8
// become the four characters "\xFF"; in a file name (`name`) a backslash is
// doubled as well, so the name's bytes can be recovered exactly; in other
// text a backslash stays one character.
std::string jsonString(const std::string& s, bool name = false) {
  std::string out = "\"";
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    const char32_t cp = content::nextCodePoint(s, pos);
    const auto c = static_cast<unsigned char>(s[start]);
    char buffer[8];
    if (cp == 0xFFFD && pos - start == 1) {
      std::snprintf(buffer, sizeof buffer, "\\\\x%02X", c);
      out += buffer;
      continue;
    }
    switch (cp) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += name ? "\\\\\\\\" : "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(cp));
          out += buffer;
        } else {
          out.append(s, start, pos - start);
        }
    }
  }
  return out + "\"";
}

std::string jsonName(const std::string& s) { return jsonString(s, true); }

std::string jsonOrNull(const std::string& s) { return s.empty() ? "null" : jsonString(s); }
std::string jsonNameOrNull(const std::string& s) { return s.empty() ? "null" : jsonName(s); }

void writeDiagnosticsJson(const content::Feed& feed, content::Severity severity, std::ostream& out) {
  bool first = true;
  for (const content::Diagnostic& d : feed.diagnostics) {
    if (d.severity != severity) continue;
    out << (first ? "\n  " : ",\n  ") << "{\"file\": " << jsonName(d.file)
        << ", \"line\": " << (d.line > 0 ? std::to_string(d.line) : "null") << ", \"reason\": " << jsonString(d.message)
        << "}";
    first = false;
  }
}

// "U+1FAE8 🫨": the code point, and the character itself.
std::string codePointName(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X ", static_cast<unsigned>(c));
  std::string name = buffer;
  content::appendUtf8(name, c);
  return name;
}

std::string orDash(const std::string& s) { return s.empty() ? "-" : shown(s); }

std::string sizeName(const CardCuts& cuts) { return std::to_string(cuts.width) + "x" + std::to_string(cuts.height); }

std::string cutJson(const CardCuts& cuts, const std::string& file) {
  const auto it = cuts.by_file.find(file);
  if (it == cuts.by_file.end()) return "null";
  const render::CardFit& fit = it->second;
  const auto words = [](const render::TextCut& cut) {
    return "[" + std::to_string(cut.words_shown) + ", " + std::to_string(cut.words_total) + "]";
  };
  return std::string("{\"title\": ") + (fit.title.cut ? "true" : "false") +
         ", \"summary\": " + (fit.summary.cut ? "true" : "false") + ", \"size\": " + jsonString(sizeName(cuts)) +
         ", \"title_words\": " + words(fit.title) + ", \"summary_words\": " + words(fit.summary) + "}";
}

// The counted unused keys, most posts first, then by name.
std::vector<std::pair<std::string, std::size_t>> unusedKeysByCount(const content::Feed& feed) {
  std::vector<std::pair<std::string, std::size_t>> keys(feed.unused_keys.begin(), feed.unused_keys.end());
  std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return keys;  // the map gave them by name: the stable sort keeps that order among equal counts
}

}  // namespace

std::string cutNotes(const CardCuts& cuts, const std::string& file) {
  const auto it = cuts.by_file.find(file);
  if (it == cuts.by_file.end()) return "";
  std::string notes;
  const auto note = [&](const char* name, const render::TextCut& cut) {
    if (!cut.cut) return;
    notes += std::string(" | ") + name + " cut after " + std::to_string(cut.words_shown) + " of " +
             std::to_string(cut.words_total) + " words at " + sizeName(cuts);
  };
  note("title", it->second.title);
  note("summary", it->second.summary);
  return notes;
}

std::string unusedKeysSummary(const content::Feed& feed, std::size_t listed) {
  const auto keys = unusedKeysByCount(feed);
  if (keys.empty()) return "no front matter key that newsticker does not use";
  std::string line = std::to_string(keys.size()) + (keys.size() == 1 ? " key" : " keys") + " newsticker does not use: ";
  for (std::size_t i = 0; i < keys.size() && i < listed; ++i) {
    line += (i > 0 ? ", " : "") + shown(keys[i].first) + " (" + std::to_string(keys[i].second) +
            (keys[i].second == 1 ? " post)" : " posts)");
  }
  if (keys.size() > listed) line += ", and " + std::to_string(keys.size() - listed) + " more";
  return line;
}

namespace {

// The pixel size of photo `path` from its header; nullopt when unreadable (checkPostImages says why).
std::optional<render::ImageHeader> photoHeader(const content::ContentTree& tree, const std::string& path) {
  const content::FileRead file = tree.read(path, render::LogoLimits{}.max_file_bytes);
  if (file.status != content::FileRead::Status::Ok) return std::nullopt;
  std::optional<render::ImageHeader> header = render::readImageHeader(file.bytes);
  if (header && (header->width <= 0 || header->height <= 0)) return std::nullopt;
  return header;
}

// A warning when `list`'s photo slot enlarges a `header`-sized photo more than kMaxPhotoEnlargement.
std::optional<content::Diagnostic> softPhoto(const content::Post& post, const render::DrawList& list,
                                             const render::ImageHeader& header, const render::CardSize& size) {
  for (const render::DrawCommand& command : list.commands) {
    const auto* photo = std::get_if<render::Photo>(&command);
    if (photo == nullptr) continue;
    const double scale =
        std::max(static_cast<double>(photo->box.w) / header.width, static_cast<double>(photo->box.h) / header.height);
    if (scale <= kMaxPhotoEnlargement) return std::nullopt;
    char times[16];
    std::snprintf(times, sizeof times, "%.1f", scale);
    const auto px = [](int w, int h) { return std::to_string(w) + "x" + std::to_string(h); };
    const auto sharp = [](int side) { return static_cast<int>(std::ceil(side / kMaxPhotoEnlargement)); };
    return content::Diagnostic{post.file, 0, content::Severity::Warning,
                               "photo " + post.photo + " is " + px(header.width, header.height) + " pixels, enlarged " +
                                   times + " times in its " + px(photo->box.w, photo->box.h) + " slot at " +
                                   px(size.width, size.height) + "; it will look soft (at least " +
                                   px(sharp(photo->box.w), sharp(photo->box.h)) + " stays sharp)"};
  }
  return std::nullopt;
}

}  // namespace

CardCuts measureCardCuts(const std::vector<content::Post>& posts, render::TextMeasurer& measurer,
                         const render::CardSize& size, const render::Theme& theme,
                         const content::LanguageTag& fallback_language, const content::ContentTree* tree) {
  CardCuts cuts;
  cuts.width = size.width;
  cuts.height = size.height;
  render::LineBreaker breaker;
  for (const content::Post& post : posts) {
    render::CardFit fit;
    render::CardAssets assets;
    std::optional<render::ImageHeader> photo;
    if (tree != nullptr && !post.photo.empty()) photo = photoHeader(*tree, post.photo);
    if (photo) assets.photo_aspect = static_cast<double>(photo->width) / photo->height;
    const render::DrawList list =
        render::layoutCard(post, size, theme, fallback_language, measurer, breaker, assets, &fit);
    cuts.by_file[post.file] = fit;
    if (photo) {
      if (auto warning = softPhoto(post, list, *photo, size)) cuts.soft_photos.push_back(std::move(*warning));
    }
  }
  return cuts;
}

std::vector<content::Diagnostic> checkPostImages(const std::vector<content::Post>& posts,
                                                 const content::ContentTree& tree, const render::LogoLimits& limits) {
  // Small boxes: enough to decode and scale, cheap for an SVG.
  constexpr int kLogoBox = 64;
  constexpr int kPhotoBox = 96;
  std::vector<content::Diagnostic> warnings;
  std::map<std::pair<bool, std::string>, std::string> failures;  // (photo?, path) -> reason; "" when it loads
  for (const content::Post& post : posts) {
    for (const bool photo : {false, true}) {
      const std::string& path = photo ? post.photo : post.logo;
      if (path.empty()) continue;
      const auto key = std::make_pair(photo, path);
      auto it = failures.find(key);
      if (it == failures.end()) {
        std::string error;
        const render::SurfacePtr image = photo ? render::loadPhoto(tree, path, kPhotoBox, kPhotoBox, error, limits)
                                               : render::loadLogo(tree, path, kLogoBox, kLogoBox, error, limits);
        if (image) error.clear();
        else if (error.empty()) error = "cannot be decoded";
        it = failures.emplace(key, error).first;
      }
      if (it->second.empty()) continue;
      warnings.push_back({post.file, 0, content::Severity::Warning,
                          std::string(photo ? "photo " : "logo ") + path + " " + it->second +
                              (photo ? "; the card is shown without it" : "; the card shows a monogram instead")});
    }
  }
  return warnings;
}

void writeCheckReport(const content::Feed& feed, const MissingGlyphs& missing, std::ostream& out, const CardCuts& cuts,
                      bool verbose, const ShowFacts& show) {
  std::size_t drafts = 0;
  for (const content::Post& post : feed.posts) {
    drafts += post.draft;
    out << "ok       " << shownName(post.file) << " | \"" << shown(post.title) << "\" | source: " << orDash(post.source)
        << (post.author.empty() || post.author == post.source ? "" : " | by: " + shown(post.author))
        << " | date: " << orDash(post.date) << " | logo: " << (post.logo.empty() ? "-" : shownName(post.logo))
        << (post.draft ? " | draft (not shown)" : "");
    if (const auto it = missing.find(post.file); it != missing.end()) {
      out << " | no font draws:";
      for (char32_t c : it->second) out << " " << codePointName(c);
    }
    out << cutNotes(cuts, post.file);
    if (const auto note = show.notes.find(post.file); note != show.notes.end()) out << " | " << note->second;
    out << "\n";
  }
  std::size_t warnings = 0;
  for (const content::Diagnostic& d : feed.diagnostics) {
    const bool error = d.severity == content::Severity::Error;
    warnings += !error;
    content::Diagnostic line = d;
    line.severity = content::Severity::Error;  // the prefix below says which
    line.file = shownName(d.file);
    line.message = shown(d.message);
    out << (error ? "REJECTED " : "warning  ") << content::formatDiagnostic(line) << "\n";
  }
  if (verbose) out << unusedKeysSummary(feed) << "\n";
  if (!show.at.empty()) {
    out << "cycle at " << show.at << ": " << show.cycle.size() << (show.cycle.size() == 1 ? " card" : " cards") << "\n";
    for (std::size_t i = 0; i < show.cycle.size(); ++i) {
      out << "  " << (i + 1) << ". " << shownName(show.cycle[i]) << " | \"" << shown(show.cycle_titles[i]) << "\""
          << (show.cycle_urgent[i] ? " | urgent" : "") << "\n";
    }
  }
  out << feed.posts.size() << " posts loaded (" << drafts << " drafts), " << feed.rejected_files << " files rejected, "
      << warnings << " warnings\n";
}

void writeCheckJson(const content::Feed& feed, const MissingGlyphs& missing, std::ostream& out, const CardCuts& cuts,
                    const ShowFacts& show) {
  out << "{\"posts\": [";
  for (std::size_t i = 0; i < feed.posts.size(); ++i) {
    const content::Post& p = feed.posts[i];
    out << (i ? ",\n  " : "\n  ") << "{\"file\": " << jsonName(p.file) << ", \"title\": " << jsonString(p.title)
        << ", \"summary\": " << jsonOrNull(p.summary) << ", \"source\": " << jsonOrNull(p.source)
        << ", \"author\": " << jsonOrNull(p.author) << ", \"date\": " << jsonOrNull(p.date)
        << ", \"url\": " << jsonOrNull(p.url) << ", \"language\": " << jsonOrNull(p.language.str())
        << ", \"logo\": " << jsonNameOrNull(p.logo) << ", \"draft\": " << (p.draft ? "true" : "false")
        << ", \"topics\": [";
    for (std::size_t t = 0; t < p.topics.size(); ++t) out << (t ? ", " : "") << jsonString(p.topics[t]);
    out << "], \"related\": [";
    for (std::size_t r = 0; r < p.related.size(); ++r) {
      out << (r ? ", " : "") << "{\"title\": " << jsonString(p.related[r].title)
          << ", \"source\": " << jsonOrNull(p.related[r].source) << "}";
    }
    out << "], \"secondary_title\": " << jsonOrNull(p.secondary_title)
        << ", \"secondary_summary\": " << jsonOrNull(p.secondary_summary) << ", \"missing_glyphs\": [";
    if (const auto it = missing.find(p.file); it != missing.end()) {
      for (std::size_t g = 0; g < it->second.size(); ++g) {
        std::string character;
        content::appendUtf8(character, it->second[g]);
        out << (g ? ", " : "") << jsonString(character);
      }
    }
    const auto note = show.notes.find(p.file);
    out << "], \"cut\": " << cutJson(cuts, p.file)
        << ", \"shows\": " << (note != show.notes.end() ? jsonString(note->second) : "null") << "}";
  }
  out << "],\n \"rejected\": [";
  writeDiagnosticsJson(feed, content::Severity::Error, out);
  out << "],\n \"warnings\": [";
  writeDiagnosticsJson(feed, content::Severity::Warning, out);
  out << "],\n \"unused_keys\": [";
  const auto keys = unusedKeysByCount(feed);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    out << (i ? ",\n  " : "\n  ") << "{\"key\": " << jsonString(keys[i].first) << ", \"posts\": " << keys[i].second
        << "}";
  }
  out << "]";
  if (!show.at.empty()) {
    out << ",\n \"cycle_at\": {\"at\": " << jsonString(show.at) << ", \"cards\": [";
    for (std::size_t i = 0; i < show.cycle.size(); ++i) {
      out << (i ? ",\n  " : "\n  ") << "{\"file\": " << jsonName(show.cycle[i])
          << ", \"title\": " << jsonString(show.cycle_titles[i])
          << ", \"urgent\": " << (show.cycle_urgent[i] ? "true" : "false") << "}";
    }
    out << "]}";
  }
  out << "}\n";
}

}  // namespace newsticker::firmware
