// SPDX-License-Identifier: Apache-2.0
// The kiosk's show on a display: the scene loop on an SDL window.
#pragma once

#include "firmware/CommandLine.hpp"
#include "firmware/ContentSession.hpp"
#include "firmware/SceneSettings.hpp"

#include <string>

namespace newsticker::firmware {

// The scene settings of `options` completed for `content`: hold time,
// fallback language, the clock's language.
SceneSettings sceneSettingsFor(const Options& options, const ContentSession& content);

// Starts SDL on `video_driver` ("" = SDL's choice, "dummy" = headless),
// opens a full-screen (or --windowed) window, runs the scene loop (cards,
// transitions, header, crawl, reload, watchdog, schedule) and returns 0 when
// Esc, q, SIGINT or SIGTERM ask it to stop. Sleeps while nothing moves. When
// no display can be opened it logs why and tries again with backoff (1 s up
// to 60 s) until one appears or a stop signal comes (then 0).
int runSlideshow(const Options& options, ContentSession& content, const std::string& video_driver);

}  // namespace newsticker::firmware
