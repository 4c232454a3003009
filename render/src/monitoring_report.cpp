#include "gsd/render/monitoring_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>
#include <variant>

#include "bound_columns.hpp"
#include "endpoint_monitoring_output.hpp"
#include "simon_monitoring_output.hpp"
#include "number_format.hpp"
#include "test_monitoring_output.hpp"
#include "gsd/curves.hpp"
#include "gsd/monitoring/look_statistic.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/presentation.hpp"
#include "gsd/render/svg_chart.hpp"
#include "gsd/version.hpp"

namespace gsd::render {

namespace {

using monitoring::LookResult;
using monitoring::MonitoringResult;

// Points on the curves of the spending and conditional-power plots.
constexpr int kCurvePoints = 101;
// Hazard-ratio range of the conditional-power curve.
constexpr double kCpHrMin = 0.3;
constexpr double kCpHrMax = 1.2;

bool two_sided(const MonitoringReport& in) {
  return in.plan.design.sided == spending::Sidedness::kTwoSidedSymmetric;
}

// Nominal p of a bound as the design states its alpha: two-sided for sided = 2.
double nominal_p(const MonitoringReport& in, double z) {
  return (two_sided(in) ? 2.0 : 1.0) * numerics::normal_upper_tail(z);
}

const monitoring::LookSchedule& latest(const MonitoringResult& r) { return r.looks.back().schedule; }

double x_max(const MonitoringReport& in, const MonitoringResult& r) {
  return std::max(in.plan.planned_events, latest(r).events.back()) * 1.05;
}

std::vector<double> observed(const MonitoringResult& r, double (*f)(const LookResult&)) {
  std::vector<double> out;
  for (const LookResult& look : r.looks) out.push_back(f(look));
  return out;
}

std::vector<double> finite_bounds(const monitoring::LookSchedule& s, std::vector<double>& x) {
  std::vector<double> y;
  for (std::size_t k = 0; k < s.events.size(); ++k) {
    if (!std::isfinite(s.efficacy[k])) continue;
    x.push_back(s.events[k]);
    y.push_back(s.efficacy[k]);
  }
  return y;
}

SvgChart z_chart(const MonitoringReport& in, const MonitoringResult& r) {
  std::vector<double> bx;
  const std::vector<double> by = finite_bounds(latest(r), bx);
  const std::vector<double> ex = observed(r, [](const LookResult& l) { return l.look.events; });
  const std::vector<double> ez = observed(r, [](const LookResult& l) { return l.look.z; });
  double hi = 0.0;
  double lo = two_sided(in) ? 0.0 : -1.0;
  for (double v : by) hi = std::max(hi, v);
  for (double v : ez) {
    hi = std::max(hi, v);
    lo = std::min(lo, v);
  }
  if (two_sided(in)) lo = std::min(lo, -hi);
  for (const auto& f : latest(r).futility) {
    if (f) lo = std::min(lo, two_sided(in) ? -*f : *f);
  }
  for (const auto& h : latest(r).harm) {
    if (h) lo = std::min(lo, *h);
  }
  SvgChart chart("Boundaries on the z scale with the observed path",
                 ChartAxis{"events", 0.0, x_max(in, r), {}, {}},
                 ChartAxis{"z (positive favours the experimental arm)", std::floor(lo - 0.5),
                           std::ceil(hi + 0.5), {}, {}});
  chart.add_series({"efficacy bound", bx, by, palette(0), true, true});
  if (two_sided(in)) {
    std::vector<double> neg(by.size());
    std::transform(by.begin(), by.end(), neg.begin(), [](double v) { return -v; });
    chart.add_series({"lower bound", bx, neg, palette(0), true, true, true});
  }
  std::vector<double> fx;
  std::vector<double> fy;
  const auto& s = latest(r);
  for (std::size_t k = 0; k < s.events.size(); ++k) {
    if (s.futility[k]) {
      fx.push_back(s.events[k]);
      fy.push_back(*s.futility[k]);
    }
  }
  const bool binding = in.plan.design.futility && in.plan.design.futility->binding;
  if (!fx.empty()) {
    // A two-sided futility bound stops when |z| is below it: drawn at +/-.
    const std::string name = std::string(two_sided(in) ? "futility, |z| below" : "futility") +
                             (binding ? " (binding)" : " (advisory)");
    chart.add_series({name, fx, fy, palette(2), true, true, true});
    if (two_sided(in)) {
      std::vector<double> neg(fy.size());
      std::transform(fy.begin(), fy.end(), neg.begin(), [](double v) { return -v; });
      chart.add_series({"", fx, neg, palette(2), true, true, true});
    }
  }
  std::vector<double> hx;
  std::vector<double> hy;
  for (std::size_t k = 0; k < s.events.size(); ++k) {
    if (k < s.harm.size() && s.harm[k]) {
      hx.push_back(s.events[k]);
      hy.push_back(*s.harm[k]);
    }
  }
  if (!hx.empty()) chart.add_series({"harm bound", hx, hy, palette(3), true, true});
  chart.add_series({"observed z", ex, ez, palette(1), true, true});
  chart.add_horizontal_marker(0.0, "");
  chart.add_vertical_marker(ex.back(), "");
  return chart;
}

SvgChart p_chart(const MonitoringReport& in, const MonitoringResult& r) {
  // -log10(p) on the axis, labelled with p.
  std::vector<double> bx;
  std::vector<double> bz = finite_bounds(latest(r), bx);
  std::vector<double> by;
  for (double z : bz) by.push_back(-std::log10(nominal_p(in, z)));
  std::vector<double> ex;
  std::vector<double> ey;
  for (const LookResult& l : r.looks) {
    ex.push_back(l.look.events);
    const double p = two_sided(in) ? std::min(1.0, 2.0 * numerics::normal_upper_tail(std::fabs(l.look.z)))
                                   : numerics::normal_upper_tail(l.look.z);
    ey.push_back(-std::log10(std::max(p, 1e-300)));
  }
  double top = 2.0;
  for (double v : by) top = std::max(top, v);
  for (double v : ey) top = std::max(top, v);
  top = std::ceil(top + 0.3);
  std::vector<double> ticks;
  for (int e = 0; e <= static_cast<int>(top); ++e) ticks.push_back(e);
  ChartAxis y{std::string("nominal ") + (two_sided(in) ? "two-sided" : "one-sided") + " p (log scale)",
              0.0, top, ticks, [](double v) { return detail::format("%.0e", std::pow(10.0, -v)); }};
  SvgChart chart("Boundaries on the nominal p scale", ChartAxis{"events", 0.0, x_max(in, r), {}, {}},
                 y);
  chart.add_series({"nominal p at the bound", bx, by, palette(0), true, true});
  chart.add_series({two_sided(in) ? "observed two-sided p" : "observed one-sided p", ex, ey,
                    palette(1), true, true});
  return chart;
}

SvgChart hr_chart(const MonitoringReport& in, const MonitoringResult& r) {
  const auto& s = latest(r);
  std::vector<double> bx;
  std::vector<double> by;
  for (std::size_t k = 0; k < s.events.size(); ++k) {
    if (!std::isfinite(s.efficacy[k])) continue;
    bx.push_back(s.events[k]);
    by.push_back(monitoring::hazard_ratio_from_z(s.efficacy[k], s.information[k], in.plan.null_hazard_ratio));
  }
  SvgChart chart("Hazard ratio at the bound, estimates and repeated CIs",
                 ChartAxis{"events", 0.0, x_max(in, r), {}, {}},
                 ChartAxis{"hazard ratio (experimental / control)", 0.0, 2.0, {}, {}});
  chart.add_series({"HR at the efficacy bound", bx, by, palette(0), true, true});
  for (const LookResult& l : r.looks) {
    if (!l.repeated_ci_hazard_ratio) continue;
    chart.add_series({"", {l.look.events, l.look.events},
                      {l.repeated_ci_hazard_ratio->lower, std::min(2.0, l.repeated_ci_hazard_ratio->upper)},
                      palette(7), true, false, false, false, 3.0});
  }
  chart.add_series({"HR estimate, repeated CI",
                    observed(r, [](const LookResult& l) { return l.look.events; }),
                    observed(r, [](const LookResult& l) { return l.hazard_ratio; }), palette(1),
                    true, true});
  chart.add_horizontal_marker(1.0, "HR 1");
  if (in.plan.non_inferiority()) {
    chart.add_horizontal_marker(in.plan.null_hazard_ratio,
                                "margin " + detail::format("%.4g", in.plan.null_hazard_ratio));
  }
  return chart;
}

SvgChart spending_chart(const MonitoringReport& in, const MonitoringResult& r) {
  const spending::DesignSpec& spec = in.plan.design;
  std::vector<double> tx;
  std::vector<double> ty;
  if (const SpendingCurves curves = spending_curves(r.planned, kCurvePoints - 1); curves.alpha) {
    tx = curves.alpha->x;
    ty = curves.alpha->y;
  } else {
    // Classical families have no spending function: the alpha their bounds spend.
    const auto& s = latest(r);
    tx.push_back(0.0);
    ty.push_back(0.0);
    for (std::size_t k = 0; k < s.events.size(); ++k) {
      tx.push_back(s.spending_times[k]);
      ty.push_back(s.cumulative_alpha[k]);
    }
  }
  const std::vector<double> lx =
      observed(r, [](const LookResult& l) { return l.information_fraction; });
  const std::vector<double> ly = observed(r, [](const LookResult& l) { return l.cumulative_alpha; });
  SvgChart chart("Alpha spending: " + efficacy_description(spec) + "; spent so far " +
                     detail::format("%.5f", ly.back()),
                 ChartAxis{"information fraction (events / planned events)", 0.0,
                           std::max(1.0, lx.back()) * 1.02, {}, {}},
                 ChartAxis{"cumulative alpha", 0.0, spec.alpha * 1.1, {}, {}});
  chart.add_series({"spending function", tx, ty, palette(0), true, false});
  chart.add_series({"alpha spent at the looks", lx, ly, palette(1), false, true});
  chart.add_vertical_marker(lx.back(), "");
  chart.add_horizontal_marker(spec.alpha, "alpha " + detail::format("%g", spec.alpha));
  return chart;
}

SvgChart cp_chart(const MonitoringReport& in, const MonitoringResult& r) {
  const LookResult& last = r.looks.back();
  const Curve cp_curve = conditional_power_curve(in, kCpHrMin, kCpHrMax, kCurvePoints);
  const std::vector<double>& hx = cp_curve.x;
  const std::vector<double>& cy = cp_curve.y;
  SvgChart chart("Conditional power at look " + std::to_string(r.looks.size()) +
                     " (to the end of the trial)",
                 ChartAxis{"true hazard ratio", kCpHrMin, kCpHrMax, {}, {}},
                 ChartAxis{"conditional power", 0.0, 1.0, {}, {}});
  chart.add_series({"conditional power", hx, cy, palette(0), true, false});
  const auto& cp = *last.conditional_power;
  if (r.assumed_hazard_ratio) {
    chart.add_series({"assumed HR " + detail::format("%.3g", *r.assumed_hazard_ratio),
                      {*r.assumed_hazard_ratio}, {cp.assumed.back()}, palette(3), false, true});
  }
  chart.add_series({"current estimate (trend) " + detail::format("%.3g", last.hazard_ratio),
                    {last.hazard_ratio}, {cp.trend.back()}, palette(1), false, true});
  chart.add_horizontal_marker(cp.predictive, "predictive power " + detail::format("%.3f", cp.predictive));
  return chart;
}

// A planned bound of look k, absent where the design has none there.
std::optional<double> planned_bound(const std::vector<std::optional<double>>& bounds, std::size_t k) {
  return k < bounds.size() ? bounds[k] : std::nullopt;
}

const char* kStyle = R"(body{font-family:Helvetica,Arial,sans-serif;margin:24px auto;max-width:1100px;color:#222}
h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ccc}
.meta{color:#666;font-size:12px}table{border-collapse:collapse;font-size:13px;margin:8px 0}
th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f0f0f0}
td.l{text-align:left}.stop-efficacy{background:#e3f4e3}.stop-futility{background:#fbe5e5}
.note{font-size:12px;color:#555}.plot{margin:10px 0}svg{max-width:100%;height:auto})";

std::string design_section(const MonitoringReport& in, const MonitoringResult& r) {
  const spending::DesignSpec& spec = in.plan.design;
  detail::TextStream o;
  o << "<h2>Design</h2><table>"
    << "<tr><th>efficacy boundary</th><td class=l>" << xml_escape(efficacy_description(spec)) << "</td></tr>"
    << "<tr><th>alpha</th><td class=l>" << spec.alpha
    << (two_sided(in) ? " two-sided (symmetric)" : " one-sided") << "</td></tr>"
    << "<tr><th>power (1 - beta)</th><td class=l>" << 1.0 - spec.beta << "</td></tr>"
    << "<tr><th>planned events</th><td class=l>" << in.plan.planned_events << "</td></tr>"
    << "<tr><th>allocation (experimental : control)</th><td class=l>" << in.plan.allocation_ratio
    << " : 1</td></tr>"
    << "<tr><th>effect for conditional power</th><td class=l>"
    << (r.assumed_hazard_ratio ? "HR " + detail::format("%.4g", *r.assumed_hazard_ratio) + ", " : std::string())
    << xml_escape(effect_basis(r.effect_source)) << "</td></tr>";
  if (in.plan.non_inferiority()) {
    const double margin = in.plan.null_hazard_ratio;
    o << "<tr><th>non-inferiority margin</th><td class=l>H0: HR &gt;= " << detail::format("%.4g", margin)
      << "; each look's z is its log-rank z plus log(" << detail::format("%.4g", margin)
      << ") sqrt(d r / (1 + r)^2)</td></tr>";
  }
  if (spec.futility) {
    o << "<tr><th>futility</th><td class=l>" << xml_escape(futility_name(*spec.futility)) << ", "
      << (spec.futility->binding ? "binding" : "non-binding (advisory)")
      << (two_sided(in) ? "; stops when |z| is below the bound" : "") << "</td></tr>";
  }
  if (spec.harm) {
    o << "<tr><th>harm</th><td class=l>" << xml_escape(harm_name(*spec.harm)) << ", "
      << (spec.harm->binding ? "binding" : "non-binding") << "</td></tr>";
  }
  o << "</table><table><tr><th>planned look</th><th>information fraction</th><th>events</th>"
       "<th>efficacy z</th>"
    << detail::bound_header_cells(spec) << "<th>nominal p</th><th>cumulative alpha</th></tr>";
  const auto alpha = r.planned.cumulative_alpha();
  for (std::size_t k = 0; k < spec.information_fractions.size(); ++k) {
    const double t = spec.information_fractions[k];
    o << "<tr><td>" << k + 1 << "</td><td>" << detail::format("%.4f", t) << "</td><td>"
      << detail::format("%.0f", std::ceil(t * in.plan.planned_events - 1e-9)) << "</td><td>"
      << detail::bound(r.planned.efficacy[k]) << "</td>"
      << detail::bound_cells(spec, planned_bound(r.planned.futility, k), planned_bound(r.planned.harm, k)) << "<td>"
      << detail::nominal_p_at(r.planned.efficacy[k], detail::format("%.6f", nominal_p(in, r.planned.efficacy[k])))
      << "</td><td>" << detail::format("%.6f", alpha[k]) << "</td></tr>";
  }
  o << "</table><p class=note>Bounds at the looks are recomputed at the information actually "
       "observed (events / planned events); the final analysis spends all remaining alpha.</p>";
  return o.str();
}

std::string looks_section(const MonitoringReport& in, const MonitoringResult& r) {
  detail::TextStream o;
  const spending::DesignSpec& spec = in.plan.design;
  o << "<h2>Looks</h2><table><tr><th>look</th><th>events</th><th>information</th><th>z</th>"
       "<th>efficacy z</th>"
    << detail::bound_header_cells(spec) << "<th>nominal p (" << (two_sided(in) ? "2-sided" : "1-sided")
    << ")</th><th>alpha spent</th><th>HR</th><th>repeated CI</th><th>repeated p</th>"
       "<th>CP (assumed)</th><th>CP (trend)</th><th>decision</th></tr>";
  for (std::size_t k = 0; k < r.looks.size(); ++k) {
    const LookResult& l = r.looks[k];
    const std::string decision = decision_name(l.decision);
    o << "<tr class=\"" << decision << "\"><td>" << k + 1 << "</td><td>" << l.look.events << "</td><td>"
      << detail::format("%.4f", l.information_fraction) << "</td><td>" << detail::format("%.4f", l.look.z)
      << "</td><td>" << detail::bound(l.efficacy_z) << "</td>"
      << detail::bound_cells(spec, l.futility_z, l.harm_z) << "<td>"
      << detail::nominal_p_at(l.efficacy_z, detail::format("%.6f", nominal_p(in, l.efficacy_z))) << "</td><td>"
      << detail::format("%.6f", l.cumulative_alpha) << "</td><td>" << detail::hazard_ratio(l.hazard_ratio)
      << "</td><td>"
      << (l.repeated_ci_hazard_ratio ? detail::hazard_ratio(l.repeated_ci_hazard_ratio->lower) + " &ndash; " +
                                           detail::hazard_ratio(l.repeated_ci_hazard_ratio->upper)
                                     : std::string("&ndash;"))
      << "</td><td>" << detail::format("%.4g", l.repeated_p_value) << "</td><td>"
      << (l.conditional_power ? detail::format("%.4f", l.conditional_power->assumed.back()) : "&ndash;") << "</td><td>"
      << (l.conditional_power ? detail::format("%.4f", l.conditional_power->trend.back()) : "&ndash;")
      << "</td><td class=l>" << decision << "</td></tr>";
  }
  o << "</table><ol class=note>";
  for (const LookResult& l : r.looks) {
    const std::optional<std::string> advice = futility_advice(l);
    o << "<li>" << xml_escape(decision_reason(l, in.plan))
      << (advice ? ". Advice: " + xml_escape(*advice) : "") << ".</li>";
  }
  o << "</ol>";
  if (r.final_inference) {
    const auto& f = *r.final_inference;
    o << "<h2>Inference after the stop (stage-wise ordering)</h2><table>"
      << "<tr><th>p-value (" << (two_sided(in) ? "two-sided" : "one-sided") << ")</th><td>"
      << xml_escape(p_value_text(f.p_value)) << "</td></tr><tr><th>median-unbiased HR</th><td>"
      << detail::hazard_ratio(f.median_unbiased_hazard_ratio) << "</td></tr><tr><th>"
      << detail::format("%.0f", 100.0 * f.confidence_level) << "% CI for the HR</th><td>"
      << detail::hazard_ratio(f.ci_hazard_ratio.lower) << " &ndash; " << detail::hazard_ratio(f.ci_hazard_ratio.upper)
      << "</td></tr></table>";
  }
  return o.str();
}

}  // namespace

std::string monitoring_report_html(const MonitoringReport& in, const ReportContext& context) {
  const MonitoringResult& r = in.result;
  detail::TextStream o;
  o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    << "<title>" << xml_escape(context.title) << " &ndash; monitoring report</title><style>"
    << kStyle << "</style></head><body>\n<h1>" << xml_escape(context.title)
    << "</h1><div class=meta>Monitoring report by gsd " << kVersion << ", generated "
    << xml_escape(context.generated_at) << " from " << xml_escape(context.source) << "</div>\n";
  if (in.simon) {
    o << detail::simon_report_body(in) << "</body></html>\n";
    return o.str();
  }
  if (in.endpoint) {
    o << detail::endpoint_report_body(in) << "</body></html>\n";
    return o.str();
  }
  if (in.test) {
    o << detail::test_report_body(in) << "</body></html>\n";
    return o.str();
  }
  o << design_section(in, r) << looks_section(in, r);
  o << "<h2>Plots</h2>\n";
  std::vector<SvgChart> charts{z_chart(in, r), p_chart(in, r), hr_chart(in, r), spending_chart(in, r)};
  if (r.looks.back().conditional_power) charts.push_back(cp_chart(in, r));
  for (const SvgChart& chart : charts) o << "<div class=plot>" << chart.render() << "</div>\n";
  if (!r.looks.back().conditional_power) {
    o << "<p class=note>The trial has stopped: no conditional power is computed.</p>";
  }
  o << "<p class=note>Methods: bounds from the spending function at the observed information "
       "(Lan &amp; DeMets 1983); repeated confidence intervals and p-values (Jennison &amp; "
       "Turnbull 2000, ch. 9); conditional and predictive power (J&amp;T 2000, ch. 10); "
       "stage-wise ordering inference (J&amp;T 2000, ch. 8). Positive z favours the experimental "
       "arm.</p>\n</body></html>\n";
  return o.str();
}

}  // namespace gsd::render
