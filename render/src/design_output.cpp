#include "gsd/render/design_output.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <optional>
#include <sstream>

#include "gsd/curves.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/presentation.hpp"
#include "gsd/render/endpoint_charts.hpp"
#include "gsd/render/endpoint_output.hpp"
#include "gsd/render/integer_output.hpp"
#include "gsd/render/sample_size_output.hpp"
#include "gsd/render/simon_output.hpp"
#include "gsd/render/km_contrast_output.hpp"
#include "gsd/render/maxcombo_test_output.hpp"
#include "gsd/render/weighted_test_output.hpp"
#include "gsd/survival/schoenfeld.hpp"
#include "number_format.hpp"

namespace gsd::render {

namespace {

using numerics::normal_upper_quantile;
using numerics::normal_upper_tail;
using spending::ClassicalBoundary;
using spending::Design;
using spending::Sidedness;
using spending::SpendingFunction;

bool two_sided(const Design& d) { return d.spec.sided == Sidedness::kTwoSidedSymmetric; }

using detail::format;
using detail::probability;

// Per-look (not cumulative) probability of stopping for efficacy under H0,
// both sides for two-sided designs.
std::vector<double> per_look_alpha(const Design& d) {
  std::vector<double> out = d.null.upper;
  if (two_sided(d)) {
    for (std::size_t k = 0; k < out.size(); ++k) out[k] += d.null.lower[k];
  }
  return out;
}

// P(stop for futility at each look) under H1, all looks in one pass.
std::vector<double> futility_h1(const Design& d) {
  return d.futility_crossings(d.alternative, d.harm_alternative);
}

}  // namespace

std::string boundaries_text(const Design& d) {
  const auto& t = d.spec.information_fractions;
  const auto alpha = d.cumulative_alpha();
  const auto h0 = per_look_alpha(d);
  const auto futility_h0 = spending::futility_crossings_under_null(d);
  const auto futility_h1_at = futility_h1(d);
  detail::TextStream out;
  out << "Group-sequential design, " << t.size() << (t.size() == 1 ? " look" : " looks") << '\n';
  if (two_sided(d)) {
    out << "  two-sided symmetric, alpha = " << d.spec.alpha << " (" << d.spec.alpha / 2.0
        << " per side)";
  } else if (d.spec.harm) {
    out << "  asymmetric two-sided, alpha = " << d.spec.alpha << " (" << d.spec.alpha_per_side()
        << " efficacy, " << d.spec.harm->alpha << " harm)";
  } else {
    out << "  one-sided, alpha = " << d.spec.alpha;
  }
  out << ", beta = " << d.spec.beta << " (power " << format("%.1f", 100.0 * (1.0 - d.spec.beta))
      << "%)\n";
  out << "  efficacy: " << efficacy_name(d.spec) << '\n';
  out << "  futility: "
      << (d.spec.futility ? futility_name(*d.spec.futility) + ", " +
                                (d.spec.futility->binding ? "binding" : "non-binding")
                          : std::string("none"))
      << "\n";
  if (d.spec.futility && two_sided(d)) {
    out << "  futility stops the trial when |z| is below the futility bound (two-sided)\n";
  }
  if (d.spec.harm) {
    out << "  harm: " << harm_name(*d.spec.harm) << ", "
        << (d.spec.harm->binding ? "binding" : "non-binding") << "; efficacy spends alpha "
        << d.spec.alpha_per_side() << "\n";
    out << "  harm z bounds:";
    for (const auto& h : d.harm) out << "  " << (h ? format("%.4f", *h) : std::string("-"));
    out << "\n    P(stop for harm) under H0:";
    for (double p : d.harm_null) out << "  " << probability(p);
    out << "\n";
  }
  if (!d.spec.spending_time.empty()) {
    out << "  spending time:";
    for (double x : d.spec.spending_time) out << "  " << format("%.4f", x);
    out << "\n";
  }
  out << "\n";
  char line[320];
  // With a futility bound, its chance under H0 too (the bounds obeyed).
  const bool futility = d.spec.futility.has_value();
  detail::print(line, sizeof line, "%4s  %11s  %10s  %11s  %11s  %10s  %10s  %10s  %10s%s\n", "look",
                "information", "efficacy", "nominal p", "cumulative", "futility", "P(stop)",
                "P(stop)", "P(stop)", futility ? "     P(stop)" : "");
  out << line;
  detail::print(line, sizeof line, "%4s  %11s  %10s  %11s  %11s  %10s  %10s  %10s  %10s%s\n", "",
                "fraction", "z", two_sided(d) ? "(2-sided)" : "(1-sided)", "alpha", "z",
                "eff. H0", "eff. H1", futility ? "fut. H0" : "fut. H1", futility ? "     fut. H1" : "");
  out << line;
  for (std::size_t k = 0; k < t.size(); ++k) {
    const double p = (two_sided(d) ? 2.0 : 1.0) * normal_upper_tail(d.efficacy[k]);
    const std::string fut = d.futility[k] ? format("%.4f", *d.futility[k]) : "-";
    const std::string fut_h1 =
        d.futility[k] ? format("%.4f", futility_h1_at[k]) : std::string("-");
    const std::string fut_h0 =
        d.futility[k] ? format("%.4f", futility_h0[k]) : std::string("-");
    // A look that spends no alpha has no efficacy bound.
    const std::string eff = std::isfinite(d.efficacy[k]) ? format("%.4f", d.efficacy[k]) : "none";
    // With a futility bound: fut. H0, then fut. H1 in a column of its own.
    char last[16] = "";
    if (futility) detail::print(last, sizeof last, "  %10s", fut_h1.c_str());
    detail::print(line, sizeof line, "%4zu  %11.4f  %10s  %11s  %11s  %10s  %10s  %10.4f  %10s%s\n",
                  k + 1, t[k], eff.c_str(), detail::nominal_p_at(d.efficacy[k], probability(p)).c_str(),
                  probability(alpha[k]).c_str(), fut.c_str(), probability(h0[k]).c_str(),
                  d.alternative.upper[k], futility ? fut_h0.c_str() : fut_h1.c_str(), last);
    out << line;
  }
  out << '\n';
  if (futility && !d.spec.futility->binding) {
    out << "  eff. H0 is the alpha spent (the non-binding futility bound ignored); fut. H0 obeys it\n";
  }
  out << "  power " << format("%.4f", d.power) << " at drift theta*sqrt(I_max) = "
      << format("%.6f", d.drift) << '\n';
  out << "  inflation factor I_max / I_fixed = " << format("%.6f", d.inflation_factor) << '\n';
  out << "  expected information (fraction of I_max): " << format("%.4f", d.expected_fraction_null)
      << " under H0, " << format("%.4f", d.expected_fraction_alternative) << " under H1\n";
  out << "  expected information over a fixed design's: " << format("%.4f", d.average_sample_number_null())
      << " under H0, " << format("%.4f", d.average_sample_number_alternative()) << " under H1\n";
  out << "  method: recursive numerical integration (Armitage, McPherson & Rowe 1969; "
         "Jennison & Turnbull 2000, ch. 19)\n";
  return out.str();
}

std::string boundaries_csv(const Design& d) {
  const auto& t = d.spec.information_fractions;
  const auto alpha = d.cumulative_alpha();
  const auto h0 = per_look_alpha(d);
  const auto futility_h1_at = futility_h1(d);
  detail::TextStream out;
  out << "look,information_fraction,efficacy_z,futility_z,nominal_p_one_sided,cumulative_alpha,"
         "probability_efficacy_h0,probability_efficacy_h1,probability_futility_h1,harm_z\n";
  char line[320];
  for (std::size_t k = 0; k < t.size(); ++k) {
    const std::string fut = d.futility[k] ? format("%.10g", *d.futility[k]) : "";
    const std::string eff = std::isfinite(d.efficacy[k]) ? format("%.10g", d.efficacy[k]) : "";
    // harm_z last: scripts read the columns before it by position.
    const std::string harm = k < d.harm.size() && d.harm[k] ? format("%.10g", *d.harm[k]) : "";
    detail::print(line, sizeof line, "%zu,%.10g,%s,%s,%.10g,%.10g,%.10g,%.10g,%.10g,%s\n", k + 1, t[k],
                  eff.c_str(), fut.c_str(), normal_upper_tail(d.efficacy[k]), alpha[k], h0[k],
                  d.alternative.upper[k], futility_h1_at[k], harm.c_str());
    out << line;
  }
  return out.str();
}

namespace {

// The boundary rows continued with a normal or binary endpoint's columns.
std::string endpoint_csv(const std::optional<EndpointSize>& endpoint, const std::string& base) {
  std::istringstream rows(base);
  std::string row;
  std::getline(rows, row);
  detail::TextStream out;
  out << row << endpoint_csv_header() << '\n';
  for (std::size_t k = 0; k < endpoint->plan.looks.size() && std::getline(rows, row); ++k) {
    out << row << endpoint_csv_row(*endpoint, k) << '\n';
  }
  return out.str();
}

// The design CSV's columns up to the plan's or the endpoint's.
std::string design_csv_columns(const DesignResult& result) {
  const std::string base = boundaries_csv(result.boundaries);
  if (result.endpoint) return endpoint_csv(result.endpoint, base);
  if (!result.sample_size) return base;
  const survival::SurvivalPlan& plan = result.sample_size->plan;
  std::istringstream rows(base);
  std::string header;
  std::getline(rows, header);
  detail::TextStream out;
  out << header
      << ",events,calendar_time,drift,crossing_probability,crossing_probability_fixed_times,"
         "capped_fraction,method,patients,planned_events,power,power_fixed_times,"
         "patients_unrounded,events_unrounded,calendar_cap,expected_events,expected_duration"
      << integer_csv_header(result) << (result.test ? weighted_test_csv_header() : "")
      << (result.maxcombo ? maxcombo_test_csv_header() : "")
      << (result.km_contrast ? km_contrast_csv_header() : "")
      << ",hazard_ratio_at_bound,hazard_ratio_at_futility,crossing_probability_lower,method_drift\n";
  // Empty cells for a value the look does not have.
  const auto cell = [](const std::optional<double>& v) {
    char text[32] = "";
    if (v && std::isfinite(*v)) detail::print(text, sizeof text, "%.10g", *v);
    return std::string(",") + text;
  };
  std::string row;
  for (std::size_t k = 0; k < plan.looks.size() && std::getline(rows, row); ++k) {
    const survival::SurvivalLook& l = plan.looks[k];
    char look[200];
    detail::print(look, sizeof look, ",%lld,%.10g,%.10g,%.10g,%.10g,%.10g,", l.events,
                  l.calendar_time, l.mean_z, l.crossing, l.crossing_fixed_times, l.capped);
    char sizes[320];
    detail::print(sizes, sizeof sizes, ",%lld,%lld,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g",
                  plan.patients, plan.events, plan.power, plan.power_fixed_times,
                  plan.patients_unrounded, plan.events_unrounded, plan.calendar_cap,
                  plan.expected_events, plan.expected_duration);
    out << row << look << sizing_method_name(plan.method) << sizes << integer_csv_row(result, k)
        << (result.test ? weighted_test_csv_row(*result.test, k) : "")
        << (result.maxcombo ? maxcombo_test_csv_row(*result.maxcombo, k) : "")
        << (result.km_contrast ? km_contrast_csv_row(*result.km_contrast, k) : "")
        << cell(std::isfinite(l.efficacy_z) ? std::optional<double>(l.hazard_ratio_at_bound) : std::nullopt)
        << cell(l.hazard_ratio_at_futility) << cell(l.crossing_lower) << cell(l.method_mean_z) << '\n';
  }
  return out.str();
}

}  // namespace

std::string design_csv(const DesignResult& result) {
  if (result.simon) return simon_csv(result);
  // Every row ends with the chance of a futility stop at its look under H0
  // (empty without a futility bound there): added last, so that the columns
  // before it keep their places.
  const std::vector<double> futility_h0 = spending::futility_crossings_under_null(result.boundaries);
  std::istringstream rows(design_csv_columns(result));
  detail::TextStream out;
  std::string row;
  std::getline(rows, row);
  out << row << ",probability_futility_h0\n";
  for (std::size_t k = 0; std::getline(rows, row); ++k) {
    const bool bound = k < result.boundaries.futility.size() && result.boundaries.futility[k];
    out << row << ',' << (bound ? format("%.10g", futility_h0[k]) : std::string()) << '\n';
  }
  return out.str();
}

SvgChart boundaries_chart(const Design& d) {
  const auto& t = d.spec.information_fractions;
  std::vector<double> eff;
  std::vector<double> fx;
  std::vector<double> fut;
  double top = 0.0;
  for (std::size_t k = 0; k < t.size(); ++k) {
    eff.push_back(std::isfinite(d.efficacy[k]) ? d.efficacy[k] : std::nan(""));
    if (std::isfinite(d.efficacy[k])) top = std::max(top, d.efficacy[k]);
    if (d.futility[k]) {
      fx.push_back(t[k]);
      fut.push_back(*d.futility[k]);
    }
  }
  std::vector<double> hx;
  std::vector<double> harm;
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (d.harm[k]) {
      hx.push_back(t[k]);
      harm.push_back(*d.harm[k]);
    }
  }
  double bottom = 0.0;
  for (double f : fut) bottom = std::min(bottom, f);
  for (double h : harm) bottom = std::min(bottom, h);
  if (two_sided(d)) bottom = -top;
  top = std::ceil(top + 0.5);
  bottom = std::floor(bottom - 0.5);
  ChartAxis x{"information fraction", 0.0, 1.0, {}, {}};
  ChartAxis y{"z statistic (positive favours treatment)", bottom, top, {}, {}};
  SvgChart chart("Stopping boundaries: " + efficacy_name(d.spec), x, y);
  chart.add_series({"efficacy bound", t, eff, palette(0), true, true, false, false, 2.0});
  if (two_sided(d)) {
    std::vector<double> neg(eff.size());
    std::transform(eff.begin(), eff.end(), neg.begin(), [](double v) { return -v; });
    chart.add_series({"lower bound (two-sided)", t, neg, palette(0), true, true, true, false, 2.0});
  }
  if (!fut.empty()) {
    // A two-sided futility bound stops when |z| is below it: drawn at +/-.
    chart.add_series({two_sided(d) ? "futility bound (|z| below)" : "futility bound", fx, fut,
                      palette(1), true, true, false, false, 2.0});
    if (two_sided(d)) {
      std::vector<double> neg(fut.size());
      std::transform(fut.begin(), fut.end(), neg.begin(), [](double v) { return -v; });
      chart.add_series({"", fx, neg, palette(1), true, true, false, false, 2.0});
    }
  }
  if (!harm.empty()) {
    chart.add_series({"harm bound", hx, harm, palette(2), true, true, false, false, 2.0});
  }
  // Right axis: the nominal p at round p-values (two-sided for a two-sided
  // design, as its table gives it: z = Phi^-1(1 - p / 2)), thinned so that
  // labels stay at least a fifteenth of the axis apart.
  const bool both = two_sided(d);
  RightAxis p_axis{both ? "nominal two-sided p-value" : "nominal one-sided p-value", {}, {}};
  const double min_gap = (top - bottom) / 15.0;
  const std::vector<double> round_p =
      both ? std::vector<double>{1.0, 0.2, 0.05, 0.01, 0.001, 1e-4, 1e-5, 1e-6, 1e-8, 1e-10, 1e-12, 1e-15}
           : std::vector<double>{0.5, 0.1, 0.025, 0.01, 0.001, 1e-4, 1e-5, 1e-6, 1e-8, 1e-10, 1e-12, 1e-15};
  for (double p : round_p) {
    const double z = normal_upper_quantile(both ? p / 2.0 : p);
    if (!p_axis.positions.empty() && z - p_axis.positions.back() < min_gap) continue;
    p_axis.positions.push_back(z);
    p_axis.labels.push_back(format("%g", p));
  }
  chart.set_right_axis(p_axis);
  return chart;
}

SvgChart spending_chart(const Design& d) {
  const auto& t = d.spec.information_fractions;
  const auto alpha = d.cumulative_alpha();
  double top = d.spec.alpha;
  if (d.spec.futility) top = std::max(top, d.spec.beta);
  ChartAxis xa{"information fraction", 0.0, 1.0, {}, {}};
  ChartAxis ya{"cumulative error spent", 0.0, top * 1.1, {}, {}};
  SvgChart chart("Error spending", xa, ya);
  // The spending functions as curves (100 steps), with the looks as markers.
  const SpendingCurves curves = spending_curves(d, 100);
  if (curves.alpha) {
    chart.add_series({"alpha spending function", curves.alpha->x, curves.alpha->y, palette(0), true,
                      false, false, false, 2.0});
  }
  std::vector<double> xs{0.0};
  std::vector<double> as{0.0};
  xs.insert(xs.end(), t.begin(), t.end());
  as.insert(as.end(), alpha.begin(), alpha.end());
  const bool classical = std::holds_alternative<ClassicalBoundary>(d.spec.efficacy);
  chart.add_series({"alpha spent at the looks (H0)", xs, as, palette(0), classical, true, false,
                    false, 2.0});
  if (curves.beta) {
    chart.add_series({"beta spending function", curves.beta->x, curves.beta->y, palette(1), true,
                      false, false, false, 2.0});
  }
  return chart;
}

std::string design_text(const DesignResult& result) {
  if (result.simon) return simon_text(result);
  std::string out;
  if (!result.name.empty()) out += result.name + "\n\n";
  out += boundaries_text(result.boundaries);
  if (result.sample_size) out += sample_size_text(*result.sample_size, result.boundaries,
                          result.tested_by_another_test());
  if (result.test) {
    out += weighted_test_text(*result.test, result.sample_size->plan.power_fixed_times,
                              result.sample_size->spec.time_unit);
  }
  if (result.maxcombo) {
    out += maxcombo_test_text(*result.maxcombo, result.sample_size->plan.power_fixed_times,
                              result.sample_size->spec.time_unit);
  }
  if (result.test_sizing) out += test_sizing_text(*result.test_sizing);
  if (result.km_contrast) {
    out += km_contrast_text(*result.km_contrast, result.sample_size->plan.power_fixed_times,
                            1.0 - result.boundaries.spec.beta, result.sample_size->spec.time_unit);
  }
  if (const auto w = test_cap_warning(result)) out += "  warning: " + *w + "\n";
  if (result.endpoint) out += endpoint_text(*result.endpoint);
  out += integer_text(result);
  return out;
}

// The weights of the design's weighted or MaxCombo test over the hazard ratio.
static SvgChart weights_chart(const DesignResult& result) {
  std::vector<survival::LogRankWeight> weights;
  std::vector<std::string> names;
  const auto add = [&](const survival::LogRankWeight& w) {
    detail::TextStream name;
    name << std::defaultfloat << std::setprecision(6);
    if (w.family == survival::WeightFamily::kMagirrBurman) {
      name << "Magirr-Burman t* = " << w.t_star;
    } else {
      name << "FH(" << w.rho << ", " << w.gamma << ")";
    }
    weights.push_back(w);
    names.push_back(name.str());
  };
  if (result.test) add(result.test->weight);
  if (result.maxcombo) {
    for (const survival::LogRankWeight& w : result.maxcombo->tests) add(w);
  }
  return test_weights_chart(*result.sample_size, weights, names);
}

// The plan's power at other noncured hazard ratios, its patients, events,
// cure fractions and bounds kept (the plot data's power_by_hazard_ratio).
static SvgChart power_chart(const DesignResult& result) {
  const SampleSize& r = *result.sample_size;
  // The axis spans the ratios asked for, up to a non-inferiority margin
  // where there is one (the ratio at it gets no point, its marker stands there).
  const std::vector<double> ratios = power_curve_hazard_ratios(r.spec.hazard_ratio_h0);
  const Curve c = power_curve(result.boundaries, r, ratios);
  detail::TextStream title;
  title << "Power at " << r.plan.patients << " patients and " << r.plan.events
        << " events (cure fractions and bounds kept)";
  SvgChart chart(title.str(), ChartAxis{"hazard ratio among the noncured", ratios.front(), ratios.back(), {}, {}},
                 ChartAxis{"power", 0.0, 1.0, {}, {}});
  chart.add_series({"power", c.x, c.y, palette(4), true, false, false, false, 2.0});
  chart.add_horizontal_marker(r.plan.power, "plan's power " + format("%.4f", r.plan.power));
  if (const auto hr = survival::constant_noncured_hazard_ratio(r.spec)) {
    chart.add_vertical_marker(*hr, "planned " + format("%.4g", *hr));
  }
  if (r.spec.non_inferiority()) {
    chart.add_vertical_marker(r.spec.hazard_ratio_h0, "margin " + format("%.4g", r.spec.hazard_ratio_h0));
  }
  return chart;
}

std::vector<SvgChart> design_charts(const DesignResult& result) {
  if (result.simon) return simon_charts(result);
  std::vector<SvgChart> charts{boundaries_chart(result.boundaries), spending_chart(result.boundaries)};
  if (result.sample_size) {
    for (SvgChart& chart : sample_size_charts(*result.sample_size)) charts.push_back(std::move(chart));
    charts.push_back(power_chart(result));
    if (result.test || result.maxcombo) charts.push_back(weights_chart(result));
  }
  if (result.endpoint) {
    for (SvgChart& chart : endpoint_design_charts(*result.endpoint, result.boundaries.spec.sided)) {
      charts.push_back(std::move(chart));
    }
  }
  return charts;
}

}  // namespace gsd::render
