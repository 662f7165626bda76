#include "firmware/Config.hpp"

#include <yaml-cpp/yaml.h>


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
      } else if (key == "fonts") {
        applyFonts(v, o);
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
