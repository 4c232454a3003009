#include "gsd/render/simulation_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <sstream>

#include "gsd/curves.hpp"
#include "number_format.hpp"

namespace gsd::render {

namespace {

// Points on the model curves.
constexpr int kCurvePoints = 200;

SvgChart km_chart(const simulate::Simulator& sim, const simulate::SimulationResult& r,
                  const std::string& unit, int shown) {
  std::vector<ChartSeries> series;
  double t_max = 0.0;
  for (int i = 0; i < shown && i < r.replicates; ++i) {
    const std::vector<simulate::LookRecord> looks = sim.looks(r.seed, i);
    const std::vector<simulate::PatientRecord> patients = sim.patients(r.seed, i);
    const double tau = looks.empty() ? sim.max_duration() : looks.back().calendar_time;
    for (bool treatment : {false, true}) {
      const Curve c = kaplan_meier(patients, treatment, tau);
      ChartSeries s;
      // One legend entry per arm for all the replicates drawn.
      if (i == 0) {
        const std::int64_t drawn = std::min<std::int64_t>(shown, r.replicates);
        detail::TextStream label;
        label << (treatment ? "treatment, " : "control, ") << drawn
              << (drawn == 1 ? " simulated trial" : " simulated trials");
        s.label = label.str();
      }
      s.x = c.x;
      s.y = c.y;
      s.step = true;
      s.width = 1.0;
      s.color = treatment ? "#1f77b4" : "#d62728";
      t_max = std::max(t_max, c.x.back());
      series.push_back(std::move(s));
    }
  }
  if (!(t_max > 0.0)) t_max = sim.max_duration();
  for (bool treatment : {false, true}) {
    ChartSeries s;
    s.label = treatment ? "model, treatment" : "model, control";
    const Curve model = model_survival(sim.model(), treatment, t_max, kCurvePoints);
    s.x = model.x;
    s.y = model.y;
    s.color = treatment ? "#08306b" : "#67000d";
    s.width = 2.5;
    s.dashed = true;
    series.push_back(std::move(s));
  }
  SvgChart chart("Kaplan-Meier curves of simulated trials at their stopping analysis vs the model",
                 ChartAxis{"time since entry (" + unit + ")", 0.0, t_max, {}, {}},
                 ChartAxis{"event-free survival", 0.0, 1.0, {}, {}});
  for (auto& s : series) chart.add_series(std::move(s));
  return chart;
}

// Points of different series at one look are drawn this far apart (in
// looks), side by side around the look, so that equal values (often 0) do
// not hide one another.
constexpr double kDodge = 0.08;

// `lower`: with the series of stops at the lower (harm) bound, which a
// two-sided design or a harm bound has; `capped`: with the series of final
// analyses at the calendar cap (survival).
SvgChart stop_chart(const simulate::SimulationResult& r, bool lower, bool capped) {
  const std::size_t k_max = r.reject_per_look.size();
  std::vector<double> looks(k_max);
  std::iota(looks.begin(), looks.end(), 1.0);
  struct Drawn {
    std::string label;
    const std::vector<double>* y;
    std::size_t colour;
  };
  std::vector<Drawn> drawn{{"stop for efficacy", &r.reject_per_look, 0},
                           {"stop for futility", &r.futility_per_look, 1}};
  if (lower) drawn.push_back({"stop for harm (lower bound)", &r.reject_lower_per_look, 2});
  if (capped) drawn.push_back({"final analysis at the calendar cap", &r.capped_per_look, 3});
  double top = 0.0;
  for (const Drawn& d : drawn) {
    for (double y : *d.y) top = std::max(top, y);
  }
  SvgChart chart("Where simulated trials stop (" + std::to_string(r.replicates) + " replicates)",
                 ChartAxis{"look", 0.5, static_cast<double>(k_max) + 0.5, looks,
                           [](double x) { return std::to_string(static_cast<int>(x)); }},
                 ChartAxis{"probability", 0.0, std::max(0.05, std::ceil(top * 20.0) / 20.0), {}, {}});
  for (std::size_t i = 0; i < drawn.size(); ++i) {
    const double offset = (static_cast<double>(i) - 0.5 * static_cast<double>(drawn.size() - 1)) * kDodge;
    ChartSeries s;
    s.label = drawn[i].label;
    for (double look : looks) s.x.push_back(look + offset);
    s.y = *drawn[i].y;
    // Looks are discrete: points, not a line through them.
    s.line = false;
    s.markers = true;
    s.color = palette(drawn[i].colour);
    chart.add_series(std::move(s));
  }
  return chart;
}

}  // namespace

std::vector<SvgChart> simulation_charts(const simulate::Simulator& simulator,
                                        const SimulationReport& report, int replicates_shown) {
  // A normal or binary endpoint's trial has no survival curves to draw.
  const spending::Design& design = report.setup.design;
  const bool lower =
      design.spec.sided == spending::Sidedness::kTwoSidedSymmetric || design.spec.harm.has_value();
  if (simulator.endpoint()) return {stop_chart(report.result, lower, false)};
  return {km_chart(simulator, report.result, report.setup.time_unit, replicates_shown),
          stop_chart(report.result, lower, true)};
}

}  // namespace gsd::render
