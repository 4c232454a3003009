#pragma once
// The bound on the largest of several correlated normal statistics at a
// look, given the bounds of the looks before: X ~ N(0, corr) in blocks of J
// variables, block l the J tests' z at look l (a MaxCombo test: the design's
// survival/maxcombo_power.hpp and the monitor's monitoring/maxcombo_monitor.hpp).
// The bound c_k solves
//   P(X_i <= c_{i / J} for every i < J (k + 1)) = target
// by TOMS 748 (find_root.hpp) over the randomised lattice rule of
// multivariate_normal.hpp, with one lattice through the search (common random
// numbers, so the probability is a smooth function of c_k). The rule's error
// at the root becomes the bound's error in z over the probability's slope in
// c_k, a central difference on the same lattice.
#include <cstddef>
#include <string>
#include <vector>

#include "gsd/numerics/multivariate_normal.hpp"

namespace gsd::numerics {

struct BlockBound {
  double c = 0.0;                  // c_k
  double probability_error = 0.0;  // the rule's error of the probability at c_k
  double z_error = 0.0;            // probability_error over the slope in c_k
  int points = 0;                  // lattice points per shift (0: one variable, exact)
};

// P(X_i <= c_{i / J} for every i), X ~ N(0, corr) with corr of J (k + 1)
// rows, c of k + 1 entries; on a lattice of `points` per shift, or the
// adaptive rule for points = 0.
MvnResult block_no_crossing(const std::vector<std::vector<double>>& corr, std::size_t J,
                            const std::vector<double>& c, const MvnOptions& options, int points);

// c_k = c.back() solving the probability above = target, the search
// started at `start`, on a lattice of `points` per shift, or for points = 0
// the size at which the adaptive rule meets its tolerance at `start`. The
// earlier entries of c are the earlier looks' bounds. Throws
// NumericalError naming `what` if no bound is found.
BlockBound solve_block_bound(const std::vector<std::vector<double>>& corr, std::size_t J, std::vector<double> c,
                             double target, double start, const MvnOptions& options, int points,
                             const std::string& what);

}  // namespace gsd::numerics
