// SPDX-License-Identifier: Apache-2.0
// A YAML flow document written from another format's values (TOML, JSON
// front matter), one map entry or list item per line, that remembers which
// line of the original text each of its lines stands for: yaml-cpp's marks
// on the loaded nodes then lead back to the original lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsticker::content {

class YamlFlowText {
 public:
  // Starts the document with its top-level map ("{"), which stands for
  // original line 0.
  YamlFlowText();

  // Opens a map or a list as the value of the entry or item begun last.
  void openMap();
  void openList();
  // Closes the innermost open map or list.
  void close();

  // Begins an entry of the innermost open map on a new line that stands for
  // `original_line` (the line of the key); its value follows.
  void key(std::string_view name, int original_line);
  // Begins an item of the innermost open list on a new line that stands for
  // `original_line`; its value follows.
  void item(int original_line);

  // A scalar value: `value` double-quoted, with every character that YAML
  // does not print (controls, U+0085, U+2028/2029, U+FEFF, U+FFFE/FFFF) and
  // '"', '\' escaped, so yaml-cpp reads back exactly `value`.
  void text(std::string_view value);
  // A null value ("~").
  void null();

  // The document so far: closes the top-level map when it is still open.
  std::string finish();
  // For each line of the document, the original line it stands for.
  const std::vector<int>& originalLines() const { return original_lines_; }

 private:
  void beginEntry(int original_line);

  std::string text_;
  std::vector<int> original_lines_;
  struct Open {
    char closer;  // '}' or ']'
    bool empty;   // nothing written in it yet
  };
  std::vector<Open> open_;
};

}  // namespace newsticker::content
