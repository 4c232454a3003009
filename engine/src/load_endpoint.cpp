// The `endpoint` section of a config to an endpoints::EndpointSpec.
#include "gsd/endpoints/endpoint_spec.hpp"
#include "loaders.hpp"

namespace gsd::detail {

using endpoints::EndpointSpec;
using endpoints::EndpointType;

namespace {

void load_common(const JsonNode& node, EndpointSpec& spec) {
  if (const auto groups = node.find("groups")) {
    const long long g = groups->integer();
    if (g != 1 && g != 2) groups->fail("must be 1 or 2");
    spec.groups = static_cast<int>(g);
  }
  if (const auto r = node.find("allocation_ratio")) {
    if (spec.groups == 1) r->fail("is for two groups (treatment : control); this endpoint has one");
    spec.allocation_ratio = r->number();
  }
  spec.margin = node.optional_number("margin");
  if (const auto direction = node.find("direction")) {
    spec.direction = direction->choice({"upper", "lower"}) == "upper" ? endpoints::Direction::kUpper
                                                                      : endpoints::Direction::kLower;
  }
  spec.power = node.optional_number("power");
  spec.patients = node.optional_number("patients");
}

}  // namespace

EndpointSpec load_endpoint(const JsonNode& node) {
  node.expect_object();
  if (!node.has("type")) node.fail_missing("type", "\"normal\" (means) or \"binary\" (rates)");
  EndpointSpec spec;
  const std::string type = node.at("type").choice({"normal", "binary"});
  if (type == "normal") {
    node.expect_keys({"type", "groups", "allocation_ratio", "margin", "direction", "power", "patients",
                      "mean_difference", "mean", "sd", "normal_approximation"});
    spec.type = EndpointType::kNormal;
    load_common(node, spec);
    spec.mean_difference = node.optional_number("mean_difference");
    spec.mean = node.optional_number("mean");
    if (spec.groups == 1 && spec.mean_difference) {
      node.at("mean_difference").fail("is for two groups; one group gives mean");
    }
    if (spec.groups == 2 && spec.mean) node.at("mean").fail("is for one group; two groups give mean_difference");
    if (const auto sd = node.find("sd")) spec.sd = sd->number();
    if (const auto approx = node.find("normal_approximation")) spec.normal_approximation = approx->boolean();
    return spec;
  }
  node.expect_keys({"type", "groups", "allocation_ratio", "margin", "direction", "power", "patients",
                    "control_rate", "treatment_rate", "rate", "scale", "variance", "sizing"});
  spec.type = EndpointType::kBinary;
  load_common(node, spec);
  spec.control_rate = node.optional_number("control_rate");
  spec.treatment_rate = node.optional_number("treatment_rate");
  spec.rate = node.optional_number("rate");
  if (spec.groups == 1) {
    for (const char* key : {"control_rate", "treatment_rate"}) {
      if (node.has(key)) node.at(key).fail("is for two groups; one group gives rate");
    }
  } else if (spec.rate) {
    node.at("rate").fail("is for one group; two groups give control_rate and treatment_rate");
  }
  if (const auto scale = node.find("scale")) {
    spec.scale = scale->choice({"difference", "ratio"}) == "ratio" ? endpoints::RateScale::kRatio
                                                                  : endpoints::RateScale::kDifference;
  }
  if (const auto variance = node.find("variance")) {
    spec.variance = variance->choice({"pooled", "unpooled"}) == "unpooled"
                        ? endpoints::RateVariance::kUnpooled
                        : endpoints::RateVariance::kRestricted;
  }
  if (const auto sizing = node.find("sizing")) {
    spec.exact_sizing = sizing->choice({"normal", "exact"}) == "exact";
    if (spec.exact_sizing && spec.groups != 1) {
      sizing->fail("is for one group (a single-arm rate); two groups are sized by the normal approximation");
    }
    if (spec.exact_sizing && spec.patients) {
      sizing->fail("solves for patients: give power (or none, for the design's 1 - beta), not patients");
    }
  }
  return spec;
}

EndpointTruth load_endpoint_truth(const JsonNode& node, const EndpointSpec& endpoint) {
  node.expect_object();
  EndpointTruth truth;
  if (endpoint.type == EndpointType::kNormal) {
    node.expect_keys({endpoint.groups == 1 ? "mean" : "mean_difference", "sd"});
    truth.mean_difference = node.optional_number("mean_difference");
    truth.mean = node.optional_number("mean");
    truth.sd = node.optional_number("sd");
  } else if (endpoint.groups == 1) {
    node.expect_keys({"rate"});
    truth.rate = node.optional_number("rate");
  } else {
    node.expect_keys({"control_rate", "treatment_rate"});
    truth.control_rate = node.optional_number("control_rate");
    truth.treatment_rate = node.optional_number("treatment_rate");
  }
  numerics::within(node.path(), [&] { truth.validate(); });
  return truth;
}

}  // namespace gsd::detail
