// The Kaplan-Meier curve of a simulated trial at calendar time tau counts an
// event as the simulator does: observed when entry + time <= tau.
#include <gtest/gtest.h>

#include <vector>

#include "gsd/curves.hpp"

namespace gsd::kaplan_meier_test {
namespace {

TEST(KaplanMeier, TheEventThatSetsTheLookIsObserved) {
  // A look at the calendar time of this event: tau = entry + time, where
  // tau - entry rounds to 2^-52 below time (0.8504242956601891).
  const double entry = 3.378945123872456;
  const double time = 0.8504242956601893;
  const double tau = entry + time;
  ASSERT_LT(tau - entry, time);
  std::vector<simulate::PatientRecord> patients(2);
  patients[0].entry = entry;
  patients[0].time = time;
  patients[0].event = true;
  patients[1].entry = 0.5;
  patients[1].time = 10.0;  // still at risk at tau
  patients[1].event = true;
  const Curve c = kaplan_meier(patients, false, tau);
  // S drops once, by the factor 1 - 1/2 (two at risk).
  ASSERT_GE(c.y.size(), 2u);
  EXPECT_DOUBLE_EQ(c.y[1], 0.5);
  EXPECT_DOUBLE_EQ(c.x[1], tau - entry);
}

}  // namespace
}  // namespace gsd::kaplan_meier_test
