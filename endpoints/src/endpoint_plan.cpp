#include "gsd/endpoints/endpoint_plan.hpp"

#include <boost/math/policies/error_handling.hpp>
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "gsd/endpoints/look_patients.hpp"
#include "gsd/numerics/check.hpp"
#include "gsd/numerics/exit_probabilities.hpp"
#include "gsd/numerics/find_root.hpp"
#include "gsd/numerics/normal.hpp"
#include "statistic.hpp"

namespace gsd::endpoints {

namespace {

using spending::Design;

// A target power this close to the design's own is the design's: its drift
// and inflation factor, as rpact sizes at the design's beta.
constexpr double kSamePower = 1e-9;
// The largest drift searched: power is 1 to double precision long before 40.
constexpr double kMaxDrift = 40.0;
constexpr int kDriftBits = 52;
// Rounding patients up forgives this much above a whole number (a solve
// landing at 100 + 1e-9 is 100 patients).
constexpr double kWholeSlack = 1e-8;

numerics::ExitProbabilities exits(const Design& design, double drift) {
  return spending::evaluate(design, numerics::means_for_drift(design.spec.information_fractions, drift));
}

bool two_sided(const Design& d) { return d.spec.sided == spending::Sidedness::kTwoSidedSymmetric; }

// Rejection: the upper side, and the lower side of a two-sided design (as
// rpact's overallReject). A two-sided design's futility region is inner
// (ExitProbabilities::inner), so its lower exits are rejections with or
// without futility; a one-sided design's lower exits (futility, harm) are not.
double rejection(const Design& d, const numerics::ExitProbabilities& p) {
  double total = p.total_upper();
  if (two_sided(d)) {
    for (double x : p.lower) total += x;
  }
  return total;
}

double drift_for_power(const Design& design, double power) {
  if (std::fabs(power - design.power) <= kSamePower) return design.drift;
  return numerics::find_root([&](double x) { return rejection(design, exits(design, x)) - power; }, 0.0,
                             kMaxDrift, kDriftBits, "the group-sequential drift for the power");
}

void fill_looks(const EndpointSpec& spec, const Design& design, EndpointPlan& plan,
                const numerics::ExitProbabilities& h1) {
  const auto& t = design.spec.information_fractions;
  const double r = spec.allocation_ratio;
  double cumulative = 0.0;
  for (std::size_t k = 0; k < t.size(); ++k) {
    EndpointLook look;
    look.information_fraction = t[k];
    look.patients = t[k] * plan.patients_unrounded;
    if (spec.groups == 2) {
      look.patients_treatment = look.patients * r / (1.0 + r);
      look.patients_control = look.patients / (1.0 + r);
    } else {
      look.patients_treatment = look.patients;
    }
    look.efficacy_z = design.efficacy[k];
    look.futility_z = design.futility[k];
    look.efficacy_effect = detail::estimate_at(spec, design.efficacy[k], look.patients);
    if (two_sided(design)) {
      look.efficacy_effect_lower = detail::estimate_at(spec, -design.efficacy[k], look.patients);
    }
    if (design.futility[k]) look.futility_effect = detail::estimate_at(spec, *design.futility[k], look.patients);
    if (design.harm[k]) look.harm_effect = detail::estimate_at(spec, *design.harm[k], look.patients);
    look.drift = plan.drift * std::sqrt(t[k]);
    look.probability_efficacy_h1 = h1.upper[k];
    look.probability_lower_h1 = h1.lower[k];
    cumulative += h1.upper[k];
    look.cumulative_power = cumulative;
    plan.looks.push_back(look);
  }
}

}  // namespace

namespace {

EndpointPlan solve_plan(const EndpointSpec& spec, const Design& design) {
  const double alpha = design.spec.alpha_per_side();
  EndpointPlan plan;
  const auto& t = design.spec.information_fractions;
  plan.least_patients = least_patients(spec, t);
  if (spec.patients) {
    plan.solved_for = EndpointSolve::kPower;
    plan.patients_unrounded = *spec.patients;
    plan.patients = *spec.patients;
    plan.drift = detail::drift_at(spec, *spec.patients, alpha);
    if (std::isinf(plan.drift) && plan.drift < 0.0) {
      numerics::fail({"patients"}, *spec.patients,
                     "are too few for the t test: at " +
                         numerics::format_value(*spec.patients - spec.groups) +
                         " degrees of freedom its critical value lies beyond every double, so it "
                         "never rejects; give more patients");
    }
    if (!(plan.drift > 0.0)) {
      numerics::fail({"patients"}, *spec.patients,
                     "are too few for this test: its power does not exceed alpha (drift " +
                         numerics::format_value(plan.drift) + ")");
    }
  } else {
    plan.solved_for = EndpointSolve::kPatients;
    const double power = spec.power.value_or(1.0 - design.spec.beta);
    plan.drift = drift_for_power(design, power);
    const double fixed_drift = numerics::normal_upper_quantile(alpha) + numerics::normal_upper_quantile(1.0 - power);
    plan.fixed_patients = detail::fixed_patients(spec, alpha, 1.0 - power);
    plan.patients_unrounded = *plan.fixed_patients * std::pow(plan.drift / fixed_drift, 2);
    if (!(plan.patients_unrounded <= EndpointSpec::kMaxPatients)) {
      // An effect within rounding of H0 (0.4 - 0.3 against a margin of 0.1)
      // needs patients beyond every double: no count is printed then.
      const std::string needs = std::isfinite(plan.patients_unrounded)
                                    ? numerics::format_value(plan.patients_unrounded) + " patients, more than 1e9"
                                    : "more than 1e9 patients";
      numerics::fail({"power"}, power,
                     "needs " + needs + ": the effect is too small to detect against H0 (" +
                         numerics::format_input(spec.alternative()) + " against " +
                         numerics::format_input(spec.null_value()) + ")");
    }
    plan.patients = std::ceil(plan.patients_unrounded - kWholeSlack);
    // A large effect needs fewer patients than the looks need to have a
    // statistic each (a t test's look needs two patients per arm): the
    // whole size is raised to the least that has, the power stays that of
    // the unrounded size (as for any rounding up).
    plan.patients = std::max(plan.patients, static_cast<double>(plan.least_patients));
  }
  const bool at_design = std::fabs(plan.drift - design.drift) <= 0.0;
  const numerics::ExitProbabilities h1 = at_design ? design.alternative : exits(design, plan.drift);
  plan.power = rejection(design, h1);
  plan.expected_patients_h1 = plan.patients_unrounded * h1.expected_fraction(t);
  plan.expected_patients_h0 = plan.patients_unrounded * design.expected_fraction_null;
  fill_looks(spec, design, plan, h1);
  return plan;
}

}  // namespace

EndpointPlan plan_endpoint(const EndpointSpec& spec, const Design& design) {
  spec.validate(design.spec.alpha_per_side());
  try {
    return solve_plan(spec, design);
  } catch (const numerics::NumericalError&) {
    throw;
  } catch (const boost::math::evaluation_error&) {
    if (spec.type != EndpointType::kNormal) throw;
  } catch (const boost::math::rounding_error&) {
    if (spec.type != EndpointType::kNormal) throw;
  } catch (const std::overflow_error&) {
    if (spec.type != EndpointType::kNormal) throw;
  }
  // Boost's noncentral t gives up at a noncentrality of about 6.5e4 (a
  // standardized effect of thousands of sd, or of a few sd at a billion
  // patients): refused by the effect that gives it, with the z test, which
  // needs no noncentral t, as the way out.
  const double sd_units = std::fabs(spec.alternative() - spec.null_value()) / spec.sd;
  numerics::fail({spec.groups == 1 ? "mean" : "mean_difference"}, spec.alternative(),
                 "is " + numerics::format_value(sd_units) + " sd from the H0 value " +
                     numerics::format_input(spec.null_value()) +
                     ": the t test's noncentral t distribution cannot be computed for so large a "
                     "standardized effect at these patients; check the value and endpoint.sd, or "
                     "set endpoint.normal_approximation to true (the z test)");
}

}  // namespace gsd::endpoints
