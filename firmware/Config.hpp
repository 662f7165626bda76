// SPDX-License-Identifier: Apache-2.0
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
// ("WxH"), duration, show_drafts, language, max_post_kib, fonts:
// {regular, bold, fallbacks: [FILE or {regular, bold, index,
// bitmap_height_em, emoji}]}, crawl (true, false, others, all), rotation, safe_area ("5%"), transition
// (fade-through|crossfade|slide or {kind, seconds}), clock (bool or {show, hours,
// time_zone}), renderer (auto|gpu|software), theme: {name (dark|light),
// header, clock, progress, qr, crawl_speed, colours as "#rrggbb", sizes},
// display: {on, off ("HH:MM"), days ([mon..sun]), mode ("WxH@HZ"), cec
// (bool), cec_device}, metrics_dir (a folder, or empty for no metrics),
// feeds: [{url, name, language, max_items (1..500, default 20),
// max_age_days (1..3650, default 14), logo}] for `newsticker fetch`.
// Unknown keys and wrong values are errors.
ConfigResult loadConfig(const std::string& path, const Options& base);

}  // namespace newsticker::firmware
