#pragma once
// A numerical method that did not reach its target: no bracket, iterations
// exhausted, or a result outside its valid range. Like Boost.Math's
// evaluation_error it is distinct from bad input (std::invalid_argument /
// std::domain_error) and it carries what was achieved, so a caller can report
// how close the method came instead of silently using the last iterate.
#include <stdexcept>
#include <string>

namespace gsd::numerics {

class NumericalError : public std::runtime_error {
 public:
  // what: the quantity sought; best: the best value reached; residual: how far
  // from the target the best value was; iterations: work spent.
  NumericalError(const std::string& what, double best, double residual, int iterations);

  double best() const noexcept { return best_; }
  double residual() const noexcept { return residual_; }
  int iterations() const noexcept { return iterations_; }

 private:
  double best_;
  double residual_;
  int iterations_;
};

}  // namespace gsd::numerics
