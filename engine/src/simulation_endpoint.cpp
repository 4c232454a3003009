#include "simulation_endpoint.hpp"

#include <cmath>
#include <string>
#include <variant>

#include "gsd/design.hpp"
#include "gsd/endpoints/endpoint_plan.hpp"
#include "gsd/numerics/check.hpp"

namespace gsd::detail {

namespace {

using numerics::InvalidInput;

// The simulation settings that belong to a survival trial.
void refuse_survival_settings(const SimulationSettings& settings, const SimulationRequest& request) {
  const char* why = "applies to a survival trial: a normal or binary endpoint's looks come at "
                    "the planned patients; remove it";
  if (request.max_duration) {
    throw InvalidInput({"options", "max_duration"}, numerics::format_input(*request.max_duration), why);
  }
  if (settings.max_duration) {
    throw InvalidInput({"simulation", "max_duration"}, numerics::format_input(*settings.max_duration), why);
  }
  if (settings.look_events) throw InvalidInput({"simulation", "look_events"}, why);
  if (!settings.strata.empty()) throw InvalidInput({"simulation", "strata"}, why);
}

// Each look must add patients and leave every arm the patients its
// statistic needs (simulate::EndpointModel::validate); said on the key the
// user gave or that the plan solved.
void check_looks(const simulate::EndpointModel& model, int least_patients) {
  try {
    model.validate();
  } catch (const InvalidInput& e) {
    const auto& parts = e.path().parts();
    const auto* key = parts.empty() ? nullptr : std::get_if<std::string>(&parts.front());
    if (!key || *key != "look_patients") throw e.within({"endpoint"});
    const std::string total = std::to_string(model.look_patients.back());
    std::string looks;
    for (int n : model.look_patients) looks += (looks.empty() ? "" : ", ") + std::to_string(n);
    throw InvalidInput({"endpoint", "patients"}, total,
                       "gives looks at " + looks + " patients: each look " + e.rule() + "; give at least " +
                           std::to_string(least_patients));
  }
}

void fill_options(SimulationSetup& s, const SimulationSettings& settings, const SimulationRequest& request) {
  s.options.replicates = request.replicates.value_or(settings.replicates.value_or(s.options.replicates));
  s.options.seed = request.seed.value_or(settings.seed.value_or(s.options.seed));
  s.options.threads = request.threads;
}

}  // namespace

SimulationSetup prepare_endpoint_simulation(const Trial& trial, const SimulationRequest& request,
                                            const RunOptions& options) {
  const SimulationSettings settings = trial.simulation.value_or(SimulationSettings{});
  refuse_survival_settings(settings, request);
  SimulationSetup s;
  s.name = trial.name;
  DesignResult planned = design_trial(trial, options);
  s.design = std::move(planned.boundaries);
  s.endpoint = std::move(planned.endpoint);
  const double patients = s.endpoint->plan.patients;
  if (patients > static_cast<double>(kMaxSimulatedPatients)) {
    throw InvalidInput({"endpoint", "patients"}, numerics::format_input(patients),
                       "is more than the simulator's limit of " + std::to_string(kMaxSimulatedPatients));
  }
  const int n = static_cast<int>(std::ceil(patients));
  simulate::EndpointModel model;
  model.spec = s.endpoint->spec;
  model.look_patients = simulate::endpoint_look_patients(s.design, n);
  check_looks(model, s.endpoint->plan.least_patients);
  if (settings.endpoint_truth) {
    // Drawn under another truth: the analytic power is the plan's, at its
    // alternative, so none is shown (as for strata); the exact one is the
    // truth's.
    model.spec = settings.endpoint_truth->over(model.spec);
    numerics::within({"simulation", "endpoint"}, [&] { settings.endpoint_truth->validate(); });
    s.exact = numerics::within({"simulation", "endpoint"},
                               [&] { return simulate::exact_if_enumerable(model, s.design); });
    s.endpoint_model = std::move(model);
    fill_options(s, settings, request);
    return s;
  }
  // The analytic power of the patients simulated (the plan solved for a
  // power has it at the unrounded patients).
  endpoints::EndpointSpec at_n = model.spec;
  at_n.power.reset();
  at_n.patients = n;
  s.analytic_power = numerics::within({"endpoint"}, [&] {
    return endpoints::plan_endpoint(at_n, s.design).power;
  });
  // The plan's exact values are those of the trial drawn: the same model at
  // the same whole patients.
  s.exact = s.endpoint->exact;
  s.endpoint_model = std::move(model);
  fill_options(s, settings, request);
  return s;
}

}  // namespace gsd::detail
