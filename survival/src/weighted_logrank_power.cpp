// Power of a weighted log-rank test at the expected look times: the bounds at
// the test's own information fractions (Tsiatis 1982), the means and
// variances of Yung & Liu (2020). See weighted_logrank_power.hpp.
#include "gsd/survival/weighted_logrank_power.hpp"

#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include "check.hpp"
#include "gsd/numerics/information_step.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/survival/sample_size.hpp"
#include "test_looks.hpp"

namespace gsd::survival {
namespace {

constexpr const char* kTestName = "a weighted log-rank test";

// A Fleming-Harrington weight S^rho (1 - S)^gamma so steep that a look has
// no information of its own, named by the exponent that takes it away.
// (1 - S)^gamma is near 0 at the first events, where the survival S is near
// 1: gamma 1000 leaves weights whose squares are 0 in a double at every
// event of the seed trial. S^rho falls to 0 once the first events lower S:
// rho 1000 spends all of the test's information before the last look.
// `look`: the first look without information of its own; none when no look
// has any. Magirr-Burman weights are at least 1 and never vanish.
[[noreturn]] void fail_vanishing_weights(const LogRankWeight& weight, std::optional<std::size_t> look) {
  const std::string which = look ? "look " + std::to_string(*look + 1) : std::string("every look");
  if ((!look || *look == 0) && weight.gamma > 0.0) {
    numerics::fail("gamma", weight.gamma,
                   "leaves " + which + " without information: the weights (1 - S)^gamma are so small " +
                       (look ? "at the events before it, where the survival S is still near 1," : "at every event") +
                       " that the test's variance is 0 in a double; choose a smaller gamma (such as 1)");
  }
  if (weight.rho > 0.0) {
    numerics::fail("rho", weight.rho,
                   "leaves " + which + " without information of its own: the weight S^rho falls to 0 once the "
                   "first events lower the survival S" +
                       (look ? ", so the test's information is all spent before that look" : "") +
                       "; choose a smaller rho (such as 1)");
  }
  numerics::fail(numerics::FieldPath{}, "leaves " + which +
                                            " without information of its own: its weights are too small at "
                                            "the events before it; choose smaller rho and gamma");
}

// V0 as a fraction of the final V0: strictly increasing by the least step
// the design's integration resolves (numerics/information_step.hpp), ending
// at 1.
std::vector<double> information_fractions(const std::vector<WeightedLook>& looks, const LogRankWeight& weight) {
  const double last = looks.back().moments.variance_null;
  // No information at the final look: none at any look before it either.
  if (!(last > 0.0) || !std::isfinite(last)) fail_vanishing_weights(weight, std::nullopt);
  std::vector<double> fractions;
  for (std::size_t k = 0; k < looks.size(); ++k) {
    const double f = looks[k].moments.variance_null / last;
    if (!(f > 0.0) || (k > 0 && !numerics::is_information_step(fractions.back(), f))) {
      fail_vanishing_weights(weight, k);
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
  const std::vector<double> information = information_fractions(result.looks, weight);
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
