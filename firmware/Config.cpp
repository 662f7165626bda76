// SPDX-License-Identifier: Apache-2.0
#include "firmware/Config.hpp"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <map>

#include "content/PostDate.hpp"
#include "content/UrlResolver.hpp"
#include "firmware/SdlScreen.hpp"

namespace newsticker::firmware {
namespace {

struct ConfigError {
  int line;
  std::string reason;
};

int lineOf(const YAML::Node& node) { return node.Mark().line + 1; }

std::string text(const YAML::Node& node, const char* what) {
  if (!node.IsScalar()) throw ConfigError{lineOf(node), std::string(what) + " must be text"};
  return node.Scalar();
}

template <typename T>
T value(const YAML::Node& node, const char* what) {
  T out{};
  if (!node.IsScalar() || !YAML::convert<T>::decode(node, out)) {
    throw ConfigError{lineOf(node), std::string(what) + " has the wrong type"};
  }
  return out;
}

fonts::FallbackFont fallbackFrom(const YAML::Node& node) {
  fonts::FallbackFont font;
  if (node.IsScalar()) {
    font.regular_file = node.Scalar();
    return font;
  }
  if (!node.IsMap()) throw ConfigError{lineOf(node), "a font fallback is a file or a set of keys"};
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    if (key == "regular") font.regular_file = text(entry.second, "fonts.fallbacks.regular");
    else if (key == "bold") font.bold_file = text(entry.second, "fonts.fallbacks.bold");
    else if (key == "index") font.index = value<long>(entry.second, "fonts.fallbacks.index");
    else if (key == "bitmap_height_em") font.bitmap_height_em = value<double>(entry.second, "bitmap_height_em");
    else if (key == "emoji") font.emoji = value<bool>(entry.second, "fonts.fallbacks.emoji");
    else throw ConfigError{lineOf(entry.first), "unknown key '" + key + "' in a font fallback"};
  }
  if (font.regular_file.empty()) throw ConfigError{lineOf(node), "a font fallback needs 'regular'"};
  if (font.index < 0 || font.index > 0xFFFF) {
    throw ConfigError{lineOf(node["index"]), "fonts.fallbacks.index must be from 0 to 65535"};
  }
  return font;
}

void applyFonts(const YAML::Node& node, Options& o) {
  if (!node.IsMap()) throw ConfigError{lineOf(node), "fonts must be a set of keys"};
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    if (key == "regular") {
      o.font_chain.regular_file = text(entry.second, "fonts.regular");
    } else if (key == "bold") {
      o.font_chain.bold_file = text(entry.second, "fonts.bold");
    } else if (key == "fallbacks") {
      if (!entry.second.IsSequence()) throw ConfigError{lineOf(entry.second), "fonts.fallbacks must be a list"};
      o.font_chain.fallbacks.clear();
      for (const auto& item : entry.second) o.font_chain.fallbacks.push_back(fallbackFrom(item));
    } else {
      throw ConfigError{lineOf(entry.first), "unknown key 'fonts." + key + "'"};
    }
  }
}

// "5%" or 0.05 -> 0.05; from 0 to 20 %.
double safeAreaFrom(const YAML::Node& node) {
  const std::string raw = text(node, "safe_area");
  char* end = nullptr;
  double value = std::strtod(raw.c_str(), &end);
  if (end == raw.c_str()) throw ConfigError{lineOf(node), "safe_area must be a percentage such as 5%"};
  if (*end == '%') {
    value /= 100.0;
    ++end;
  }
  if (*end != '\0' || !(value >= 0 && value <= 0.2)) {
    throw ConfigError{lineOf(node), "safe_area must be from 0% to 20%"};
  }
  return value;
}

void applyTransition(const YAML::Node& node, SceneSettings& scene) {
  const auto kind = [&](const YAML::Node& v) {
    const std::string name = text(v, "transition");
    if (name == "fade-through" || name == "fade_through") scene.transition = TransitionKind::FadeThrough;
    else if (name == "crossfade" || name == "fade") scene.transition = TransitionKind::Crossfade;
    else if (name == "slide" || name == "push") scene.transition = TransitionKind::Slide;
    else throw ConfigError{lineOf(v), "transition must be fade-through, crossfade or slide"};
  };
  if (node.IsScalar()) {
    kind(node);
    return;
  }
  if (!node.IsMap())
    throw ConfigError{lineOf(node), "transition is fade-through, crossfade, slide, or {kind, seconds}"};
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    if (key == "kind") {
      kind(entry.second);
    } else if (key == "seconds") {
      scene.transition_seconds = value<double>(entry.second, "transition.seconds");
      if (!(scene.transition_seconds >= 0 && scene.transition_seconds <= 5)) {
        throw ConfigError{lineOf(entry.second), "transition.seconds must be from 0 to 5"};
      }
    } else {
      throw ConfigError{lineOf(entry.first), "unknown key 'transition." + key + "'"};
    }
  }
}

void applyClock(const YAML::Node& node, SceneSettings& scene) {
  if (node.IsScalar()) {
    scene.screen.clock = value<bool>(node, "clock");
    return;
  }
  if (!node.IsMap()) throw ConfigError{lineOf(node), "clock is true, false or {hours, time_zone}"};
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& v = entry.second;
    if (key == "hours") {
      const std::string hours = text(v, "clock.hours");
      if (hours == "24") scene.clock.hours = render::ClockHours::TwentyFour;
      else if (hours == "12") scene.clock.hours = render::ClockHours::Twelve;
      else if (hours == "auto") scene.clock.hours = render::ClockHours::Auto;
      else throw ConfigError{lineOf(v), "clock.hours must be 24, 12 or auto"};
    } else if (key == "time_zone") {
      scene.clock.time_zone = text(v, "clock.time_zone");
      if (!content::isKnownTimeZone(scene.clock.time_zone)) {
        throw ConfigError{lineOf(v),
                          "unknown time zone '" + scene.clock.time_zone + "' (an IANA name such as Europe/Berlin)"};
      }
    } else if (key == "show") {
      scene.screen.clock = value<bool>(v, "clock.show");
    } else {
      throw ConfigError{lineOf(entry.first), "unknown key 'clock." + key + "'"};
    }
  }
}

// "#1e293b" (or "1e293b") -> the colour; alpha stays opaque.
render::Color colorFrom(const YAML::Node& node, const std::string& what) {
  std::string hex = text(node, what.c_str());
  if (!hex.empty() && hex[0] == '#') hex.erase(0, 1);
  if (hex.size() != 6 || hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
    throw ConfigError{lineOf(node), what + " must be a colour like \"#1e293b\""};
  }
  const unsigned long v = std::strtoul(hex.c_str(), nullptr, 16);
  return render::Color{static_cast<std::uint8_t>(v >> 16), static_cast<std::uint8_t>(v >> 8),
                       static_cast<std::uint8_t>(v), 255};
}

// theme.autospace: [ja, zh] — language tags (letters, digits and '-').
std::vector<std::string> autospaceLanguages(const YAML::Node& node) {
  const char* rule = "theme.autospace must be a list of language tags like [ja, zh-Hans]";
  if (!node.IsSequence()) throw ConfigError{lineOf(node), rule};
  std::vector<std::string> tags;
  for (const YAML::Node& item : node) {
    const std::string tag = item.IsScalar() ? item.Scalar() : "";
    const bool valid =
        !tag.empty() && tag.size() <= 35 && std::isalpha(static_cast<unsigned char>(tag[0])) &&
        tag.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == std::string::npos;
    if (!valid) throw ConfigError{lineOf(item), rule};
    tags.push_back(tag);
  }
  return tags;
}

void applyTheme(const YAML::Node& node, SceneSettings& scene) {
  if (!node.IsMap()) throw ConfigError{lineOf(node), "theme must be a set of keys"};
  // The named theme first, so the other keys adjust it whatever their order.
  if (const YAML::Node name = node["name"]) {
    const auto named = render::themeNamed(text(name, "theme.name"));
    if (!named) throw ConfigError{lineOf(name), "theme.name must be dark or light"};
    scene.theme = *named;
  }
  render::Theme& t = scene.theme;
  const std::map<std::string, render::Color*> colours = {{"background", &t.background_top},
                                                         {"background_bottom", &t.background_bottom},
                                                         {"panel", &t.panel_top},
                                                         {"panel_bottom", &t.panel_bottom},
                                                         {"headline", &t.headline},
                                                         {"summary", &t.summary},
                                                         {"meta", &t.meta},
                                                         {"accent", &t.accent},
                                                         {"secondary", &t.secondary}};
  const std::map<std::string, int*> sizes = {{"headline_px", &t.headline_px},
                                             {"summary_px", &t.summary_px},
                                             {"meta_px", &t.meta_px},
                                             {"margin", &t.margin},
                                             {"padding_x", &t.padding_x}};
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& v = entry.second;
    if (key == "name") continue;
    if (key == "header") scene.screen.header = value<bool>(v, "theme.header");
    else if (key == "clock") scene.screen.clock = value<bool>(v, "theme.clock");
    else if (key == "progress") scene.screen.progress = value<bool>(v, "theme.progress");
    else if (key == "qr") t.qr = value<bool>(v, "theme.qr");
    else if (key == "byline") t.byline = value<bool>(v, "theme.byline");
    else if (key == "crawl_speed") {
      scene.crawl_speed = value<double>(v, "theme.crawl_speed");
      if (!(scene.crawl_speed >= 10 && scene.crawl_speed <= 1000)) {
        throw ConfigError{lineOf(v), "theme.crawl_speed must be from 10 to 1000 pixels per second"};
      }
    } else if (key == "autospace") {
      t.autospace_languages = autospaceLanguages(v);
    } else if (colours.count(key)) {
      *colours.at(key) = colorFrom(v, "theme." + key);
    } else if (sizes.count(key)) {
      const int px = value<int>(v, ("theme." + key).c_str());
      if (px < 8 || px > 400)
        throw ConfigError{lineOf(v), "theme." + key + " must be from 8 to 400 (1/1080 of the short side)"};
      *sizes.at(key) = px;
    } else {
      throw ConfigError{lineOf(entry.first), "unknown key 'theme." + key + "'"};
    }
  }
}

// display: {on: "07:00", off: "20:00", days: [mon, ...], mode: 1920x1080@60}
void applyDisplay(const YAML::Node& node, Options& o) {
  if (!node.IsMap()) throw ConfigError{lineOf(node), "display must be a set of keys (on, off, days, mode, cec)"};
  ScreenSchedule& schedule = o.scene.schedule;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& v = entry.second;
    if (key == "on" || key == "off") {
      const auto minute = parseMinuteOfDay(text(v, ("display." + key).c_str()));
      if (!minute) throw ConfigError{lineOf(v), "display." + key + " must be a time like \"07:30\""};
      (key == "on" ? schedule.on_minute : schedule.off_minute) = *minute;
      schedule.enabled = true;
    } else if (key == "days") {
      if (!v.IsSequence()) throw ConfigError{lineOf(v), "display.days must be a list such as [mon, tue, wed]"};
      schedule.days.fill(false);
      for (const auto& day : v) {
        const auto index = parseWeekday(text(day, "display.days"));
        if (!index) throw ConfigError{lineOf(day), "display.days: '" + day.Scalar() + "' is not a weekday (mon..sun)"};
        schedule.days[static_cast<std::size_t>(*index)] = true;
      }
      schedule.enabled = true;
    } else if (key == "cec") {
      o.cec = value<bool>(v, "display.cec");
    } else if (key == "cec_device") {
      o.cec_device = text(v, "display.cec_device");
      if (o.cec_device.rfind("/dev/", 0) != 0) {
        throw ConfigError{lineOf(v), "display.cec_device must be a device such as /dev/cec0"};
      }
    } else if (key == "mode") {
      o.display_mode = text(v, "display.mode");
      SDL_DisplayMode mode{};
      if (!parseDisplayMode(o.display_mode, mode)) {
        throw ConfigError{lineOf(v), "display.mode must be WxH or WxH@HZ, e.g. 1920x1080@60"};
      }
    } else {
      throw ConfigError{lineOf(entry.first), "unknown key 'display." + key + "'"};
    }
  }
}

// feeds: [{url, name, language, max_items, max_age_days, logo}, ...]
void applyFeeds(const YAML::Node& node, Options& o) {
  if (!node.IsSequence()) throw ConfigError{lineOf(node), "feeds must be a list of {url: ..., ...}"};
  o.feeds.clear();
  for (const auto& item : node) {
    if (!item.IsMap()) throw ConfigError{lineOf(item), "a feed is a set of keys (url, name, language, ...)"};
    FeedSource feed;
    feed.line = lineOf(item);
    for (const auto& entry : item) {
      const std::string key = entry.first.Scalar();
      const YAML::Node& v = entry.second;
      if (key == "url") {
        feed.url = text(v, "feeds.url");
        if (!content::isWebUrl(feed.url)) {
          throw ConfigError{lineOf(v), "feeds.url must be an http:// or https:// address (got '" + feed.url + "')"};
        }
      } else if (key == "name") {
        feed.name = text(v, "feeds.name");
      } else if (key == "language") {
        feed.language = text(v, "feeds.language");
      } else if (key == "logo") {
        feed.logo = text(v, "feeds.logo");
      } else if (key == "max_items") {
        feed.max_items = value<int>(v, "feeds.max_items");
        if (feed.max_items < 1 || feed.max_items > kMaxFeedItems) {
          throw ConfigError{lineOf(v), "feeds.max_items is " + std::to_string(feed.max_items) +
                                           "; it must be from 1 to " + std::to_string(kMaxFeedItems) +
                                           " (the limit of items kept per feed)"};
        }
      } else if (key == "max_age_days") {
        feed.max_age_days = value<int>(v, "feeds.max_age_days");
        if (feed.max_age_days < 1 || feed.max_age_days > kMaxFeedAgeDays) {
          throw ConfigError{lineOf(v), "feeds.max_age_days is " + std::to_string(feed.max_age_days) +
                                           "; it must be from 1 to " + std::to_string(kMaxFeedAgeDays) +
                                           " (the limit: ten years)"};
        }
      } else {
        throw ConfigError{lineOf(entry.first), "unknown key 'feeds." + key + "'"};
      }
    }
    if (feed.url.empty()) throw ConfigError{lineOf(item), "a feed needs 'url'"};
    o.feeds.push_back(std::move(feed));
  }
}

}  // namespace

ConfigResult loadConfig(const std::string& path, const Options& base) {
  ConfigResult result{base, ""};
  Options& o = result.options;
  try {
    const YAML::Node root = YAML::LoadFile(path);
    if (root.IsNull()) return result;
    if (!root.IsMap()) throw ConfigError{1, "must be 'key: value' lines"};
    for (const auto& entry : root) {
      const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
      const YAML::Node& v = entry.second;
      if (key == "content") {
        o.content_dir = text(v, "content");
      } else if (key == "size") {
        const auto size = parseCardSize(text(v, "size"));
        if (!size) throw ConfigError{lineOf(v), "size must be WxH between 64x64 and 8192x8192, e.g. 1920x1080"};
        o.width = size->first;
        o.height = size->second;
      } else if (key == "duration") {
        o.duration_seconds = value<double>(v, "duration");
        if (!(o.duration_seconds >= 1 && o.duration_seconds <= 3600)) {
          throw ConfigError{lineOf(v), "duration must be from 1 to 3600 seconds"};
        }
      } else if (key == "show_drafts") {
        o.show_drafts = value<bool>(v, "show_drafts");
      } else if (key == "language") {
        o.language = text(v, "language");
      } else if (key == "max_post_kib") {
        const long kib = value<long>(v, "max_post_kib");
        if (kib < 1 || kib > 64 * 1024) throw ConfigError{lineOf(v), "max_post_kib must be from 1 to 65536"};
        o.max_post_bytes = static_cast<std::size_t>(kib) * 1024;
      } else if (key == "max_content_mib") {
        const long mib = value<long>(v, "max_content_mib");
        if (mib < 1 || mib > 4096) throw ConfigError{lineOf(v), "max_content_mib must be from 1 to 4096"};
        o.max_content_bytes = static_cast<std::size_t>(mib) << 20;
      } else if (key == "fonts") {
        applyFonts(v, o);
      } else if (key == "crawl") {
        // true / false, or what it carries: others (the stories not on the cards) or all (every headline).
        const std::string mode = v.IsScalar() ? v.Scalar() : "";
        if (mode == "others" || mode == "all") {
          o.scene.screen.crawl = true;
          o.scene.screen.crawl_others = mode == "others";
        } else if (bool on = false; v.IsScalar() && YAML::convert<bool>::decode(v, on)) {
          o.scene.screen.crawl = on;
        } else {
          throw ConfigError{lineOf(v), "crawl must be true, false, others or all"};
        }
      } else if (key == "rotation") {
        const auto degrees = parseRotation(text(v, "rotation"));
        if (!degrees) throw ConfigError{lineOf(v), "rotation must be 0, 90, 180 or 270"};
        o.scene.rotation = *degrees;
      } else if (key == "safe_area") {
        o.scene.screen.safe_area = safeAreaFrom(v);
      } else if (key == "transition") {
        applyTransition(v, o.scene);
      } else if (key == "clock") {
        applyClock(v, o.scene);
      } else if (key == "renderer") {
        const auto choice = parseRendererChoice(text(v, "renderer"));
        if (!choice) throw ConfigError{lineOf(v), "renderer must be auto, gpu or software"};
        o.scene.renderer = *choice;
      } else if (key == "theme") {
        applyTheme(v, o.scene);
      } else if (key == "display") {
        applyDisplay(v, o);
      } else if (key == "feeds") {
        applyFeeds(v, o);
      } else if (key == "metrics_dir") {
        o.metrics_dir = v.IsNull() ? "" : text(v, "metrics_dir");
      } else {
        throw ConfigError{lineOf(entry.first), "unknown key '" + key + "'"};
      }
    }
  } catch (const ConfigError& error) {
    result.error = path + ":" + std::to_string(error.line) + ": " + error.reason;
  } catch (const YAML::BadFile&) {
    result.error = path + ": cannot be read";
  } catch (const YAML::Exception& error) {
    result.error = path + ":" + std::to_string(error.mark.line + 1) + ": not valid YAML: " + error.msg;
  }
  return result;
}

}  // namespace newsticker::firmware
