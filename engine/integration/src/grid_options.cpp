#include "gsd/integration/grid_options.hpp"

#include <stdexcept>

namespace gsd {

namespace {
// r below 4 leaves too few points for Simpson's rule to resolve a normal
// density; r above 200 (about 2400 points per look) buys nothing measurable.
constexpr int kMinR = 4;
constexpr int kMaxR = 200;
}  // namespace

void GridOptions::validate(const std::string& where) const {
  if (r < kMinR || r > kMaxR) {
    throw std::invalid_argument(where + ".r = " + std::to_string(r) + " must lie in [" +
                                std::to_string(kMinR) + ", " + std::to_string(kMaxR) + "]");
  }
}

}  // namespace gsd
