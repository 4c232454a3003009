#pragma once
// A small SVG line chart: linear axes with "nice" ticks, line and marker
// series, vertical markers, a legend, and an optional right-hand axis whose
// ticks sit at left-axis values but carry their own labels (z on the left,
// nominal p on the right). Output is a standalone <svg> element that can be
// written as a file or inlined into HTML.
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace gsd::render {

struct ChartAxis {
  std::string label;
  double min = 0.0;
  double max = 1.0;
  // Tick positions; empty means "nice" ticks chosen from [min, max].
  std::vector<double> ticks;
  // Tick label text; default prints the value with up to 4 significant digits.
  std::function<std::string(double)> format;
};

struct ChartSeries {
  std::string label;
  std::vector<double> x;
  std::vector<double> y;
  std::string color = "#1f77b4";
  bool line = true;
  bool markers = false;
  bool dashed = false;
  bool step = false;  // draw as a right-continuous step function (Kaplan-Meier)
  double width = 2.0;
};

struct RightAxis {
  std::string label;
  std::vector<double> positions;  // in left-axis units
  std::vector<std::string> labels;
};

class SvgChart {
 public:
  SvgChart(std::string title, ChartAxis x, ChartAxis y, double width = 760, double height = 440);

  void add_series(ChartSeries series);
  void add_vertical_marker(double x, std::string label);
  void add_horizontal_marker(double y, std::string label);
  void set_right_axis(RightAxis axis);

  // Standalone <svg> element with an xmlns attribute, placed at (0, y_offset)
  // when nested in a stacked document.
  std::string render(double y_offset = 0.0) const;

  double width() const noexcept { return width_; }
  double height() const noexcept { return height_; }

 private:
  // Plot-area geometry: pixel scales of the two axes.
  struct Frame {
    double width = 0.0;
    double height = 0.0;
    double x_min = 0.0;
    double x_max = 1.0;
    double y_min = 0.0;
    double y_max = 1.0;
    double x(double v) const;
    double y(double v) const;
    bool inside_x(double v) const;
    bool inside_y(double v) const;
  };
  Frame frame() const;
  void render_axes(std::ostream& o, const Frame& f) const;
  void render_markers(std::ostream& o, const Frame& f) const;
  void render_series(std::ostream& o, const Frame& f, const std::string& clip_id) const;
  void render_legend(std::ostream& o, const Frame& f) const;

  std::string title_;
  ChartAxis x_;
  ChartAxis y_;
  double width_;
  double height_;
  std::vector<ChartSeries> series_;
  std::vector<std::pair<double, std::string>> vertical_;
  std::vector<std::pair<double, std::string>> horizontal_;
  std::optional<RightAxis> right_;
};

// Several charts stacked vertically in one SVG document.
std::string stack_charts(const std::vector<SvgChart>& charts);

// Ticks at 1, 2 or 5 times a power of ten covering [lo, hi] (about `target` of them).
std::vector<double> nice_ticks(double lo, double hi, int target = 6);

// XML text escaping for labels.
std::string xml_escape(const std::string& text);

// A palette of distinguishable colours (Tableau 10).
const std::string& palette(std::size_t i);

}  // namespace gsd::render
