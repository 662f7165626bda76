// docs/content.md says what it shows: its post examples (```yaml file=...
// blocks) make the folder my-feed, every `newsticker` command of its ```sh
// blocks runs against it (in UTC), and each output block it shows is found in
// the output of the commands before it ("..." stands for any text).
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
  std::string info;  // what follows the opening ``` ("sh", "yaml file=posts/a.md", "")
  std::vector<std::string> lines;
};

std::vector<Block> fencedBlocks(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in);
  std::vector<Block> blocks;
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("```", 0) == 0) {
      if (!inside) blocks.push_back({line.substr(3), {}});
      inside = !inside;
    } else if (inside) {
      blocks.back().lines.push_back(line);
    }
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
      const std::size_t found = from == 0 ? (candidate.rfind(piece, 0) == 0 ? 0 : std::string::npos)
                                          : candidate.find(piece, at);
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

TEST_CASE("docs/content.md: its example posts, commands and outputs are what newsticker does") {
  const std::vector<Block> blocks = fencedBlocks(std::string(NEWSTICKER_SOURCE_DIR) + "/docs/content.md");
  const fs::path dir = freshFolder("docs-content");
  fs::create_directories(dir / "my-feed" / "posts");
  int files = 0, commands = 0, outputs = 0;
  for (const Block& block : blocks) {
    const std::size_t file = block.info.find("file=");
    if (block.info.rfind("yaml", 0) == 0 && file != std::string::npos) {
      std::ofstream out(dir / "my-feed" / block.info.substr(file + 5));
      for (const std::string& line : block.lines) out << line << "\n";
      out << "An example from docs/content.md.\n";
      ++files;
    }
  }
  REQUIRE(files >= 4);
  std::string output;  // of the commands so far
  for (const Block& block : blocks) {
    if (block.info == "sh") {
      for (const std::string& command : block.lines) {
        REQUIRE_MESSAGE(command.rfind("newsticker ", 0) == 0, command);
        const std::string run = "cd '" + dir.string() + "' && TZ=UTC '" + std::string(NEWSTICKER_BINARY) + "'" +
                                command.substr(10) + " 2>&1";
        const auto [text, status] = runCommand(run);
        INFO(command << "\n" << text);
        CHECK(status == 0);
        output += text;
        ++commands;
      }
    } else if (block.info.empty() && !output.empty()) {
      for (const std::string& line : block.lines) CHECK_MESSAGE(shows(output, line), line << "\n---\n" << output);
      ++outputs;
    }
  }
  CHECK(commands >= 3);
  CHECK(outputs >= 2);
  // --screenshot wrote the cycle's cards, each once: 4 different cards of 5 slots.
  CHECK(fs::exists(dir / "cards" / "card-004.png"));
  CHECK_FALSE(fs::exists(dir / "cards" / "card-005.png"));
  fs::remove_all(dir);
}
