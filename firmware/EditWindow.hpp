// SPDX-License-Identifier: Apache-2.0
// `newsticker edit FILE.md`: the card seen while writing. A window on the
// editor's desktop shows the screen the board shows for that post (same
// loop, layout and fonts as --screenshot; optionally the portrait screen
// beside it) with --check's warnings, cut report and show window under it,
// and draws it again within a quarter second of each save. A post that does
// not parse shows the reason instead of the card.
#pragma once

#include <string>
#include <vector>

#include "firmware/CommandLine.hpp"
#include "render/FontCache.hpp"
#include "render/SdlHandles.hpp"

namespace newsticker::firmware {

struct EditTarget {
  std::string content_dir;  // the content folder the post belongs to (its feed.yaml, logos/)
  std::string file;         // the post's path in it: "posts/notice.md"
};

// Where `post_path` belongs: in `content_dir` when one is given (the post must
// be inside it), else in the folder above its posts/ or _posts/ folder, else
// in its own folder. Throws std::runtime_error with the reason when
// `post_path` is not inside `content_dir`.
EditTarget editTargetOf(const std::string& post_path, const std::string& content_dir);

// One line under the screens.
struct EditNote {
  enum class Kind { Error, Warning, Info };
  Kind kind = Kind::Info;
  std::string text;
};

// What the window shows for `target` now.
struct EditView {
  render::SurfacePtr landscape;  // the screen at the options' size; null when the post does not parse
  render::SurfacePtr portrait;   // the same turned on its side (options.edit_portrait), else null
  std::vector<EditNote> notes;   // the post's warnings as --check gives them, its cuts, when it shows
  std::string file;              // target.file
  std::string failure;           // why the post does not parse; "" when it does
  std::string summary;           // one line for the terminal: "posts/a.md: 2 warnings", "... does not parse: ..."
};

// Reads the folder's settings (feed.yaml, a site's config) and the one post
// `target.file` (no cache), and draws its screen through the show's own
// loop (firstScreen), whatever its show window says; with `fonts`. SDL
// (video, SDL_ttf, SDL_image) must be running. Never throws for content.
EditView editView(const Options& options, const EditTarget& target, render::FontCache& fonts);

// The window's picture: the screens side by side at the top left, each at
// its own size (a post that does not parse: a panel of the landscape size
// with the reason), then the notes, one line each, on a dark ground.
// Returns null only when SDL cannot allocate it.
render::SurfacePtr editSheet(const Options& options, const EditView& view, render::FontCache& fonts);

// Opens the window (SDL's default video driver: X11, Wayland) and keeps it
// up to date until it is closed, SIGINT or SIGTERM; prints `summary` on
// stdout at each drawing. Returns 0 then, or 1 after one line on stderr when
// there is no display or the post's folder is not a folder.
int runEditWindow(const Options& options);

}  // namespace newsticker::firmware
