// The `monitoring` section of a config to MonitoringSettings.
#include <string>

#include "gsd/numerics/invalid_input.hpp"
#include "gsd/survival/event_projection.hpp"
#include "loaders.hpp"

namespace gsd::detail {

namespace {

// A MaxCombo look's tests: a non-empty list of {"z", "variance"}.
std::vector<TestLookInput> load_test_looks(const JsonNode& tests) {
  tests.expect_array();
  if (tests.size() == 0) tests.fail("must give each test's z and variance");
  std::vector<TestLookInput> out;
  for (std::size_t j = 0; j < tests.size(); ++j) {
    const JsonNode t = tests.element(j);
    t.expect_object();
    t.expect_keys({"z", "variance"});
    if (!t.has("z")) t.fail_missing("z", "each test gives its z");
    if (!t.has("variance")) t.fail_missing("variance", "each test gives the observed variance of its score");
    out.push_back({t.at("z").number(), t.at("variance").number()});
  }
  return out;
}

// A matrix, row by row. Its shape (one row and one column per test) is
// checked against the test where the number of tests is known: here a
// missing row read as a row too long ("must have 3 entries") for 4 tests.
std::vector<std::vector<double>> load_matrix(const JsonNode& m) {
  m.expect_array();
  if (m.size() == 0) m.fail("must hold the tests' covariance matrix, one row per test");
  std::vector<std::vector<double>> out;
  for (std::size_t a = 0; a < m.size(); ++a) {
    const JsonNode row = m.element(a);
    row.expect_array();
    out.emplace_back();
    for (std::size_t b = 0; b < row.size(); ++b) out.back().push_back(row.element(b).number());
  }
  return out;
}

}  // namespace

LookInput load_look(const JsonNode& look) {
  look.expect_keys({"events", "z", "p_two_sided", "direction", "hazard_ratio", "variance", "tests",
                    "covariance", "final", "date", "note", "recorded_at"});
  LookInput out;
  if (!look.has("events")) look.fail_missing("events", "each look needs its number of events");
  out.events = look.at("events").number();
  if (const auto z = look.find("z")) out.z = z->number();
  if (const auto p = look.find("p_two_sided")) out.p_two_sided = p->number();
  if (const auto d = look.find("direction")) {
    out.direction = d->choice({"favours-treatment", "favours-control"}) == "favours-treatment"
                        ? monitoring::Direction::kFavoursTreatment
                        : monitoring::Direction::kFavoursControl;
  }
  if (const auto hr = look.find("hazard_ratio")) out.hazard_ratio = hr->number();
  if (const auto v = look.find("variance")) out.variance = v->number();
  if (const auto tests = look.find("tests")) out.tests = load_test_looks(*tests);
  if (const auto c = look.find("covariance")) out.covariance = load_matrix(*c);
  if (const auto final = look.find("final")) out.final_analysis = final->boolean();
  if (const auto date = look.find("date")) out.date = date->string();
  if (const auto note = look.find("note")) out.note = note->string();
  if (const auto at = look.find("recorded_at")) out.recorded_at = at->string();
  return out;
}

namespace {

// An arm's summary; `own_keys`: the object holds nothing else (an arm's
// object), not the look itself (a one-sample look's summary, beside its
// other keys, which the look checks).
endpoints::ArmSummary load_arm(const JsonNode& arm, bool own_keys = true) {
  arm.expect_object();
  if (own_keys) arm.expect_keys({"n", "mean", "sd", "responders"});
  endpoints::ArmSummary out;
  if (!arm.has("n")) arm.fail_missing("n", "each arm gives its patients");
  out.n = arm.at("n").number();
  if (const auto mean = arm.find("mean")) out.mean = mean->number();
  if (const auto sd = arm.find("sd")) out.sd = sd->number();
  if (const auto x = arm.find("responders")) out.responders = x->number();
  return out;
}

// A look at a normal or binary endpoint: z, estimate with standard_error, or
// the summaries (one sample: n, mean, sd or n, responders at the look's
// level; two samples: treatment and control objects).
EndpointLookInput load_endpoint_look(const JsonNode& look) {
  look.expect_object();
  look.expect_keys({"patients", "z", "estimate", "standard_error", "n", "mean", "sd", "responders",
                    "treatment", "control", "final", "date", "note"});
  EndpointLookInput out;
  endpoints::LookData& d = out.data;
  if (const auto n = look.find("patients")) d.patients = n->number();
  if (const auto z = look.find("z")) d.z = z->number();
  if (const auto e = look.find("estimate")) d.estimate = e->number();
  if (const auto se = look.find("standard_error")) d.standard_error = se->number();
  if (look.has("n") || look.has("mean") || look.has("sd") || look.has("responders")) {
    if (!look.has("n")) look.fail_missing("n", "a one-sample look's summary gives its patients");
    d.sample = load_arm(look, false);
  }
  if (const auto t = look.find("treatment")) d.treatment = load_arm(*t);
  if (const auto c = look.find("control")) d.control = load_arm(*c);
  if (const auto final = look.find("final")) out.final_analysis = final->boolean();
  if (const auto date = look.find("date")) out.date = date->string();
  if (const auto note = look.find("note")) out.note = note->string();
  return out;
}

}  // namespace

MonitoringSettings load_monitoring(const JsonNode& m, bool endpoint) {
  if (endpoint) {
    m.expect_keys({"planned_patients", "looks"});
    MonitoringSettings out;
    if (const auto n = m.find("planned_patients")) out.planned_patients = n->number();
    if (const auto looks = m.find("looks")) {
      for (std::size_t k = 0; k < looks->size(); ++k) {
        out.endpoint_looks.push_back(load_endpoint_look(looks->element(k)));
      }
    }
    numerics::within(m.path(), [&] { out.validate(); });
    return out;
  }
  m.expect_keys({"planned_events", "allocation_ratio", "assumed_hazard_ratio", "planned_variance", "looks"});
  MonitoringSettings out;
  if (const auto v = m.find("planned_variance")) out.planned_variance = v->number();
  if (const auto d = m.find("planned_events")) out.planned_events = d->number();
  if (const auto r = m.find("allocation_ratio")) out.allocation_ratio = r->number();
  if (const auto hr = m.find("assumed_hazard_ratio")) out.assumed_hazard_ratio = hr->number();
  if (const auto looks = m.find("looks")) {
    for (std::size_t k = 0; k < looks->size(); ++k) out.looks.push_back(load_look(looks->element(k)));
  }
  numerics::within(m.path(), [&] { out.validate(); });
  return out;
}

void check_planned_events_reachable(const Trial& trial) {
  // Where monitor() takes conditional power from the survival model (a
  // log-rank monitor without monitoring.assumed_hazard_ratio), and a
  // survival.test, whose bounds are spent on the model's plan.
  const bool model_used = trial.survival && trial.monitoring &&
                          (trial.survival_test || !trial.monitoring->assumed_hazard_ratio);
  if (!model_used || !trial.survival->patients) return;
  check_planned_events_reachable(trial, static_cast<double>(*trial.survival->patients));
}

void check_planned_events_reachable(const Trial& trial, double patients) {
  if (!trial.survival || !trial.monitoring || !trial.monitoring->planned_events) return;
  const double planned_events = *trial.monitoring->planned_events;
  try {
    survival::check_events_reachable(*trial.survival, patients, planned_events, trial.design.solver);
  } catch (const numerics::InvalidInput& e) {
    throw numerics::InvalidInput({"monitoring", "planned_events"}, e.value(),
                                 e.rule() + survival::kUnreachableEventsAdvice);
  }
}

}  // namespace gsd::detail
