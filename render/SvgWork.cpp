// SPDX-License-Identifier: Apache-2.0
#include "render/SvgWork.hpp"

#include <expat.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace newsticker::render {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTessTolerance = 0.25;  // nanosvg's tessTol, in pixels
constexpr int kMaxCurveLevels = 10;      // nanosvg flattens a curve into at most 2^10 pieces

// Reads the next number of an SVG list from `pos` ("1e5", ".5.5", "-1-2",
// commas and spaces between); false at the end or before a letter.
bool readNumber(std::string_view s, std::size_t& pos, double& value) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == ',' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r')) {
    ++pos;
  }
  if (pos >= s.size()) return false;
  const std::size_t start = pos;
  if (s[pos] == '+' || s[pos] == '-') ++pos;
  bool digits = false, dot = false;
  while (pos < s.size() && (std::isdigit(static_cast<unsigned char>(s[pos])) || (s[pos] == '.' && !dot))) {
    if (s[pos] == '.') dot = true;
    else digits = true;
    ++pos;
  }
  if (!digits) {
    pos = start;
    return false;
  }
  if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
    std::size_t e = pos + 1;
    if (e < s.size() && (s[e] == '+' || s[e] == '-')) ++e;
    if (e < s.size() && std::isdigit(static_cast<unsigned char>(s[e]))) {
      pos = e;
      while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    }
  }
  value = std::strtod(std::string(s.substr(start, pos - start)).c_str(), nullptr);
  if (!std::isfinite(value)) value = value > 0 ? 1e30 : -1e30;
  return true;
}

// An arc's flag: one '0' or '1', no separator needed after it.
bool readFlag(std::string_view s, std::size_t& pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == ',' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r')) {
    ++pos;
  }
  if (pos < s.size() && (s[pos] == '0' || s[pos] == '1')) {
    ++pos;
    return true;
  }
  return false;
}

std::vector<double> numbers(std::string_view s) {
  std::vector<double> out;
  std::size_t pos = 0;
  double v = 0;
  while (pos < s.size()) {
    if (readNumber(s, pos, v)) out.push_back(v);
    else ++pos;
  }
  return out;
}

// The outline of one shape in its own units.
struct Outline {
  double length = 0;        // of straight segments and curve control polygons
  double corners = 0;       // vertices where a join is drawn
  double curves = 0;        // curve and arc segments
  double curve_length = 0;  // their control polygons' length
};

double distance(double x0, double y0, double x1, double y1) { return std::hypot(x1 - x0, y1 - y0); }

// Walks path data `d`, adding each segment to `out`.
void addPathData(std::string_view d, Outline& out) {
  double x = 0, y = 0, sx = 0, sy = 0;
  std::size_t pos = 0;
  char command = 0;
  const auto segment = [&](double nx, double ny) {
    out.length += distance(x, y, nx, ny);
    out.corners += 1;
    x = nx;
    y = ny;
  };
  const auto curve = [&](double polygon, double nx, double ny) {
    out.length += polygon;
    out.curve_length += polygon;
    out.curves += 1;
    out.corners += 1;
    x = nx;
    y = ny;
  };
  double v[7];
  while (pos < d.size()) {
    const char c = d[pos];
    if (std::isalpha(static_cast<unsigned char>(c))) {
      command = c;
      ++pos;
      if (c == 'Z' || c == 'z') segment(sx, sy);
      continue;
    }
    const bool rel = std::islower(static_cast<unsigned char>(command)) != 0;
    const double ox = rel ? x : 0, oy = rel ? y : 0;
    const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(command)));
    const auto read = [&](int n) {
      for (int i = 0; i < n; ++i) {
        if (!readNumber(d, pos, v[i])) return false;
      }
      return true;
    };
    std::size_t before = pos;
    if (upper == 'M' && read(2)) {
      x = sx = ox + v[0];
      y = sy = oy + v[1];
      command = rel ? 'l' : 'L';
    } else if (upper == 'L' && read(2)) {
      segment(ox + v[0], oy + v[1]);
    } else if (upper == 'H' && read(1)) {
      segment(ox + v[0], y);
    } else if (upper == 'V' && read(1)) {
      segment(x, (rel ? y : 0) + v[0]);
    } else if (upper == 'C' && read(6)) {
      curve(distance(x, y, ox + v[0], oy + v[1]) + distance(ox + v[0], oy + v[1], ox + v[2], oy + v[3]) +
                distance(ox + v[2], oy + v[3], ox + v[4], oy + v[5]),
            ox + v[4], oy + v[5]);
    } else if ((upper == 'S' || upper == 'Q') && read(4)) {
      curve(2 * distance(x, y, ox + v[0], oy + v[1]) + distance(ox + v[0], oy + v[1], ox + v[2], oy + v[3]), ox + v[2],
            oy + v[3]);
    } else if (upper == 'T' && read(2)) {
      curve(2 * distance(x, y, ox + v[0], oy + v[1]), ox + v[0], oy + v[1]);
    } else if (upper == 'A' && read(3) && readFlag(d, pos) && readFlag(d, pos) && read(2)) {
      // At most a whole ellipse, or a half circle over the chord (radii too small are scaled up).
      const double chord = distance(x, y, ox + v[0], oy + v[1]);
      curve(std::max(2 * kPi * std::max(std::fabs(v[0]), std::fabs(v[1])), kPi * chord / 2), ox + v[0], oy + v[1]);
    }
    if (pos == before) ++pos;  // not a number where one belongs: skip the byte, as a lenient parser would
  }
}

// What a shape inherits and sets.
struct Paint {
  double scale = 1;  // the transform's average scale, as nanosvg takes it
  bool stroke = false;
  bool fill = true;
  double stroke_width = 1;
  double dash_period = 0;  // the pattern's length (doubled when it has an odd count)
  double dash_pieces = 0;  // dashes and gaps in one period
  bool round_join = false;
  bool round_cap = false;
};

// The average scale of a transform list ("scale(2) rotate(4) matrix(...)").
double transformScale(std::string_view t) {
  double scale = 1;
  std::size_t pos = 0;
  while (pos < t.size()) {
    const std::size_t open = t.find('(', pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = t.find(')', open);
    if (close == std::string_view::npos) break;
    std::string_view name = t.substr(pos, open - pos);
    while (!name.empty() && !std::isalpha(static_cast<unsigned char>(name.front()))) name.remove_prefix(1);
    while (!name.empty() && !std::isalpha(static_cast<unsigned char>(name.back()))) name.remove_suffix(1);
    const std::vector<double> a = numbers(t.substr(open + 1, close - open - 1));
    if (name == "scale" && !a.empty()) {
      scale *= (std::fabs(a[0]) + std::fabs(a.size() > 1 ? a[1] : a[0])) / 2;
    } else if (name == "matrix" && a.size() >= 4) {
      scale *= (std::hypot(a[0], a[2]) + std::hypot(a[1], a[3])) / 2;
    } else if ((name == "skewX" || name == "skewY") && !a.empty()) {
      scale *= (1 + std::hypot(1.0, std::tan(a[0] * kPi / 180))) / 2;
    }
    pos = close + 1;
  }
  return std::isfinite(scale) ? scale : 1e30;
}

// Applies one presentation property (from an attribute or a style declaration).
void applyProperty(std::string_view name, std::string_view value, Paint& paint) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (name == "stroke") {
    paint.stroke = value != "none" && !value.empty();
  } else if (name == "fill") {
    paint.fill = value != "none";
  } else if (name == "stroke-width") {
    std::size_t pos = 0;
    double w = 0;
    if (readNumber(value, pos, w)) paint.stroke_width = std::fabs(w);
  } else if (name == "stroke-dasharray") {
    const std::vector<double> dashes = numbers(value);
    double sum = 0;
    for (const double d : dashes) sum += std::fabs(d);
    if (sum <= 1e-6 || value == "none") {
      paint.dash_period = paint.dash_pieces = 0;
    } else {
      const double copies = dashes.size() % 2 == 1 ? 2 : 1;
      paint.dash_period = sum * copies;
      paint.dash_pieces = static_cast<double>(dashes.size()) * copies;
    }
  } else if (name == "stroke-linejoin") {
    paint.round_join = value == "round";
  } else if (name == "stroke-linecap") {
    paint.round_cap = value == "round";
  }
}

void applyStyle(std::string_view style, Paint& paint) {
  std::size_t pos = 0;
  while (pos < style.size()) {
    std::size_t end = style.find(';', pos);
    if (end == std::string_view::npos) end = style.size();
    const std::string_view declaration = style.substr(pos, end - pos);
    const std::size_t colon = declaration.find(':');
    if (colon != std::string_view::npos) {
      std::string_view name = declaration.substr(0, colon);
      while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
      while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
      applyProperty(name, declaration.substr(colon + 1), paint);
    }
    pos = end + 1;
  }
}

struct Shape {
  Paint paint;
  Outline outline;
};

struct Reader {
  std::vector<Paint> stack{Paint{}};
  std::vector<Shape> shapes;
  double doc_size = 0;  // the root's larger side, in its user units
  bool root_seen = false;
};

const char* attribute(const XML_Char** attributes, const char* name) {
  for (int i = 0; attributes[i] != nullptr; i += 2) {
    if (std::strcmp(attributes[i], name) == 0) return attributes[i + 1];
  }
  return nullptr;
}

double number(const XML_Char** attributes, const char* name) {
  const char* value = attribute(attributes, name);
  if (value == nullptr) return 0;
  std::size_t pos = 0;
  double v = 0;
  return readNumber(value, pos, v) ? std::fabs(v) : 0;
}

// The outline of a basic shape or path element; false for other elements.
bool outlineOf(std::string_view name, const XML_Char** a, Outline& out) {
  if (name == "path") {
    if (const char* d = attribute(a, "d")) addPathData(d, out);
  } else if (name == "rect") {
    out.length = 2 * (number(a, "width") + number(a, "height"));
    out.corners = 4;
  } else if (name == "circle" || name == "ellipse") {
    const double r = std::max({number(a, "r"), number(a, "rx"), number(a, "ry")});
    out.length = out.curve_length = 2 * kPi * r;
    out.curves = out.corners = 4;
  } else if (name == "line") {
    out.length = distance(number(a, "x1"), number(a, "y1"), number(a, "x2"), number(a, "y2"));
    out.corners = 1;
  } else if (name == "polyline" || name == "polygon") {
    const char* points = attribute(a, "points");
    const std::vector<double> p = numbers(points != nullptr ? points : "");
    for (std::size_t i = 2; i + 1 < p.size(); i += 2) out.length += distance(p[i - 2], p[i - 1], p[i], p[i + 1]);
    out.corners = static_cast<double>(p.size() / 2);
  } else {
    return false;
  }
  return true;
}

void XMLCALL onStart(void* data, const XML_Char* qualified, const XML_Char** a) {
  auto& reader = *static_cast<Reader*>(data);
  std::string_view name = qualified;
  if (const std::size_t colon = name.rfind(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
  Paint paint = reader.stack.back();
  if (name == "svg" && !reader.root_seen) {
    reader.root_seen = true;
    const char* box = attribute(a, "viewBox");
    const std::vector<double> view = numbers(box != nullptr ? box : "");
    if (view.size() == 4) reader.doc_size = std::max(std::fabs(view[2]), std::fabs(view[3]));
    if (!(reader.doc_size > 0)) reader.doc_size = std::max(number(a, "width"), number(a, "height"));
  }
  if (const char* t = attribute(a, "transform")) paint.scale *= transformScale(t);
  for (const char* property :
       {"stroke", "fill", "stroke-width", "stroke-dasharray", "stroke-linejoin", "stroke-linecap"}) {
    if (const char* value = attribute(a, property)) applyProperty(property, value, paint);
  }
  if (const char* style = attribute(a, "style")) applyStyle(style, paint);
  reader.stack.push_back(paint);
  Shape shape{paint, {}};
  if (outlineOf(name, a, shape.outline)) reader.shapes.push_back(shape);
}

void XMLCALL onEnd(void* data, const XML_Char*) {
  auto& reader = *static_cast<Reader*>(data);
  if (reader.stack.size() > 1) reader.stack.pop_back();
}

// nanosvg's divisions of a half circle of radius `r` pixels.
double curveDivisions(double r) {
  if (!(r > 0)) return 2;
  const double step = std::acos(r / (r + kTessTolerance)) * 2;
  return step > 0 ? std::max(2.0, std::ceil(kPi / step)) : 1e9;
}

// What one shape adds to the rasteriser's work at `px` pixels a unit.
struct ShapeCost {
  double edges = 0;    // all polygon edges
  double span_px = 0;  // the vertical pixels its outline edges cross, summed
  double dashes = 0;
};

ShapeCost shapeCost(const Shape& shape, double px, double canvas_px) {
  ShapeCost cost;
  const Outline& o = shape.outline;
  const double scale = shape.paint.scale * px;
  // Each curve is flattened into pieces of about sqrt(length) (tolerance 0.25 px), at most 1024 each.
  const double curve_px = o.curve_length * scale;
  const double pieces = o.corners + std::min(o.curves * (1 << kMaxCurveLevels), std::sqrt(o.curves * curve_px));
  // An outline edge crosses at most its piece's length, and never more than the canvas.
  const double piece_px = std::min(o.length * scale / std::max(1.0, pieces), canvas_px);
  const double sides = (shape.paint.fill ? 1 : 0) + (shape.paint.stroke ? 2 : 0);
  cost.edges = pieces * sides;
  cost.span_px = pieces * sides * piece_px;
  if (!shape.paint.stroke) return cost;
  const double ncap = curveDivisions(shape.paint.stroke_width * scale / 2);
  const double join_edges = shape.paint.round_join ? 2 * ncap : 4;
  const double cap_edges = shape.paint.round_cap ? ncap + 2 : 3;
  if (shape.paint.dash_period > 0) cost.dashes = o.length / shape.paint.dash_period * shape.paint.dash_pieces;
  cost.edges += o.corners * join_edges + (cost.dashes + 1) * (cap_edges + 2);
  return cost;
}

}  // namespace

SvgWork estimateSvgWork(std::string_view svg, int target_px) {
  SvgWork work;
  Reader reader;
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(XML_ParserCreate(nullptr),
                                                                                  XML_ParserFree);
  if (!parser) return work;
  XML_SetUserData(parser.get(), &reader);
  XML_SetElementHandler(parser.get(), onStart, onEnd);
  work.parsed = XML_Parse(parser.get(), svg.data(), static_cast<int>(svg.size()), XML_TRUE) == XML_STATUS_OK;
  const double canvas = std::max(1, target_px);
  const double doc = reader.doc_size > 0 ? reader.doc_size : canvas;
  double span_px = 0;
  for (const Shape& shape : reader.shapes) {
    const ShapeCost cost = shapeCost(shape, canvas / doc, canvas);
    work.edges += cost.edges;
    work.dashes += cost.dashes;
    span_px += cost.span_px;
    if (shape.paint.stroke) {
      work.widest_stroke = std::max(work.widest_stroke, shape.paint.stroke_width * shape.paint.scale / doc);
    }
  }
  // Every edge is inserted into, and every scanline walks, the list of edges
  // active on it: about span / canvas of them on each.
  work.scan_work = work.edges * std::max(1.0, span_px / canvas);
  return work;
}

std::string svgWorkRefusal(const SvgWork& work, const SvgWorkLimits& limits) {
  const auto whole = [](double v) { return std::to_string(static_cast<long long>(std::min(v, 1e18))); };
  if (work.dashes > limits.max_dashes) {
    return "is an SVG with " + whole(work.dashes) + " dashes (stroke-dasharray over a long path), over the " +
           whole(limits.max_dashes) + " limit; not drawn";
  }
  if (work.widest_stroke > limits.max_stroke_ratio) {
    return "is an SVG with a stroke " + whole(work.widest_stroke) + " times as wide as the picture, over the " +
           whole(limits.max_stroke_ratio) + " limit; not drawn";
  }
  if (work.edges > limits.max_edges) {
    return "is an SVG that takes " + whole(work.edges) + " polygon edges to draw, over the " + whole(limits.max_edges) +
           " limit; not drawn";
  }
  if (work.scan_work > limits.max_scan_work) {
    return "is an SVG whose " + whole(work.edges) + " polygon edges cross " + whole(work.scan_work / work.edges) +
           " others on each line drawn, over the " + whole(limits.max_scan_work) + " steps limit; not drawn";
  }
  return "";
}

}  // namespace newsticker::render
