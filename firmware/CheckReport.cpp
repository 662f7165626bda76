#include "firmware/CheckReport.hpp"

#include <cstdio>

#include "content/Utf8.hpp"

namespace newsticker::firmware {
namespace {

std::string jsonString(const std::string& s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string jsonOrNull(const std::string& s) { return s.empty() ? "null" : jsonString(s); }

void writeDiagnosticsJson(const content::Feed& feed, content::Severity severity, std::ostream& out) {
  bool first = true;
  for (const content::Diagnostic& d : feed.diagnostics) {
    if (d.severity != severity) continue;
    out << (first ? "\n  " : ",\n  ") << "{\"file\": " << jsonString(d.file)
        << ", \"line\": " << (d.line > 0 ? std::to_string(d.line) : "null")
        << ", \"reason\": " << jsonString(d.message) << "}";
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

std::string orDash(const std::string& s) { return s.empty() ? "-" : s; }

std::string sizeName(const CardCuts& cuts) { return std::to_string(cuts.width) + "x" + std::to_string(cuts.height); }

// " | summary cut after 41 of 58 words at 1920x1080" for each cut text.
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

}  // namespace

CardCuts measureCardCuts(const std::vector<content::Post>& posts, render::TextMeasurer& measurer,
                         const render::CardSize& size, const render::Theme& theme,
                         const std::string& fallback_language) {
  CardCuts cuts;
  cuts.width = size.width;
  cuts.height = size.height;
  render::LineBreaker breaker;
  for (const content::Post& post : posts) {
    render::CardFit fit;
    render::layoutCard(post, size, theme, fallback_language, measurer, breaker, {}, &fit);
    cuts.by_file[post.file] = fit;
  }
  return cuts;
}

void writeCheckReport(const content::Feed& feed, const MissingGlyphs& missing, std::ostream& out,
                      const CardCuts& cuts) {
  std::size_t drafts = 0;
  for (const content::Post& post : feed.posts) {
    drafts += post.draft;
    out << "ok       " << post.file << " | \"" << post.title << "\" | source: " << orDash(post.source)
        << " | date: " << orDash(post.date) << " | logo: " << orDash(post.logo)
        << (post.draft ? " | draft (not shown)" : "");
    if (const auto it = missing.find(post.file); it != missing.end()) {
      out << " | no font draws:";
      for (char32_t c : it->second) out << " " << codePointName(c);
    }
    out << cutNotes(cuts, post.file) << "\n";
  }
  std::size_t warnings = 0;
  for (const content::Diagnostic& d : feed.diagnostics) {
    const bool error = d.severity == content::Severity::Error;
    warnings += !error;
    content::Diagnostic shown = d;
    shown.severity = content::Severity::Error;  // the prefix below says which
    out << (error ? "REJECTED " : "warning  ") << content::formatDiagnostic(shown) << "\n";
  }
  out << feed.posts.size() << " posts loaded (" << drafts << " drafts), " << feed.rejected_files
      << " files rejected, " << warnings << " warnings\n";
}

void writeCheckJson(const content::Feed& feed, const MissingGlyphs& missing, std::ostream& out,
                    const CardCuts& cuts) {
  out << "{\"posts\": [";
  for (std::size_t i = 0; i < feed.posts.size(); ++i) {
    const content::Post& p = feed.posts[i];
    out << (i ? ",\n  " : "\n  ") << "{\"file\": " << jsonString(p.file) << ", \"title\": " << jsonString(p.title)
        << ", \"summary\": " << jsonOrNull(p.summary) << ", \"source\": " << jsonOrNull(p.source)
        << ", \"date\": " << jsonOrNull(p.date) << ", \"url\": " << jsonOrNull(p.url)
        << ", \"language\": " << jsonOrNull(p.language) << ", \"logo\": " << jsonOrNull(p.logo)
        << ", \"draft\": " << (p.draft ? "true" : "false") << ", \"topics\": [";
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
    out << "], \"cut\": " << cutJson(cuts, p.file) << "}";
  }
  out << "],\n \"rejected\": [";
  writeDiagnosticsJson(feed, content::Severity::Error, out);
  out << "],\n \"warnings\": [";
  writeDiagnosticsJson(feed, content::Severity::Warning, out);
  out << "]}\n";
}

}  // namespace newsticker::firmware
