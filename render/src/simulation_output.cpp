#include "gsd/render/simulation_output.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <sstream>

#include "gsd/presentation.hpp"
#include "number_format.hpp"
#include "simulation_output_endpoint.hpp"

namespace gsd::render {

namespace {

bool two_sided(const spending::Design& d) {
  return d.spec.sided == spending::Sidedness::kTwoSidedSymmetric;
}
bool has_futility(const spending::Design& d) {
  for (const auto& f : d.futility) {
    if (f) return true;
  }
  return false;
}

std::string fixed(double x, int digits) {
  detail::TextStream out;
  out << std::fixed << std::setprecision(digits) << x;
  return out.str();
}

std::string optional_fixed(const std::optional<double>& x, int digits) {
  return x ? fixed(*x, digits) : std::string("-");
}

// Side tests: power per test on the same replicates, beside the analytic.
void side_tests_text(const SimulationReport& rep, detail::TextStream& out) {
  const simulate::SimulationResult& r = rep.result;
  if (rep.setup.side_tests.empty() || r.tests.size() != rep.setup.side_tests.size()) return;
  // Columns: the test's name, three of its values, then one per look.
  constexpr int kName = 16;
  constexpr int kValue = 10;
  constexpr int kLook = 9;
  out << "\nTests on the same replicates (each against its own bounds):\n";
  out << std::left << std::setw(2 + kName) << "  test" << std::right << std::setw(kValue) << "power"
      << std::setw(kValue) << "MC SE" << std::setw(kValue) << "analytic";
  for (std::size_t k = 0; k < r.reject_per_look.size(); ++k) out << std::setw(kLook) << "look " + std::to_string(k + 1);
  out << "\n";
  for (std::size_t j = 0; j < r.tests.size(); ++j) {
    out << "  " << std::left << std::setw(kName) << test_label(rep.setup.side_tests[j]) << std::right
        << std::setw(kValue) << fixed(r.tests[j].power, 4) << std::setw(kValue) << fixed(r.tests[j].power_se, 4)
        << std::setw(kValue) << optional_fixed(rep.setup.side_analytic_power[j], 4);
    for (double p : r.tests[j].reject_per_look) out << std::setw(kLook) << fixed(p, 4);
    out << "\n";
  }
  // The bound each test met, under its look columns: the mean over the
  // analyses it held (its planned bound, except where recomputed: at the
  // variance observed, at a capped final; "-": no analysis it held had a
  // finite bound).
  out << "  efficacy z met (mean over the analyses each test held):\n";
  for (std::size_t j = 0; j < r.tests.size(); ++j) {
    out << "  " << std::left << std::setw(kName + 3 * kValue) << test_label(rep.setup.side_tests[j]) << std::right;
    for (const std::optional<double>& z : r.tests[j].mean_efficacy_z_per_look) {
      out << std::setw(kLook) << optional_fixed(z, 4);
    }
    out << "\n";
  }
}

// The analyses held, by look: how often, when, with how many events and
// patients, against what efficacy bound (means over the trials that held
// each look; "-" where none did, and a bound "none" where every one of
// them had an infinite bound).
void held_text(const SimulationReport& rep, detail::TextStream& out) {
  const simulate::SimulationResult& r = rep.result;
  if (r.held_per_look.empty()) return;
  const std::string time = "time (" + rep.setup.time_unit + ")";
  const int time_width = std::max(12, static_cast<int>(time.size()) + 2);
  out << "Analyses held (means over the trials that held each look):\n";
  out << std::right << std::setw(4) << "look" << std::setw(10) << "P(held)" << std::setw(time_width) << time
      << std::setw(10) << "events" << std::setw(10) << "patients" << std::setw(12) << "efficacy z" << "\n";
  for (std::size_t k = 0; k < r.held_per_look.size(); ++k) {
    out << std::setw(4) << k + 1 << std::setw(10) << fixed(r.held_per_look[k], 4) << std::setw(time_width)
        << optional_fixed(r.mean_time_per_look[k], 2) << std::setw(10) << optional_fixed(r.mean_events_per_look[k], 2)
        << std::setw(10) << optional_fixed(r.mean_patients_per_look[k], 2) << std::setw(12)
        << (r.held_per_look[k] > 0.0 && !r.mean_efficacy_z_per_look[k]
                ? std::string("none")  // held, with no finite bound (as the table above)
                : optional_fixed(r.mean_efficacy_z_per_look[k], 4))
        << "\n";
  }
  out << "\n";
}

}  // namespace

std::string simulation_text(const SimulationReport& rep) {
  if (rep.setup.endpoint_model) return detail::endpoint_simulation_text(rep);
  const simulate::SimulationResult& r = rep.result;
  const std::string unit = rep.setup.time_unit;
  detail::TextStream out;
  out << "Simulation: " << r.replicates << " replicates, seed " << r.seed << ", "
      << rep.setup.model.patients << " patients, " << rep.setup.plan.planned_events
      << " planned events";
  if (rep.setup.strata_names.size() > 1) {
    out << ", " << rep.setup.strata_names.size() << " strata (stratified log-rank)";
  }
  if (rep.setup.test && !rep.setup.test->is_log_rank()) {
    out << ", test " << test_label(*rep.setup.test);
  }
  if (rep.setup.tests.non_inferiority()) {
    out << ", non-inferiority log-rank test of H0: HR >= " << rep.setup.tests.null_hazard_ratio;
  }
  out << "\n\n";
  // A lower bound that rejects: symmetric two-sided, or a harm bound.
  const bool lower = two_sided(rep.setup.design) || rep.setup.design.spec.harm.has_value();
  out << std::right << std::setw(4) << "look" << std::setw(8) << "events" << std::setw(12)
      << "efficacy z" << std::setw(12) << "P(reject)" << std::setw(12) << "cumulative";
  if (lower) out << std::setw(12) << "P(harm)";
  out << std::setw(13) << "P(futility)" << std::setw(11) << "P(capped)" << "\n";
  double cumulative = 0.0;
  for (std::size_t k = 0; k < r.reject_per_look.size(); ++k) {
    cumulative += r.reject_per_look[k];
    out << std::setw(4) << k + 1 << std::setw(8) << r.look_events[k] << std::setw(12)
        << detail::bound(rep.setup.design.efficacy[k]) << std::setw(12) << fixed(r.reject_per_look[k], 4)
        << std::setw(12) << fixed(cumulative, 4);
    if (lower) out << std::setw(12) << fixed(r.reject_lower_per_look[k], 4);
    out << std::setw(13) << fixed(r.futility_per_look[k], 4) << std::setw(11)
        << fixed(r.capped_per_look[k], 4) << "\n";
  }
  out << "\n";
  held_text(rep, out);
  const auto row = [&out](const std::string& label, const std::string& value) {
    out << "  " << std::left << std::setw(34) << label << std::right << value << "\n";
  };
  row("power (upper crossings)", fixed(r.power, 4) + " (MC SE " + fixed(r.power_se, 4) + ")");
  if (rep.setup.analytic_power) row("analytic power (this plan)", fixed(*rep.setup.analytic_power, 4));
  if (has_futility(rep.setup.design) && !rep.setup.design.spec.binding_futility() && !two_sided(rep.setup.design)) {
    row("power, futility ignored", fixed(r.power_ignoring_futility, 4));
  }
  row("expected events", fixed(r.expected_events, 2));
  row("expected patients", fixed(r.expected_patients, 2));
  row("expected duration (" + unit + ")", fixed(r.expected_duration, 2));
  row("hazard ratio at stop, median", optional_fixed(r.hazard_ratio_median, 3) + "  [IQR " +
                                          optional_fixed(r.hazard_ratio_q1, 3) + ", " +
                                          optional_fixed(r.hazard_ratio_q3, 3) + "]");
  row("calendar cap (" + unit + ")",
      fixed(r.max_duration, 2) + (r.max_duration_is_default ? " (default)" : ""));
  row("trials hitting the cap", fixed(r.capped_fraction, 4));
  if (rep.setup.tests.observed_variance_bounds()) {
    // simulation.weighted_bounds = "observed": the first table's bounds are
    // the plan's, the second's the means of those met.
    row("weighted-test bounds", "recomputed at each look's observed variance (mean met above)");
  }
  side_tests_text(rep, out);
  return out.str();
}

std::string simulation_csv(const SimulationReport& rep) {
  using detail::csv_value;
  if (rep.setup.endpoint_model) return detail::endpoint_simulation_csv(rep);
  const simulate::SimulationResult& r = rep.result;
  detail::TextStream out;
  out << "metric,look,value\n";
  out << "replicates,," << csv_value(r.replicates) << "\n";
  out << "seed,," << csv_value(r.seed) << "\n";
  out << "power,," << csv_value(r.power) << "\n";
  out << "power_se,," << csv_value(r.power_se) << "\n";
  if (rep.setup.tests.non_inferiority()) out << "hazard_ratio_h0,," << csv_value(rep.setup.tests.null_hazard_ratio) << "\n";
  for (std::size_t k = 0; k < r.reject_per_look.size(); ++k) {
    out << "look_events," << k + 1 << "," << csv_value(r.look_events[k]) << "\n";
    out << "reject," << k + 1 << "," << csv_value(r.reject_per_look[k]) << "\n";
    out << "reject_lower," << k + 1 << "," << csv_value(r.reject_lower_per_look[k]) << "\n";
    out << "futility," << k + 1 << "," << csv_value(r.futility_per_look[k]) << "\n";
    out << "capped," << k + 1 << "," << csv_value(r.capped_per_look[k]) << "\n";
  }
  out << "expected_events,," << csv_value(r.expected_events) << "\n";
  out << "expected_duration,," << csv_value(r.expected_duration) << "\n";
  out << "expected_patients,," << csv_value(r.expected_patients) << "\n";
  out << "max_duration,," << csv_value(r.max_duration) << "\n";
  out << "capped_fraction,," << csv_value(r.capped_fraction) << "\n";
  const auto opt = [](const std::optional<double>& x) {
    return x ? csv_value(*x) : std::string();
  };
  for (std::size_t k = 0; k < r.held_per_look.size(); ++k) {
    out << "held," << k + 1 << "," << csv_value(r.held_per_look[k]) << "\n";
    out << "mean_events," << k + 1 << "," << opt(r.mean_events_per_look[k]) << "\n";
    out << "mean_patients," << k + 1 << "," << opt(r.mean_patients_per_look[k]) << "\n";
    out << "mean_time," << k + 1 << "," << opt(r.mean_time_per_look[k]) << "\n";
    out << "mean_efficacy_z," << k + 1 << "," << opt(r.mean_efficacy_z_per_look[k]) << "\n";
  }
  out << "hazard_ratio_q1,," << opt(r.hazard_ratio_q1) << "\n";
  out << "hazard_ratio_median,," << opt(r.hazard_ratio_median) << "\n";
  out << "hazard_ratio_q3,," << opt(r.hazard_ratio_q3) << "\n";
  for (std::size_t j = 0; j < r.tests.size(); ++j) {
    out << "test_" << j + 1 << "_power,," << csv_value(r.tests[j].power) << "\n";
    for (std::size_t k = 0; k < r.tests[j].reject_per_look.size(); ++k) {
      out << "test_" << j + 1 << "_reject," << k + 1 << ","
          << csv_value(r.tests[j].reject_per_look[k]) << "\n";
      out << "test_" << j + 1 << "_mean_efficacy_z," << k + 1 << ","
          << opt(r.tests[j].mean_efficacy_z_per_look[k]) << "\n";
    }
  }
  return out.str();
}

std::string replicate_csv_header() {
  return "replicate,look,events,calendar_time,patients,z,hazard_ratio,efficacy_z,futility_z,"
         "harm_z,decision,capped,variance\n";
}

void append_replicate_csv(std::string& out, std::int64_t replicate,
                          std::span<const simulate::LookRecord> looks) {
  char buf[512];
  for (const simulate::LookRecord& l : looks) {
    char hr[32] = "";
    char fut[32] = "";
    char harm[32] = "";
    char efficacy[32] = "";
    char variance[32] = "";
    if (l.variance) detail::print(variance, sizeof variance, "%.10g", *l.variance);
    if (std::isfinite(l.efficacy_z)) detail::print(efficacy, sizeof efficacy, "%.6f", l.efficacy_z);
    if (l.hazard_ratio) detail::print(hr, sizeof hr, "%.6g", *l.hazard_ratio);
    if (l.futility_z) detail::print(fut, sizeof fut, "%.6f", *l.futility_z);
    if (l.harm_z) detail::print(harm, sizeof harm, "%.6f", *l.harm_z);
    const int n = detail::print(buf, sizeof buf, "%lld,%d,%d,%.6f,%d,%.6f,%s,%s,%s,%s,%s,%d,%s\n",
                                static_cast<long long>(replicate), l.look + 1, l.events,
                                l.calendar_time, l.patients, l.z, hr, efficacy, fut, harm,
                                decision_name(l.decision), l.capped ? 1 : 0, variance);
    if (n > 0) out.append(buf, static_cast<std::size_t>(std::min<int>(n, sizeof buf - 1)));
  }
}

}  // namespace gsd::render
