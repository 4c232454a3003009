#pragma once
// Multivariate normal rectangle probabilities P(a <= X <= b), X ~ N(0, Sigma),
// by Genz's randomised quasi-Monte Carlo method (Genz 1992, J. Comput. Graph.
// Statist. 1:141; Genz & Bretz 2009, "Computation of Multivariate Normal and
// t Probabilities", Springer, sections 4.1-4.2), the algorithm of R's
// mvtnorm::pmvnorm(algorithm = GenzBretz()):
//   - separation of variables: with Sigma = L L' (Cholesky) the probability is
//     an integral over the unit cube [0, 1]^(d-1) of a product of conditional
//     interval probabilities (Genz 1992, section 2);
//   - variable reordering: at each step of the Cholesky the variable with the
//     smallest expected conditional interval probability goes first (Gibson,
//     Glasbey & Elston 1994; Genz & Bretz 2009, section 4.1.3), which
//     shrinks the integrand's variation;
//   - a Richtmyer lattice (generators frac(sqrt(p_i)), p_i the i-th prime;
//     Richtmyer 1951) with the baker's (tent) periodisation and antithetic
//     points, repeated over independent uniform random shifts (Cranley &
//     Patterson 1976): the shifts' estimates are independent and unbiased, so
//     their standard error is an honest error estimate (Genz & Bretz 2009,
//     section 4.2.2).
// The lattice doubles until the error estimate (error_multiplier standard
// errors over the shifts) is at most the tolerance or max_points is reached.
// The shifts come from Philox4x32-10 (Random123) keyed by the seed: the same
// seed gives the same probability, bit for bit.
#include <cstdint>
#include <vector>

namespace gsd::numerics {

struct MvnOptions {
  // Absolute error target (mvtnorm's abseps, there 1e-3 by default). Group-
  // sequential bounds spend alpha in pieces of order 1e-3, hence smaller:
  // 1e-4 moves a bound near z = 2 by about 1e-4 / phi(2) = 0.002.
  double abs_tolerance = 1e-4;
  // Standard errors in the error estimate (Genz & Bretz 2009, section 4.2.2,
  // report a multiple of the standard error): 3 covers about 99% of a t
  // distribution with shifts - 1 = 11 degrees of freedom.
  double error_multiplier = 3.0;
  // Independent random shifts per estimate: 12 give the standard error 11
  // degrees of freedom at a twelfth of the work per shift.
  int shifts = 12;
  // Lattice points per shift in the first round (each point is evaluated with
  // its antithetic partner); doubled each round.
  int min_points = 256;
  // Cap on integrand evaluations over all rounds and shifts (mvtnorm's maxpts
  // is 25000 by default; a bound search needs more accuracy).
  long long max_points = 4'000'000;
  // Random123 key of the shifts.
  std::uint64_t seed = 20'200'501;
  // Throws InvalidInput naming the field.
  void validate() const;
};

struct MvnResult {
  double probability = 0.0;
  double error = 0.0;          // error_multiplier standard errors over the shifts
  long long evaluations = 0;   // integrand evaluations spent
  int points_per_shift = 0;    // lattice size of the final round
  bool converged = false;      // error <= abs_tolerance
};

// P(lower <= X <= upper) for X ~ N(0, covariance), covariance symmetric
// positive semi-definite, given row by row (d x d). Infinite limits are
// allowed. A variable whose conditional variance vanishes (a singular
// covariance) is a point mass at its conditional mean. Throws InvalidInput
// naming "lower", "upper" or "covariance".
MvnResult mvn_probability(const std::vector<double>& lower, const std::vector<double>& upper,
                          const std::vector<std::vector<double>>& covariance, const MvnOptions& options = {});

// The same with a fixed lattice of points_per_shift points and no rounds: a
// deterministic, continuous function of the limits for a given seed, which a
// root search over a limit needs (common random numbers).
MvnResult mvn_probability_fixed(const std::vector<double>& lower, const std::vector<double>& upper,
                                const std::vector<std::vector<double>>& covariance, const MvnOptions& options,
                                int points_per_shift);

}  // namespace gsd::numerics
