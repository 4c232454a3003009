#pragma once
// Accuracy knobs of the recursive numerical integration.
#include <string>

namespace gsd {

struct GridOptions {
  // r of Jennison & Turnbull (2000), section 19.2: 6r-1 grid points per look
  // before Simpson midpoints are added. J&T recommend r = 16 for about six
  // accurate decimals; gsd's default r = 32 keeps z bounds within 1e-7 of the
  // r -> infinity limit (tests/integration/convergence_test.cpp measures it),
  // so that the 1e-6 agreement with rpact is not spent on grid error.
  int r = 32;

  // Throws std::invalid_argument naming the field if out of range.
  void validate(const std::string& where = "grid") const;
};

}  // namespace gsd
