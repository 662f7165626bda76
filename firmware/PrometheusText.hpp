// SPDX-License-Identifier: Apache-2.0
// Metrics in the Prometheus text exposition format (version 0.0.4), the
// format node_exporter's textfile collector reads from *.prom files: written
// by the display, `newsticker fetch` and newsticker-sync, read back by
// `newsticker status` with the format's rules checked strictly.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace newsticker::firmware {

enum class MetricType { Counter, Gauge, Untyped };

struct MetricSample {
  std::vector<std::pair<std::string, std::string>> labels;  // name, value (unescaped), in written order
  double value = 0;
};

struct MetricFamily {
  std::string name;
  std::string help;
  MetricType type = MetricType::Gauge;
  std::vector<MetricSample> samples;

  // The value of the first sample whose labels include all of `labels`
  // (empty: the first sample); `fallback` when there is none.
  double value(const std::vector<std::pair<std::string, std::string>>& labels = {}, double fallback = 0) const;
  // The value of label `label` in the first sample; "" when it has none.
  std::string label(const std::string& label) const;
};

// The families as exposition text: "# HELP", "# TYPE", then one line per
// sample, each family once and in the given order, every line ending in
// '\n'. Help and label values are escaped (\\, \n and, in labels, \"); values
// print with up to 17 significant digits ("NaN", "+Inf", "-Inf" as Prometheus
// spells them). Throws std::invalid_argument for a metric or label name that
// the format does not allow (a programming error, never content).
std::string formatMetrics(const std::vector<MetricFamily>& families);

struct ParsedMetrics {
  std::vector<MetricFamily> families;  // in the order of the text; samples without HELP/TYPE are Untyped
  std::string error;                   // "line N: reason" for the first violation; empty when the text is valid
};

// Parses exposition text and checks the format's rules: names and label
// names, quoting and escapes, values and optional integer timestamps, at most
// one HELP and one TYPE per family and both before its samples, a family's
// samples together, no series twice, no reserved "__" label, and a final
// newline. Comments and blank lines are skipped. Only counter, gauge and
// untyped families are accepted (histograms and summaries are not written
// here). Never throws.
ParsedMetrics parseMetrics(const std::string& text);

// The family `name` in `families`; null when absent.
const MetricFamily* findFamily(const std::vector<MetricFamily>& families, const std::string& name);

// Writes `families` to `folder`/`file_name` atomically (a hidden temporary
// file renamed over it, so the textfile collector never reads half a file),
// readable by everyone (0644 whatever the umask: node_exporter runs as
// another user). False with `error` set when the folder is missing or a step
// fails. Never throws.
bool writeMetricsFile(const std::filesystem::path& folder, const std::string& file_name,
                      const std::vector<MetricFamily>& families, std::string& error);

}  // namespace newsticker::firmware
