#include "gsd/render/svg_chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace gsd::render {

namespace {

// Plot margins in px: room for tick labels and axis titles on each side.
constexpr double kLeft = 72.0;
constexpr double kRight = 84.0;
constexpr double kTop = 40.0;
constexpr double kBottom = 56.0;

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string default_label(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", std::fabs(v) < 1e-12 ? 0.0 : v);
  return buf;
}

}  // namespace

const std::string& palette(std::size_t i) {
  static const std::array<std::string, 10> kColors = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e",
                                                      "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                                                      "#bcbd22", "#17becf"};
  return kColors[i % kColors.size()];
}

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::vector<double> nice_ticks(double lo, double hi, int target) {
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return {lo};
  const double raw = (hi - lo) / std::max(1, target);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * magnitude;
    if (step >= raw) break;
  }
  std::vector<double> ticks;
  for (double v = std::ceil(lo / step - 1e-9) * step; v <= hi + 1e-9 * step; v += step) {
    ticks.push_back(std::fabs(v) < 1e-12 * step ? 0.0 : v);
  }
  return ticks;
}

SvgChart::SvgChart(std::string title, ChartAxis x, ChartAxis y, double width, double height)
    : title_(std::move(title)), x_(std::move(x)), y_(std::move(y)), width_(width), height_(height) {
  if (!(x_.max > x_.min) || !(y_.max > y_.min)) {
    throw std::invalid_argument("chart axes need max > min");
  }
}

void SvgChart::add_series(ChartSeries series) { series_.push_back(std::move(series)); }
void SvgChart::add_vertical_marker(double x, std::string label) {
  vertical_.emplace_back(x, std::move(label));
}
void SvgChart::add_horizontal_marker(double y, std::string label) {
  horizontal_.emplace_back(y, std::move(label));
}
void SvgChart::set_right_axis(RightAxis axis) { right_ = std::move(axis); }

SvgChart::Frame SvgChart::frame() const {
  Frame f;
  f.width = width_ - kLeft - kRight;
  f.height = height_ - kTop - kBottom;
  f.x_min = x_.min;
  f.x_max = x_.max;
  f.y_min = y_.min;
  f.y_max = y_.max;
  return f;
}

double SvgChart::Frame::x(double v) const { return kLeft + (v - x_min) / (x_max - x_min) * width; }
double SvgChart::Frame::y(double v) const { return kTop + (y_max - v) / (y_max - y_min) * height; }
bool SvgChart::Frame::inside_x(double v) const { return v >= x_min - 1e-12 && v <= x_max + 1e-12; }
bool SvgChart::Frame::inside_y(double v) const { return v >= y_min - 1e-12 && v <= y_max + 1e-12; }

void SvgChart::render_axes(std::ostream& o, const Frame& f) const {
  // Grid and ticks.
  const auto xt = x_.ticks.empty() ? nice_ticks(x_.min, x_.max) : x_.ticks;
  const auto yt = y_.ticks.empty() ? nice_ticks(y_.min, y_.max) : y_.ticks;
  for (double v : xt) {
    if (!f.inside_x(v)) continue;
    o << "<line x1=\"" << fmt(f.x(v)) << "\" y1=\"" << fmt(kTop) << "\" x2=\"" << fmt(f.x(v))
      << "\" y2=\"" << fmt(kTop + f.height) << "\" stroke=\"#e5e5e5\"/>\n";
    o << "<text x=\"" << fmt(f.x(v)) << "\" y=\"" << fmt(kTop + f.height + 18)
      << "\" text-anchor=\"middle\">" << xml_escape(x_.format ? x_.format(v) : default_label(v))
      << "</text>\n";
  }
  for (double v : yt) {
    if (!f.inside_y(v)) continue;
    o << "<line x1=\"" << fmt(kLeft) << "\" y1=\"" << fmt(f.y(v)) << "\" x2=\"" << fmt(kLeft + f.width)
      << "\" y2=\"" << fmt(f.y(v)) << "\" stroke=\"#e5e5e5\"/>\n";
    o << "<text x=\"" << fmt(kLeft - 8) << "\" y=\"" << fmt(f.y(v) + 4)
      << "\" text-anchor=\"end\">" << xml_escape(y_.format ? y_.format(v) : default_label(v))
      << "</text>\n";
  }
  o << "<rect x=\"" << fmt(kLeft) << "\" y=\"" << fmt(kTop) << "\" width=\"" << fmt(f.width)
    << "\" height=\"" << fmt(f.height) << "\" fill=\"none\" stroke=\"#333\"/>\n";
  o << "<text x=\"" << fmt(kLeft + f.width / 2) << "\" y=\"" << fmt(height_ - 12)
    << "\" text-anchor=\"middle\">" << xml_escape(x_.label) << "</text>\n";
  o << "<text transform=\"translate(18," << fmt(kTop + f.height / 2)
    << ") rotate(-90)\" text-anchor=\"middle\">" << xml_escape(y_.label) << "</text>\n";
  if (right_) {
    for (std::size_t i = 0; i < right_->positions.size() && i < right_->labels.size(); ++i) {
      const double v = right_->positions[i];
      if (!f.inside_y(v)) continue;
      o << "<line x1=\"" << fmt(kLeft + f.width) << "\" y1=\"" << fmt(f.y(v)) << "\" x2=\""
        << fmt(kLeft + f.width + 5) << "\" y2=\"" << fmt(f.y(v)) << "\" stroke=\"#333\"/>\n";
      o << "<text x=\"" << fmt(kLeft + f.width + 8) << "\" y=\"" << fmt(f.y(v) + 4) << "\">"
        << xml_escape(right_->labels[i]) << "</text>\n";
    }
    o << "<text transform=\"translate(" << fmt(width_ - 14) << ',' << fmt(kTop + f.height / 2)
      << ") rotate(90)\" text-anchor=\"middle\">" << xml_escape(right_->label) << "</text>\n";
  }
}

void SvgChart::render_markers(std::ostream& o, const Frame& f) const {
  for (const auto& [v, label] : vertical_) {
    if (!f.inside_x(v)) continue;
    o << "<line x1=\"" << fmt(f.x(v)) << "\" y1=\"" << fmt(kTop) << "\" x2=\"" << fmt(f.x(v))
      << "\" y2=\"" << fmt(kTop + f.height) << "\" stroke=\"#555\" stroke-dasharray=\"3,3\"/>\n";
    o << "<text x=\"" << fmt(f.x(v) + 3) << "\" y=\"" << fmt(kTop + 12) << "\" font-size=\"11\">"
      << xml_escape(label) << "</text>\n";
  }
  for (const auto& [v, label] : horizontal_) {
    if (!f.inside_y(v)) continue;
    o << "<line x1=\"" << fmt(kLeft) << "\" y1=\"" << fmt(f.y(v)) << "\" x2=\"" << fmt(kLeft + f.width)
      << "\" y2=\"" << fmt(f.y(v)) << "\" stroke=\"#555\" stroke-dasharray=\"3,3\"/>\n";
    o << "<text x=\"" << fmt(kLeft + 4) << "\" y=\"" << fmt(f.y(v) - 4) << "\" font-size=\"11\">"
      << xml_escape(label) << "</text>\n";
  }
}

void SvgChart::render_series(std::ostream& o, const Frame& f, const std::string& clip_id) const {
  // Series, clipped to the plot area.
  o << "<clipPath id=\"" << clip_id << "\"><rect x=\"" << fmt(kLeft) << "\" y=\"" << fmt(kTop)
    << "\" width=\"" << fmt(f.width) << "\" height=\"" << fmt(f.height) << "\"/></clipPath>\n";
  o << "<g clip-path=\"url(#" << clip_id << ")\">\n";
  for (const ChartSeries& s : series_) {
    const std::size_t n = std::min(s.x.size(), s.y.size());
    if (s.line && n > 1) {
      o << "<polyline fill=\"none\" stroke=\"" << s.color << "\" stroke-width=\"" << fmt(s.width)
        << '"' << (s.dashed ? " stroke-dasharray=\"6,4\"" : "") << " points=\"";
      for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) continue;
        if (s.step && i > 0) o << fmt(f.x(s.x[i])) << ',' << fmt(f.y(s.y[i - 1])) << ' ';
        o << fmt(f.x(s.x[i])) << ',' << fmt(f.y(s.y[i])) << ' ';
      }
      o << "\"/>\n";
    }
    if (s.markers) {
      for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) continue;
        o << "<circle cx=\"" << fmt(f.x(s.x[i])) << "\" cy=\"" << fmt(f.y(s.y[i]))
          << "\" r=\"4\" fill=\"" << s.color << "\"/>\n";
      }
    }
  }
  o << "</g>\n";
}

void SvgChart::render_legend(std::ostream& o, const Frame& f) const {
  // Legend, top right inside the plot, as wide as its longest label (12 px
  // Helvetica averages under 6.8 px a character), on a white box that keeps
  // it legible over the curves.
  std::size_t longest = 0;
  std::size_t entries = 0;
  for (const ChartSeries& s : series_) {
    if (s.label.empty()) continue;
    longest = std::max(longest, s.label.size());
    ++entries;
  }
  if (entries == 0) return;
  constexpr double kCharWidth = 6.8;
  const double box_width = 28.0 + kCharWidth * static_cast<double>(longest) + 8.0;
  const double lx = kLeft + f.width - box_width;
  o << "<rect x=\"" << fmt(lx - 6) << "\" y=\"" << fmt(kTop + 4) << "\" width=\"" << fmt(box_width)
    << "\" height=\"" << fmt(16.0 * static_cast<double>(entries) + 6.0)
    << "\" fill=\"white\" fill-opacity=\"0.85\"/>\n";
  double ly = kTop + 16;
  for (const ChartSeries& s : series_) {
    if (s.label.empty()) continue;
    // The key drawn as the series is: a line, a point, or both.
    if (s.line) {
      o << "<line x1=\"" << fmt(lx) << "\" y1=\"" << fmt(ly - 4) << "\" x2=\"" << fmt(lx + 22)
        << "\" y2=\"" << fmt(ly - 4) << "\" stroke=\"" << s.color << "\" stroke-width=\"3\""
        << (s.dashed ? " stroke-dasharray=\"6,4\"" : "") << "/>\n";
    }
    if (s.markers) {
      o << "<circle cx=\"" << fmt(lx + 11) << "\" cy=\"" << fmt(ly - 4) << "\" r=\"4\" fill=\""
        << s.color << "\"/>\n";
    }
    o << "<text x=\"" << fmt(lx + 28) << "\" y=\"" << fmt(ly) << "\">" << xml_escape(s.label)
      << "</text>\n";
    ly += 16;
  }
}

std::string SvgChart::render(double y_offset) const {
  const Frame f = frame();
  std::ostringstream o;
  // Clip-path ids must be unique within an HTML page holding several charts:
  // derive one from the title (FNV-1a), deterministic across runs.
  std::uint32_t hash = 2166136261u;
  for (char c : title_) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  const std::string clip_id = "plot-area-" + std::to_string(hash);
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" y=\"" << fmt(y_offset) << "\" width=\""
    << fmt(width_) << "\" height=\"" << fmt(height_) << "\" viewBox=\"0 0 " << fmt(width_) << ' ' << fmt(height_)
    << "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n";
  o << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  o << "<text x=\"" << fmt(width_ / 2) << "\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" "
    << "font-weight=\"bold\">" << xml_escape(title_) << "</text>\n";
  render_axes(o, f);
  render_markers(o, f);
  render_series(o, f, clip_id);
  render_legend(o, f);
  o << "</svg>\n";
  return o.str();
}

std::string stack_charts(const std::vector<SvgChart>& charts) {
  // Nested <svg> elements with y offsets stack the charts in one document.
  double height = 0.0;
  double width = 0.0;
  std::ostringstream body;
  for (const SvgChart& c : charts) {
    body << c.render(height);
    height += c.height();
    width = std::max(width, c.width());
  }
  std::ostringstream o;
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << fmt(width) << "\" height=\""
    << fmt(height) << "\" viewBox=\"0 0 " << fmt(width) << ' ' << fmt(height) << "\">\n"
    << body.str() << "</svg>\n";
  return o.str();
}

}  // namespace gsd::render
