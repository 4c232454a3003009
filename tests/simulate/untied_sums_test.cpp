// The log-rank sums four outcomes at a time (untied_log_rank_sums,
// risk_set_merge.hpp) against the same terms summed one by one in long
// double, at every remainder of the outcomes modulo four, and the refusal of
// tied times (which take the merge's grouped path).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "risk_set_merge.hpp"

namespace gsd::simulate::detail::untied_sums_test {
namespace {

#if defined(__AVX2__)
struct Outcomes {
  std::vector<double> oy;  // ascending, then +infinity
  std::vector<std::uint8_t> arm;
  std::vector<std::uint8_t> event;
  std::vector<std::uint32_t> before;  // censorings before each outcome
  std::vector<int> treated;           // treated among the first j censorings
  std::vector<double> inv;
  int enrolled = 0;
  int enrolled_treated = 0;
};

// k outcomes among `censored` censorings, drawn at random but consistent:
// the numbers at risk stay positive.
Outcomes draw(std::size_t k, std::size_t censored, std::uint64_t seed) {
  std::mt19937_64 engine(seed);
  std::uniform_int_distribution<int> coin(0, 1);
  Outcomes o;
  double t = 0.0;
  std::uint32_t j = 0;
  for (std::size_t i = 0; i < k; ++i) {
    t += 0.25 + 0.5 * static_cast<double>(coin(engine));
    o.oy.push_back(t);
    o.arm.push_back(static_cast<std::uint8_t>(coin(engine)));
    o.event.push_back(static_cast<std::uint8_t>(coin(engine) | coin(engine)));
    if (j < censored && coin(engine) == 1) ++j;
    o.before.push_back(j);
  }
  o.oy.push_back(std::numeric_limits<double>::infinity());
  o.before.push_back(0);
  o.treated.push_back(0);
  for (std::size_t c = 0; c < censored; ++c) o.treated.push_back(o.treated.back() + coin(engine));
  o.enrolled = static_cast<int>(k + censored + 3);
  int arms = 0;
  for (const std::uint8_t a : o.arm) arms += a;
  o.enrolled_treated = arms + o.treated.back() + 1;
  for (int m = 0; m <= o.enrolled; ++m) o.inv.push_back(m == 0 ? 0.0 : 1.0 / m);
  return o;
}

TEST(UntiedLogRankSums, EqualTheOneByOneSumsAtEveryRemainder) {
  for (std::size_t k = 0; k <= 41; ++k) {
    const Outcomes o = draw(k, k / 2 + 5, 1000 + k);
    long double expected = 0.0L;
    long double variance = 0.0L;
    int observed = 0;
    int events = 0;
    int treated_out = 0;
    for (std::size_t i = 0; i < k; ++i) {
      const int n = o.enrolled - static_cast<int>(i) - static_cast<int>(o.before[i]);
      const int n1 = o.enrolled_treated - treated_out - o.treated[o.before[i]];
      ASSERT_GT(n, 0);
      const long double share = static_cast<long double>(n1) / n;
      if (o.event[i] != 0) {
        expected += share;
        variance += share * (1.0L - share);
        observed += o.arm[i];
        ++events;
      }
      treated_out += o.arm[i];
    }
    UntiedSums sums;
    ASSERT_TRUE(untied_log_rank_sums(o.oy.data(), o.arm.data(), o.event.data(), o.before.data(),
                                     o.treated.data(), o.inv.data(), k, o.enrolled,
                                     o.enrolled_treated, sums))
        << "k = " << k;
    // Each of at most 41 terms carries a rounding or two: 1e-13 of the sum.
    EXPECT_NEAR(sums.expected_t, static_cast<double>(expected),
                1e-13 * (1.0 + std::fabs(sums.expected_t)))
        << "k = " << k;
    EXPECT_NEAR(sums.variance, static_cast<double>(variance), 1e-13 * (1.0 + sums.variance))
        << "k = " << k;
    EXPECT_EQ(sums.observed_t, observed) << "k = " << k;
    EXPECT_EQ(sums.events, events) << "k = " << k;
  }
}

TEST(UntiedLogRankSums, RefuseTiedTimesInTheGroupsAndInTheRemainder) {
  for (const std::size_t k : {8u, 9u, 10u, 11u}) {
    for (std::size_t tie = 0; tie + 1 < k; ++tie) {
      Outcomes o = draw(k, 6, 77 + k);
      for (std::size_t i = tie + 1; i < k; ++i) o.oy[i] -= o.oy[tie + 1] - o.oy[tie];
      UntiedSums sums;
      sums.events = -1;
      EXPECT_FALSE(untied_log_rank_sums(o.oy.data(), o.arm.data(), o.event.data(), o.before.data(),
                                        o.treated.data(), o.inv.data(), k, o.enrolled,
                                        o.enrolled_treated, sums))
          << "k = " << k << ", tie at " << tie;
      EXPECT_EQ(sums.events, -1);
    }
  }
}
#else
TEST(UntiedLogRankSums, OnlyWithAvx2) { GTEST_SKIP() << "the merge's scalar path serves"; }
#endif

}  // namespace
}  // namespace gsd::simulate::detail::untied_sums_test
