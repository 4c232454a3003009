#include "gsd/cli/simulation_output.hpp"

#include <cmath>
#include <cstdio>
#include <iomanip>
#include <sstream>

namespace gsd::cli {

namespace {

nlohmann::json optional_json(const std::optional<double>& x) {
  return x ? nlohmann::json(*x) : nlohmann::json(nullptr);
}

bool two_sided(const Design& d) { return d.spec.sided == Sidedness::kTwoSidedSymmetric; }
bool has_futility(const Design& d) {
  for (const auto& f : d.futility) {
    if (f) return true;
  }
  return false;
}

std::string fixed(double x, int digits) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << x;
  return out.str();
}

std::string optional_fixed(const std::optional<double>& x, int digits) {
  return x ? fixed(*x, digits) : std::string("-");
}

}  // namespace

nlohmann::json simulation_json(const SimulationReport& rep) {
  const SimulationResult& r = rep.result;
  nlohmann::json s;
  s["replicates"] = r.replicates;
  s["seed"] = r.seed;
  s["patients"] = rep.config.model.patients;
  s["events"] = rep.config.plan.planned_events;
  s["look_events"] = r.look_events;
  s["power"] = r.power;
  s["power_se"] = r.power_se;
  s["reject_per_look"] = r.reject_per_look;
  s["futility_per_look"] = r.futility_per_look;
  if (two_sided(rep.design)) s["reject_lower_per_look"] = r.reject_lower_per_look;
  if (has_futility(rep.design) && !two_sided(rep.design)) {
    // A non-binding futility bound does not bind the alpha count.
    s["power_ignoring_futility"] = r.power_ignoring_futility;
    s["reject_per_look_ignoring_futility"] = r.reject_per_look_ignoring_futility;
  }
  s["expected_events"] = r.expected_events;
  s["expected_duration"] = r.expected_duration;
  s["expected_patients"] = r.expected_patients;
  s["max_duration"] = r.max_duration;
  s["max_duration_is_default"] = r.max_duration_is_default;
  s["capped_fraction"] = r.capped_fraction;
  s["capped_per_look"] = r.capped_per_look;
  s["hazard_ratio_at_stop"] = {{"q1", optional_json(r.hazard_ratio_q1)},
                               {"median", optional_json(r.hazard_ratio_median)},
                               {"q3", optional_json(r.hazard_ratio_q3)}};
  s["analytic_power"] = optional_json(rep.config.analytic_power);
  s["strata"] = rep.config.strata_names;
  s["randomisation"] = rep.config.model.randomisation == Randomisation::kSimple
                           ? "simple"
                           : "permuted-blocks";
  s["time_unit"] = rep.config.survival.time_unit;
  return s;
}

std::string simulation_text(const SimulationReport& rep) {
  const SimulationResult& r = rep.result;
  const std::string unit = rep.config.survival.time_unit;
  std::ostringstream out;
  out << "Simulation: " << r.replicates << " replicates, seed " << r.seed << ", "
      << rep.config.model.patients << " patients, " << rep.config.plan.planned_events
      << " planned events";
  if (rep.config.strata_names.size() > 1) {
    out << ", " << rep.config.strata_names.size() << " strata (stratified log-rank)";
  }
  out << "\n\n";
  const bool lower = two_sided(rep.design);
  out << std::right << std::setw(4) << "look" << std::setw(8) << "events" << std::setw(12)
      << "efficacy z" << std::setw(12) << "P(reject)" << std::setw(12) << "cumulative";
  if (lower) out << std::setw(12) << "P(harm)";
  out << std::setw(13) << "P(futility)" << std::setw(11) << "P(capped)" << "\n";
  double cumulative = 0.0;
  for (std::size_t k = 0; k < r.reject_per_look.size(); ++k) {
    cumulative += r.reject_per_look[k];
    out << std::setw(4) << k + 1 << std::setw(8) << r.look_events[k] << std::setw(12)
        << fixed(rep.design.efficacy[k], 4) << std::setw(12) << fixed(r.reject_per_look[k], 4)
        << std::setw(12) << fixed(cumulative, 4);
    if (lower) out << std::setw(12) << fixed(r.reject_lower_per_look[k], 4);
    out << std::setw(13) << fixed(r.futility_per_look[k], 4) << std::setw(11)
        << fixed(r.capped_per_look[k], 4) << "\n";
  }
  out << "\n";
  const auto row = [&out](const std::string& label, const std::string& value) {
    out << "  " << std::left << std::setw(34) << label << std::right << value << "\n";
  };
  row("power (upper crossings)", fixed(r.power, 4) + " (MC SE " + fixed(r.power_se, 4) + ")");
  if (rep.config.analytic_power) row("analytic power (issue 3)", fixed(*rep.config.analytic_power, 4));
  if (has_futility(rep.design) && !lower) {
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
  return out.str();
}

std::string simulation_csv(const SimulationReport& rep) {
  const SimulationResult& r = rep.result;
  std::ostringstream out;
  out << std::setprecision(17) << "metric,look,value\n";
  out << "replicates,," << r.replicates << "\n";
  out << "seed,," << r.seed << "\n";
  out << "power,," << r.power << "\n";
  out << "power_se,," << r.power_se << "\n";
  for (std::size_t k = 0; k < r.reject_per_look.size(); ++k) {
    out << "look_events," << k + 1 << "," << r.look_events[k] << "\n";
    out << "reject," << k + 1 << "," << r.reject_per_look[k] << "\n";
    out << "reject_lower," << k + 1 << "," << r.reject_lower_per_look[k] << "\n";
    out << "futility," << k + 1 << "," << r.futility_per_look[k] << "\n";
    out << "capped," << k + 1 << "," << r.capped_per_look[k] << "\n";
  }
  out << "expected_events,," << r.expected_events << "\n";
  out << "expected_duration,," << r.expected_duration << "\n";
  out << "expected_patients,," << r.expected_patients << "\n";
  out << "max_duration,," << r.max_duration << "\n";
  out << "capped_fraction,," << r.capped_fraction << "\n";
  const auto opt = [](const std::optional<double>& x) {
    std::ostringstream o;
    o << std::setprecision(17);
    if (x) o << *x;
    return o.str();
  };
  out << "hazard_ratio_q1,," << opt(r.hazard_ratio_q1) << "\n";
  out << "hazard_ratio_median,," << opt(r.hazard_ratio_median) << "\n";
  out << "hazard_ratio_q3,," << opt(r.hazard_ratio_q3) << "\n";
  return out.str();
}

std::string replicate_csv_header() {
  return "replicate,look,events,calendar_time,patients,z,hazard_ratio,efficacy_z,futility_z,"
         "decision,capped\n";
}

void append_replicate_csv(std::string& out, std::int64_t replicate,
                          std::span<const LookRecord> looks) {
  char buf[512];
  for (const LookRecord& l : looks) {
    char hr[32] = "";
    char fut[32] = "";
    if (l.hazard_ratio) std::snprintf(hr, sizeof hr, "%.6g", *l.hazard_ratio);
    if (l.futility_z) std::snprintf(fut, sizeof fut, "%.6f", *l.futility_z);
    const int n = std::snprintf(buf, sizeof buf, "%lld,%d,%d,%.6f,%d,%.6f,%s,%.6f,%s,%s,%d\n",
                                static_cast<long long>(replicate), l.look + 1, l.events,
                                l.calendar_time, l.patients, l.z, hr, l.efficacy_z, fut,
                                to_string(l.decision), l.capped ? 1 : 0);
    if (n > 0) out.append(buf, static_cast<std::size_t>(std::min<int>(n, sizeof buf - 1)));
  }
}

}  // namespace gsd::cli
