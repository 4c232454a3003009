#include "gsd/render/endpoint_charts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include "gsd/endpoints/effect_scale.hpp"
#include "gsd/endpoints/endpoint_look.hpp"
#include "gsd/presentation.hpp"

namespace gsd::render {

namespace {

// A range [lo, hi] over the values shown, widened by this share on each side.
constexpr double kPadding = 0.08;

struct Range {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  void add(double v) {
    if (!std::isfinite(v)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  ChartAxis axis(const std::string& label) const {
    const double span = hi > lo ? hi - lo : 1.0;
    return ChartAxis{label, lo - kPadding * span, hi + kPadding * span, {}, {}};
  }
};

// Points (x, y) of a bound, where it exists.
struct Points {
  std::vector<double> x;
  std::vector<double> y;
  void add(double xv, const std::optional<double>& yv) {
    if (!yv || !std::isfinite(*yv)) return;
    x.push_back(xv);
    y.push_back(*yv);
  }
  void into(Range& r) const {
    for (double v : y) r.add(v);
  }
};

std::vector<double> negated(std::vector<double> v) {
  for (double& x : v) x = -x;
  return v;
}

std::string effect_label(const endpoints::EndpointSpec& spec) {
  return std::string(estimate_name(spec)) + " (treatment" + (spec.groups == 2 ? " vs control)" : ")");
}

SvgChart z_chart(const std::string& title, double x_max, const Points& efficacy, const Points& futility,
                 bool two_sided, const Points* observed) {
  Range r;
  r.add(0.0);
  efficacy.into(r);
  futility.into(r);
  if (two_sided) {
    for (double v : efficacy.y) r.add(-v);
    for (double v : futility.y) r.add(-v);
  }
  if (observed) observed->into(r);
  SvgChart chart(title, ChartAxis{"patients", 0.0, x_max, {}, {}}, r.axis("z (positive favours the alternative)"));
  chart.add_series({"efficacy bound", efficacy.x, efficacy.y, palette(0), true, true});
  if (two_sided) chart.add_series({"lower bound", efficacy.x, negated(efficacy.y), palette(0), true, true, true});
  if (!futility.x.empty()) {
    chart.add_series({two_sided ? "futility, |z| below" : "futility", futility.x, futility.y, palette(2), true, true, true});
    if (two_sided) chart.add_series({"", futility.x, negated(futility.y), palette(2), true, true, true});
  }
  if (observed) chart.add_series({"observed z", observed->x, observed->y, palette(1), true, true});
  chart.add_horizontal_marker(0.0, "");
  return chart;
}

}  // namespace

std::vector<SvgChart> endpoint_design_charts(const EndpointSize& endpoint, spending::Sidedness sided) {
  const bool two_sided = sided == spending::Sidedness::kTwoSidedSymmetric;
  Points ez, fz, ee, el, fe;
  for (const endpoints::EndpointLook& l : endpoint.plan.looks) {
    ez.add(l.patients, l.efficacy_z);
    fz.add(l.patients, l.futility_z);
    ee.add(l.patients, l.efficacy_effect);
    el.add(l.patients, l.efficacy_effect_lower);
    fe.add(l.patients, l.futility_effect);
  }
  const double x_max = endpoint.plan.patients_unrounded * 1.05;
  std::vector<SvgChart> charts{z_chart("Bounds on the z scale", x_max, ez, fz, two_sided, nullptr)};
  const endpoints::EndpointSpec& spec = endpoint.spec;
  Range r;
  for (const Points* p : {&ee, &el, &fe}) p->into(r);
  r.add(spec.null_value());
  r.add(spec.alternative());
  SvgChart chart("Bounds on the scale of the " + std::string(estimate_name(spec)),
                 ChartAxis{"patients", 0.0, x_max, {}, {}}, r.axis(effect_label(spec)));
  chart.add_series({"efficacy bound", ee.x, ee.y, palette(0), true, true});
  if (!el.x.empty()) chart.add_series({"lower bound", el.x, el.y, palette(0), true, true, true});
  if (!fe.x.empty()) chart.add_series({"futility", fe.x, fe.y, palette(2), true, true, true});
  chart.add_horizontal_marker(spec.null_value(), "H0");
  chart.add_horizontal_marker(spec.alternative(), "alternative");
  charts.push_back(std::move(chart));
  return charts;
}

std::vector<SvgChart> endpoint_monitoring_charts(const MonitoringReport& report) {
  const EndpointMonitoring& ep = *report.endpoint;
  const monitoring::LookSchedule& s = report.result.looks.back().schedule;
  const bool two_sided = report.plan.design.sided == spending::Sidedness::kTwoSidedSymmetric;
  Points ez, fz, ee, fe, obs_z, obs_e;
  for (std::size_t k = 0; k < s.events.size(); ++k) {
    ez.add(s.events[k], s.efficacy[k]);
    fz.add(s.events[k], s.futility[k]);
    ee.add(s.events[k], endpoints::effect_at_z(ep.spec, s.efficacy[k], s.events[k]));
    if (s.futility[k]) fe.add(s.events[k], endpoints::effect_at_z(ep.spec, *s.futility[k], s.events[k]));
  }
  for (const EndpointLookReport& l : ep.looks) {
    obs_z.add(l.statistic.patients, l.statistic.z);
    obs_e.add(l.statistic.patients, l.statistic.estimate);
  }
  const double x_max = std::max(ep.planned_patients, s.events.back()) * 1.05;
  std::vector<SvgChart> charts{
      z_chart("Bounds on the z scale with the observed path", x_max, ez, fz, two_sided, &obs_z)};
  Range r;
  for (const Points* p : {&ee, &fe, &obs_e}) p->into(r);
  r.add(ep.spec.null_value());
  for (const EndpointLookReport& l : ep.looks) {
    if (l.repeated_ci) {
      r.add(l.repeated_ci->lower);
      r.add(l.repeated_ci->upper);
    }
  }
  SvgChart chart("The " + std::string(estimate_name(ep.spec)) + " with its repeated confidence intervals",
                 ChartAxis{"patients", 0.0, x_max, {}, {}}, r.axis(effect_label(ep.spec)));
  chart.add_series({"efficacy bound (planned sd or rates)", ee.x, ee.y, palette(0), true, true});
  if (!fe.x.empty()) chart.add_series({"futility", fe.x, fe.y, palette(2), true, true, true});
  for (const EndpointLookReport& l : ep.looks) {
    if (!l.repeated_ci) continue;
    chart.add_series({"", {l.statistic.patients, l.statistic.patients},
                      {l.repeated_ci->lower, l.repeated_ci->upper}, palette(1), true, false});
  }
  if (!obs_e.x.empty()) chart.add_series({"estimate, repeated CI", obs_e.x, obs_e.y, palette(1), false, true});
  chart.add_horizontal_marker(ep.spec.null_value(), "H0");
  charts.push_back(std::move(chart));
  return charts;
}

}  // namespace gsd::render
