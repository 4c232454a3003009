// Power of a weighted log-rank test at the expected look times: the bounds at
// the test's own information fractions (Tsiatis 1982), the means and
// variances of Yung & Liu (2020). See weighted_logrank_power.hpp.
#include "gsd/survival/weighted_logrank_power.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "check.hpp"
#include "gsd/numerics/exit_probabilities.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/survival/event_projection.hpp"
#include "gsd/survival/sample_size.hpp"

namespace gsd::survival {
namespace {

// Every look is by its events: the weighted test's looks are placed at the
// expected time of their events.
void check_looks_by_events(const SurvivalSpec& spec) {
  for (std::size_t k = 0; k < spec.looks.size(); ++k) {
    if (spec.looks[k].kind != LookTriggerKind::kEvents) {
      throw numerics::InvalidInput(numerics::FieldPath{"looks"}.index(k),
                                   "must be triggered by events for a weighted log-rank test");
    }
  }
}

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
  check_looks_by_events(spec);
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
  result.design = design_on_scale(design, information, scale);
  std::vector<double> means;
  for (const WeightedLook& look : result.looks) means.push_back(look.mean_z);
  const numerics::ExitProbabilities exits = spending::evaluate(result.design, means);
  const std::vector<double> cumulative = exits.cumulative_upper();
  for (std::size_t k = 0; k < result.looks.size(); ++k) {
    WeightedLook& look = result.looks[k];
    look.information_fraction = information[k];
    look.spending_fraction = result.design.spec.spending_at(k);
    look.efficacy_z = result.design.efficacy[k];
    look.crossing = exits.upper[k];
    look.cumulative_crossing = cumulative[k];
  }
  result.power = exits.total_upper();
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
  check_looks_by_events(spec);
  const std::vector<long long> counts = look_events(design.information_fractions, events);
  std::vector<double> times;
  for (long long d : counts) {
    times.push_back(calendar_time_for_events(spec, patients, static_cast<double>(d), design.solver));
  }
  WeightedLogRankPower result = weighted_logrank_power_at_times(spec, design, weight, patients, times, scale);
  result.events = events;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    result.looks[k].events = counts[k];
    result.looks[k].event_fraction = static_cast<double>(counts[k]) / static_cast<double>(events);
  }
  return result;
}

}  // namespace gsd::survival
