#pragma once
// Simon's two-stage design for a single-arm trial of a response rate (Simon
// 1989, "Optimal two-stage designs for phase II clinical trials", Controlled
// Clinical Trials 10:1-10).
//
// n1 patients are treated in stage 1. With at most r1 responders among them
// the trial stops: the treatment is not worth pursuing. Otherwise n - n1 more
// are treated, and the treatment is declared promising when more than r of
// all n patients respond. With X1 ~ Binomial(n1, p) and X2 ~ Binomial(n - n1,
// p) independent, the probability of declaring it promising is
//   P(p) = sum over x1 = r1 + 1 .. n1 of P(X1 = x1) P(X2 > r - x1),
// its early termination PET(p) = P(X1 <= r1), and the expected patients
// EN(p) = n1 + (1 - PET(p)) (n - n1). A design qualifies when P(p0) <= alpha
// and P(p1) >= 1 - beta. Among those with n <= max_patients:
// - the optimal design has the least EN(p0);
// - the minimax design has the least n, and among those the least EN(p0);
// - the admissible designs (Jung, Lee, Kim & George 2004, "Admissible
//   two-stage designs for phase II cancer clinical trials", Stat Med
//   23:561-569) are those that minimise q n + (1 - q) EN(p0) over an interval
//   of weights q in [0, 1]: the lower convex hull of the least EN(p0) at each
//   n, from the minimax design (q = 1) to the optimal (q = 0).
// Everything is exact binomial arithmetic; there is no approximation to
// check, only the search, which visits every (n, n1, r1) with n up to
// max_patients and for each the least r that keeps alpha.
#include <vector>

namespace gsd::endpoints {

struct SimonSpec {
  double null_rate = 0.0;         // p0, the response rate not worth pursuing
  double alternative_rate = 0.0;  // p1 > p0, the rate worth pursuing
  double alpha = 0.05;            // one-sided: P(promising | p0) at most this
  double beta = 0.2;              // P(promising | p1) at least 1 - beta
  int max_patients = kDefaultMaxPatients;

  // The default search bound, as clinfun's ph2simon (nmax = 100).
  static constexpr int kDefaultMaxPatients = 100;
  // The largest bound: the search's work grows as the fourth power of it;
  // at 500 it takes seconds (docs/endpoints.md).
  static constexpr int kMaxMaxPatients = 500;
  // Throws numerics::InvalidInput naming max_patients unless it lies in
  // [2, kMaxMaxPatients]; a long long, so that a config's whole number is
  // checked before it is narrowed to int.
  static void check_max_patients(long long max_patients);

  // Throws numerics::InvalidInput naming null_rate, alternative_rate, alpha,
  // beta or max_patients: 0 < p0 < p1 < 1, 0 < alpha < 1/2, 0 < beta <
  // 1 - alpha, 2 <= max_patients <= kMaxMaxPatients.
  void validate() const;
};

// One two-stage design and its operating characteristics at p0 and p1.
struct SimonDesign {
  int n1 = 0;  // stage 1 patients
  int r1 = 0;  // stop after stage 1 with at most r1 responders
  int n = 0;   // patients in both stages
  int r = 0;   // promising with more than r responders of n
  double alpha = 0.0;  // P(promising | p0)
  double power = 0.0;  // P(promising | p1)
  double early_stop_null = 0.0;  // PET(p0)
  double early_stop_alternative = 0.0;  // PET(p1)
  double expected_patients_null = 0.0;  // EN(p0)
  double expected_patients_alternative = 0.0;  // EN(p1)
};

// An admissible design and the weights q of the maximum patients for which
// it minimises q n + (1 - q) EN(p0).
struct AdmissibleDesign {
  SimonDesign design;
  double weight_low = 0.0;
  double weight_high = 0.0;
};

struct SimonResult {
  SimonDesign optimal;
  SimonDesign minimax;
  // From the minimax design (weights up to 1) to the optimal (down to 0).
  std::vector<AdmissibleDesign> admissible;
  // The least patients of a single-stage design that meets alpha and beta
  // (reject with more than r of n), for comparison; 0 when it needs more
  // than max_patients.
  int single_stage_patients = 0;
  int single_stage_critical = 0;  // its r
};

// The operating characteristics of a given design at rates p0 and p1.
// Throws numerics::InvalidInput naming n1, r1, n or r unless
// 1 <= n1 < n, 0 <= r1 < n1 and r1 <= r < n; the rates must be in (0, 1).
SimonDesign simon_characteristics(int n1, int r1, int n, int r, double p0, double p1);

// A design at one true rate p: P(promising), P(stop after stage 1) and the
// expected patients (the points of its operating characteristic).
struct SimonAtRate {
  double promising = 0.0;
  double early_stop = 0.0;
  double expected_patients = 0.0;
};
// Throws numerics::InvalidInput naming "rate" unless p is in (0, 1).
SimonAtRate simon_at_rate(const SimonDesign& design, double p);

// The search. Throws numerics::InvalidInput naming max_patients when no
// design of at most max_patients qualifies (the message gives the
// single-stage size when it is within kMaxMaxPatients, as a guide).
SimonResult simon_two_stage(const SimonSpec& spec);

}  // namespace gsd::endpoints
