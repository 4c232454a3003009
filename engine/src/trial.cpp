#include "gsd/trial.hpp"

#include <cmath>
#include <string>
#include <utility>

#include "gsd/numerics/check.hpp"
#include "gsd/simulate/simulation_options.hpp"
#include "loaders.hpp"
#include "monitor_simon.hpp"

namespace gsd {

namespace {

using numerics::FieldPath;
using numerics::InvalidInput;
using numerics::format_value;

constexpr const char* kFormsHelp =
    "give exactly one of z, p_two_sided (with direction) or hazard_ratio";

void validate_look(const LookInput& look, const FieldPath& path) {
  if (!std::isfinite(look.events) || !(look.events > 0.0)) {
    numerics::fail(path.key("events"), look.events, "must be positive");
  }
  const int forms = int{look.z.has_value()} + int{look.p_two_sided.has_value()} +
                    int{look.hazard_ratio.has_value()};
  if (!look.tests.empty()) {
    // A MaxCombo look: each test's z (checked with the test, monitor.cpp).
    if (forms > 0) throw InvalidInput(path, "gives both a statistic and tests; a MaxCombo look gives only tests");
    return;
  }
  if (forms == 0) throw InvalidInput(path.key("z"), std::string("is missing: ") + kFormsHelp);
  if (forms > 1) {
    throw InvalidInput(path, "gives " + std::to_string(forms) + " statistics; " + kFormsHelp);
  }
  if (look.direction && !look.p_two_sided) {
    throw InvalidInput(path.key("direction"),
                       look.direction == monitoring::Direction::kFavoursTreatment
                           ? "\"favours-treatment\""
                           : "\"favours-control\"",
                       "is only used with p_two_sided");
  }
  if (look.z && !std::isfinite(*look.z)) numerics::fail(path.key("z"), *look.z, "must be finite");
  if (look.p_two_sided) {
    if (!(*look.p_two_sided > 0.0 && *look.p_two_sided <= 1.0)) {
      numerics::fail(path.key("p_two_sided"), *look.p_two_sided, "must lie in (0, 1]");
    }
    if (!look.direction) {
      throw InvalidInput(path.key("direction"),
                         "is missing: p_two_sided needs \"favours-treatment\" or \"favours-control\"");
    }
  }
  if (look.hazard_ratio && !(std::isfinite(*look.hazard_ratio) && *look.hazard_ratio > 0.0)) {
    numerics::fail(path.key("hazard_ratio"), *look.hazard_ratio, "must be positive");
  }
}

void check_positive_if(const std::optional<double>& value, const char* name) {
  if (value && !(std::isfinite(*value) && *value > 0.0)) numerics::fail({name}, *value, "must be positive");
}

}  // namespace

void EndpointTruth::validate() const {
  for (const auto& [value, key] : {std::pair{mean_difference, "mean_difference"}, std::pair{mean, "mean"}}) {
    if (value && !std::isfinite(*value)) numerics::fail({key}, *value, "must be finite");
    if (value) endpoints::EndpointSpec::check_magnitude({key}, *value, false);
  }
  if (sd && !(std::isfinite(*sd) && *sd > 0.0)) numerics::fail({"sd"}, *sd, "must be positive");
  if (sd) endpoints::EndpointSpec::check_magnitude({"sd"}, *sd, true);
  for (const auto& [value, key] : {std::pair{control_rate, "control_rate"},
                                   std::pair{treatment_rate, "treatment_rate"}, std::pair{rate, "rate"}}) {
    if (value && !(std::isfinite(*value) && *value > 0.0 && *value < 1.0)) {
      numerics::fail({key}, *value, "must lie in (0, 1)");
    }
  }
}

endpoints::EndpointSpec EndpointTruth::over(const endpoints::EndpointSpec& endpoint) const {
  endpoints::EndpointSpec out = endpoint;
  out.direction = endpoint.test_direction();
  if (mean_difference) out.mean_difference = mean_difference;
  if (mean) out.mean = mean;
  if (sd) out.sd = *sd;
  if (control_rate) out.control_rate = control_rate;
  if (treatment_rate) out.treatment_rate = treatment_rate;
  if (rate) out.rate = rate;
  return out;
}

void SimulationSettings::validate() const {
  // The run options' own rules (replicates, calendar cap), on these values.
  simulate::SimulationOptions options;
  if (replicates) options.replicates = *replicates;
  options.max_duration = max_duration;
  options.validate();
  if (block_size < 0) numerics::fail({"block_size"}, block_size, "must not be negative");
}

void MonitoringSettings::validate() const {
  check_positive_if(planned_events, "planned_events");
  check_positive_if(planned_patients, "planned_patients");
  check_positive_if(allocation_ratio, "allocation_ratio");
  check_positive_if(assumed_hazard_ratio, "assumed_hazard_ratio");
  check_positive_if(planned_variance, "planned_variance");
  for (std::size_t k = 0; k < looks.size(); ++k) validate_look(looks[k], FieldPath{"looks", k});
}

void Trial::validate() const {
  if (simon) {
    if (survival || endpoint || simulation || survival_test) {
      throw InvalidInput({"design", "type"}, "\"simon-two-stage\"",
                         "takes its rates from its own settings: leave out survival, endpoint and simulation");
    }
    detail::check_simon(*simon);
    if (monitoring) detail::simon_monitoring_counts(*monitoring);
    return;
  }
  numerics::within({"design"}, [&] { design.validate(); });
  if (survival) {
    numerics::within({"survival"}, [&] {
      survival->validate();
      if (!survival->looks.empty()) {
        if (survival->looks.size() != design.information_fractions.size()) {
          numerics::fail_sizes({"looks"}, survival->looks.size(), "design.information_fractions",
                               design.information_fractions.size());
        }
        survival->validate_looks();
      }
    });
  }
  if (endpoint) {
    numerics::within({"endpoint"}, [&] { endpoint->validate(design.alpha_per_side()); });
  }
  if (simulation) numerics::within({"simulation"}, [&] { simulation->validate(); });
  if (simulation && simulation->max_duration && survival) {
    survival->check_calendar_time({"simulation", "max_duration"}, *simulation->max_duration);
  }
  if (monitoring) numerics::within({"monitoring"}, [&] { monitoring->validate(); });
  detail::check_test_horizons(*this);
  detail::check_planned_events_reachable(*this);
}

}  // namespace gsd
