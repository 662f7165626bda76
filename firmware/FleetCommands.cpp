// SPDX-License-Identifier: Apache-2.0
#include "firmware/FleetCommands.hpp"

#include <signal.h>
#include <sys/stat.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "firmware/Log.hpp"
#include "firmware/ScreenCapture.hpp"
#include "firmware/ServiceMetrics.hpp"

namespace newsticker::firmware {
namespace {

double wallNow() { return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(); }

// The file's identity and modification time, to see it written anew.
std::string fileStamp(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "";
  return std::to_string(st.st_ino) + ":" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

// "2024-05-01 10:41:07 (3 min ago)"; "never" for 0.
std::string when(double t, double now) {
  if (t <= 0) return "never";
  const auto whole = static_cast<std::time_t>(t);
  std::tm local{};
  char text[32] = "";
  if (localtime_r(&whole, &local) != nullptr) std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
  const double ago = now - t;
  char span[48];
  if (ago < -1) std::snprintf(span, sizeof span, "in the future");
  else if (ago < 120) std::snprintf(span, sizeof span, "%.0f s ago", std::max(0.0, ago));
  else if (ago < 7200) std::snprintf(span, sizeof span, "%.0f min ago", ago / 60);
  else if (ago < 172800) std::snprintf(span, sizeof span, "%.1f h ago", ago / 3600);
  else std::snprintf(span, sizeof span, "%.1f days ago", ago / 86400);
  return std::string(text) + " (" + span + ")";
}

double valueOf(const std::vector<MetricFamily>& families, const std::string& name, double fallback = 0) {
  const MetricFamily* family = findFamily(families, name);
  return family != nullptr ? family->value({}, fallback) : fallback;
}

std::string labelOf(const std::vector<MetricFamily>& families, const std::string& name, const std::string& label) {
  const MetricFamily* family = findFamily(families, name);
  return family != nullptr ? family->label(label) : "";
}

std::string count(double n, const char* one, const char* many) {
  const auto whole = static_cast<long long>(std::llround(n));
  return std::to_string(whole) + " " + (whole == 1 ? one : many);
}

void formatDisplay(const std::vector<MetricFamily>& d, double written, double now, std::ostringstream& out) {
  const bool on = valueOf(d, "newsticker_display_on", 1) != 0;
  out << "display:  " << (on ? "on" : "off (by the schedule)") << "; newsticker "
      << labelOf(d, "newsticker_build_info", "version") << ", started "
      << when(valueOf(d, "newsticker_start_time_seconds"), now) << "\n";
  out << "content:  " << count(valueOf(d, "newsticker_posts_loaded"), "post", "posts") << " loaded, "
      << count(valueOf(d, "newsticker_posts_rejected"), "file", "files") << " rejected; read "
      << when(valueOf(d, "newsticker_last_reload_timestamp_seconds"), now) << "\n";
  const std::string position = labelOf(d, "newsticker_card_info", "position");
  if (!position.empty()) {
    out << "card:     " << position << " of " << std::llround(valueOf(d, "newsticker_posts_loaded")) << ": \""
        << labelOf(d, "newsticker_card_info", "title") << "\" (" << labelOf(d, "newsticker_card_info", "file") << ")\n";
  }
  out << "frames:   " << std::llround(valueOf(d, "newsticker_frames_total")) << " presented, "
      << std::llround(valueOf(d, "newsticker_frames_late_total")) << " late\n";
  char memory[32];
  std::snprintf(memory, sizeof memory, "%.1f MiB", valueOf(d, "newsticker_resident_memory_bytes") / (1024.0 * 1024.0));
  out << "memory:   " << memory << " resident\n";
  out << "capture:  " << when(valueOf(d, "newsticker_screen_capture_timestamp_seconds"), now) << "\n";
  out << "metrics:  written " << when(written, now) << "\n";
}

void formatSync(const std::vector<MetricFamily>& s, double now, std::ostringstream& out) {
  const std::string revision = labelOf(s, "newsticker_sync_revision_info", "revision");
  out << "sync:     " << (revision.empty() ? "nothing shown yet" : "revision " + revision + " shown") << "; last run "
      << when(valueOf(s, "newsticker_sync_last_run_timestamp_seconds"), now)
      << (valueOf(s, "newsticker_sync_last_run_success") != 0 ? " ok" : " FAILED") << "; last success "
      << when(valueOf(s, "newsticker_sync_last_success_timestamp_seconds"), now);
  if (valueOf(s, "newsticker_sync_refused") != 0) out << "; the newest revision is refused by newsticker --check";
  if (valueOf(s, "newsticker_sync_held") != 0) out << "; held back by a rollback";
  out << "\n";
}

void formatFetch(const std::vector<MetricFamily>& f, double now, std::ostringstream& out) {
  const MetricFamily* runs = findFamily(f, "newsticker_fetch_last_run_timestamp_seconds");
  if (runs == nullptr || runs->samples.empty()) {
    out << "fetch:    no feeds\n";
    return;
  }
  for (const MetricSample& sample : runs->samples) {
    std::vector<std::pair<std::string, std::string>> feed;
    for (const auto& label : sample.labels) {
      if (label.first == "feed") feed.push_back(label);
    }
    const auto of = [&](const char* name) {
      const MetricFamily* family = findFamily(f, name);
      return family != nullptr ? family->value(feed, 0) : 0.0;
    };
    out << "fetch:    " << (feed.empty() ? "?" : feed[0].second) << ": last run " << when(sample.value, now)
        << (of("newsticker_fetch_last_run_success") != 0 ? " ok" : " FAILED") << ", "
        << count(of("newsticker_fetch_posts"), "post", "posts") << ", last success "
        << when(of("newsticker_fetch_last_success_timestamp_seconds"), now) << "\n";
  }
}

}  // namespace

bool isFleetCommand(const std::string& word) {
  return word == "screen-capture" || word == "status" || word == "contact-sheet";
}

ParsedCommandLine parseFleetCommand(int argc, const char* const* argv, const Options& defaults) {
  ParsedCommandLine parsed;
  parsed.options = defaults;
  Options& o = parsed.options;
  const std::string command = argv[1];
  o.mode = command == "status" ? Mode::Status : command == "screen-capture" ? Mode::ScreenCapture : Mode::ContactSheet;
  std::vector<std::string> words;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool takes_value = arg == "--config" || arg == "--metrics-dir" || arg == "--runtime-dir";
    if (takes_value && i + 1 >= argc) {
      parsed.error = arg + " needs a value";
      return parsed;
    }
    if (arg == "--help" || arg == "-h") {
      o.mode = Mode::Help;
      return parsed;
    } else if (arg == "--config" && o.mode == Mode::Status) {
      o.config_path = argv[++i];
    } else if (arg == "--metrics-dir" && o.mode == Mode::Status) {
      o.metrics_dir = argv[++i];
    } else if (arg == "--runtime-dir" && o.mode == Mode::ScreenCapture) {
      o.runtime_dir = argv[++i];
    } else if (o.mode == Mode::ContactSheet && arg.rfind("--", 0) != 0) {
      words.push_back(arg);
    } else {
      parsed.error = command + ": unknown option '" + arg + "'";
      return parsed;
    }
  }
  std::error_code ec;
  if (o.mode == Mode::Status && o.config_path.empty() && std::filesystem::exists("/etc/newsticker/config.yaml", ec)) {
    o.config_path = "/etc/newsticker/config.yaml";  // the board's: its metrics_dir
  }
  if (o.mode == Mode::ContactSheet) {
    if (words.size() != 2) {
      parsed.error = "contact-sheet takes a folder of collected boards and the PNG to write";
      return parsed;
    }
    o.sheet_folder = words[0];
    o.sheet_path = words[1];
  }
  return parsed;
}

int runScreenCaptureCommand(const Options& options, double timeout) {
  const std::string folder = findRuntimeDirectory(options.runtime_dir);
  const std::string pid_file = folder + "/newsticker.pid";
  std::ifstream in(pid_file);
  long pid = 0;
  if (!(in >> pid) || pid <= 1) {
    logError("screen-capture: no running display: cannot read " + pid_file + " (give --runtime-dir DIR?)");
    return 1;
  }
  std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
  std::string name;
  if (!(comm >> name) || name != "newsticker") {
    logError("screen-capture: no running display: " + pid_file + " names process " + std::to_string(pid) +
             ", which is not newsticker (a leftover of a display that stopped)");
    return 1;
  }
  const std::string png = folder + "/screen.png";
  const std::string before = fileStamp(png);
  if (::kill(static_cast<pid_t>(pid), SIGUSR1) != 0) {
    logError("screen-capture: cannot signal the display (pid " + std::to_string(pid) + "): " + std::strerror(errno) +
             " (run it as root or as the display's user)");
    return 1;
  }
  const double start = wallNow();
  while (wallNow() - start < timeout) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const std::string now = fileStamp(png);
    if (!now.empty() && now != before) {
      std::cout << png << "\n";
      return 0;
    }
  }
  logError("screen-capture: the display (pid " + std::to_string(pid) + ") wrote no " + png + " within " +
           std::to_string(static_cast<int>(timeout)) + " s (see its log)");
  return 1;
}

bool readBoardMetrics(const std::string& folder, BoardMetrics& metrics, std::string& error) {
  struct Wanted {
    const char* file;
    std::vector<MetricFamily>* families;
    bool* present;
  };
  for (const Wanted& wanted : {Wanted{kDisplayMetricsFile, &metrics.display, &metrics.has_display},
                               Wanted{kSyncMetricsFile, &metrics.sync, &metrics.has_sync},
                               Wanted{kFetchMetricsFile, &metrics.fetch, &metrics.has_fetch}}) {
    const std::string path = folder + "/" + wanted.file;
    std::ifstream in(path, std::ios::binary);
    if (!in) continue;
    std::ostringstream text;
    text << in.rdbuf();
    ParsedMetrics parsed = parseMetrics(text.str());
    if (!parsed.error.empty()) {
      error = path + ": " + parsed.error;
      return false;
    }
    *wanted.families = std::move(parsed.families);
    *wanted.present = true;
    struct stat st {};
    if (wanted.present == &metrics.has_display && ::stat(path.c_str(), &st) == 0) {
      metrics.display_written = static_cast<double>(st.st_mtim.tv_sec) + st.st_mtim.tv_nsec / 1e9;
    }
  }
  return true;
}

std::string formatStatus(const BoardMetrics& metrics, double now) {
  std::ostringstream out;
  if (metrics.has_display) formatDisplay(metrics.display, metrics.display_written, now, out);
  else out << "display:  no metrics (is the display running, and metrics_dir: its folder?)\n";
  if (metrics.has_sync) formatSync(metrics.sync, now, out);
  else out << "sync:     not reported (newsticker-sync has not run)\n";
  if (metrics.has_fetch) formatFetch(metrics.fetch, now, out);
  return out.str();
}

int runStatusCommand(const Options& options, std::ostream& out) {
  if (options.metrics_dir.empty()) {
    logError("status: metrics_dir: is empty in the config, so nothing writes metrics to read");
    return 1;
  }
  BoardMetrics metrics;
  std::string error;
  if (!readBoardMetrics(options.metrics_dir, metrics, error)) {
    logError(error);
    return 2;
  }
  out << formatStatus(metrics, wallNow());
  return metrics.has_display ? 0 : 1;
}

}  // namespace newsticker::firmware
