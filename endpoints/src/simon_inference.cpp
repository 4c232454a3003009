#include "gsd/endpoints/simon_inference.hpp"

#include <algorithm>
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/hypergeometric.hpp>
#include <cmath>
#include <string>

#include "gsd/numerics/check.hpp"
#include "gsd/numerics/find_root.hpp"

namespace gsd::endpoints {

namespace {

using numerics::fail;

// Mantissa bits of the interval's limits and the median-unbiased estimate:
// far below what a rate is reported to (4 digits).
constexpr int kRootBits = 50;

// P(X >= k), X ~ Binomial(m, p), for any integer k and p in [0, 1].
double at_least(int m, double p, int k) {
  if (k <= 0) return 1.0;
  if (k > m) return 0.0;
  if (p <= 0.0) return 0.0;
  if (p >= 1.0) return 1.0;
  const boost::math::binomial_distribution<double> binomial(m, p);
  return boost::math::cdf(boost::math::complement(binomial, k - 1));
}

double binomial_pmf(int m, double p, int x) {
  if (p <= 0.0) return x == 0 ? 1.0 : 0.0;
  if (p >= 1.0) return x == m ? 1.0 : 0.0;
  return boost::math::pdf(boost::math::binomial_distribution<double>(m, p), x);
}

bool stopped(const SimonDesign& d, const SimonObserved& o) { return o.stage1_responders <= d.r1; }

// P_p(outcome >= the observed one + shift), shift 0 or 1: stage 1's stops
// by x1, then the trials that went on by their total responders.
double upper_probability(const SimonDesign& d, const SimonObserved& o, double p, int shift) {
  const int n1 = o.stage1_patients;
  if (!o.has_stage2()) return at_least(n1, p, o.stage1_responders + shift);
  const int n2 = *o.stage2_patients;
  const int s = o.stage1_responders + *o.stage2_responders + shift;
  double sum = 0.0;
  for (int x1 = d.r1 + 1; x1 <= n1; ++x1) sum += binomial_pmf(n1, p, x1) * at_least(n2, p, s - x1);
  return sum;
}

bool least_outcome(const SimonObserved& o) { return !o.has_stage2() && o.stage1_responders == 0; }

bool greatest_outcome(const SimonObserved& o) {
  return o.has_stage2() && *o.stage2_responders == *o.stage2_patients &&
         o.stage1_responders == o.stage1_patients;
}

// The rate p in (0, 1) at which P_p(outcome >= observed + shift) equals
// target; it rises from 0 to 1 as p does.
double solve_rate(const SimonDesign& d, const SimonObserved& o, int shift, double target,
                  const std::string& what) {
  return numerics::find_root([&](double p) { return upper_probability(d, o, p, shift) - target; }, 0.0, 1.0,
                             -target, 1.0 - target, kRootBits, what);
}

// E[X1 | X1 + X2 = s, X1 > r1] / n1: the conditional law of X1 given s is
// hypergeometric and does not depend on p.
double umvue_after_stage2(const SimonDesign& d, const SimonObserved& o) {
  const auto n1 = static_cast<unsigned>(o.stage1_patients);
  const auto n2 = static_cast<unsigned>(*o.stage2_patients);
  const auto s = static_cast<unsigned>(o.stage1_responders + *o.stage2_responders);
  // X1 given s: s "responders" among n1 + n2, n1 of them drawn for stage 1.
  const boost::math::hypergeometric_distribution<double> given_s(s, n1, n1 + n2);
  const unsigned lo = std::max(static_cast<unsigned>(d.r1 + 1), s > n2 ? s - n2 : 0U);
  const unsigned hi = std::min(n1, s);
  double weight = 0.0;
  double mean = 0.0;
  for (unsigned x1 = lo; x1 <= hi; ++x1) {
    const double w = boost::math::pdf(given_s, x1);
    weight += w;
    mean += w * static_cast<double>(x1);
  }
  return mean / weight / static_cast<double>(n1);
}

}  // namespace

void SimonObserved::validate() const {
  const auto check_patients = [](const char* key, int n) {
    if (n < 1 || n > kMaxStagePatients) {
      fail({key}, static_cast<double>(n), "must be a whole number in [1, 10000]");
    }
  };
  const auto check_responders = [](const char* key, int x, int n) {
    if (x < 0 || x > n) {
      fail({key}, static_cast<double>(x),
           "must be a whole number from 0 to the stage's " + std::to_string(n) + " patients");
    }
  };
  check_patients("stage1_patients", stage1_patients);
  check_responders("stage1_responders", stage1_responders, stage1_patients);
  if (stage2_patients.has_value() != stage2_responders.has_value()) {
    fail({stage2_patients ? "stage2_responders" : "stage2_patients"}, "is missing: stage 2 gives both counts");
  }
  if (stage2_patients) {
    check_patients("stage2_patients", *stage2_patients);
    check_responders("stage2_responders", *stage2_responders, *stage2_patients);
  }
}

double simon_upper_probability(const SimonDesign& design, const SimonObserved& observed, double p) {
  observed.validate();
  return upper_probability(design, observed, p, 0);
}

SimonInferenceResult simon_inference(const SimonDesign& design, double null_rate, double alternative_rate,
                                     double alpha, const SimonObserved& observed, double confidence) {
  observed.validate();
  if (!(confidence > 0.0 && confidence < 1.0)) fail({"confidence"}, confidence, "must lie in (0, 1)");
  const SimonDesign& d = design;
  const SimonObserved& o = observed;
  if (o.has_stage2() && stopped(d, o)) {
    fail({"stage2_patients"}, static_cast<double>(*o.stage2_patients),
         "follows a stop: with " + std::to_string(o.stage1_responders) + " responders of " +
             std::to_string(o.stage1_patients) + ", at most r1 = " + std::to_string(d.r1) +
             ", the trial ends after stage 1");
  }
  SimonInferenceResult out;
  out.planned_sizes =
      o.stage1_patients == d.n1 && (!o.has_stage2() || *o.stage2_patients == d.n - d.n1);
  out.patients = o.stage1_patients + o.stage2_patients.value_or(0);
  out.responders = o.stage1_responders + o.stage2_responders.value_or(0);
  out.observed_rate = static_cast<double>(out.responders) / out.patients;
  if (!o.has_stage2() && !stopped(d, o)) {
    out.decision = SimonDecision::kContinue;
    const int needed = d.r + 1 - o.stage1_responders;  // stage 2 responders for "promising"
    const int n2 = d.n - d.n1;
    out.conditional = SimonConditional{at_least(n2, null_rate, needed), at_least(n2, alternative_rate, needed),
                                       at_least(n2, out.observed_rate, needed)};
    return out;
  }
  out.ended = true;
  out.confidence = confidence;
  out.p_value = upper_probability(d, o, null_rate, 0);
  if (!o.has_stage2()) {
    out.decision = SimonDecision::kStop;
    out.umvue = out.observed_rate;  // x1 / n1: only stage 1 was seen
  } else {
    const bool promising = out.planned_sizes ? out.responders > d.r : out.p_value <= alpha;
    out.decision = promising ? SimonDecision::kPromising : SimonDecision::kNotPromising;
    out.umvue = umvue_after_stage2(d, o);
  }
  const double tail = 0.5 * (1.0 - confidence);
  if (least_outcome(o)) {
    out.median_unbiased = 0.0;
    out.ci_lower = 0.0;
  } else {
    out.median_unbiased = solve_rate(d, o, 0, 0.5, "the median-unbiased response rate");
    out.ci_lower = solve_rate(d, o, 0, tail, "the lower confidence limit of the response rate");
  }
  // P(outcome <= observed) = tail where P(outcome > observed) = 1 - tail.
  out.ci_upper = greatest_outcome(o)
                     ? 1.0
                     : solve_rate(d, o, 1, 1.0 - tail, "the upper confidence limit of the response rate");
  return out;
}

}  // namespace gsd::endpoints
