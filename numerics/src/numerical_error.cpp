#include "gsd/numerics/numerical_error.hpp"

#include <sstream>

namespace gsd::numerics {

namespace {
std::string describe(const std::string& what, double best, double residual, int iterations) {
  std::ostringstream out;
  out << what << " (best value " << best << ", residual " << residual << " after "
      << iterations << " iterations)";
  return out.str();
}
}  // namespace

NumericalError::NumericalError(const std::string& what, double best, double residual,
                               int iterations)
    : std::runtime_error(describe(what, best, residual, iterations)),
      best_(best),
      residual_(residual),
      iterations_(iterations) {}

}  // namespace gsd::numerics
