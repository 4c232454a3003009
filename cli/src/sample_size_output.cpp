// Sample-size output of `gsd design` with a survival section.
#include "gsd/cli/sample_size_output.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "gsd/cli/survival_config.hpp"
#include "gsd/engine/survival/event_projection.hpp"
#include "gsd/engine/survival/schoenfeld.hpp"

namespace gsd::cli {

namespace {

using survival::SolveMode;
using survival::SurvivalLook;

constexpr const char* kMethodName =
    "asymptotic log-rank power under non-proportional hazards (mixture cure model): the "
    "at-risk-weighted mean and variance of the log-rank score at each look's expected "
    "calendar time, fed to the group-sequential recursive integration";
constexpr const char* kMethodShort =
    "log-rank drift under non-proportional hazards (mixture cure) at each look's expected time";
constexpr const char* kMethodReference =
    "Schoenfeld (1981) Biometrika 68:316; Lakatos (1988) Biometrics 44:229; Lu (2021) Pharm "
    "Stat 20:512; Jennison & Turnbull (2000) ch. 19";
constexpr const char* kSchoenfeldReference =
    "Schoenfeld (1981) Biometrika 68:316, proportional hazards with the noncured hazard ratio";

const char* mode_name(SolveMode mode) {
  switch (mode) {
    case SolveMode::kPower:
      return "power from patients and events";
    case SolveMode::kPatients:
      return "patients and events from power, accrual and follow-up";
    case SolveMode::kEvents:
      return "events and study duration from power and patients";
  }
  return "";
}

// The CLI prefix for library messages that name a survival field.
[[noreturn]] void rethrow_in_section(const std::exception& e) {
  std::ostringstream out;
  out << "survival." << e.what();
  throw ConfigError(out.str());
}

nlohmann::json look_json(const SurvivalLook& look) {
  nlohmann::json j;
  j["events"] = look.events;
  j["information_fraction"] = look.information_fraction;
  j["calendar_time"] = look.calendar_time;
  j["drift"] = look.mean_z;
  // A look that spends no alpha has no bound (JSON has no infinity).
  const bool bound = std::isfinite(look.efficacy_z);
  j["efficacy_z"] = bound ? nlohmann::json(look.efficacy_z) : nlohmann::json(nullptr);
  j["hazard_ratio_at_bound"] = bound ? nlohmann::json(look.hazard_ratio_at_bound) : nlohmann::json(nullptr);
  j["crossing_probability"] = look.crossing;
  j["cumulative_crossing_probability"] = look.cumulative_crossing;
  // Lower exits: the harm side of a two-sided design, or the futility bound.
  j["crossing_probability_lower"] = look.crossing_lower;
  return j;
}

const char* family_name(survival::LatencyFamily family) {
  switch (family) {
    case survival::LatencyFamily::kExponential:
      return "exponential";
    case survival::LatencyFamily::kWeibull:
      return "Weibull";
    case survival::LatencyFamily::kPiecewiseExponential:
      return "piecewise exponential";
  }
  return "";
}

const char* solved_for(SolveMode mode) {
  switch (mode) {
    case SolveMode::kPower:
      return "power";
    case SolveMode::kPatients:
      return "patients_and_events";
    case SolveMode::kEvents:
      return "events_and_duration";
  }
  return "";
}

nlohmann::json arm_json(const survival::CureModel& arm) {
  nlohmann::json j;
  j["cure_fraction"] = arm.cure_fraction();
  j["latency"] = family_name(arm.latency().family());
  j["median_noncured"] = arm.latency().median();
  j["events_limit_per_patient"] = arm.events_limit();
  return j;
}

std::string arm_text(const survival::CureModel& arm, const std::string& unit) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << "cure " << 100.0 * arm.cure_fraction()
      << "%, noncured median " << std::setprecision(2) << arm.latency().median() << ' ' << unit
      << " (" << family_name(arm.latency().family()) << ')';
  return out.str();
}

std::string setting_text(const survival::SurvivalSpec& spec) {
  std::ostringstream out;
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

std::optional<SampleSizeResult> solve_sample_size(const Config& config, const Design& design) {
  std::optional<survival::SurvivalSpec> spec = find_survival(config.root, config.design);
  if (!spec) return std::nullopt;
  try {
    return SampleSizeResult{*spec, survival::solve_survival(*spec, design)};
  } catch (const std::domain_error& e) {
    rethrow_in_section(e);
  } catch (const std::invalid_argument& e) {
    rethrow_in_section(e);
  }
}

nlohmann::json sample_size_json(const SampleSizeResult& r) {
  const survival::SurvivalPlan& plan = r.plan;
  nlohmann::json j;
  j["solved_for"] = solved_for(plan.mode);
  j["mode"] = mode_name(plan.mode);
  j["patients"] = plan.patients;
  j["events"] = plan.events;
  j["power"] = plan.power;
  j["study_duration"] = plan.study_duration;
  j["accrual_duration"] = plan.accrual_duration;
  j["follow_up"] = plan.follow_up;
  j["time_unit"] = r.spec.time_unit;
  if (plan.solved_value) {
    j[plan.mode == SolveMode::kPatients ? "patients_unrounded" : "events_unrounded"] = *plan.solved_value;
  }
  j["event_limit"] = plan.event_limit;
  j["expected_events"] = plan.expected_events;
  j["expected_duration"] = plan.expected_duration;
  nlohmann::json looks = nlohmann::json::array();
  for (const SurvivalLook& look : plan.looks) looks.push_back(look_json(look));
  j["looks"] = looks;
  j["control"] = arm_json(r.spec.control);
  j["treatment"] = arm_json(r.spec.treatment);
  j["allocation_ratio"] = r.spec.allocation_ratio;
  j["method"] = {{"name", kMethodName}, {"reference", kMethodReference}};
  if (plan.schoenfeld) {
    const survival::SchoenfeldComparison& s = *plan.schoenfeld;
    j["schoenfeld"] = {{"hazard_ratio", s.hazard_ratio},
                       {"target_power", s.target_power},
                       {"fixed_events", std::ceil(s.fixed_events)},
                       {"group_sequential_events", std::ceil(s.group_sequential_events)},
                       {"power_at_plan_events", s.power_at_plan_events},
                       {"reference", kSchoenfeldReference}};
  } else {
    j["schoenfeld"] = nullptr;
  }
  return j;
}

std::string sample_size_text(const SampleSizeResult& r) {
  const survival::SurvivalPlan& plan = r.plan;
  const std::string& unit = r.spec.time_unit;
  std::ostringstream out;
  out << std::fixed;
  out << "\nSample size: " << mode_name(plan.mode) << " (time in " << unit << ")\n";
  out << "  control:   " << arm_text(r.spec.control, unit) << '\n';
  out << "  treatment: " << arm_text(r.spec.treatment, unit);
  if (const auto hr = survival::constant_noncured_hazard_ratio(r.spec)) {
    out << "; noncured hazard ratio " << std::defaultfloat << std::setprecision(4) << *hr
        << std::fixed;
  }
  out << '\n' << "  " << setting_text(r.spec) << '\n';
  out << std::setprecision(1) << "  patients " << plan.patients << ", events " << plan.events
      << " (these patients can ever produce " << plan.event_limit << "), power "
      << std::setprecision(4) << plan.power << '\n';
  out << std::setprecision(2) << "  study duration " << plan.study_duration << ' ' << unit
      << " (follow-up " << plan.follow_up << " after accrual ends)\n\n";
  out << std::setw(4) << "look" << std::setw(8) << "events" << std::setw(15) << "calendar time"
      << std::setw(9) << "drift" << std::setw(10) << "efficacy" << std::setw(10) << "HR at"
      << std::setw(11) << "P(cross)" << std::setw(12) << "cumulative" << '\n';
  std::ostringstream unit_head;
  unit_head << "(" << unit << ")";
  out << std::setw(4) << "" << std::setw(8) << "" << std::setw(15) << unit_head.str()
      << std::setw(9) << "E[Z]" << std::setw(10) << "z" << std::setw(10) << "bound"
      << std::setw(11) << "at look" << std::setw(12) << "P(cross)" << '\n';
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
    out << std::setw(11) << l.crossing << std::setw(12) << l.cumulative_crossing << '\n';
  }
  out << '\n' << std::setprecision(1) << "  expected events " << plan.expected_events
      << ", expected duration " << plan.expected_duration << ' ' << unit
      << " (under the model, with early stops)\n";
  out << "  method: " << kMethodShort << "\n          " << kMethodReference << '\n';
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

std::vector<double> chart_times(double t_max) {
  std::vector<double> t;
  for (int i = 0; i <= kChartPoints; ++i) t.push_back(t_max * i / kChartPoints);
  return t;
}

std::string time_label(const SampleSizeResult& r, const char* what) {
  std::ostringstream out;
  out << what << " (" << r.spec.time_unit << ')';
  return out.str();
}

SvgChart survival_chart(const SampleSizeResult& r, double t_max) {
  ChartSeries s0 = series("control", 0);
  ChartSeries s1 = series("treatment", 1);
  for (double x : chart_times(t_max)) {
    s0.x.push_back(x);
    s0.y.push_back(r.spec.control.survival(x));
    s1.x.push_back(x);
    s1.y.push_back(r.spec.treatment.survival(x));
  }
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
SvgChart events_chart(const SampleSizeResult& r, double t_max) {
  const survival::SurvivalPlan& plan = r.plan;
  ChartSeries events = series("", 0);
  const auto n = static_cast<double>(plan.patients);
  for (double x : chart_times(t_max)) {
    events.x.push_back(x);
    events.y.push_back(n * survival::event_fraction(r.spec, x));
  }
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

SvgChart hazard_ratio_chart(const SampleSizeResult& r, double t_max) {
  ChartSeries ratio = series("", 2);
  double ratio_max = 1.0;
  for (double x : chart_times(t_max)) {
    const double h0 = r.spec.control.hazard(x);
    if (!(h0 > 0.0) || r.spec.treatment.hazard(x) / h0 > kMaxPlottedRatio) continue;
    ratio.x.push_back(x);
    ratio.y.push_back(r.spec.treatment.hazard(x) / h0);
    ratio_max = std::max(ratio_max, ratio.y.back());
  }
  SvgChart chart("Hazard ratio over time (not proportional under a cure model)",
                 axis(time_label(r, "time since randomization"), 0.0, t_max),
                 axis("hazard ratio, treatment / control", 0.0, 1.1 * ratio_max));
  chart.add_series(ratio);
  chart.add_horizontal_marker(1.0, "no difference");
  if (const auto hr = survival::constant_noncured_hazard_ratio(r.spec)) {
    std::ostringstream label;
    label << "among the noncured: " << *hr;
    chart.add_horizontal_marker(*hr, label.str());
  }
  return chart;
}

}  // namespace

std::vector<SvgChart> sample_size_charts(const SampleSizeResult& r) {
  // A quarter beyond the final look shows where the curves are heading.
  const double t_max = 1.25 * r.plan.study_duration;
  return {survival_chart(r, t_max), events_chart(r, t_max), hazard_ratio_chart(r, t_max)};
}

}  // namespace gsd::cli
