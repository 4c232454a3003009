// Sample-size output of `gsd design` with a survival section.
#include "gsd/render/sample_size_output.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "gsd/curves.hpp"
#include "gsd/presentation.hpp"
#include "gsd/survival/schoenfeld.hpp"
#include "number_format.hpp"

namespace gsd::render {

namespace {

using survival::SolveMode;
using survival::SurvivalLook;

std::string arm_text(const survival::CureModel& arm, const std::string& unit) {
  detail::TextStream out;
  out << std::fixed << std::setprecision(1) << "cure " << 100.0 * arm.cure_fraction()
      << "%, noncured median " << std::setprecision(2) << arm.latency().median() << ' ' << unit
      << " (" << latency_family_name(arm.latency().family()) << ')';
  return out.str();
}

std::string setting_text(const survival::SurvivalSpec& spec) {
  detail::TextStream out;
  out << std::fixed << std::setprecision(2) << "accrual "
      << (spec.accrual.is_uniform() ? "uniform" : "piecewise") << " over "
      << spec.accrual.duration() << ' ' << spec.time_unit << "; allocation "
      << std::defaultfloat << std::setprecision(4) << spec.allocation_ratio
      << ":1 (treatment:control); " << std::fixed;
  if (spec.dropout_control || spec.dropout_treatment) {
    out << std::setprecision(4) << "drop-out hazards " << spec.dropout_rate_control() << " / "
        << spec.dropout_rate_treatment() << " per " << spec.time_unit.substr(0, spec.time_unit.size() - 1);
  } else {
    out << "no drop-out";
  }
  return out.str();
}

ChartAxis axis(std::string label, double min, double max) {
  ChartAxis a;
  a.label = std::move(label);
  a.min = min;
  a.max = max;
  return a;
}

ChartSeries series(std::string label, std::size_t color) {
  ChartSeries s;
  s.label = std::move(label);
  s.color = palette(color);
  return s;
}

}  // namespace

std::string sample_size_text(const SampleSize& r, const spending::Design& design, bool other_test) {
  const survival::SurvivalPlan& plan = r.plan;
  const std::string& unit = r.spec.time_unit;
  detail::TextStream out;
  out << std::fixed;
  out << "\nSample size: " << solve_mode_name(plan.mode) << " (time in " << unit << ")\n";
  out << "  control:   " << arm_text(r.spec.control, unit) << '\n';
  out << "  treatment: " << arm_text(r.spec.treatment, unit);
  if (const auto hr = survival::constant_noncured_hazard_ratio(r.spec)) {
    out << "; noncured hazard ratio " << std::defaultfloat << std::setprecision(4) << *hr
        << std::fixed;
  }
  out << '\n' << "  " << setting_text(r.spec) << '\n';
  out << std::setprecision(1) << "  patients " << plan.patients << ", events " << plan.events
      << " (these patients can ever produce " << plan.event_limit << "), power "
      << std::setprecision(4) << plan.power;
  if (plan.method == survival::SizingMethod::kExact) {
    out << " (event-driven; " << plan.power_fixed_times << " at the expected look times)\n";
  } else if (r.spec.non_inferiority()) {
    out << " (" << sizing_method_name(plan.method) << ", non-inferiority: hazard ratio "
        << std::defaultfloat << r.spec.hazard_ratio_h0 << std::fixed << " under H0)\n";
  } else {
    out << " (" << sizing_method_name(plan.method) << "; the model gives "
        << plan.power_event_driven.value_or(0.0) << " event-driven, " << plan.power_fixed_times
        << " at the expected look times)\n";
  }
  out << std::setprecision(2) << "  study duration " << plan.study_duration << ' ' << unit;
  if (plan.follow_up < 0.0) {
    // The final look before accrual ends: enrolment stops there, so fewer
    // patients than planned are ever enrolled.
    out << ", " << -plan.follow_up << " before accrual ends: about " << std::setprecision(1)
        << plan.patients_at_study_end << " of the " << plan.patients
        << " patients are enrolled by the final look\n\n" << std::setprecision(2);
  } else {
    out << " (follow-up " << plan.follow_up << " after accrual ends)\n\n";
  }
  // Futility columns when the design has a futility bound: its z, the
  // hazard ratio at it, and the chance of a first exit below the efficacy
  // region at the look (event-driven like P(cross)). That exit is the
  // futility stop alone in a one-sided design without a harm bound; it
  // holds the harm stops of a harm bound, and a two-sided design's
  // rejections below -b, where there are any.
  const bool futility = std::any_of(plan.looks.begin(), plan.looks.end(),
                                    [](const SurvivalLook& l) { return l.futility_z.has_value(); });
  const bool harm = std::any_of(design.harm.begin(), design.harm.end(),
                                [](const std::optional<double>& h) { return h.has_value(); });
  const bool two_sided = design.spec.sided == spending::Sidedness::kTwoSidedSymmetric;
  const char* lower_head = two_sided ? "fut. or -b" : harm ? "fut./harm" : "futility";
  out << std::setw(4) << "look" << std::setw(8) << "events" << std::setw(15) << "calendar time"
      << std::setw(9) << "drift" << std::setw(10) << "efficacy" << std::setw(10) << "HR at";
  if (futility) out << std::setw(10) << "futility" << std::setw(10) << "HR at";
  out << std::setw(11) << "P(cross)" << std::setw(12) << "cumulative";
  if (futility) out << std::setw(11) << "P(stop)";
  out << '\n';
  detail::TextStream unit_head;
  unit_head << "(" << unit << ")";
  out << std::setw(4) << "" << std::setw(8) << "" << std::setw(15) << unit_head.str()
      << std::setw(9) << "E[Z]" << std::setw(10) << "z" << std::setw(10) << "bound";
  if (futility) out << std::setw(10) << "z" << std::setw(10) << "futility";
  out << std::setw(11) << "at look" << std::setw(12) << "P(cross)";
  if (futility) out << std::setw(11) << lower_head;
  out << '\n';
  for (std::size_t k = 0; k < plan.looks.size(); ++k) {
    const SurvivalLook& l = plan.looks[k];
    out << std::setw(4) << k + 1 << std::setw(8) << l.events << std::setw(15)
        << std::setprecision(2) << l.calendar_time << std::setw(9) << std::setprecision(4)
        << l.mean_z;
    if (std::isfinite(l.efficacy_z)) {
      out << std::setw(10) << l.efficacy_z << std::setw(10) << l.hazard_ratio_at_bound;
    } else {  // a look that spends no alpha has no bound
      out << std::setw(10) << "none" << std::setw(10) << "-";
    }
    if (futility && l.futility_z) {
      out << std::setw(10) << *l.futility_z << std::setw(10) << *l.hazard_ratio_at_futility;
    } else if (futility) {  // the final look of a non-binding bound: the efficacy bound decides
      out << std::setw(10) << "-" << std::setw(10) << "-";
    }
    out << std::setw(11) << l.crossing << std::setw(12) << l.cumulative_crossing;
    if (futility) out << std::setw(11) << l.crossing_lower;
    out << '\n';
  }
  if (!plan.looks.empty() && plan.looks.front().method_mean_z) {
    // A classical method: its crossing probabilities come from its own
    // drift, beside the model's mean of Z in the drift column.
    out << "\n  P(cross) by the " << sizing_method_name(plan.method) << " formula, whose drift is"
        << std::setprecision(4);
    for (std::size_t k = 0; k < plan.looks.size(); ++k) {
      out << (k == 0 ? " " : " / ") << plan.looks[k].method_mean_z.value_or(0.0);
    }
    out << "; the drift column is the model's mean of Z"
        << (r.spec.non_inferiority() ? " (Schoenfeld's, of the test against the margin)" : "") << '\n';
  }
  const bool by_time = std::any_of(plan.looks.begin(), plan.looks.end(), [](const survival::SurvivalLook& l) {
    return l.trigger != survival::LookTriggerKind::kEvents;
  });
  if (by_time) {
    out << "\n  looks by";
    for (std::size_t k = 0; k < plan.looks.size(); ++k) {
      const SurvivalLook& l = plan.looks[k];
      out << (k == 0 ? " " : ", ") << k + 1 << ": " << look_trigger_name(l.trigger);
      if (l.trigger != survival::LookTriggerKind::kEvents) {
        out << std::setprecision(1) << " (expected " << l.expected_events << " events, information "
            << std::setprecision(4) << l.information_fraction << ")";
      }
    }
    out << '\n';
  }
  out << '\n' << std::setprecision(1) << "  expected events " << plan.expected_events
      << ", expected duration " << plan.expected_duration << ' ' << unit
      << (other_test ? " (of the log-rank trial, under the model, with early stops; a trial stopped by the "
                       "other test below stops at other looks: gsd simulate gives its figures)\n"
                     : " (under the model, with early stops)\n");
  if (plan.method == survival::SizingMethod::kExact && plan.event_driven) {
    out << std::setprecision(2) << "  calendar cap " << plan.calendar_cap << ' ' << unit
        << (r.spec.analysis_cap ? " (the protocol's analysis cap)" : "")
        << ": trials still running then end there " << std::setprecision(4)
        << plan.capped_probability << '\n';
    out << "  method: " << kSurvivalMethodShort << "\n          " << kSurvivalMethodReference << '\n';
  } else if (plan.method == survival::SizingMethod::kExact) {
    out << "  method: log-rank power at the expected look times (the non-proportional-hazards drift of "
           "each look in the design's recursive integration)\n          Lakatos (1988) Biometrics "
           "44:229; Armitage, McPherson & Rowe (1969); Jennison & Turnbull (2000) ch. 19\n";
  } else {
    out << std::setprecision(1) << "  unrounded: patients " << plan.patients_unrounded << ", events "
        << plan.events_unrounded << '\n';
    out << "  method: " << sizing_method_description(plan.method) << "\n          "
        << sizing_method_reference(plan.method) << '\n';
  }
  if (by_time) out << "          " << kCalendarLooksMethod << '\n';
  for (const std::string& w : plan_warnings(plan, unit)) out << "  warning: " << w << '\n';
  if (plan.schoenfeld) {
    const survival::SchoenfeldComparison& s = *plan.schoenfeld;
    out << std::setprecision(2) << "  naive Schoenfeld, proportional hazards with HR " << s.hazard_ratio
        << ": " << std::setprecision(0) << std::ceil(s.fixed_events) << " events for power "
        << std::setprecision(2) << s.target_power << " with one look, " << std::setprecision(0)
        << std::ceil(s.group_sequential_events) << " with these looks;\n"
        << "          under PH, " << plan.events << " events would give power "
        << std::setprecision(4) << s.power_at_plan_events << '\n';
  }
  return out.str();
}

namespace {

// 200 points per curve: smooth at any chart size used here.
constexpr int kChartPoints = 200;
// The hazard ratio of two cure models grows without bound once the noncured
// die out; the chart stops where it passes this.
constexpr double kMaxPlottedRatio = 5.0;

std::string time_label(const SampleSize& r, const char* what) {
  detail::TextStream out;
  out << what << " (" << r.spec.time_unit << ')';
  return out.str();
}

SvgChart survival_chart(const SampleSize& r, const PlanCurves& c, double t_max) {
  ChartSeries s0 = series("control", 0);
  ChartSeries s1 = series("treatment", 1);
  s0.x = c.control_survival.x;
  s0.y = c.control_survival.y;
  s1.x = c.treatment_survival.x;
  s1.y = c.treatment_survival.y;
  SvgChart chart("Survival by arm (cure plateaus dashed)",
                 axis(time_label(r, "time since randomization"), 0.0, t_max),
                 axis("probability event-free", 0.0, 1.0));
  chart.add_series(s0);
  chart.add_series(s1);
  chart.add_horizontal_marker(r.spec.control.cure_fraction(), "control cure");
  chart.add_horizontal_marker(r.spec.treatment.cure_fraction(), "treatment cure");
  return chart;
}

// Single-series charts carry no legend (it would cover the curve's top
// right); their y-axis says what the curve is.
SvgChart events_chart(const SampleSize& r, const PlanCurves& c, double t_max) {
  const survival::SurvivalPlan& plan = r.plan;
  ChartSeries events = series("", 0);
  events.x = c.expected_events.x;
  events.y = c.expected_events.y;
  SvgChart chart("Expected events over calendar time (looks dashed, labelled by events)",
                 axis(time_label(r, "calendar time"), 0.0, t_max),
                 axis("expected events", 0.0, 1.05 * plan.event_limit));
  ChartSeries looks = series("", 3);
  looks.line = false;
  looks.markers = true;
  for (const SurvivalLook& look : plan.looks) {
    looks.x.push_back(look.calendar_time);
    looks.y.push_back(static_cast<double>(look.events));
    chart.add_vertical_marker(look.calendar_time, std::to_string(look.events));
  }
  chart.add_series(events);
  chart.add_series(looks);
  chart.add_horizontal_marker(plan.event_limit, "all-time limit");
  return chart;
}

SvgChart hazard_ratio_chart(const SampleSize& r, const PlanCurves& c, double t_max) {
  ChartSeries ratio = series("", 2);
  ratio.x = c.hazard_ratio.x;
  ratio.y = c.hazard_ratio.y;
  double ratio_max = 1.0;
  for (double y : ratio.y) ratio_max = std::max(ratio_max, y);
  SvgChart chart("Hazard ratio over time (not proportional under a cure model)",
                 axis(time_label(r, "time since randomization"), 0.0, t_max),
                 axis("hazard ratio, treatment / control", 0.0, 1.1 * ratio_max));
  chart.add_series(ratio);
  chart.add_horizontal_marker(1.0, "no difference");
  if (const auto hr = survival::constant_noncured_hazard_ratio(r.spec)) {
    detail::TextStream label;
    label << "among the noncured: " << *hr;
    chart.add_horizontal_marker(*hr, label.str());
  }
  return chart;
}

}  // namespace

std::vector<SvgChart> sample_size_charts(const SampleSize& r) {
  // A quarter beyond the final look shows where the curves are heading.
  const double t_max = 1.25 * r.plan.study_duration;
  const PlanCurves c = plan_curves(r, t_max, kChartPoints, kMaxPlottedRatio);
  return {survival_chart(r, c, t_max), events_chart(r, c, t_max), hazard_ratio_chart(r, c, t_max)};
}

SvgChart test_weights_chart(const SampleSize& r, const std::vector<survival::LogRankWeight>& weights,
                            const std::vector<std::string>& names) {
  const double t_max = 1.25 * r.plan.study_duration;
  const PlanCurves c = plan_curves(r, t_max, kChartPoints, kMaxPlottedRatio);
  ChartSeries ratio = series("hazard ratio, treatment / control", 0);
  ratio.x = c.hazard_ratio.x;
  ratio.y = c.hazard_ratio.y;
  ratio.width = 3.0;
  double ratio_max = 1.0;
  for (double y : ratio.y) ratio_max = std::max(ratio_max, y);
  SvgChart chart("Test weights (each scaled to its largest) over the hazard ratio",
                 axis(time_label(r, "time since randomization"), 0.0, t_max),
                 axis("hazard ratio; weight / largest weight", 0.0, 1.1 * ratio_max));
  chart.add_series(ratio);
  const std::vector<Curve> w = weight_curves(r, weights, t_max, kChartPoints);
  for (std::size_t i = 0; i < w.size(); ++i) {
    ChartSeries s = series("weight of " + names[i], i + 1);
    s.x = w[i].x;
    s.y = w[i].y;
    s.dashed = true;
    chart.add_series(s);
  }
  chart.add_horizontal_marker(1.0, "no difference");
  return chart;
}

}  // namespace gsd::render
