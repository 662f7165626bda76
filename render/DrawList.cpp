// SPDX-License-Identifier: Apache-2.0
#include "render/DrawList.hpp"

namespace newsticker::render {

void mirrorDrawList(DrawList& list, TextMeasurer& measurer) {
  const auto flip = [&list](Rect& r) { r.x = list.width - r.x - r.w; };
  for (DrawCommand& command : list.commands) {
    if (auto* run = std::get_if<TextRun>(&command)) {
      run->x = list.width - run->x - measurer.width(run->text, run->font);
    } else if (auto* shape = std::get_if<FillShape>(&command)) {
      flip(shape->rect);
    } else if (auto* logo = std::get_if<Logo>(&command)) {
      flip(logo->box);
    } else if (auto* photo = std::get_if<Photo>(&command)) {
      flip(photo->box);
    } else if (auto* qr = std::get_if<QrCode>(&command)) {
      flip(qr->box);
    }
  }
}

}  // namespace newsticker::render
