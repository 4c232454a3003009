#include "simulation_output_endpoint.hpp"

#include <iomanip>
#include <sstream>

#include "gsd/presentation.hpp"
#include "number_format.hpp"

namespace gsd::render::detail {

namespace {

std::string fixed(double x, int digits) {
  detail::TextStream out;
  out << std::fixed << std::setprecision(digits) << x;
  return out.str();
}

bool has_futility(const spending::Design& d) {
  for (const auto& f : d.futility) {
    if (f) return true;
  }
  return false;
}

bool lower_rejects(const spending::Design& d) {
  return d.spec.sided == spending::Sidedness::kTwoSidedSymmetric || d.spec.harm.has_value();
}

std::string statistic_words(const endpoints::EndpointSpec& spec) {
  if (spec.type == endpoints::EndpointType::kNormal) {
    return spec.normal_approximation ? "t statistic against the z bounds (normal approximation)"
                                     : "t statistic against the bounds at the t distribution's level";
  }
  if (spec.variance == endpoints::RateVariance::kUnpooled) return "z statistic, unpooled variance";
  return spec.groups == 1 ? "z statistic, variance at the H0 rate"
                          : "z statistic, Farrington-Manning variance under H0";
}

std::string number(double x) {
  detail::TextStream out;
  out << x;
  return out.str();
}

// The values patients are drawn from, e.g. "mean difference 0, sd 1".
std::string truth_words(const endpoints::EndpointSpec& s) {
  if (s.type == endpoints::EndpointType::kNormal) {
    return (s.groups == 1 ? "mean " + number(s.mean.value_or(0.0))
                          : "mean difference " + number(s.mean_difference.value_or(0.0))) +
           ", sd " + number(s.sd);
  }
  if (s.groups == 1) return "rate " + number(s.rate.value_or(0.0));
  return "treatment rate " + number(s.treatment_rate.value_or(0.0)) + ", control rate " +
         number(s.control_rate.value_or(0.0));
}

}  // namespace

std::string endpoint_simulation_text(const SimulationReport& rep) {
  const simulate::SimulationResult& r = rep.result;
  const spending::Design& d = rep.setup.design;
  const endpoints::EndpointSpec& spec = rep.setup.endpoint_model->spec;
  detail::TextStream out;
  out << "Simulation: " << r.replicates << " replicates, seed " << r.seed << ", "
      << r.look_patients.back() << " patients, " << endpoint_type_name(spec.type) << " endpoint ("
      << statistic_words(spec) << ")\n\n";
  const bool lower = lower_rejects(d);
  out << std::right << std::setw(4) << "look" << std::setw(10) << "patients" << std::setw(12)
      << "efficacy z" << std::setw(12) << "P(reject)" << std::setw(12) << "cumulative";
  if (lower) out << std::setw(12) << "P(harm)";
  out << std::setw(13) << "P(futility)" << "\n";
  double cumulative = 0.0;
  for (std::size_t k = 0; k < r.reject_per_look.size(); ++k) {
    cumulative += r.reject_per_look[k];
    out << std::setw(4) << k + 1 << std::setw(10) << r.look_patients[k] << std::setw(12)
        << detail::bound(d.efficacy[k]) << std::setw(12) << fixed(r.reject_per_look[k], 4) << std::setw(12)
        << fixed(cumulative, 4);
    if (lower) out << std::setw(12) << fixed(r.reject_lower_per_look[k], 4);
    out << std::setw(13) << fixed(r.futility_per_look[k], 4) << "\n";
  }
  out << "\n";
  const auto row = [&out](const std::string& label, const std::string& value) {
    out << "  " << std::left << std::setw(34) << label << std::right << value << "\n";
  };
  // simulation.endpoint: drawn under another truth than the plan's alternative.
  const std::string drawn = truth_words(spec);
  const std::string planned = truth_words(rep.setup.endpoint->spec);
  if (drawn != planned) row("drawn under", drawn + " (plan: " + planned + ")");
  row("power (upper crossings)", fixed(r.power, 4) + " (MC SE " + fixed(r.power_se, 4) + ")");
  if (rep.setup.analytic_power) row("analytic power (this plan)", fixed(*rep.setup.analytic_power, 4));
  const std::optional<simulate::ExactBinomial>& exact = rep.setup.exact;
  if (exact) row("exact power (binomial)", fixed(exact->power, 4));
  if (has_futility(d) && !d.spec.binding_futility() && d.spec.sided != spending::Sidedness::kTwoSidedSymmetric) {
    row("power, futility ignored", fixed(r.power_ignoring_futility, 4));
    if (exact) row("exact, futility ignored", fixed(exact->power_ignoring_futility, 4));
  }
  row("expected patients", fixed(r.expected_patients, 2));
  if (exact) row("exact expected patients", fixed(exact->expected_patients_h1, 2));
  row("expected patients (plan, H1)", fixed(rep.setup.endpoint->plan.expected_patients_h1, 2));
  return out.str();
}

std::string endpoint_simulation_csv(const SimulationReport& rep) {
  const simulate::SimulationResult& r = rep.result;
  detail::TextStream out;
  out << "metric,look,value\n";
  out << "replicates,," << csv_value(r.replicates) << "\n";
  out << "seed,," << csv_value(r.seed) << "\n";
  out << "power,," << csv_value(r.power) << "\n";
  out << "power_se,," << csv_value(r.power_se) << "\n";
  for (std::size_t k = 0; k < r.reject_per_look.size(); ++k) {
    out << "look_patients," << k + 1 << "," << csv_value(r.look_patients[k]) << "\n";
    out << "reject," << k + 1 << "," << csv_value(r.reject_per_look[k]) << "\n";
    out << "reject_lower," << k + 1 << "," << csv_value(r.reject_lower_per_look[k]) << "\n";
    out << "futility," << k + 1 << "," << csv_value(r.futility_per_look[k]) << "\n";
  }
  out << "expected_patients,," << csv_value(r.expected_patients) << "\n";
  if (rep.setup.analytic_power) out << "analytic_power,," << csv_value(*rep.setup.analytic_power) << "\n";
  if (rep.setup.exact) {
    out << "exact_power,," << csv_value(rep.setup.exact->power) << "\n";
    out << "exact_power_ignoring_futility,," << csv_value(rep.setup.exact->power_ignoring_futility) << "\n";
    out << "exact_expected_patients,," << csv_value(rep.setup.exact->expected_patients_h1) << "\n";
  }
  return out.str();
}

}  // namespace gsd::render::detail
