// gsd monitor for a weighted log-rank, MaxCombo, RMST or milestone
// survival.test: each look's z on the test's own information scale
// (monitor.hpp, TestMonitoring).
#include "monitor_test.hpp"

#include <cmath>

#include "gsd/design.hpp"
#include "gsd/monitoring/look_statistic.hpp"
#include "gsd/monitoring/monitor.hpp"
#include "gsd/numerics/check.hpp"
#include "gsd/survival/maxcombo_power.hpp"
#include "loaders.hpp"
#include "phase_timer.hpp"

namespace gsd::detail {

namespace {

using numerics::FieldPath;
using numerics::InvalidInput;

// A MaxCombo look's covariance diagonal against its tests' variances.
constexpr double kSameVariance = 1e-9;

FieldPath look_path(std::size_t k) { return FieldPath{"monitoring", "looks", k}; }

// What a look of the other kind of test gives, refused with its rule.
void refuse(const FieldPath& path, bool given, const std::string& rule) {
  if (given) throw InvalidInput(path, rule);
}

monitoring::WeightedObservedLook weighted_look(const LookInput& look, std::size_t k) {
  const FieldPath path = look_path(k);
  const std::string rule = "is not this test's statistic: a look gives z and variance";
  refuse(path.key("p_two_sided"), look.p_two_sided.has_value(), rule);
  refuse(path.key("hazard_ratio"), look.hazard_ratio.has_value(), rule);
  refuse(path.key("tests"), !look.tests.empty(), "is for a MaxCombo survival.test");
  refuse(path.key("covariance"), !look.covariance.empty(), "is for a MaxCombo survival.test");
  if (!look.z) throw InvalidInput(path.key("z"), "is missing: the test's z at this look");
  if (!look.variance) {
    throw InvalidInput(path.key("variance"), "is missing: the observed variance of the test's weighted score "
                                             "(of the estimate for an RMST or milestone test)");
  }
  return {*look.variance, *look.z, look.final_analysis};
}

monitoring::MaxComboObservedLook maxcombo_look(const LookInput& look, std::size_t J, std::size_t k) {
  const FieldPath path = look_path(k);
  refuse(path.key("variance"), look.variance.has_value(), "is given per test in tests[j].variance for a MaxCombo test");
  if (look.tests.empty()) {
    throw InvalidInput(path.key("tests"), "is missing: each test's z and variance, e.g. [{\"z\": 1.2, \"variance\": 9.8}]");
  }
  if (look.tests.size() != J) numerics::fail_sizes(path.key("tests"), look.tests.size(), "survival.test.tests", J);
  monitoring::MaxComboObservedLook out;
  out.events = look.events;
  out.final_analysis = look.final_analysis;
  for (std::size_t j = 0; j < J; ++j) {
    // Checked here, where the path is the config's: the monitor's own check
    // names its own field, looks[k].z[j].
    numerics::check_z(path.key("tests").index(j).key("z"), look.tests[j].z);
    numerics::check_positive(path.key("tests").index(j).key("variance"), look.tests[j].variance);
    out.z.push_back(look.tests[j].z);
  }
  if (look.covariance.empty() && J > 1) {
    throw InvalidInput(path.key("covariance"),
                       "is missing: the null covariance matrix of the tests' scores (entry [a][b]: the variance of "
                       "the score of FH((rho_a + rho_b) / 2, (gamma_a + gamma_b) / 2))");
  }
  out.covariance = look.covariance.empty() ? std::vector<std::vector<double>>{{look.tests[0].variance}}
                                           : look.covariance;
  if (out.covariance.size() != J) numerics::fail_sizes(path.key("covariance"), out.covariance.size(), "tests", J);
  for (std::size_t j = 0; j < J; ++j) {
    if (out.covariance[j].size() != J) {
      numerics::fail_sizes(path.key("covariance").index(j), out.covariance[j].size(), "tests", J);
    }
  }
  for (std::size_t j = 0; j < J; ++j) {
    const double v = look.tests[j].variance;
    if (std::fabs(out.covariance[j][j] - v) > kSameVariance * v) {
      numerics::fail(path.key("covariance").index(j).index(j), out.covariance[j][j],
                     "must equal tests[" + std::to_string(j) + "].variance, " + numerics::format_input(v));
    }
  }
  return out;
}

// The log-rank monitor's span (monitoring::kMaxEventSpan) on a test's
// variance scale: each look's variance within a factor of a million of the
// first look's and of the planned variance. The weighted monitor turns the
// variances into events at the same fractions; past the span a 1e300 planned
// variance was reported as looks[0].events = 9.4e-298.
void check_variance_span(const std::vector<monitoring::WeightedObservedLook>& looks, double planned,
                         bool planned_given) {
  const auto apart = [](double a, double b) {
    return a > b * monitoring::kMaxEventSpan || b > a * monitoring::kMaxEventSpan;
  };
  const auto rule = [](const std::string& what, double v) {
    return "differs from " + what + " " + numerics::format_input(v) +
           " by more than a factor of a million, the widest span gsd monitors; check the variances";
  };
  // A variance that is not positive keeps its own rule.
  for (std::size_t k = 0; k < looks.size(); ++k) numerics::check_positive(look_path(k).key("variance"), looks[k].variance);
  const double first = looks.front().variance;
  for (std::size_t k = 0; k < looks.size(); ++k) {
    const double v = looks[k].variance;
    const FieldPath path = look_path(k).key("variance");
    if (apart(v, first)) numerics::fail(path, v, rule("the first look's variance", first));
    if (!apart(v, planned)) continue;
    if (planned_given) {
      numerics::fail({"monitoring", "planned_variance"}, planned,
                     rule("look " + std::to_string(k + 1) + "'s variance", v));
    }
    numerics::fail(path, v, rule("the plan's variance", planned));
  }
}


void monitor_weighted_test(const Trial& trial, const DesignResult& planned, TestMonitoring& t) {
  const MonitoringSettings& m = *trial.monitoring;
  std::vector<monitoring::WeightedObservedLook> looks;
  for (std::size_t k = 0; k < m.looks.size(); ++k) looks.push_back(weighted_look(m.looks[k], k));
  const survival::WeightedLogRankPower& power = *planned.test;
  t.planned_variance_given = m.planned_variance.has_value();
  t.planned_variance = m.planned_variance.value_or(power.patients * power.looks.back().moments.variance_null);
  check_variance_span(looks, t.planned_variance, t.planned_variance_given);
  const monitoring::WeightedMonitoringPlan plan{power.design.spec, t.planned_variance, t.planned_events};
  t.weighted = numerics::within({"monitoring"}, [&] { return monitoring::monitor_weighted(plan, looks); });
}

// An RMST or milestone test: information 1 / Var of the estimate, with
// independent increments at a fixed horizon (survival/km_contrast.hpp), so
// the weighted monitor runs on the information in place of the score's
// variance.
void monitor_km_contrast_test(const Trial& trial, const DesignResult& planned, TestMonitoring& t) {
  const MonitoringSettings& m = *trial.monitoring;
  std::vector<monitoring::WeightedObservedLook> looks;
  for (std::size_t k = 0; k < m.looks.size(); ++k) {
    monitoring::WeightedObservedLook look = weighted_look(m.looks[k], k);
    const FieldPath path = look_path(k).key("variance");
    numerics::check_positive(path, look.variance);
    if (k > 0 && !(look.variance < looks.back().variance)) {
      numerics::fail(path, look.variance, "must be below the previous look's variance (the information, 1 / "
                                          "variance, grows from look to look)");
    }
    looks.push_back(look);
  }
  const survival::KmContrastPower& power = planned.km_contrast->at_plan;
  t.planned_variance_given = m.planned_variance.has_value();
  t.planned_variance = m.planned_variance.value_or(power.looks.back().moments.variance / power.patients);
  check_variance_span(looks, t.planned_variance, t.planned_variance_given);
  for (auto& look : looks) look.variance = 1.0 / look.variance;  // the information
  const monitoring::WeightedMonitoringPlan plan{power.design.spec, 1.0 / t.planned_variance, t.planned_events};
  t.weighted = numerics::within({"monitoring"}, [&] { return monitoring::monitor_weighted(plan, looks); });
}

void monitor_maxcombo_test(const Trial& trial, TestMonitoring& t) {
  const MonitoringSettings& m = *trial.monitoring;
  numerics::within({"design"}, [&] { survival::check_maxcombo_design(trial.design); });
  std::vector<monitoring::MaxComboObservedLook> looks;
  for (std::size_t k = 0; k < m.looks.size(); ++k) looks.push_back(maxcombo_look(m.looks[k], t.test.combo.size(), k));
  t.mvn.seed = t.test.seed;
  const monitoring::MaxComboMonitoringPlan plan{trial.design, t.planned_events, t.mvn};
  t.maxcombo = numerics::within({"monitoring"}, [&] { return monitoring::monitor_maxcombo(plan, looks); });
}

}  // namespace

MonitoringReport monitor_test_trial(const Trial& trial, const RunOptions& options) {
  const MonitoringSettings& m = *trial.monitoring;
  numerics::within({"monitoring"}, [&] { m.validate(); });
  if (m.looks.empty()) {
    throw InvalidInput({"monitoring", "looks"}, "[]", "must hold at least one look");
  }
  if (!survival::looks_by_events(*trial.survival)) {
    throw InvalidInput({"survival", "looks"},
                       "must be triggered by events to monitor a weighted, MaxCombo, RMST or milestone test: its "
                       "bounds are spent on the plan's fractions of events");
  }
  MonitoringReport report;
  report.name = trial.name;
  report.inputs = m.looks;
  report.plan.design = trial.design;
  TestMonitoring t;
  t.test = *trial.survival_test;
  t.planned_events = planned_final_events(trial, options);
  std::vector<double> events;
  for (const LookInput& look : m.looks) events.push_back(look.events);
  numerics::within({"monitoring"}, [&] { monitoring::check_event_span(t.planned_events, events); });
  report.plan.planned_events = t.planned_events;
  if (t.test.kind == survival::TestKind::kMaxCombo) {
    // A MaxCombo monitor needs no plan: its looks carry their own variances
    // and covariances. With the patients solved by the design, knowing them
    // would mean sizing the MaxCombo test (tens of seconds, at every replay
    // and under a record's lock), so planned_events is checked against the
    // model's reach only when survival.patients is given (at load).
    const PhaseTimer timer(options.trace, "monitoring of " + std::to_string(m.looks.size()) + " looks of the test");
    monitor_maxcombo_test(trial, t);
    report.test = std::move(t);
    return report;
  }
  const DesignResult planned = design_trial(trial, options);
  // With survival.patients given, planned_events was checked against the
  // model's reach when the config was read; solved by the design, the
  // patients are known only now, and planned_events is refused as the
  // log-rank monitor refuses it: bounds spent on events the model's patients
  // never produce would be a plan no trial can follow.
  if (!trial.survival->patients && m.planned_events) {
    check_planned_events_reachable(trial, static_cast<double>(planned.sample_size->plan.patients));
  }
  const PhaseTimer timer(options.trace, "monitoring of " + std::to_string(m.looks.size()) + " looks of the test");
  if (t.test.is_km_contrast()) {
    monitor_km_contrast_test(trial, planned, t);
  } else {
    monitor_weighted_test(trial, planned, t);
  }
  report.test = std::move(t);
  return report;
}

}  // namespace gsd::detail
