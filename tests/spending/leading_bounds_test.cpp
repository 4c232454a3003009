// leading_bounds(): the first looks' bounds without the later looks. Where it
// answers, each bound must be the whole design's, bit for bit (efficacy as
// efficacy_bounds gives it, futility and harm as compute_design gives them),
// for every number of looks; where a bound depends on the drift or on later
// looks it must not answer.
#include "gsd/spending/leading_bounds.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "gsd/spending/design.hpp"

namespace gsd::spending::leading_bounds_test {
namespace {

const std::vector<double> kFractions{0.2, 0.35, 0.5, 0.8, 1.0};

DesignSpec spec_with(EfficacyBoundary efficacy) {
  DesignSpec s;
  s.alpha = 0.025;
  s.beta = 0.1;
  s.information_fractions = kFractions;
  s.efficacy = std::move(efficacy);
  return s;
}

FutilitySpec fixed_z(bool binding) {
  FutilitySpec f;
  f.rule = FutilityRule::kFixedZ;
  f.values = {-0.5, 0.0, 0.3, 3.5};  // the last above the efficacy bound there: capped
  f.binding = binding;
  return f;
}

HarmSpec harm(bool binding) {
  HarmSpec h;
  h.spending = SpendingFunction::hwang_shih_decani(-2.0);
  h.alpha = 0.02;
  h.binding = binding;
  return h;
}

std::vector<DesignSpec> settled_specs() {
  std::vector<DesignSpec> specs{spec_with(SpendingFunction::lan_demets_obrien_fleming()),
                                spec_with(SpendingFunction::hwang_shih_decani(-4.0))};
  DesignSpec two_sided = spec_with(SpendingFunction::lan_demets_pocock());
  two_sided.alpha = 0.05;
  two_sided.sided = Sidedness::kTwoSidedSymmetric;
  two_sided.efficacy_stops = {false, true, false, true, true};
  specs.push_back(two_sided);
  DesignSpec charter = spec_with(SpendingFunction::lan_demets_obrien_fleming());
  charter.spending_time = {0.3, 0.4, 0.6, 0.9, 1.0};
  specs.push_back(charter);
  DesignSpec futility = spec_with(SpendingFunction::lan_demets_obrien_fleming());
  futility.futility = fixed_z(false);
  futility.futility_stops = {true, false, true, true, true};
  specs.push_back(futility);
  DesignSpec with_harm = spec_with(SpendingFunction::lan_demets_obrien_fleming());
  with_harm.harm = harm(false);
  specs.push_back(with_harm);
  DesignSpec both = with_harm;
  both.futility = fixed_z(false);
  specs.push_back(both);
  return specs;
}

TEST(LeadingBounds, AreTheWholeDesignsBitForBit) {
  const std::vector<DesignSpec> specs = settled_specs();
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const DesignSpec& s = specs[i];
    const Design whole = compute_design(s);
    const std::vector<double> efficacy = efficacy_bounds(s);
    for (std::size_t looks = 1; looks <= kFractions.size(); ++looks) {
      SCOPED_TRACE("spec " + std::to_string(i) + ", " + std::to_string(looks) + " looks");
      const auto lead = leading_bounds(s, looks);
      ASSERT_TRUE(lead.has_value());
      ASSERT_EQ(lead->efficacy.size(), looks);
      ASSERT_EQ(lead->futility.size(), looks);
      ASSERT_EQ(lead->harm.size(), looks);
      for (std::size_t k = 0; k < looks; ++k) {
        EXPECT_EQ(lead->efficacy[k], efficacy[k]) << "look " << k;  // exact
        EXPECT_EQ(lead->futility[k], whole.futility[k]) << "look " << k;
        EXPECT_EQ(lead->harm[k], whole.harm[k]) << "look " << k;
      }
    }
  }
}

TEST(LeadingBounds, TheCappedFixedBoundIsTheEfficacyBound) {
  DesignSpec s = spec_with(SpendingFunction::lan_demets_obrien_fleming());
  s.futility = fixed_z(false);
  const auto lead = leading_bounds(s, 5);
  ASSERT_TRUE(lead.has_value());
  EXPECT_EQ(lead->futility[0], -0.5);
  EXPECT_EQ(lead->futility[3], lead->efficacy[3]);  // 3.5 above the bound there
  EXPECT_FALSE(lead->futility[4].has_value());      // none at the final look
}

TEST(LeadingBounds, DoNotAnswerWhereLaterLooksOrTheDriftSetTheBounds) {
  EXPECT_FALSE(leading_bounds(spec_with(ClassicalBoundary::obrien_fleming()), 2).has_value());
  DesignSpec beta = spec_with(SpendingFunction::lan_demets_obrien_fleming());
  beta.futility = FutilitySpec{SpendingFunction::hwang_shih_decani(-2.0), false};
  EXPECT_FALSE(leading_bounds(beta, 2).has_value());
  DesignSpec binding = spec_with(SpendingFunction::lan_demets_obrien_fleming());
  binding.futility = fixed_z(true);
  EXPECT_FALSE(leading_bounds(binding, 2).has_value());
  DesignSpec effect = spec_with(SpendingFunction::lan_demets_obrien_fleming());
  effect.futility = fixed_z(false);
  effect.futility->rule = FutilityRule::kEffectFraction;
  effect.futility->values = {0.0, 0.1, 0.2, 0.3};
  EXPECT_FALSE(leading_bounds(effect, 2).has_value());
  DesignSpec binding_harm = spec_with(SpendingFunction::lan_demets_obrien_fleming());
  binding_harm.harm = harm(true);
  EXPECT_FALSE(leading_bounds(binding_harm, 2).has_value());
}

TEST(LeadingBounds, RejectsALookCountOutsideTheDesign) {
  const DesignSpec s = spec_with(SpendingFunction::lan_demets_obrien_fleming());
  EXPECT_THROW(leading_bounds(s, 0), std::invalid_argument);
  EXPECT_THROW(leading_bounds(s, kFractions.size() + 1), std::invalid_argument);
}

}  // namespace
}  // namespace gsd::spending::leading_bounds_test
