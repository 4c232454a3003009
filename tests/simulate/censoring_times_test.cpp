// The censorings at a look (censoring_times, risk_set_merge.hpp), four
// patients at a time with AVX2, against a plain pass over the patients, at
// every length modulo four: the same times and counts, bit for bit.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "risk_set_merge.hpp"

namespace gsd::simulate::detail::censoring_times_test {
namespace {

TEST(CensoringTimes, SameTimesAndTreatedCountsAsAPlainPass) {
  std::mt19937_64 engine(4242);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const double tau = 30.0;
  for (std::size_t m = 0; m <= 43; ++m) {
    std::vector<double> entry(m);
    std::vector<double> calendar(m);
    std::vector<std::uint8_t> treatment(m);
    double e = 0.0;
    for (std::size_t i = 0; i < m; ++i) {
      e += 0.5 * u(engine);
      entry[i] = e;
      const double r = u(engine);
      // Cured (never observed), observed before tau, exactly at tau (not
      // censored), or after it.
      calendar[i] = r < 0.3   ? std::numeric_limits<double>::infinity()
                    : r < 0.6 ? e + 0.5 * (tau - e)
                    : r < 0.7 ? tau
                              : tau + 1.0 + r;
      treatment[i] = static_cast<std::uint8_t>(u(engine) < 0.5 ? 1 : 0);
    }
    std::vector<double> plain_y;
    std::vector<int> plain_treated{0};
    for (std::size_t i = m; i > 0; --i) {
      if (calendar[i - 1] > tau) {
        plain_y.push_back(tau - entry[i - 1]);
        plain_treated.push_back(plain_treated.back() + treatment[i - 1]);
      }
    }
    std::vector<double> cy(m + 3, -1.0);
    std::vector<int> treated(m + 4, -1);
    const std::size_t count = censoring_times(entry.data(), calendar.data(), treatment.data(), m,
                                              tau, cy.data(), treated.data());
    ASSERT_EQ(count, plain_y.size()) << "m = " << m;
    for (std::size_t j = 0; j < count; ++j) {
      EXPECT_EQ(cy[j], plain_y[j]) << "m = " << m << ", j = " << j;
    }
    for (std::size_t j = 0; j <= count; ++j) {
      EXPECT_EQ(treated[j], plain_treated[j]) << "m = " << m << ", j = " << j;
    }
  }
}

}  // namespace
}  // namespace gsd::simulate::detail::censoring_times_test
