// Power of a weighted log-rank test at the expected look times: the bounds at
// the test's own information fractions (Tsiatis 1982), the means and
// variances of Yung & Liu (2020). See weighted_logrank_power.hpp.
#include "gsd/survival/weighted_logrank_power.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "check.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/survival/sample_size.hpp"
#include "test_looks.hpp"

namespace gsd::survival {
namespace {

constexpr const char* kTestName = "a weighted log-rank test";

// V0 as a fraction of the final V0: strictly increasing, ending at 1.
std::vector<double> information_fractions(const std::vector<WeightedLook>& looks) {
  std::vector<double> fractions;
  const double last = looks.back().moments.variance_null;
  for (const WeightedLook& look : looks) {
    const double f = look.moments.variance_null / last;
    if (!(f > 0.0) || (!fractions.empty() && !(f > fractions.back()))) {
      throw numerics::InvalidInput(numerics::FieldPath{"test"},
                                   "gives no information at a look (" + detail::format_value(f) +
                                       " of the final variance): its weights vanish before that "
                                       "look; choose other weights or later looks");
    }
    fractions.push_back(f);
  }
  fractions.back() = 1.0;
  return fractions;
}

}  // namespace

spending::Design design_on_scale(spending::DesignSpec spec, const std::vector<double>& information,
                                 SpendingScale scale) {
  if (spec.spending_time.empty() && scale == SpendingScale::kEvents) {
    spec.spending_time = spec.information_fractions;
  }
  spec.information_fractions = information;
  return spending::compute_design(spec);
}

WeightedLogRankPower weighted_logrank_power_at_times(const SurvivalSpec& spec,
                                                     const spending::DesignSpec& design,
                                                     const LogRankWeight& weight, double patients,
                                                     const std::vector<double>& times, SpendingScale scale) {
  spec.validate();
  weight.validate();
  design.validate();
  detail::check_positive("patients", patients);
  detail::check_looks_by_events(spec, kTestName);
  if (times.size() != design.information_fractions.size()) {
    throw std::invalid_argument("weighted_logrank_power_at_times: one time per look");
  }
  const numerics::SolverOptions& options = design.solver;
  WeightedLogRankPower result;
  result.weight = weight;
  result.scale = scale;
  result.patients = patients;
  for (double tau : times) {
    WeightedLook look;
    look.calendar_time = tau;
    look.moments = weighted_logrank_moments(spec, weight, tau, options);
    look.mean_z = look.moments.mean_z(patients);
    result.looks.push_back(look);
  }
  const std::vector<double> information = information_fractions(result.looks);
  detail::design_on_test_scale(result, design, information, scale);
  return result;
}

WeightedLogRankPower weighted_logrank_power(const SurvivalSpec& spec, const spending::DesignSpec& design,
                                            const LogRankWeight& weight, double patients,
                                            long long events, SpendingScale scale) {
  spec.validate();
  weight.validate();
  design.validate();
  detail::check_positive("patients", patients);
  detail::check_positive("events", static_cast<double>(events));
  detail::check_looks_by_events(spec, kTestName);
  const std::vector<long long> counts = look_events(design.information_fractions, events);
  const std::vector<double> times = detail::event_look_times(spec, patients, counts, design.solver);
  WeightedLogRankPower result = weighted_logrank_power_at_times(spec, design, weight, patients, times, scale);
  detail::set_look_events(result, counts, events);
  return result;
}

}  // namespace gsd::survival
