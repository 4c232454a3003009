#pragma once
// Checks that a many-at-once function gives each argument the bits it gets
// alone, wherever the argument sits: offsets and lengths put each value in
// each vector lane and in the padded remainder.
#include <gtest/gtest.h>

#include <cstddef>
#include <vector>

namespace gsd::numerics::testing {

// f(x, out, n) computes out[i] from x[i] for i < n.
template <class F>
void expect_same_bits_at_any_position(F f, const std::vector<double>& x) {
  for (std::size_t offset = 0; offset < 8; ++offset) {
    for (std::size_t length = 0; offset + length <= x.size(); length += 5) {
      std::vector<double> out(length);
      f(x.data() + offset, out.data(), length);
      for (std::size_t i = 0; i < length; ++i) {
        double alone = 0.0;
        f(x.data() + offset + i, &alone, 1);
        EXPECT_EQ(out[i], alone) << "offset " << offset << ", length " << length;
      }
    }
  }
}

}  // namespace gsd::numerics::testing
