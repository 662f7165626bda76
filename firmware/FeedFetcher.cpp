// SPDX-License-Identifier: Apache-2.0
#include "firmware/FeedFetcher.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include "content/LanguageDetector.hpp"
#include "content/NewsItemWriter.hpp"
#include "content/SyndicationFeed.hpp"
#include "content/UrlResolver.hpp"
#include "firmware/AtomicFile.hpp"
#include "firmware/FeedState.hpp"
#include "firmware/HttpGet.hpp"
#include "firmware/Log.hpp"
#include "render/ImageHeader.hpp"
#include "render/LogoLoader.hpp"

namespace newsticker::firmware {
namespace {

// The language written into an item's post: the config's, else the feed's or
// item's own; but where that names no CJK language and the text is Chinese,
// Japanese or Korean (a feed labelled "en" that carries a Japanese item), the
// text's script decides, so the card uses the right CJK face.
content::LanguageTag itemLanguage(const std::string& configured, const std::string& declared, const std::string& text) {
  if (!configured.empty()) return content::LanguageTag(configured);
  const content::LanguageTag tag(declared);
  if (tag.isCjk()) return tag;
  const content::LanguageTag detected = content::detectLanguage(text);
  return detected.empty() ? tag : detected;
}

namespace fs = std::filesystem;

constexpr const char* kStateFile = ".fetch-state.yaml";
constexpr std::int64_t kGoneGraceSeconds = 24 * 60 * 60;

// FNV-1a, 64 bits, as 16 hex digits: stable across runs, builds and machines.
std::string hashHex(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

// The host of an http(s) address, lower case, without "www.", user or port.
std::string hostOf(const std::string& url) {
  const auto start = url.find("://");
  if (start == std::string::npos) return "";
  std::string host = url.substr(start + 3, url.find_first_of("/?#", start + 3) - start - 3);
  if (const auto at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
  if (host.empty() || host[0] == '[') return "";
  host = host.substr(0, host.find(':'));
  for (char& c : host) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (host.compare(0, 4, "www.") == 0) host.erase(0, 4);
  return host;
}

// UTC "YYYY-MM-DDTHH:MM:SSZ" of unix seconds, comparable with item dates as text.
std::string isoUtc(std::int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

// The charset parameter of a Content-Type ("text/xml; Charset=\"ISO-8859-1\""
// gives ISO-8859-1), or "" when it has none.
std::string charsetOf(const std::string& content_type) {
  std::string lower = content_type;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  const auto at = lower.find("charset=");
  if (at == std::string::npos) return "";
  std::string charset = content_type.substr(at + 8);
  charset = charset.substr(0, charset.find(';'));
  const auto first = charset.find_first_not_of(" \t\"'");
  if (first == std::string::npos) return "";
  return charset.substr(first, charset.find_last_not_of(" \t\"'") - first + 1);
}

std::optional<std::string> readWhole(const fs::path& path, std::size_t max_bytes) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec || size > max_bytes) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (in.gcount() != static_cast<std::streamsize>(bytes.size())) return std::nullopt;
  return bytes;
}

// posts/ (or a Jekyll site's _posts/ when only that exists); "" with `error`
// when the folder keeps its posts at the top, which a new posts/ would hide.
std::string postsFolderOf(const fs::path& content, std::string& error) {
  std::error_code ec;
  if (fs::is_directory(content / "posts", ec)) return "posts";
  if (fs::is_directory(content / "_posts", ec)) return "_posts";
  for (const fs::directory_entry& entry : fs::directory_iterator(content, ec)) {
    const std::string name = entry.path().filename().string();
    const std::string extension = entry.path().extension().string();
    if (name[0] != '.' && entry.is_regular_file(ec) &&
        (extension == ".md" || extension == ".markdown" || extension == ".txt")) {
      error = "the content folder keeps its posts at the top (" + name +
              "); a posts/ folder for feeds would hide them: move them into posts/";
      return "";
    }
  }
  return "posts";
}

struct Picture {
  std::string path;  // relative to the content folder; "" = none
  int width = 0;
  int height = 0;
};

// The size a picture's header declares when it is a PNG or JPEG within the
// logo limits; the reason otherwise.
std::optional<render::ImageHeader> checkedPicture(const std::string& bytes, std::string& why) {
  const render::LogoLimits limits;
  const auto header = render::readImageHeader(bytes);
  if (!header || (header->format != "png" && header->format != "jpeg")) {
    why = "is not a PNG or JPEG file";
    return std::nullopt;
  }
  if (header->width <= 0 || header->height <= 0 || header->width > limits.max_side ||
      header->height > limits.max_side) {
    why = "is " + std::to_string(header->width) + "x" + std::to_string(header->height) + " pixels, over the " +
          std::to_string(limits.max_side) + " px limit";
    return std::nullopt;
  }
  return header;
}

class FeedRun {
 public:
  FeedRun(const FeedSource& source, const FetchSettings& settings)
      : source_(source), settings_(settings), out_(settings.dry_run_out ? *settings.dry_run_out : std::cout) {
    now_ = settings.now != 0 ? settings.now : static_cast<std::int64_t>(std::time(nullptr));
  }

  FeedFetchResult run();

 private:
  bool fail(const std::string& why) {
    result_.ok = false;
    result_.error = why;
    logError("feed " + source_.url + ": " + why + "; the posts of the last good fetch stay");
    return false;
  }
  void say(const std::string& line) {
    if (settings_.dry_run) out_ << "  " << line << "\n";
  }
  bool prepareFolders();
  Picture pictureFor(const std::string& url);
  bool writePost(const std::string& stem, const content::NewsItem& item);
  bool removeFile(const std::string& relative);
  void sweep(const FeedState& kept);
  void keepPostsOf(const FeedState& state);
  // Whether an item dated `published` ("" = undated, then aged from
  // `first_seen`, 0 = unknown) is older than max_age_days.
  bool tooOld(const std::string& published, std::int64_t first_seen) const;
  // When a fetch first kept the item `stem`: from the last state, else now.
  std::int64_t firstSeen(const std::string& stem) const;
  // Writes the posts of a 200 response into the folder and `state`; false
  // (result_ failed, logged) when the feed cannot be read or a post written.
  bool readFeed(const HttpResponse& response, FeedState& state);
  void report();

  const FeedSource& source_;
  const FetchSettings& settings_;
  std::ostream& out_;
  std::int64_t now_ = 0;
  std::int64_t oldest_ = 0;  // unix seconds: items first seen or dated before are too old
  FeedState old_state_;      // what the last run left
  fs::path content_;
  std::string posts_;   // relative: "posts/feeds/<name>"
  std::string images_;  // relative: "images/feeds/<name>"
  FeedFetchResult result_;
};

bool FeedRun::prepareFolders() {
  content_ = settings_.content_dir;
  std::error_code ec;
  if (!fs::is_directory(content_, ec)) return fail("content folder " + content_.string() + " does not exist");
  std::string error;
  const std::string posts_root = postsFolderOf(content_, error);
  if (posts_root.empty()) return fail(error);
  const std::string name = feedFolderName(source_.url);
  posts_ = posts_root + "/feeds/" + name;
  images_ = "images/feeds/" + name;
  result_.folder = posts_;
  return true;
}

Picture FeedRun::pictureFor(const std::string& url) {
  Picture picture;
  if (url.empty()) return picture;
  const std::string stem = hashHex(url);
  // Downloaded once: a picture already here (from an earlier run or another
  // item) is used as it is.
  for (const char* extension : {".jpg", ".png"}) {
    const std::string relative = images_ + "/" + stem + extension;
    if (const auto bytes = readWhole(content_ / relative, render::LogoLimits{}.max_file_bytes)) {
      std::string why;
      if (const auto header = checkedPicture(*bytes, why)) return {relative, header->width, header->height};
    }
  }
  if (settings_.dry_run) {
    say("picture  " + url + " -> " + images_ + "/" + stem + ".*");
    return picture;
  }
  HttpRequest request;
  request.url = url;
  request.user_agent = settings_.user_agent;
  request.max_bytes = render::LogoLimits{}.max_file_bytes;
  request.connect_timeout_ms = settings_.connect_timeout_ms;
  request.total_timeout_ms = settings_.total_timeout_ms;
  const HttpResponse response = httpGet(request);
  std::string why;
  std::optional<render::ImageHeader> header;
  if (!response.completed) {
    why = response.error;
  } else if (response.status != 200) {
    why = "HTTP " + std::to_string(response.status);
  } else {
    header = checkedPicture(response.body, why);
  }
  if (!header) {
    logWarning("feed " + source_.url + ": picture " + url + ": " + why + "; the post goes without it");
    return picture;
  }
  const std::string relative = images_ + "/" + stem + (header->format == "png" ? ".png" : ".jpg");
  std::error_code ec;
  fs::create_directories(content_ / images_, ec);
  std::string error;
  if (writeFileAtomically(content_ / relative, response.body, error) == AtomicWrite::Failed) {
    logWarning("feed " + source_.url + ": picture " + url + ": " + error + "; the post goes without it");
    return picture;
  }
  ++result_.pictures;
  return {relative, header->width, header->height};
}

bool FeedRun::writePost(const std::string& stem, const content::NewsItem& item) {
  const std::string relative = posts_ + "/" + stem + ".md";
  const std::string text = content::writeNewsItem(item);
  result_.posts.push_back(relative);
  if (settings_.dry_run) {
    const bool same = readWhole(content_ / relative, text.size() + 1) == text;
    say(std::string(same ? "same     " : "write    ") + relative + "  " + item.title);
    ++(same ? result_.unchanged : result_.written);
    return true;
  }
  std::error_code ec;
  fs::create_directories(content_ / posts_, ec);
  std::string error;
  switch (writeFileAtomically(content_ / relative, text, error)) {
    case AtomicWrite::Unchanged:
      ++result_.unchanged;
      return true;
    case AtomicWrite::Written:
      ++result_.written;
      return true;
    case AtomicWrite::Failed:
      break;
  }
  result_.ok = false;
  result_.error = error;
  logError("feed " + source_.url + ": " + error);
  return false;
}

bool FeedRun::removeFile(const std::string& relative) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(content_ / relative, ec))) return false;
  ++result_.removed;
  if (settings_.dry_run) {
    say("remove   " + relative);
    return true;
  }
  fs::remove(content_ / relative, ec);
  return true;
}

// Removes what the feed's folders hold beyond `kept`: posts of items no
// longer kept (or left by a lost state), pictures no kept item names, and
// leftovers of interrupted writes.
void FeedRun::sweep(const FeedState& kept) {
  std::set<std::string> pictures;
  for (const auto& [stem, item] : kept.items) {
    if (!item.image.empty()) pictures.insert(item.image);
  }
  std::error_code ec;
  std::vector<std::string> doomed;
  for (const fs::directory_entry& entry : fs::directory_iterator(content_ / posts_, ec)) {
    const std::string name = entry.path().filename().string();
    const bool post = entry.path().extension() == ".md" && name[0] != '.';
    if (isAtomicWriteLeftover(name) || (post && !kept.items.count(entry.path().stem().string()))) {
      doomed.push_back(posts_ + "/" + name);
    }
  }
  for (const fs::directory_entry& entry : fs::directory_iterator(content_ / images_, ec)) {
    const std::string relative = images_ + "/" + entry.path().filename().string();
    if (!pictures.count(relative)) doomed.push_back(relative);
  }
  std::sort(doomed.begin(), doomed.end());
  for (const std::string& relative : doomed) removeFile(relative);
}

void FeedRun::keepPostsOf(const FeedState& state) {
  result_.posts.clear();
  for (const auto& [stem, item] : state.items) result_.posts.push_back(posts_ + "/" + stem + ".md");
}

bool FeedRun::tooOld(const std::string& published, std::int64_t first_seen) const {
  if (published.empty()) return first_seen != 0 && first_seen < oldest_;
  return published < isoUtc(oldest_);
}

std::int64_t FeedRun::firstSeen(const std::string& stem) const {
  const auto old = old_state_.items.find(stem);
  return old != old_state_.items.end() && old->second.first_seen != 0 ? old->second.first_seen : now_;
}

bool FeedRun::readFeed(const HttpResponse& response, FeedState& state) {
  const std::string charset = charsetOf(response.content_type);
  content::SyndicationLimits limits;
  limits.max_bytes = settings_.max_feed_bytes;
  const std::string document_url = response.effective_url.empty() ? source_.url : response.effective_url;
  const content::SyndicationParse parsed = content::parseSyndicationFeed(response.body, charset, document_url, limits);
  if (!parsed.feed) return fail(parsed.error);
  const content::SyndicationFeed& feed = *parsed.feed;
  state.etag = response.etag;
  state.last_modified = response.last_modified;

  // The items to keep: none too old, one per stem, the newest max_items.
  std::set<std::string> in_feed;
  std::vector<std::pair<std::string, const content::SyndicationItem*>> chosen;
  for (const content::SyndicationItem& item : feed.items) {
    const std::string key = !item.id.empty()     ? item.id
                            : !item.link.empty() ? item.link
                                                 : item.title + "\n" + item.published;
    const std::string stem = hashHex(key);
    if (!in_feed.insert(stem).second || tooOld(item.published, firstSeen(stem))) continue;
    chosen.emplace_back(stem, &item);
  }
  std::stable_sort(chosen.begin(), chosen.end(), [](const auto& a, const auto& b) {
    return a.second->published > b.second->published;  // undated ("") last
  });
  if (chosen.size() > static_cast<std::size_t>(std::max(source_.max_items, 0))) {
    chosen.resize(static_cast<std::size_t>(std::max(source_.max_items, 0)));
  }

  const std::string domain = hostOf(!feed.link.empty() ? feed.link : document_url);
  const std::string provider = !source_.name.empty() ? source_.name : !feed.title.empty() ? feed.title : domain;
  if (settings_.dry_run) {
    out_ << source_.url << ": " << feed.format << " \"" << feed.title << "\", " << feed.items.size()
         << " items, keeping " << chosen.size() << " in " << posts_ << "\n";
  }
  for (const auto& [stem, item] : chosen) {
    content::NewsItem post;
    post.title = item->title;
    post.excerpt = item->summary;
    post.published = item->published;
    post.web_url = item->link;
    post.provider_name = provider;
    post.provider_domain = domain;
    post.language = itemLanguage(source_.language, item->language, item->title + "\n" + item->summary);
    post.logo = source_.logo;
    const Picture picture = pictureFor(item->image_url);
    if (!picture.path.empty()) post.images.push_back({"/" + picture.path, picture.width, picture.height});
    if (!writePost(stem, post)) return false;
    state.items[stem] = FeedStateItem{item->published, picture.path, 0, firstSeen(stem)};
  }
  // Items of the last fetch that are not kept now: gone from the feed for
  // less than a day, they stay (a feed that drops an item for one fetch
  // does not blank the screen).
  for (const auto& [stem, old] : old_state_.items) {
    if (state.items.count(stem) || in_feed.count(stem) || tooOld(old.published, firstSeen(stem))) continue;
    FeedStateItem item = old;
    item.first_seen = firstSeen(stem);
    if (item.gone_since == 0) item.gone_since = now_;
    if (now_ - item.gone_since <= kGoneGraceSeconds) {
      state.items[stem] = item;
      result_.posts.push_back(posts_ + "/" + stem + ".md");
    }
  }
  std::sort(result_.posts.begin(), result_.posts.end());
  return true;
}

void FeedRun::report() {
  if (settings_.dry_run) {
    out_ << "  " << result_.written << " to write, " << result_.unchanged << " unchanged, " << result_.removed
         << " to remove\n";
  } else if (result_.not_modified) {
    logInfo(joined("feed ", source_.url, ": not modified; ", result_.posts.size(), " posts in ", posts_,
                   result_.removed > 0 ? joined(", ", result_.removed, " files removed") : std::string()));
  } else {
    logInfo(joined("feed ", source_.url, ": ", result_.posts.size(), " posts in ", posts_, " (", result_.written,
                   " written, ", result_.unchanged, " unchanged, ", result_.removed, " files removed, ",
                   result_.pictures, " pictures fetched)"));
  }
}

FeedFetchResult FeedRun::run() {
  if (!content::isWebUrl(source_.url)) {
    fail("not an http:// or https:// address");
    return result_;
  }
  if (!prepareFolders()) return result_;
  const fs::path state_path = content_ / posts_ / kStateFile;
  if (const auto text = readWhole(state_path, 4u << 20)) {
    if (auto read = readFeedState(*text); read && read->url == source_.url) old_state_ = std::move(*read);
  }
  bool all_posts_present = true;
  for (const auto& [stem, item] : old_state_.items) {
    std::error_code ec;
    if (!fs::is_regular_file(content_ / posts_ / (stem + ".md"), ec)) all_posts_present = false;
  }

  HttpRequest request;
  request.url = source_.url;
  request.user_agent = settings_.user_agent;
  request.max_bytes = settings_.max_feed_bytes;
  request.connect_timeout_ms = settings_.connect_timeout_ms;
  request.total_timeout_ms = settings_.total_timeout_ms;
  const bool conditional = !settings_.dry_run && all_posts_present && !old_state_.items.empty();
  if (conditional) {
    request.if_none_match = old_state_.etag;
    request.if_modified_since = old_state_.last_modified;
  }
  const HttpResponse response = httpGet(request);
  if (!response.completed) {
    fail(response.error);
    return result_;
  }
  oldest_ = now_ - static_cast<std::int64_t>(source_.max_age_days) * 24 * 60 * 60;
  FeedState state;
  state.url = source_.url;
  if (response.status == 304) {
    result_.not_modified = true;
    state = old_state_;
    for (auto it = state.items.begin(); it != state.items.end();) {
      const bool gone_long = it->second.gone_since != 0 && now_ - it->second.gone_since > kGoneGraceSeconds;
      if (it->second.first_seen == 0) it->second.first_seen = now_;
      it = tooOld(it->second.published, it->second.first_seen) || gone_long ? state.items.erase(it) : std::next(it);
    }
    result_.unchanged = static_cast<int>(state.items.size());
    keepPostsOf(state);
  } else if (response.status != 200) {
    fail("HTTP " + std::to_string(response.status));
    return result_;
  } else if (!readFeed(response, state)) {
    return result_;
  }

  sweep(state);
  if (!settings_.dry_run && (!state.items.empty() || fs::exists(state_path))) {
    std::error_code ec;
    fs::create_directories(content_ / posts_, ec);
    std::string error;
    if (writeFileAtomically(state_path, writeFeedState(state), error) == AtomicWrite::Failed) {
      logWarning("feed " + source_.url + ": " + error + "; the next fetch is unconditional");
    }
  }
  result_.ok = true;
  report();
  return result_;
}

}  // namespace

std::string feedFolderName(const std::string& url) {
  std::string rest = url;
  if (const auto scheme = rest.find("://"); scheme != std::string::npos) rest.erase(0, scheme + 3);
  std::string name;
  for (char c : rest) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      name += c;
    } else if (!name.empty() && name.back() != '-') {
      name += '-';
    }
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  if (name.size() > 64 || name.empty()) {
    name = name.substr(0, 47);
    while (!name.empty() && name.back() == '-') name.pop_back();
    name += (name.empty() ? "" : "-") + hashHex(url);
  }
  return name;
}

FeedFetchResult fetchFeed(const FeedSource& source, const FetchSettings& settings) {
  return FeedRun(source, settings).run();
}

int fetchFeeds(const std::vector<FeedSource>& sources, const FetchSettings& settings,
               std::vector<FeedFetchResult>* results) {
  if (results != nullptr) results->assign(sources.size(), FeedFetchResult{});
  std::map<std::string, const FeedSource*> folders;
  for (const FeedSource& source : sources) {
    const auto [at, fresh] = folders.emplace(feedFolderName(source.url), &source);
    if (!fresh) {
      logError("feeds: " + source.url + " and " + at->second->url + " would share the folder feeds/" + at->first +
               "; nothing fetched");
      return static_cast<int>(sources.size());
    }
  }
  int failed = 0;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    FeedFetchResult result = fetchFeed(sources[i], settings);
    if (!result.ok) ++failed;
    if (results != nullptr) (*results)[i] = std::move(result);
  }
  return failed;
}

}  // namespace newsticker::firmware
