#pragma once
// Private to the power of the survival tests that are not the plain log-rank
// (weighted log-rank, MaxCombo, RMST and milestone): their looks, by events,
// at the expected calendar times of the design's event counts, and the
// bounds of the design at a test's own information fractions (independent
// increments) with the test's crossing probabilities under those bounds.
#include <string>
#include <vector>

#include "gsd/numerics/exit_probabilities.hpp"
#include "gsd/spending/design.hpp"
#include "gsd/survival/survival_spec.hpp"
#include "gsd/survival/weighted_logrank_power.hpp"

namespace gsd::survival::detail {

// Throws numerics::InvalidInput naming looks[k] when a look is not triggered
// by events: such a test's looks are placed at the expected time of their
// events. `test` names the test in the rule ("a MaxCombo test").
void check_looks_by_events(const SurvivalSpec& spec, const char* test);

// The expected calendar time of each look's event count for the patients.
std::vector<double> event_look_times(const SurvivalSpec& spec, double patients,
                                     const std::vector<long long>& counts,
                                     const numerics::SolverOptions& options);

// A result's events and, for each look, its events and event fraction.
template <class Power>
void set_look_events(Power& result, const std::vector<long long>& counts, long long events) {
  result.events = events;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    result.looks[k].events = counts[k];
    result.looks[k].event_fraction = static_cast<double>(counts[k]) / static_cast<double>(events);
  }
}

// The design at the test's information fractions (design_on_scale), its
// crossing probabilities at the looks' mean_z, and each look's fraction,
// spending fraction, bound and crossings; the power is the total.
template <class Power>
void design_on_test_scale(Power& result, const spending::DesignSpec& design,
                          const std::vector<double>& information, SpendingScale scale) {
  result.design = design_on_scale(design, information, scale);
  std::vector<double> means;
  for (const auto& look : result.looks) means.push_back(look.mean_z);
  const numerics::ExitProbabilities exits = spending::evaluate(result.design, means);
  const std::vector<double> cumulative = exits.cumulative_upper();
  for (std::size_t k = 0; k < result.looks.size(); ++k) {
    auto& look = result.looks[k];
    look.information_fraction = information[k];
    look.spending_fraction = result.design.spec.spending_at(k);
    look.efficacy_z = result.design.efficacy[k];
    look.crossing = exits.upper[k];
    look.cumulative_crossing = cumulative[k];
  }
  result.power = exits.total_upper();
}

}  // namespace gsd::survival::detail
