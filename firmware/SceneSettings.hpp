// SPDX-License-Identifier: Apache-2.0
// How the screen around the cards looks and moves: from the config file and
// the command line, read by the main loop.
#pragma once

#include <string>

#include "firmware/ScreenSchedule.hpp"

#include "render/ClockText.hpp"
#include "render/ScreenLayout.hpp"
#include "render/Theme.hpp"

namespace newsticker::firmware {

// FadeThrough (the default): the outgoing card's text fades to the bare panel,
// then the incoming one fades in; never two texts at once. Crossfade: the
// incoming card fades in over the outgoing one (both texts overlap for most
// of it). Slide: the incoming card pushes the outgoing one out to the left.
enum class TransitionKind { FadeThrough, Crossfade, Slide };

// Which SDL renderer draws on a display: Auto picks the software one unless
// a GPU is there (see chooseSoftwareRendering in SdlScreen.hpp).
enum class RendererChoice { Auto, Gpu, Software };

struct SceneSettings {
  render::ScreenOptions screen;
  int rotation = 0;  // clockwise degrees: 0, 90, 180, 270
  TransitionKind transition = TransitionKind::FadeThrough;
  double transition_seconds = 0.8;
  double hold_seconds = 0;   // every card's hold; 0: the post's, else 8 s
  double crawl_speed = 120;  // pixels per second on a screen whose short side is 1080
  render::ClockStyle clock;  // also the time zone of the schedule
  ScreenSchedule schedule;   // when the screen is on
  render::Theme theme;
  content::LanguageTag fallback_language = "en";
  RendererChoice renderer = RendererChoice::Auto;
  bool threaded = true;      // prepare on a worker thread (false: inline, for tests and capture)
  bool frame_stats = false;  // print frame pacing figures on stderr when the loop ends
};

}  // namespace newsticker::firmware
