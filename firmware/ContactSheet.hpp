// SPDX-License-Identifier: Apache-2.0
// The operator's view of a fleet: what every board shows, on one PNG. Reads
// the folder the Ansible collect playbook fills (one subfolder per board,
// named after it, holding screen.png and status.txt from `newsticker
// status`) and lays the screens out as the content preview lays out cards.
#pragma once

#include <string>
#include <vector>

#include "fonts/FontChain.hpp"

namespace newsticker::firmware {

// One board's collected files.
struct BoardCapture {
  std::string name;                 // the subfolder's name (the inventory host)
  std::string screen_png;           // path of screen.png; "" when missing
  std::vector<std::string> status;  // the lines of status.txt worth a label (display, card, content, sync)
};

// The boards in `folder`, sorted by name: every subfolder with a screen.png
// or a status.txt. The status lines kept are those starting "display:",
// "card:", "content:" and "sync:", without the key's padding.
std::vector<BoardCapture> collectedBoards(const std::string& folder);

// Writes the contact sheet of `folder`'s boards to `png_path`: each screen
// shrunk into a 480 px box under a header naming the folder, labelled with
// the board's name and status lines; a board without screen.png gets a grey
// box and a warning. SDL (dummy driver will do) and SDL_ttf must be running.
// Returns 0, or 1 after one line on stderr when there are no boards, a
// screen cannot be read or the sheet cannot be written. Throws what the font
// cache throws (a font that cannot be opened).
int writeContactSheet(const std::string& folder, const std::string& png_path, const fonts::FontChain& font_chain);

}  // namespace newsticker::firmware
