// SPDX-License-Identifier: Apache-2.0
// docs/content.md's section "When a post shows" shows what newsticker does:
// its runnable shell blocks (<!-- runnable -->) run in order in one scratch
// folder (in UTC, the built newsticker first on PATH), and each output block
// it shows is found in the output of the blocks before it ("..." stands for
// any text). (tests/docs/run_blocks.sh runs the blocks too, but only looks at
// their exit status.)
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ShellCommand.hpp"
#include "TestFolders.hpp"

namespace fs = std::filesystem;

namespace {

struct Block {
  std::string info;       // what follows the opening ``` ("sh", "")
  bool runnable = false;  // right after a <!-- runnable --> line
  std::vector<std::string> lines;
};

// The fenced blocks of `path` between the heading `from` and the next heading of its level.
std::vector<Block> fencedBlocks(const std::string& path, const std::string& from) {
  std::ifstream in(path);
  REQUIRE(in);
  std::vector<Block> blocks;
  bool inside = false, section = false, marked = false;
  for (std::string line; std::getline(in, line);) {
    if (!inside && line.rfind("## ", 0) == 0) section = line == from;
    if (!section) continue;
    if (line.rfind("```", 0) == 0) {
      if (!inside) blocks.push_back({line.substr(3), marked, {}});
      inside = !inside;
    } else if (inside) {
      blocks.back().lines.push_back(line);
    }
    if (!inside && !line.empty()) marked = line == "<!-- runnable -->";
  }
  return blocks;
}

// Whether `line` is in `output`, each "..." of it standing for any text on that line.
bool shows(const std::string& output, const std::string& line) {
  std::istringstream lines(output);
  for (std::string candidate; std::getline(lines, candidate);) {
    std::size_t at = 0, from = 0;
    bool ok = true;
    while (ok && from <= line.size()) {
      const std::size_t dots = line.find("...", from);
      const std::string piece = line.substr(from, dots == std::string::npos ? std::string::npos : dots - from);
      const std::size_t found =
          from == 0 ? (candidate.rfind(piece, 0) == 0 ? 0 : std::string::npos) : candidate.find(piece, at);
      ok = found != std::string::npos;
      at = found + piece.size();
      if (dots == std::string::npos) {
        ok = ok && at == candidate.size();
        break;
      }
      from = dots + 3;
    }
    if (ok) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("docs/content.md, When a post shows: its blocks run as written and print what it shows") {
  const std::vector<Block> blocks =
      fencedBlocks(std::string(NEWSTICKER_SOURCE_DIR) + "/docs/content.md", "## When a post shows");
  const fs::path dir = freshFolder("docs-content");
  fs::create_directories(dir);
  const std::string bin = fs::path(NEWSTICKER_BINARY).parent_path().string();
  int runs = 0, outputs = 0;
  std::string output;  // of the blocks so far
  for (const Block& block : blocks) {
    if (block.info == "sh" && block.runnable) {
      std::ofstream script(dir / "block.sh");
      for (const std::string& line : block.lines) script << line << "\n";
      script.close();
      const auto result = runCommand("cd '" + dir.string() + "' && PATH='" + bin +
                                     "':\"$PATH\" TZ=UTC SDL_VIDEODRIVER=dummy bash -e block.sh 2>&1");
      const std::string& text = result.first;
      const int status = result.second;
      INFO(block.lines.front() << "\n" << text);
      CHECK(status == 0);
      output += text;
      ++runs;
    } else if (block.info.empty()) {
      for (const std::string& line : block.lines) CHECK_MESSAGE(shows(output, line), line << "\n---\n" << output);
      ++outputs;
    }
  }
  CHECK(runs == 3);
  CHECK(outputs == 2);
  // --screenshot wrote the cycle's cards, each once: 4 different cards in its 5 slots.
  CHECK(fs::exists(dir / "cards" / "card-004.png"));
  CHECK_FALSE(fs::exists(dir / "cards" / "card-005.png"));
  fs::remove_all(dir);
}
