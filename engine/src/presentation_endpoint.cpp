// Words for normal and binary endpoints (see presentation.hpp).
#include <cmath>
#include <iomanip>
#include <sstream>
#include <string>
#include <vector>

#include "gsd/presentation.hpp"

#include "gsd/endpoints/expected_outcomes.hpp"

namespace gsd {

using endpoints::EndpointSpec;
using endpoints::EndpointType;

const char* simon_criterion_name(SimonCriterion criterion) noexcept {
  return criterion == SimonCriterion::kMinimax ? "minimax" : "optimal";
}

std::vector<std::string> simon_warnings(const SimonPlan& plan) {
  std::vector<std::string> out;
  const int bound = plan.settings.spec.max_patients;
  const int n = plan.result.optimal.n;
  if (n > bound - kSimonBoundMargin) {
    out.push_back("the optimal design has " + std::to_string(n) + " patients, within " +
                  std::to_string(kSimonBoundMargin) + " of design.max_patients = " + std::to_string(bound) +
                  ": a design with more patients may have fewer expected under p0; raise max_patients to see");
  }
  return out;
}

const char* simon_design_kind(std::size_t k, std::size_t count) noexcept {
  const bool first = k == 0;
  const bool last = k + 1 == count;
  return first && last ? "both" : first ? "minimax" : last ? "optimal" : "admissible";
}

const char* endpoint_type_name(EndpointType type) noexcept {
  return type == EndpointType::kNormal ? "normal" : "binary";
}

const char* endpoint_solved_for(endpoints::EndpointSolve solve) noexcept {
  return solve == endpoints::EndpointSolve::kPatients ? "patients" : "power";
}

const char* rate_scale_name(endpoints::RateScale scale) noexcept {
  return scale == endpoints::RateScale::kRatio ? "ratio" : "difference";
}

const char* rate_variance_name(endpoints::RateVariance variance) noexcept {
  return variance == endpoints::RateVariance::kUnpooled ? "unpooled" : "pooled";
}

const char* direction_name(endpoints::Direction direction) noexcept {
  return direction == endpoints::Direction::kUpper ? "upper" : "lower";
}

const char* estimate_name(const EndpointSpec& spec) noexcept {
  if (spec.type == EndpointType::kNormal) return spec.groups == 1 ? "mean" : "mean difference";
  if (spec.groups == 1) return "rate";
  return spec.scale == endpoints::RateScale::kRatio ? "rate ratio" : "rate difference";
}

std::string endpoint_method_description(const EndpointSpec& spec) {
  std::string out;
  if (spec.type == EndpointType::kNormal) {
    out = spec.normal_approximation
              ? "z test of the mean: fixed-design patients by the normal approximation"
              : "t test of the mean: fixed-design patients by the noncentral t, bounds on the "
                "estimate scale by the t quantile at each look's nominal level";
  } else if (spec.variance == endpoints::RateVariance::kUnpooled) {
    out = "z test of the rates with the unpooled (Wald) variance under H0 and H1";
  } else {
    out = spec.groups == 1 ? "z test of the rate with the variance at the H0 rate under H0"
                           : "z test of the rates with the variance under H0 at the Farrington-Manning "
                             "restricted rates (the pooled rate when the margin is 0)";
  }
  return out + "; group-sequential patients are the fixed design's times (drift / (z_alpha + z_beta))^2, "
               "the inflation factor at the design's power";
}

const char* endpoint_method_reference(const EndpointSpec& spec) noexcept {
  if (spec.type == EndpointType::kNormal) {
    return "rpact 3.3.4 getSampleSizeMeans and getPowerMeans; Jennison & Turnbull (2000), section 2.7";
  }
  return "rpact 3.3.4 getSampleSizeRates and getPowerRates; Farrington & Manning (1990), Stat Med "
         "9:1447; Jennison & Turnbull (2000), section 2.7";
}

std::string exact_binomial_description() {
  return "the responder count's exact distribution over the looks: at each look the count so far plus "
         "Binomial(new patients, rate), each count judged by the plan's rate statistic against the design's "
         "bounds, at the whole patients gsd simulate runs (ceil of each look's fraction of them); H0 "
         "rejections ignore the futility bound, as a non-binding design spends alpha";
}

const char* const kExactBinomialReference =
    "Fleming (1982), Biometrics 38:143; Jennison & Turnbull (2000), section 12.1; gsDesign's gsBinomialExact";

std::vector<std::string> endpoint_warnings(const EndpointSize& size) {
  const endpoints::EndpointSpec& spec = size.spec;
  std::vector<std::string> out;
  if (spec.type != endpoints::EndpointType::kBinary) return out;
  if (size.exact_sizing) return out;  // sized on the exact values themselves
  if (size.exact) {
    // The responder count's own distribution: no approximation to warn of
    // beyond what it shows.
    const simulate::ExactBinomial& e = *size.exact;
    const int n = e.looks.back().patients;
    if (std::fabs(e.power - size.plan.power) > kExactPowerGap) {
      std::ostringstream w;
      w << std::fixed << std::setprecision(4) << "the exact binomial power at " << n << " patients is "
        << e.power << ", against " << size.plan.power
        << " by the normal approximation: the responder count takes few values, and each look's bound "
           "falls between two of them; the exact probabilities are what the trial will do (endpoint.sizing "
           "\"exact\" sizes on them)";
      out.push_back(w.str());
    }
    if (e.alpha > e.design_alpha * (1.0 + kExactAlphaExcess)) {
      std::ostringstream w;
      w << std::fixed << std::setprecision(4) << "the exact type I error at " << n << " patients is "
        << e.alpha << ", above the design's alpha " << e.design_alpha
        << ": the bounds on the responder count are less strict than the z bounds they come from; "
           "lower alpha, or size on the exact values (endpoint.sizing \"exact\")";
      out.push_back(w.str());
    }
    return out;
  }
  const endpoints::ExpectedOutcomes few = endpoints::fewest_expected_outcomes(spec, size.plan.patients);
  if (!(few.count < endpoints::kFewExpectedOutcomes)) return out;
  std::ostringstream w;
  w << std::fixed << std::setprecision(1)
    << (spec.groups == 1 ? "the sample" : few.treatment ? "the treatment arm" : "the control arm")
    << " expects " << few.count << (few.responders ? " responders" : " non-responders")
    << " at the final analysis (fewer than " << std::setprecision(0) << endpoints::kFewExpectedOutcomes
    << "): the rate statistic then takes few, skewed values, and the normal approximation's power can be "
       "off by 0.01 to 0.02 and each look's crossing probability by more; check the plan by simulation "
       "(gsd simulate)";
  out.push_back(w.str());
  return out;
}

}  // namespace gsd

