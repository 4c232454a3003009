#include "gsd/render/simulation_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <sstream>

#include "gsd/curves.hpp"

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
        std::ostringstream label;
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

// `capped`: with the series of final analyses at the calendar cap (survival).
SvgChart stop_chart(const simulate::SimulationResult& r, bool capped) {
  const std::size_t k_max = r.reject_per_look.size();
  std::vector<double> looks(k_max);
  std::iota(looks.begin(), looks.end(), 1.0);
  const auto add = [&](SvgChart& c, const std::string& label, const std::vector<double>& y,
                       std::size_t colour) {
    ChartSeries s;
    s.label = label;
    s.x = looks;
    s.y = y;
    // Looks are discrete: points, not a line through them.
    s.line = false;
    s.markers = true;
    s.color = palette(colour);
    c.add_series(std::move(s));
  };
  double top = 0.0;
  for (std::size_t k = 0; k < k_max; ++k) {
    top = std::max({top, r.reject_per_look[k], r.futility_per_look[k], r.capped_per_look[k],
                    r.reject_lower_per_look[k]});
  }
  SvgChart chart("Where simulated trials stop (" + std::to_string(r.replicates) + " replicates)",
                 ChartAxis{"look", 0.5, static_cast<double>(k_max) + 0.5, looks,
                           [](double x) { return std::to_string(static_cast<int>(x)); }},
                 ChartAxis{"probability", 0.0, std::max(0.05, std::ceil(top * 20.0) / 20.0), {}, {}});
  add(chart, "stop for efficacy", r.reject_per_look, 0);
  add(chart, "stop for futility", r.futility_per_look, 1);
  add(chart, "stop for harm (lower bound)", r.reject_lower_per_look, 2);
  if (capped) add(chart, "final analysis at the calendar cap", r.capped_per_look, 3);
  return chart;
}

}  // namespace

std::vector<SvgChart> simulation_charts(const simulate::Simulator& simulator,
                                        const SimulationReport& report, int replicates_shown) {
  // A normal or binary endpoint's trial has no survival curves to draw.
  if (simulator.endpoint()) return {stop_chart(report.result, false)};
  return {km_chart(simulator, report.result, report.setup.time_unit, replicates_shown),
          stop_chart(report.result, true)};
}

}  // namespace gsd::render
