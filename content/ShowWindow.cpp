// SPDX-License-Identifier: Apache-2.0
#include "content/ShowWindow.hpp"

#include <cctype>
#include <cmath>

namespace newsticker::content {

ShowSpan showSpanOf(const ShowRules& rules, const std::string& zone) {
  ShowSpan span;
  if (!rules.from.empty()) span.from = instantOf(rules.from, zone).value_or(span.from);
  if (!rules.until.empty()) span.until = instantOf(rules.until, zone).value_or(span.until);
  return span;
}

bool showsAt(const ShowRules& rules, const ShowSpan& span, std::int64_t t, const LocalTime& local) {
  if (!span.contains(t)) return false;
  if (rules.hours.empty()) return true;
  for (const DayPart& part : rules.hours) {
    if (part.contains(local.weekday, local.minute_of_day)) return true;
  }
  return false;
}

std::vector<bool> showingAt(const std::vector<Post>& posts, std::int64_t t, const std::string& zone) {
  const LocalTime local = localTime(t, zone);
  std::vector<bool> showing;
  showing.reserve(posts.size());
  for (const Post& post : posts) {
    showing.push_back(!post.show.any() || showsAt(post.show, showSpanOf(post.show, zone), t, local));
  }
  return showing;
}

std::optional<double> parseInterval(const std::string& text) {
  double total = 0;
  std::size_t at = 0;
  bool any = false;
  const auto blank = [&] {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
  };
  blank();
  while (at < text.size()) {
    std::size_t digits = at;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits == at || digits - at > 6) return std::nullopt;
    const double value = std::stod(text.substr(at, digits - at));
    at = digits;
    blank();
    std::size_t unit_end = at;
    while (unit_end < text.size() && std::isalpha(static_cast<unsigned char>(text[unit_end]))) ++unit_end;
    const std::string unit = text.substr(at, unit_end - at);
    at = unit_end;
    blank();
    double scale = 0;
    if (unit == "s" || unit == "sec" || unit == "seconds") scale = 1;
    if (unit == "m" || unit == "min" || unit == "minutes" || (unit.empty() && !any && at == text.size())) scale = 60;
    if (unit == "h" || unit == "hour" || unit == "hours") scale = 3600;
    if (scale == 0) return std::nullopt;
    total += value * scale;
    any = true;
  }
  if (!any || total < 30 || total > 7 * 24 * 3600) return std::nullopt;
  return total;
}

std::string intervalText(double seconds) {
  const long whole = std::lround(seconds);
  if (whole < 60) return std::to_string(whole) + " s";
  const long hours = whole / 3600, minutes = (whole % 3600) / 60, rest = whole % 60;
  std::string text;
  if (hours > 0) text += std::to_string(hours) + " h";
  if (minutes > 0) text += (text.empty() ? "" : " ") + std::to_string(minutes) + " min";
  if (rest > 0) text += (text.empty() ? "" : " ") + std::to_string(rest) + " s";
  return text;
}

std::string showRulesText(const ShowRules& rules, const std::string& zone) {
  std::vector<std::string> parts;
  const ShowSpan span = showSpanOf(rules, zone);
  std::string window;
  if (!rules.from.empty()) window += "from " + localMinuteText(span.from, zone);
  if (!rules.until.empty()) window += (window.empty() ? "until " : " until ") + localMinuteText(span.until, zone, true);
  if (!window.empty()) parts.push_back("shows " + window);
  std::string hours;
  for (const DayPart& part : rules.hours) hours += (hours.empty() ? "" : ", ") + dayPartText(part);
  if (!hours.empty()) parts.push_back((window.empty() ? "shows " : "") + hours);
  if (rules.high_priority) parts.push_back("high priority");
  if (rules.urgent) {
    const double repeat = rules.repeat_seconds > 0 ? rules.repeat_seconds : kDefaultUrgentRepeatSeconds;
    parts.push_back("urgent, every " + intervalText(repeat));
  }
  if (rules.standby) parts.push_back("only when nothing else shows");
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : ", ") + part;
  return text;
}

}  // namespace newsticker::content
