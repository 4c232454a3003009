#pragma once
// Private: the loader of each config section, from JSON to the section's
// value type. Each converts JSON types (with the path of every field) and
// leaves the rules on values to the value types' own validate().
#include <nlohmann/json.hpp>

#include "gsd/trial.hpp"
#include "json_node.hpp"

namespace gsd::detail {

spending::DesignSpec load_design(const JsonNode& design);
// futility.hazard_ratio to z bounds at each look's planned events.
void convert_futility_hazard_ratios(const JsonNode& design, spending::DesignSpec& spec,
                                    const std::optional<survival::SurvivalSpec>& survival,
                                    const std::optional<endpoints::EndpointSpec>& endpoint);
// futility.effect (a normal or binary endpoint's estimate) to z bounds at each
// look's planned patients (endpoints/effect_scale.hpp).
void convert_futility_effects(const JsonNode& design, spending::DesignSpec& spec,
                              const std::optional<endpoints::EndpointSpec>& endpoint);
survival::SurvivalSpec load_survival(const JsonNode& survival);
endpoints::EndpointSpec load_endpoint(const JsonNode& endpoint);
// simulation.endpoint: the truth to simulate the endpoint's trial under, its
// keys those of the endpoint's type and groups.
EndpointTruth load_endpoint_truth(const JsonNode& truth, const endpoints::EndpointSpec& endpoint);
// survival.test (load_survival_test.cpp).
survival::SurvivalTest load_survival_test(const JsonNode& test);
// `survival_json`: the survival section, which strata override key by key.
SimulationSettings load_simulation(const JsonNode& simulation, const nlohmann::json& survival_json);
// endpoint: the looks of a normal or binary endpoint (patients and their
// statistic) instead of a log-rank trial's (events).
MonitoringSettings load_monitoring(const JsonNode& monitoring, bool endpoint = false);

// monitoring.planned_events beyond what survival.patients can ever produce,
// where monitor() needs the survival model to reach them (a log-rank monitor
// without monitoring.assumed_hazard_ratio), refused when the config is read
// (load_trial, Trial::validate) with monitor()'s message, not only by
// monitor() once a look is given: every command and front end then refuses
// it, the web page's design call with no look entered yet included. Without
// survival.patients (solved later) monitor() checks the plan's patients: the
// log-rank monitor as its conditional power needs them, a weighted, MaxCombo,
// RMST or milestone test's monitor with the second form, at `patients`.
void check_planned_events_reachable(const Trial& trial);
void check_planned_events_reachable(const Trial& trial, double patients);
LookInput load_look(const JsonNode& look);
// An RMST's tau and a milestone's time (survival.test, simulation.tests[j])
// under the rule of every time of the model (SurvivalSpec::
// check_calendar_time): a milestone at 1e-12 months left the variance of its
// Kaplan-Meier estimate without a root (exit 1). Read time and validate().
void check_test_horizons(const Trial& trial);

// design.type "simon-two-stage": the design section and the endpoint's rates
// (load_simon.cpp). Errors name the config's paths (endpoint.margin for p0).
SimonTrial load_simon(const JsonNode& design, const std::optional<JsonNode>& endpoint);
void check_simon(const SimonTrial& simon);
// Its monitoring section: looks of {"n", "responders"} and confidence_level.
MonitoringSettings load_simon_monitoring(const JsonNode& monitoring);

}  // namespace gsd::detail
