// Look event counts and the bounds of a final analysis forced by the
// calendar cap.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <thread>
#include <vector>

#include "expect_near_rel.hpp"
#include "gsd/numerics/exit_probabilities.hpp"
#include "gsd/numerics/normal.hpp"
#include "seed_model.hpp"

namespace gsd::simulate::look_plan_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

TEST(LookPlan, SeedLooksAt47And71And94Events) {
  // docs/validation.md: looks at 47, 71 and 94 events (0.75 x 94 = 70.5 rounded up).
  const Design d = compute_design(testing::seed_design_spec());
  EXPECT_EQ(make_look_plan(d, 94).look_events, (std::vector<int>{47, 71, 94}));
  EXPECT_EQ(make_look_plan(d, 94, std::vector<int>{47, 70, 94}).look_events,
            (std::vector<int>{47, 70, 94}));
}

TEST(LookPlan, InconsistentLookEventsAreRejectedByName) {
  const Design d = compute_design(testing::seed_design_spec());
  try {
    make_look_plan(d, 94, std::vector<int>{47, 60, 94});
    FAIL() << "expected invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("look_events[1] = 60"), std::string::npos) << e.what();
  }
  EXPECT_THROW(make_look_plan(d, 94, std::vector<int>{47, 71}), std::invalid_argument);
  EXPECT_THROW(make_look_plan(d, 94, std::vector<int>{47, 71, 93}), std::invalid_argument);
  EXPECT_THROW(make_look_plan(d, 2), std::invalid_argument);
}

TEST(CappedFinalBounds, BeforeTheFirstLookTheWholeAlphaIsSpentAtOnce) {
  const Design d = compute_design(testing::seed_design_spec());
  const CappedFinalBounds bounds(d, make_look_plan(d, 94));
  // One analysis, two-sided 0.05: z = 1.959964 (normal quantile).
  EXPECT_NEAR(bounds.bound(30), 1.959963984540054, 1e-9);
  EXPECT_TRUE(std::isinf(bounds.bound(47)));  // a planned look: not a capped final
  EXPECT_TRUE(std::isinf(bounds.bound(94)));
  EXPECT_TRUE(std::isinf(bounds.bound(0)));
}

TEST(CappedFinalBounds, SpendExactlyTheRemainingAlpha) {
  // Looks at 47 and 71 done, capped final at d events: the total two-sided
  // crossing probability under H0 must be the design's alpha, 0.05.
  const Design d = compute_design(testing::seed_design_spec());
  const CappedFinalBounds bounds(d, make_look_plan(d, 94));
  double previous = 0.0;
  for (int events : {72, 80, 93}) {
    const double t = events / 94.0;
    const double b = bounds.bound(events);
    const std::vector<double> fractions{0.5, 0.75, t};
    const StoppingRegions r{{-d.efficacy[0], -d.efficacy[1], -b}, {d.efficacy[0], d.efficacy[1], b}, {}};
    const ExitProbabilities e = exit_probabilities(fractions, r, 0.0);
    EXPECT_NEAR(e.total_upper() + e.total_lower(), 0.05, 1e-9) << events << " events";
    // Less information at the final look, higher correlation with the
    // interims: the bound falls as the final information shrinks.
    if (previous > 0.0) {
      EXPECT_GT(b, previous);
    }
    previous = b;
  }
  // At 93 of 94 events: rpact 3.3.4 asUser design with informationRates
  // 0.5, 0.75, 93/94 and the OBF spending at the interims, then all of alpha:
  // final bound 2.01206828 (tests/reference/rpact_designs.R); 1e-6 in z.
  EXPECT_NEAR(bounds.bound(93), 2.01206828, 1e-6);
}

// Bounds are solved when first asked for: the order of asking, and two
// threads asking at once, give the same bits as asking one by one.
TEST(CappedFinalBounds, TheSameBitsInAnyOrderAndFromTwoThreads) {
  DesignSpec spec = testing::seed_design_spec();
  spec.alpha = 0.035;
  spec.sided = Sidedness::kOneSided;
  spec.harm = HarmSpec{SpendingFunction::lan_demets_pocock(), 0.01, false};
  const Design d = compute_design(spec);
  const LookPlan plan = make_look_plan(d, 94);
  const auto bits = [](double x) { return std::bit_cast<std::uint64_t>(x); };
  const CappedFinalBounds forward(d, plan);
  std::vector<double> upper(94);
  std::vector<double> harm(94);
  for (int e = 1; e < 94; ++e) {
    upper[static_cast<std::size_t>(e)] = forward.bound(e);
    harm[static_cast<std::size_t>(e)] = forward.harm_bound(e);
  }
  const CappedFinalBounds backward(d, plan);
  for (int e = 93; e >= 1; --e) {
    // The harm bound first: it solves the efficacy bound it needs.
    EXPECT_EQ(bits(backward.harm_bound(e)), bits(harm[static_cast<std::size_t>(e)])) << e;
    EXPECT_EQ(bits(backward.bound(e)), bits(upper[static_cast<std::size_t>(e)])) << e;
  }
  const CappedFinalBounds shared(d, plan);
  const auto ask_all = [&shared] {
    for (int e = 1; e < 94; ++e) {
      (void)shared.harm_bound(e);
      (void)shared.bound(e);
    }
  };
  std::thread other(ask_all);
  ask_all();
  other.join();
  for (int e = 1; e < 94; ++e) {
    EXPECT_EQ(bits(shared.bound(e)), bits(upper[static_cast<std::size_t>(e)])) << e;
    EXPECT_EQ(bits(shared.harm_bound(e)), bits(harm[static_cast<std::size_t>(e)])) << e;
  }
  EXPECT_TRUE(std::isinf(forward.bound(47)));  // planned looks stay without a capped final
  EXPECT_TRUE(std::isinf(forward.harm_bound(71)));
}

// At the simulator's scale (450,000 of a million patients' events) a bound is
// solved only where asked. Before the first look the capped final spends the
// whole two-sided 0.05 at once (the normal quantile); one event short of the
// plan it nearly equals the planned final bound, 2.014084 (rpact 3.3.4,
// docs/validation.md), and lies below it: less information at the final
// analysis, so a higher correlation with the interims.
TEST(CappedFinalBounds, HundredsOfThousandsOfEvents) {
  const Design d = compute_design(testing::seed_design_spec());
  const CappedFinalBounds bounds(d, make_look_plan(d, 450000));
  EXPECT_NEAR(bounds.bound(1000), 1.959963984540054, 1e-9);
  const double last = bounds.bound(449999);
  EXPECT_LT(last, d.efficacy[2]);
  EXPECT_NEAR(last, 2.014084, 1e-4);
  EXPECT_TRUE(std::isinf(bounds.bound(225000)));  // the first look
}

TEST(CappedFinalBounds, OneSidedWithNonBindingFutilityIgnoresFutility) {
  DesignSpec spec;
  spec.information_fractions = {0.5, 1.0};
  FutilitySpec f;
  f.spending = SpendingFunction::hwang_shih_decani(-2.0);
  spec.futility = f;
  const Design d = compute_design(spec);
  const CappedFinalBounds bounds(d, make_look_plan(d, 100));
  const double b = bounds.bound(75);
  const StoppingRegions r{{-INFINITY, -INFINITY}, {d.efficacy[0], b}, {}};
  const ExitProbabilities e = exit_probabilities(std::vector<double>{0.5, 0.75}, r, 0.0);
  EXPECT_NEAR(e.total_upper(), 0.025, 1e-9);
}

// A final analysis forced by the cap at 80 of 100 planned events, after the
// look at 50 with both bounds, also spends the harm alpha left: the harm
// bound l with P(l1 < Z1 < b1, Z_0.8 <= l) = h - h(0.5) under H0 (mvtnorm,
// generator tests/reference/harm_switches.R).
TEST(LookPlan, CappedFinalAnalysisSpendsTheHarmAlphaLeft) {
  DesignSpec spec;
  spec.alpha = 0.035;
  spec.information_fractions = {0.5, 1.0};
  spec.harm = HarmSpec{SpendingFunction::lan_demets_obrien_fleming(), 0.01, false};
  const Design d = compute_design(spec);
  const CappedFinalBounds capped(d, make_look_plan(d, 100));
  EXPECT_NEAR(capped.harm_bound(80), -2.3280832412, 1e-7);
  EXPECT_TRUE(std::isinf(capped.harm_bound(50)));  // a planned look: no capped analysis
  // Without a harm bound there is none at a capped analysis either.
  spec.harm.reset();
  spec.alpha = 0.025;
  const Design plain = compute_design(spec);
  EXPECT_TRUE(std::isinf(CappedFinalBounds(plain, make_look_plan(plain, 100)).harm_bound(80)));
}

}  // namespace
}  // namespace gsd::simulate::look_plan_test
