#pragma once
// The exact operating characteristics of a one-sample binary trial: the
// distribution of the responder count over the looks, enumerated instead of
// sampled.
//
// A one-sample trial's only random quantity is its number of responders. At
// look k, with n_k patients, the count is the count of the look before plus
// Binomial(n_k - n_{k-1}, p) newly observed responders, independent of it.
// So the probability of every path of counts that continues to look k, and
// of each decision there, is a finite sum (the recursion of Fleming 1982,
// "One-sample multiple testing procedure for phase II clinical trials",
// Biometrics 38:143, and of Jennison & Turnbull 2000, section 12.1; gsDesign
// computes the same in gsBinomialExact). Each count's decision is the
// simulator's own (endpoint_kernel.hpp): the rate statistic of that count
// against the design's bounds, so that `gsd simulate` converges to these
// probabilities and the normal approximation of the plan can be checked
// against them. The statistic rises with the count, so each decision's counts
// form one run, reported as its least and greatest count.
#include <optional>
#include <vector>

#include "gsd/simulate/endpoint_model.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::simulate {

// The responder counts, both included, at which a look decides one way.
struct ResponderRange {
  int least = 0;
  int most = 0;
};

struct ExactBinomialLook {
  int patients = 0;
  std::optional<ResponderRange> efficacy;
  std::optional<ResponderRange> futility;
  // The harm bound, or the lower side of a two-sided design.
  std::optional<ResponderRange> harm;
  // Probabilities of stopping at this look under the planned rate (H1) and
  // the rate under H0. Futility is obeyed, except in the two H0 rejection
  // probabilities (efficacy, and harm for a two-sided design), which ignore
  // it as the alpha spent by a non-binding design does.
  double probability_efficacy_h1 = 0.0;
  double probability_futility_h1 = 0.0;
  double probability_harm_h1 = 0.0;
  double probability_efficacy_h0 = 0.0;  // futility ignored
  double probability_futility_h0 = 0.0;
  double probability_harm_h0 = 0.0;  // futility ignored
};

struct ExactBinomial {
  double rate_h1 = 0.0;  // the planned rate
  double rate_h0 = 0.0;  // the margin
  std::vector<ExactBinomialLook> looks;
  // Rejection of H0 (efficacy, and for a two-sided design the lower side as
  // well, as the plan's power counts it) under H1 with every bound obeyed,
  // and with futility ignored.
  double power = 0.0;
  double power_ignoring_futility = 0.0;
  // Rejection under H0 with futility ignored (what a non-binding design
  // promises to keep within alpha) and obeyed (a binding design's).
  double alpha = 0.0;
  double alpha_obeying_futility = 0.0;
  // The design's rejection probability under H0 (its alpha on the efficacy
  // side, both sides' for a two-sided design), for comparison with `alpha`.
  double design_alpha = 0.0;
  double expected_patients_h0 = 0.0;  // every bound obeyed
  double expected_patients_h1 = 0.0;
};

// The largest trial enumerated. One enumeration costs about the counts that
// carry probability times the spread of each look's increment: 1.2 ms at
// this size (simulate_benchmark --benchmark_filter=ExactBinomial), but an
// exact sizing runs one per size it scans (up to thousands), so the bound
// keeps that within seconds. Trials this large have so many responders that
// the normal approximation is close, except for the rarest responses.
inline constexpr int kExactBinomialMaxPatients = 20000;

// Throws numerics::InvalidInput for a model that is not a binary endpoint of
// one group, or that fails EndpointModel::validate(), or whose final look has
// more than kExactBinomialMaxPatients patients.
ExactBinomial exact_one_sample_binary(const EndpointModel& model, const spending::Design& design);

// The exact operating characteristics where they can be enumerated: a
// binary endpoint of one group, within kExactBinomialMaxPatients, whose every
// look has its statistic (endpoints/look_patients.hpp); none otherwise.
std::optional<ExactBinomial> exact_if_enumerable(const EndpointModel& model, const spending::Design& design);

// The design's rejection probability under H0 that `alpha` is compared with:
// its one-sided alpha, both sides' for a two-sided design.
double design_rejection_alpha(const spending::Design& design);

// One number of it: the probability of rejecting H0 (as `power` counts it)
// when the responders come at `rate`, with the futility bound obeyed or
// ignored. A quarter of the work of the whole, for searches over sizes.
// Throws as exact_one_sample_binary.
double exact_rejection(const EndpointModel& model, const spending::Design& design, double rate,
                       bool ignoring_futility);

}  // namespace gsd::simulate
