// A t statistic on the normal scale, against R (tests/reference/student_t_z.R):
// the log of the t tail and the z with the same tail, including where the
// tail probability underflows a double.
#include "gsd/endpoints/student_t_z.hpp"

#include <gtest/gtest.h>

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

#include "gsd/numerics/normal.hpp"

namespace gsd::endpoints::student_t_z_test {
namespace {

struct TCase {
  double t;
  double df;
  double log_tail;
  double z;
};

// t, df, R's log P(T >= t), and z with log P(Z >= z) equal to it.
constexpr TCase kCases[] = {
    {2.5, 30, -4.7041263054164721, 2.3632458158271246},  // residual 0
    {40, 10, -27.499616721161008, 7.0161373944776928},  // residual 0
    {45, 200, -244.44222475752395, 21.928676300609652},  // residual 2.8e-14
    {50, 10000, -1120.4375708550824, 47.236913722248516},  // residual 0
    {38, 1000000, -726.03571206810909, 37.986283223914995},  // residual 0
    {38, 1000000000, -726.55669401357125, 37.999986272510739},  // residual -1.1e-13
    {100000, 3, -34.441052956226088, 7.9292171937616418},  // residual 0
    {10000000000, 5, -112.87899841388881, 14.782563148220589},  // residual 0
    {1.0000000000000001e+300, 100, -68850.518304106503, 371.06248257630557},  // residual 0
    {1.0000000000000001e+300, 1, -691.9202577840631, 37.077960311910019},  // residual 0
    {300, 5000, -7366.2480105407394, 121.33037943446669},  // residual 0
};

// The log tail and z agree with R to 1e-13 relative. Measured with g++ 12
// and glibc: at most 4.7e-16 in the log tail and 3.7e-16 in z (two ulps);
// the margin is for other math libraries (the WebAssembly build's).
constexpr double kRelative = 1e-13;

TEST(StudentTz, LogTailMatchesR) {
  for (const TCase& c : kCases) {
    SCOPED_TRACE(::testing::Message() << "t = " << c.t << ", df = " << c.df);
    EXPECT_NEAR(log_t_upper_tail(c.t, c.df), c.log_tail, kRelative * std::fabs(c.log_tail));
  }
}

TEST(StudentTz, ZMatchesRInBothTails) {
  for (const TCase& c : kCases) {
    SCOPED_TRACE(::testing::Message() << "t = " << c.t << ", df = " << c.df);
    EXPECT_NEAR(z_of_t(c.t, c.df), c.z, kRelative * c.z);
    EXPECT_NEAR(z_of_t(-c.t, c.df), -c.z, kRelative * c.z);
  }
}

// Before, z stopped at 37.5 where the tail underflowed: a t of 1e300 with
// 100 degrees of freedom read as z = 37.5, not 371.
TEST(StudentTz, GrowsPastWhereTheTailUnderflows) {
  double previous = 0.0;
  for (double t = 30.0; t < 1e300; t *= 3.0) {
    const double z = z_of_t(t, 100.0);
    EXPECT_GT(z, previous) << "t = " << t;
    previous = z;
  }
  EXPECT_EQ(z_of_t(std::numeric_limits<double>::infinity(), 10.0), std::numeric_limits<double>::infinity());
  EXPECT_EQ(z_of_t(0.0, 10.0), 0.0);
}

// The two paths meet where the tail crosses 1e-280: on either side of that t
// the probability path and the log path agree to 1e-13 in z.
TEST(StudentTz, PathsAgreeAtTheSwitch) {
  for (double df : {30.0, 1e3, 1e5}) {
    const boost::math::students_t dist(df);
    const double t = boost::math::quantile(boost::math::complement(dist, 1e-280));
    const double by_probability = numerics::normal_upper_quantile(1e-280);
    const double by_log = numerics::normal_upper_quantile_of_log(log_t_upper_tail(t, df));
    EXPECT_NEAR(by_log, by_probability, 1e-13 * by_probability) << "df = " << df;
  }
}

// log p and the z with log P(Z >= z) = log p (R, refined by Newton's method).
struct LogCase {
  double log_p;
  double z;
};
constexpr LogCase kLogCases[] = {
    {-700, 37.295079632647415},  // residual 1.1e-13
    {-1000, 44.615747731969407},  // residual -1.1e-13
    {-10000, 141.37983987312717},  // residual 0
    {-1000000, 1414.2077829910172},  // residual 1.2e-10
    {-10000000000, 141421.35614695231},  // residual 0
};

TEST(NormalQuantileOfLog, MatchesR) {
  for (const LogCase& c : kLogCases) {
    EXPECT_NEAR(numerics::normal_upper_quantile_of_log(c.log_p), c.z, kRelative * c.z) << c.log_p;
  }
  // At the threshold it continues the quantile of p itself.
  EXPECT_NEAR(numerics::normal_upper_quantile_of_log(numerics::kLogSmallestTail),
              numerics::normal_upper_quantile(1e-280), 1e-14 * 35.7);
  EXPECT_THROW((void)numerics::normal_upper_quantile_of_log(-600.0), std::domain_error);
}

}  // namespace
}  // namespace gsd::endpoints::student_t_z_test
