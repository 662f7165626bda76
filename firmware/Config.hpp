// The operator's config file (YAML): the same settings as the command line,
// plus the font chain. Command-line flags given next to --config win.
#pragma once

#include <string>

#include "firmware/CommandLine.hpp"

namespace newsticker::firmware {

struct ConfigResult {
  Options options;
  std::string error;  // "FILE:LINE: reason"; empty when the file was read
};

// Reads `path` into a copy of `base`. Keys (all optional): content, size
// ("WxH"), duration, show_drafts, language, max_post_kib, and fonts:
// {regular, bold, fallbacks: [FILE or {regular, bold, index,
// bitmap_height_em, emoji}]}. Unknown keys and wrong values are errors.
ConfigResult loadConfig(const std::string& path, const Options& base);

}  // namespace newsticker::firmware
