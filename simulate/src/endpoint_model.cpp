#include "gsd/simulate/endpoint_model.hpp"

#include <cmath>
#include <string>

#include "gsd/numerics/check.hpp"

namespace gsd::simulate {

using endpoints::EndpointType;

namespace {

bool is_rate(double p) { return std::isfinite(p) && p > 0.0 && p < 1.0; }

void check_rate(const numerics::FieldPath& path, const std::optional<double>& p) {
  if (!p) numerics::fail(path, "is missing: the simulator draws responders at this rate");
  if (!is_rate(*p)) numerics::fail(path, *p, "must lie in (0, 1)");
}

void validate_truth(const endpoints::EndpointSpec& s) {
  if (s.groups != 1 && s.groups != 2) numerics::fail({"groups"}, s.groups, "must be 1 or 2");
  if (s.groups == 2) numerics::check_positive({"allocation_ratio"}, s.allocation_ratio);
  if (s.type == EndpointType::kNormal) {
    numerics::check_positive({"sd"}, s.sd);
    const auto& mean = s.groups == 1 ? s.mean : s.mean_difference;
    const char* key = s.groups == 1 ? "mean" : "mean_difference";
    if (!mean || !std::isfinite(*mean)) numerics::fail({key}, "must be given and finite");
    if (s.margin && !std::isfinite(*s.margin)) numerics::fail({"margin"}, *s.margin, "must be finite");
    endpoints::EndpointSpec::check_magnitude({"sd"}, s.sd, true);
    endpoints::EndpointSpec::check_magnitude({key}, *mean, false);
    if (s.margin) endpoints::EndpointSpec::check_magnitude({"margin"}, *s.margin, false);
    return;
  }
  if (s.groups == 1) {
    check_rate({"rate"}, s.rate);
    if (!is_rate(s.null_value())) numerics::fail({"margin"}, s.null_value(), "must lie in (0, 1)");
    return;
  }
  check_rate({"treatment_rate"}, s.treatment_rate);
  check_rate({"control_rate"}, s.control_rate);
  const double m = s.null_value();
  if (s.scale == endpoints::RateScale::kRatio) {
    numerics::check_positive({"margin"}, m);
  } else if (!(std::isfinite(m) && m > -1.0 && m < 1.0)) {
    numerics::fail({"margin"}, m, "must lie in (-1, 1)");
  }
}

}  // namespace

void EndpointModel::validate() const {
  validate_truth(spec);
  if (!spec.direction && !(std::fabs(spec.alternative() - spec.null_value()) > 0.0)) {
    numerics::fail({"direction"}, "is needed when the alternative equals the margin");
  }
  if (look_patients.empty()) numerics::fail({"look_patients"}, "must have at least one look");
  const auto gap = endpoints::first_look_without_statistic(spec, look_patients);
  if (!gap) return;
  const numerics::FieldPath path = numerics::FieldPath("look_patients").index(gap->look);
  const int patients = look_patients[gap->look];
  if (gap->shortfall == endpoints::LookShortfall::kNoNewPatients) {
    numerics::fail(path, patients, "must be greater than the previous look's patients");
  }
  numerics::fail(path, patients,
                 "must leave every arm at least " + std::to_string(endpoints::least_per_arm(spec)) + " patients");
}

EndpointArms EndpointModel::arms_at(std::size_t look) const {
  return endpoints::arms_of(spec, look_patients[look]);
}

std::vector<int> endpoint_look_patients(const spending::Design& design, int patients) {
  return endpoints::look_patients(design.spec.information_fractions, patients);
}

}  // namespace gsd::simulate
