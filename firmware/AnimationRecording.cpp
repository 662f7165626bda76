// SPDX-License-Identifier: Apache-2.0
#include "firmware/AnimationRecording.hpp"
#include "firmware/Log.hpp"

#include <webp/encode.h>
#include <webp/mux.h>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <memory>

#include "firmware/Clock.hpp"
#include "firmware/RecordingScreen.hpp"
#include "firmware/SceneLoop.hpp"
#include "firmware/Slideshow.hpp"
#include "render/FontCache.hpp"

namespace newsticker::firmware {
namespace {

struct EncoderCloser {
  void operator()(WebPAnimEncoder* e) const { WebPAnimEncoderDelete(e); }
};

}  // namespace

int recordAnimation(const Options& options, ContentSession& content, const std::string& path, double seconds,
                    double frames_per_second) {
  const int width = options.width > 0 ? options.width : 960;
  const int height = options.height > 0 ? options.height : 540;
  WebPAnimEncoderOptions encoder_options;
  if (!WebPAnimEncoderOptionsInit(&encoder_options)) {
    logError(joined("the WebP library does not match its headers"));
    return 1;
  }
  encoder_options.allow_mixed = 0;
  encoder_options.kmax = 0;  // only the first frame is whole: the rest change little
  encoder_options.anim_params.loop_count = 0;
  std::unique_ptr<WebPAnimEncoder, EncoderCloser> encoder(WebPAnimEncoderNew(width, height, &encoder_options));
  WebPConfig config;
  WebPPicture picture;
  if (!encoder || !WebPConfigInit(&config) || !WebPPictureInit(&picture)) {
    logError(joined("cannot start the WebP encoder"));
    return 1;
  }
  config.quality = 75;
  config.method = 4;
  picture.use_argb = 1;
  picture.width = width;
  picture.height = height;
  if (!WebPPictureAlloc(&picture)) {
    logError(joined("out of memory for a ", width, "x", height, " frame"));
    return 1;
  }

  SceneSettings settings = sceneSettingsFor(options, content);
  settings.threaded = false;
  ManualClock clock(std::time(nullptr));
  RecordingScreen screen(clock, width, height, seconds, frames_per_second);
  render::FontCache fonts(options.font_chain);
  SceneLoop loop(screen, clock, fonts, SharedContent(SharedContent(), &content), settings);
  bool failed = false;
  int last_ms = -1;
  screen.on_present = [&](SDL_Surface& frame, double time) {
    const int ms = static_cast<int>(std::lround(time * 1000));
    if (failed || ms == last_ms) return;
    for (int y = 0; y < height; ++y) {
      const auto* row = reinterpret_cast<const uint32_t*>(static_cast<const uint8_t*>(frame.pixels) + y * frame.pitch);
      std::copy(row, row + width, picture.argb + static_cast<std::ptrdiff_t>(y) * picture.argb_stride);
    }
    if (!WebPAnimEncoderAdd(encoder.get(), &picture, ms, &config)) {
      logError(joined("cannot encode a frame: ", WebPAnimEncoderGetError(encoder.get())));
      failed = true;
    }
    last_ms = ms;
  };
  loop.run();
  WebPPictureFree(&picture);
  if (screen.stoppedByQuit()) {
    logError("stopped by a signal; nothing written");
    return 1;
  }
  if (failed) return 1;
  WebPData data;
  WebPDataInit(&data);
  if (!WebPAnimEncoderAdd(encoder.get(), nullptr, static_cast<int>(std::lround(seconds * 1000)), nullptr) ||
      !WebPAnimEncoderAssemble(encoder.get(), &data)) {
    logError(joined("cannot assemble the animation: ", WebPAnimEncoderGetError(encoder.get())));
    return 1;
  }
  std::FILE* out = std::fopen(path.c_str(), "wb");
  const bool written = out != nullptr && std::fwrite(data.bytes, 1, data.size, out) == data.size;
  const bool closed = out != nullptr && std::fclose(out) == 0;
  WebPDataClear(&data);
  if (!written || !closed) {
    logError(joined("cannot write ", path));
    return 1;
  }
  return 0;
}

}  // namespace newsticker::firmware
