#pragma once
// Accuracy knobs of the recursive numerical integration.
#include <string>

namespace gsd {

struct GridOptions {
  // r of Jennison & Turnbull (2000), section 19.2: 6r-1 interval end points
  // per look, each interval integrated by 3-point Gauss-Legendre (so about
  // 18r nodes). J&T recommend r = 16 with Simpson's rule for about six
  // decimals; with Gauss-Legendre, r = 12 keeps z bounds within 4e-8 of the
  // r = 100 limit for up to 10 looks (tests/spending/grid_convergence_test),
  // so the 1e-6 agreement with rpact is not spent on grid error.
  int r = 12;

  // Throws std::invalid_argument naming the field if out of range.
  void validate(const std::string& where = "grid") const;
};

}  // namespace gsd
