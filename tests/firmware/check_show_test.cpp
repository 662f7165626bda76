// SPDX-License-Identifier: Apache-2.0
// --check says when each post shows, warns about windows that are over or
// never open, and with --at lists the cycle as it will be then; the same in
// --json. The program is run on a real folder, in a fixed time zone.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "ShellCommand.hpp"
#include "TestFolders.hpp"

namespace fs = std::filesystem;

namespace {

// Whether the Python expression `expression` over the JSON document `json` (as d) is true.
bool jsonSays(const std::string& json, const std::string& expression) {
  const fs::path file = freshFolder("check-show.json");
  std::ofstream(file, std::ios::binary) << json;
  const std::string script =
      "import json,sys; d = json.load(open(sys.argv[1], encoding='utf-8')); "
      "print('yes' if (" +
      expression + ") else 'no')";
  const auto [out, status] = runCommand("python3 -c \"" + script + "\" '" + file.string() + "'");
  fs::remove(file);
  return status == 0 && out == "yes\n";
}

}  // namespace

TEST_CASE("--check and --check --at: when posts show, windows that are over, the cycle at a given time") {
  const fs::path dir = freshFolder("check-show");
  fs::create_directories(dir / "posts");
  const auto write = [&](const std::string& name, const std::string& front_matter) {
    std::ofstream(dir / "posts" / name) << "---\n" << front_matter << "---\nBody.\n";
  };
  write("a-news.md", "title: Plain news\ndate: 2026-12-01\n");
  write("b-menu.md", "title: Breakfast\nshow_hours: \"mon-fri 07:00-10:00\"\n");
  write("c-keynote.md", "title: Keynote\npriority: high\nshow_until: 2026-12-24 10:00\n");
  write("d-drill.md", "title: Drill\nurgent: true\nshow_from: 2026-12-24 08:45\nshow_until: 2026-12-24 09:30\n");
  write("e-old.md", "title: Old notice\nshow_until: 2026-11-30\n");
  write("f-never.md", "title: Never\nshow_from: 2026-12-30T00:00:00Z\nshow_until: 2026-12-29 12:00\n");
  std::ofstream(dir / "config.yaml") << "clock:\n  time_zone: Europe/Berlin\n";
  const std::string run = "'" + std::string(NEWSTICKER_BINARY) + "' --config '" + (dir / "config.yaml").string() +
                          "' --content '" + dir.string() + "' --check";

  const auto result = runCommand(run + " --at '2026-12-24 09:00' 2>&1");
  const std::string& text = result.first;
  const int status = result.second;
  INFO(text);
  CHECK(status == 0);
  CHECK(text.find("| shows mon-fri 07:00-10:00\n") != std::string::npos);
  CHECK(text.find("| shows until 2026-12-24 10:00, high priority\n") != std::string::npos);
  CHECK(text.find("| shows from 2026-12-24 08:45 until 2026-12-24 09:30, urgent, every 10 min\n") != std::string::npos);
  CHECK(text.find("warning  posts/e-old.md:3: show window ended 2026-11-30 24:00; the post no longer shows\n") !=
        std::string::npos);
  // A window in two forms (an instant, a local time) is compared in the config's zone: it never opens.
  CHECK(text.find("warning  posts/f-never.md:4: the show window ends before it starts (2026-12-30 01:00 to "
                  "2026-12-29 12:00): the post never shows\n") != std::string::npos);
  CHECK(text.find("cycle at 2026-12-24 09:00: 5 cards\n"
                  "  1. posts/d-drill.md | \"Drill\" | urgent\n"
                  "  2. posts/c-keynote.md | \"Keynote\"\n"
                  "  3. posts/a-news.md | \"Plain news\"\n"
                  "  4. posts/c-keynote.md | \"Keynote\"\n"
                  "  5. posts/b-menu.md | \"Breakfast\"\n") != std::string::npos);
  // On a Saturday evening: the plain news alone (the notice of the 30th of November is over).
  const auto [later, later_status] = runCommand(run + " --at '2026-12-26 18:00' 2>&1");
  CHECK(later.find("cycle at 2026-12-26 18:00: 1 card\n  1. posts/a-news.md | \"Plain news\"\n") != std::string::npos);
  // Without --at: no cycle listed.
  const auto [now, now_status] = runCommand(run + " 2>&1");
  CHECK(now.find("cycle at") == std::string::npos);

  const auto [json, json_status] = runCommand(run + " --json --at '2026-12-24T09:00'");
  CHECK(json_status == 0);
  CHECK(jsonSays(json,
                 "d['cycle_at']['at'] == '2026-12-24 09:00' and "
                 "[c['file'] for c in d['cycle_at']['cards']] == ['posts/d-drill.md', 'posts/c-keynote.md', "
                 "'posts/a-news.md', 'posts/c-keynote.md', 'posts/b-menu.md'] and "
                 "d['cycle_at']['cards'][0]['urgent'] and not d['cycle_at']['cards'][1]['urgent']"));
  CHECK(jsonSays(json, "[p['shows'] for p in d['posts']][:2] == [None, 'shows mon-fri 07:00-10:00']"));
  CHECK(jsonSays(json, "any('show window ended' in w['reason'] and w['line'] == 3 for w in d['warnings'])"));
  fs::remove_all(dir);
}
