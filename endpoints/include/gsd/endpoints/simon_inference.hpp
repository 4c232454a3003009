#pragma once
// What a Simon two-stage trial (simon_two_stage.hpp) concludes from its
// counts: the decision at each stage and, once it has ended, the exact
// inference that respects the stop after stage 1.
//
// The outcomes of a two-stage trial are ordered stage-wise (Jennison &
// Turnbull 2000, "Group Sequential Methods with Applications to Clinical
// Trials", section 8.4; Koyama & Chen 2008, "Proper inference from Simon's
// two-stage designs", Stat Med 27:3145-3154): every stop after stage 1 lies
// below every trial that went on, stops by their stage 1 responders, trials
// that went on by their total responders. With G(p) = P_p(outcome at or
// above the observed one):
// - the p-value is G(p0): P(X1 >= x1) after a stop, P(X1 > r1, X1 + X2 >= s)
//   after stage 2, the sum over x1 = r1 + 1 .. n1 of P(X1 = x1) P(X2 >= s -
//   x1);
// - the exact confidence interval [p_L, p_U] at level 1 - 2a solves G(p_L) =
//   a and P_{p_U}(outcome at or below the observed one) = a (p_L = 0 at the
//   least outcome, none of stage 1's patients responding, p_U = 1 at the
//   greatest); after a stop it is stage 1's Clopper-Pearson interval;
// - the median-unbiased estimate solves G(p) = 1/2, the interval's limit at
//   level 0 (Jennison & Turnbull 2000, section 8.3), 0 at the least outcome;
// - the UMVUE (Jung & Kim 2004, "On the estimation of the binomial
//   probability in multistage clinical trials", Stat Med 23:881-896) is
//   x1 / n1 after a stop and, after
//   stage 2 with s responders, E[X1 | X1 + X2 = s, X1 > r1] / n1, the mean
//   of X1 given s under the hypergeometric law of (X1 | s), restricted to
//   the values that go on;
// - the observed rate x / n is reported beside them; it is biased by the
//   stop (Chang, Wieand & Chang 1989, Stat Med 8:563-570).
// G rises with p (the stage-wise ordering of binomial outcomes is
// stochastically ordered in p), so each limit is one bracketed root.
//
// The sizes may differ from the plan's: a patient not evaluable, one more
// enrolled while stage 1 was read. The probabilities are then those of the
// sizes attained, with the design's stop rule (at most r1 responders) after
// stage 1, assuming the sizes did not depend on the responses. At the
// planned sizes stage 2 is judged by the design's rule, more than r
// responders; at others by the p-value against the design's alpha, which
// at the planned sizes is the same rule.
#include <optional>

#include "gsd/endpoints/simon_two_stage.hpp"

namespace gsd::endpoints {

// What a committee observed: each stage's own patients and responders
// (stage 2's are those treated in stage 2 alone).
struct SimonObserved {
  int stage1_patients = 0;
  int stage1_responders = 0;
  std::optional<int> stage2_patients;
  std::optional<int> stage2_responders;

  // The most patients gsd takes in a stage: the inference's sums run over
  // stage 1's counts, each term a binomial tail of stage 2.
  static constexpr int kMaxStagePatients = 10000;

  // Throws numerics::InvalidInput naming stage1_patients,
  // stage1_responders, stage2_patients or stage2_responders: patients in
  // [1, kMaxStagePatients], responders in [0, patients], the two stage 2
  // counts given together.
  void validate() const;
  bool has_stage2() const { return stage2_patients.has_value(); }
};

enum class SimonDecision {
  kStop,          // stage 1: at most r1 responders; not promising
  kContinue,      // stage 1: more than r1; treat stage 2's patients
  kPromising,     // stage 2: the treatment is promising (H0 rejected)
  kNotPromising,  // stage 2: it is not
};

// The conditional probability that a trial that goes on is declared
// promising, given stage 1: P(X2 > r - x1) at a rate, X2 ~ Bin(n - n1, p),
// at the design's planned stage 2 size.
struct SimonConditional {
  double at_null = 0.0;         // p0
  double at_alternative = 0.0;  // p1
  double at_observed = 0.0;     // x1 / n1
};

struct SimonInferenceResult {
  SimonDecision decision = SimonDecision::kContinue;
  bool planned_sizes = true;  // the stages' patients are the design's
  int patients = 0;           // all patients treated
  int responders = 0;
  double observed_rate = 0.0;  // responders / patients, at every look
  // A trial that goes on to stage 2 and has not reported it yet.
  std::optional<SimonConditional> conditional;
  // Once the trial has ended (a stop after stage 1, or stage 2):
  bool ended = false;
  double p_value = 0.0;          // one-sided, G(p0)
  double umvue = 0.0;
  double median_unbiased = 0.0;
  double ci_lower = 0.0;
  double ci_upper = 1.0;
  double confidence = 0.0;       // the interval's two-sided level
};

// P_p(outcome at or above the observed one): the stage-wise p-value function
// at rate p in [0, 1]. Throws as simon_inference.
double simon_upper_probability(const SimonDesign& design, const SimonObserved& observed, double p);

// The decision and, once the trial has ended, the inference. `design` gives
// n1, r1, n and r; `alpha` the design's nominal one-sided alpha (the test at
// attained sizes); `confidence` the interval's two-sided level in (0, 1).
// Throws numerics::InvalidInput naming the observed counts (above),
// "confidence", or "stage2_patients" when stage 2 follows a stop after
// stage 1.
SimonInferenceResult simon_inference(const SimonDesign& design, double null_rate, double alternative_rate,
                                     double alpha, const SimonObserved& observed, double confidence);

}  // namespace gsd::endpoints
