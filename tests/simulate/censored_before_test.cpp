// The log-rank merge's count of the censorings before each outcome
// (count_censored_before, risk_set_merge.hpp) against a plain count, for
// fewer outcomes than runs, ties among and between the two lists, and runs of
// more than eight censorings between outcomes; and the branch-free search
// that starts the runs (count_below.hpp) against std::lower_bound.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "count_below.hpp"
#include "risk_set_merge.hpp"

namespace gsd::simulate::detail::censored_before_test {
namespace {

// Checks every count for the given sorted lists (cy gets its padding here).
void expect_counts(std::vector<double> cy, const std::vector<double>& oy) {
  const std::size_t j_end = cy.size();
  cy.insert(cy.end(), kCensorPad, std::numeric_limits<double>::infinity());
  std::vector<std::uint32_t> before(oy.size() + 1, 0xFFFFFFFFu);
  count_censored_before(cy.data(), j_end, oy.data(), oy.size(), before.data());
  for (std::size_t k = 0; k < oy.size(); ++k) {
    const auto plain = static_cast<std::uint32_t>(
        std::count_if(cy.begin(), cy.begin() + static_cast<std::ptrdiff_t>(j_end),
                      [&](double c) { return c < oy[k]; }));
    EXPECT_EQ(before[k], plain) << "outcome " << k << " of " << oy.size() << ", "
                                << j_end << " censorings";
  }
  EXPECT_EQ(before[oy.size()], 0xFFFFFFFFu) << "wrote past the outcomes";
}

TEST(CensoredBefore, EqualsAPlainCountForAnyNumberOfOutcomes) {
  std::mt19937_64 rng(20261202);
  // Times on a coarse lattice, so that ties within and across lists are common.
  std::uniform_int_distribution<int> lattice(0, 40);
  for (const std::size_t outcomes : std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 7, 9, 50, 203}) {
    for (const std::size_t censorings : std::vector<std::size_t>{0, 1, 6, 60, 300}) {
      std::vector<double> oy(outcomes);
      std::vector<double> cy(censorings);
      for (double& y : oy) y = 0.25 * lattice(rng);
      for (double& c : cy) c = 0.25 * lattice(rng);
      std::sort(oy.begin(), oy.end());
      std::sort(cy.begin(), cy.end());
      expect_counts(cy, oy);
    }
  }
}

TEST(CensoredBefore, LongRunsBetweenOutcomesAndEqualTimes) {
  // Twenty censorings before the first outcome, none between the next ones,
  // and censorings equal to outcome times (not counted: strictly before).
  std::vector<double> cy;
  for (int i = 0; i < 20; ++i) cy.push_back(0.1 * i);
  cy.insert(cy.end(), {5.0, 5.0, 6.0});
  expect_counts(cy, {2.5, 5.0, 5.0, 5.5, 6.0, 6.5, 7.0});
}

TEST(CensoredBefore, CountBelowIsLowerBoundsIndex) {
  // The branch-free search against std::lower_bound, on every eighth element
  // as the runs' starts use it and on all of them, with ties and with x
  // below, equal to and above every element.
  std::mt19937_64 rng(20261204);
  std::uniform_int_distribution<int> lattice(0, 30);
  for (const std::size_t n : std::vector<std::size_t>{0, 1, 2, 3, 7, 8, 9, 64, 203}) {
    std::vector<double> a(n);
    for (double& v : a) v = 0.5 * lattice(rng);
    std::sort(a.begin(), a.end());
    for (const std::size_t stride : {std::size_t{1}, std::size_t{8}}) {
      std::vector<double> every;
      for (std::size_t i = 0; i < n; i += stride) every.push_back(a[i]);
      for (int step = -2; step <= 64; ++step) {
        const double x = 0.25 * step;
        const auto want = static_cast<std::size_t>(std::lower_bound(every.begin(), every.end(), x) - every.begin());
        EXPECT_EQ(count_below(a.data(), every.size(), x, stride), want)
            << n << " elements, stride " << stride << ", x " << x;
      }
    }
  }
}

}  // namespace
}  // namespace gsd::simulate::detail::censored_before_test
