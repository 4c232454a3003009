// The responder count's distribution over the looks of a one-sample binary
// trial (see exact_binomial.hpp for the method and its references).
#include "gsd/simulate/exact_binomial.hpp"

#include <boost/math/distributions/binomial.hpp>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <utility>

#include "endpoint_kernel.hpp"
#include "gsd/endpoints/look_patients.hpp"
#include "gsd/numerics/check.hpp"

namespace gsd::simulate {

namespace {

// Terms below this are left out of the convolutions: a look adds at most
// kExactBinomialMaxPatients + 1 of them to each probability, so what is left
// out stays below 1e-15, far under the 1e-12 the probabilities are printed to.
constexpr double kNegligible = 1e-20;

// The Binomial(n, p) probabilities that are not negligible, into `out` (by
// count, 0..n; the rest 0), and the least and greatest such count. Boost's
// pdf at the mode, then outwards by the ratio of neighbours,
// P(j + 1) / P(j) = (n - j) p / ((j + 1) (1 - p)): one call to Boost per look
// instead of one per count (which was most of an exact sizing's time). Each
// step adds a few ulps of relative error, 1e-13 after the thousand steps of
// the widest increment (20,000 patients at p = 1/2 reach 10 sds in 710).
std::pair<int, int> binomial_probabilities(int n, double p, std::vector<double>& out) {
  out.assign(static_cast<std::size_t>(n) + 1, 0.0);
  const int mode = std::min(n, static_cast<int>(std::floor((n + 1) * p)));
  const boost::math::binomial_distribution<double> binomial(n, p);
  out[static_cast<std::size_t>(mode)] = boost::math::pdf(binomial, mode);
  const double odds = p / (1.0 - p);
  int hi = mode;
  while (hi < n) {
    const double next = out[static_cast<std::size_t>(hi)] * (n - hi) * odds / (hi + 1);
    if (next < kNegligible) break;
    out[static_cast<std::size_t>(++hi)] = next;
  }
  int lo = mode;
  while (lo > 0) {
    const double next = out[static_cast<std::size_t>(lo)] * lo / ((n - lo + 1) * odds);
    if (next < kNegligible) break;
    out[static_cast<std::size_t>(--lo)] = next;
  }
  return {lo, hi};
}

// One look's stopping probabilities under one rate and one rule.
struct Exits {
  std::vector<double> efficacy, futility, harm;
  double expected_patients = 0.0;
};

// The decisions of each count at each look (0..patients), by rule.
using Decisions = std::vector<std::vector<Decision>>;

Decisions decisions(const detail::EndpointKernel& kernel, const std::vector<int>& patients,
                    bool ignoring_futility) {
  Decisions out(patients.size());
  for (std::size_t k = 0; k < patients.size(); ++k) {
    out[k].resize(static_cast<std::size_t>(patients[k]) + 1);
    for (int x = 0; x <= patients[k]; ++x) {
      out[k][static_cast<std::size_t>(x)] = kernel.binary_decision(k, x, 0, ignoring_futility);
    }
  }
  return out;
}

// The counts with decision `d` at a look, as one run (the statistic rises
// with the count, so they are contiguous).
std::optional<ResponderRange> range_of(const std::vector<Decision>& look, Decision d) {
  const auto first = std::find(look.begin(), look.end(), d);
  if (first == look.end()) return std::nullopt;
  const auto last = std::find(look.rbegin(), look.rend(), d);
  return ResponderRange{static_cast<int>(first - look.begin()),
                        static_cast<int>(look.rend() - last) - 1};
}

// The recursion over the looks: the sub-probabilities of the counts of the
// trials still running, convolved with each look's Binomial(added, rate).
// decide(k, x) is the decision of count x at look k; it is asked only of the
// counts that carry probability (a rare response at 12,000 patients carries
// a few hundred of them), which is what lets an exact sizing scan thousands
// of sizes.
template <class Decide>
Exits run(const Decide& decide, const std::vector<int>& patients, double rate) {
  const std::size_t looks = patients.size();
  Exits out;
  out.efficacy.assign(looks, 0.0);
  out.futility.assign(looks, 0.0);
  out.harm.assign(looks, 0.0);
  std::vector<double> running{1.0};  // count 0 before the first look
  std::vector<double> next;
  std::vector<double> increment;
  int before = 0;
  for (std::size_t k = 0; k < looks; ++k) {
    const int added = patients[k] - before;
    const auto [j_lo, j_hi] = binomial_probabilities(added, rate, increment);
    next.assign(static_cast<std::size_t>(patients[k]) + 1, 0.0);
    for (std::size_t x = 0; x < running.size(); ++x) {
      const double p = running[x];
      if (p < kNegligible) continue;
      double* const to = next.data() + x;
      for (int j = j_lo; j <= j_hi; ++j) to[j] += p * increment[static_cast<std::size_t>(j)];
    }
    double stopped = 0.0;
    for (std::size_t x = 0; x < next.size(); ++x) {
      if (!(next[x] > 0.0)) continue;
      switch (decide(k, x)) {
        case Decision::kContinue:
          continue;
        case Decision::kStopEfficacy:
          out.efficacy[k] += next[x];
          break;
        case Decision::kStopHarm:
          out.harm[k] += next[x];
          break;
        case Decision::kStopFutility:
          out.futility[k] += next[x];
          break;
        case Decision::kFinalNoRejection:
          break;
      }
      stopped += next[x];
      next[x] = 0.0;
    }
    out.expected_patients += stopped * patients[k];
    running.swap(next);
    before = patients[k];
  }
  return out;
}

double sum(const std::vector<double>& x) {
  double total = 0.0;
  for (double v : x) total += v;
  return total;
}

// The checks of exact_one_sample_binary (see the header).
void check(const EndpointModel& model, const spending::Design& design) {
  const endpoints::EndpointSpec& spec = model.spec;
  if (spec.type != endpoints::EndpointType::kBinary || spec.groups != 1) {
    numerics::fail({"endpoint"}, "must be a binary endpoint of one group for the exact binomial calculation");
  }
  model.validate();
  const std::vector<int>& patients = model.look_patients;
  if (patients.size() != design.efficacy.size()) {
    numerics::fail({"look_patients"}, static_cast<double>(patients.size()),
                   "must have one entry per look of the design (" + std::to_string(design.efficacy.size()) + ")");
  }
  if (patients.back() > kExactBinomialMaxPatients) {
    numerics::fail(numerics::FieldPath("look_patients").index(patients.size() - 1), patients.back(),
                   "must be at most " + std::to_string(kExactBinomialMaxPatients) +
                       " for the exact binomial calculation");
  }
}

// Rejection of H0: the upper side, and the lower side of a two-sided design;
// in a one-sided design the lower side is the harm bound, which rejects
// nothing.
double rejection(const Exits& e, const spending::Design& design) {
  const bool two_sided = design.spec.sided == spending::Sidedness::kTwoSidedSymmetric;
  return sum(e.efficacy) + (two_sided ? sum(e.harm) : 0.0);
}

}  // namespace

std::optional<ExactBinomial> exact_if_enumerable(const EndpointModel& model, const spending::Design& design) {
  const endpoints::EndpointSpec& spec = model.spec;
  if (spec.type != endpoints::EndpointType::kBinary || spec.groups != 1) return std::nullopt;
  if (model.look_patients.empty() || model.look_patients.back() > kExactBinomialMaxPatients) return std::nullopt;
  if (endpoints::first_look_without_statistic(spec, model.look_patients)) return std::nullopt;
  return exact_one_sample_binary(model, design);
}

double design_rejection_alpha(const spending::Design& design) {
  const bool two_sided = design.spec.sided == spending::Sidedness::kTwoSidedSymmetric;
  return design.spec.alpha_per_side() * (two_sided ? 2.0 : 1.0);
}

double exact_rejection(const EndpointModel& model, const spending::Design& design, double rate,
                       bool ignoring_futility) {
  check(model, design);
  const detail::EndpointKernel kernel(model, design);
  const auto decide = [&](std::size_t k, std::size_t x) {
    return kernel.binary_decision(k, static_cast<int>(x), 0, ignoring_futility);
  };
  return rejection(run(decide, model.look_patients, rate), design);
}

ExactBinomial exact_one_sample_binary(const EndpointModel& model, const spending::Design& design) {
  check(model, design);
  const endpoints::EndpointSpec& spec = model.spec;
  const std::vector<int>& patients = model.look_patients;
  const detail::EndpointKernel kernel(model, design);
  const Decisions obeyed = decisions(kernel, patients, false);
  const Decisions ignoring = decisions(kernel, patients, true);
  const auto obeying_futility = [&](std::size_t k, std::size_t x) { return obeyed[k][x]; };
  const auto ignoring_futility = [&](std::size_t k, std::size_t x) { return ignoring[k][x]; };
  ExactBinomial out;
  out.rate_h1 = *spec.rate;
  out.rate_h0 = spec.null_value();
  const Exits h1 = run(obeying_futility, patients, out.rate_h1);
  const Exits h1_ignoring = run(ignoring_futility, patients, out.rate_h1);
  const Exits h0 = run(obeying_futility, patients, out.rate_h0);
  const Exits h0_ignoring = run(ignoring_futility, patients, out.rate_h0);
  out.power = rejection(h1, design);
  out.power_ignoring_futility = rejection(h1_ignoring, design);
  out.alpha = rejection(h0_ignoring, design);
  out.alpha_obeying_futility = rejection(h0, design);
  out.design_alpha = design_rejection_alpha(design);
  out.expected_patients_h1 = h1.expected_patients;
  out.expected_patients_h0 = h0.expected_patients;
  for (std::size_t k = 0; k < patients.size(); ++k) {
    ExactBinomialLook look;
    look.patients = patients[k];
    look.efficacy = range_of(obeyed[k], Decision::kStopEfficacy);
    look.futility = range_of(obeyed[k], Decision::kStopFutility);
    look.harm = range_of(obeyed[k], Decision::kStopHarm);
    look.probability_efficacy_h1 = h1.efficacy[k];
    look.probability_futility_h1 = h1.futility[k];
    look.probability_harm_h1 = h1.harm[k];
    look.probability_efficacy_h0 = h0_ignoring.efficacy[k];
    look.probability_futility_h0 = h0.futility[k];
    look.probability_harm_h0 = h0_ignoring.harm[k];
    out.looks.push_back(look);
  }
  return out;
}

}  // namespace gsd::simulate
