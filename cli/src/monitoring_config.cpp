#include "gsd/cli/monitoring_config.hpp"

#include <cmath>

#include "gsd/cli/survival_monitoring.hpp"
#include "gsd/engine/monitoring/look_statistic.hpp"

namespace gsd::cli {

namespace {

using monitoring::Direction;
using monitoring::ObservedLook;

// Statistic forms of a look; exactly one is given.
constexpr const char* kFormsHelp =
    "give exactly one of z, p_two_sided (with direction) or hazard_ratio";

double positive(const JsonNode& node, const std::string& rule = "must be positive") {
  const double x = node.number();
  if (!(x > 0.0)) node.fail(rule);
  return x;
}

// planned_events and allocation_ratio fall back to the survival section.
std::optional<JsonNode> survival_value(const JsonNode& top, std::string_view key) {
  if (const auto survival = top.find("survival")) {
    if (survival->json().is_object()) return survival->find(key);
  }
  return std::nullopt;
}

}  // namespace

ObservedLook parse_look(const JsonNode& look, double allocation_ratio) {
  look.expect_keys({"events", "z", "p_two_sided", "direction", "hazard_ratio", "final", "date",
                    "note", "recorded_at"});
  ObservedLook out;
  if (!look.has("events")) look.fail_missing("events", "each look needs its number of events");
  out.events = positive(look.at("events"));
  const int forms = int{look.has("z")} + int{look.has("p_two_sided")} + int{look.has("hazard_ratio")};
  if (forms == 0) look.fail_missing("z", kFormsHelp);
  if (forms > 1) {
    throw ConfigError(look.path() + " gives " + std::to_string(forms) +
                      " statistics; " + kFormsHelp);
  }
  if (look.has("direction") && !look.has("p_two_sided")) {
    look.at("direction").fail("is only used with p_two_sided");
  }
  if (const auto z = look.find("z")) {
    out.z = z->number();
  } else if (const auto p = look.find("p_two_sided")) {
    const double value = p->number();
    if (!(value > 0.0 && value <= 1.0)) p->fail("must lie in (0, 1]");
    if (!look.has("direction")) {
      look.fail_missing("direction", "p_two_sided needs \"favours-treatment\" or \"favours-control\"");
    }
    const std::string d = look.at("direction").choice({"favours-treatment", "favours-control"});
    out.z = monitoring::z_from_p_two_sided(
        value, d == "favours-treatment" ? Direction::kFavoursTreatment : Direction::kFavoursControl);
  } else {
    const JsonNode hr = look.at("hazard_ratio");
    out.z = monitoring::z_from_hazard_ratio(positive(hr), out.events, allocation_ratio);
  }
  if (const auto final = look.find("final")) out.final_analysis = final->boolean();
  if (const auto date = look.find("date")) (void)date->string();
  if (const auto note = look.find("note")) (void)note->string();
  if (const auto at = look.find("recorded_at")) (void)at->string();
  return out;
}

MonitoringInput parse_monitoring(const Config& config) {
  const JsonNode top(config.root, "");
  if (!top.has("monitoring")) {
    top.fail_missing("monitoring", "gsd monitor needs a monitoring section with its looks");
  }
  const JsonNode m = top.at("monitoring");
  m.expect_keys({"planned_events", "allocation_ratio", "assumed_hazard_ratio", "looks"});
  MonitoringInput in;
  in.plan.design = config.design;
  if (const auto d = m.find("planned_events")) {
    in.plan.planned_events = positive(*d);
  } else if (const auto s = survival_value(top, "events")) {
    in.plan.planned_events = positive(*s);
  } else {
    m.fail_missing("planned_events", "the number of events planned at the final analysis (or "
                                     "survival.events)");
  }
  if (const auto r = m.find("allocation_ratio")) {
    in.plan.allocation_ratio = positive(*r);
  } else if (const auto s = survival_value(top, "allocation_ratio")) {
    in.plan.allocation_ratio = positive(*s);
  }
  if (const auto hr = m.find("assumed_hazard_ratio")) in.plan.assumed_hazard_ratio = positive(*hr);
  if (!m.has("looks")) m.fail_missing("looks", "the looks observed so far, e.g. [{\"events\": 49, \"z\": 2.0}]");
  const JsonNode looks = m.at("looks");
  if (looks.size() == 0) looks.fail("must hold at least one look");
  for (std::size_t k = 0; k < looks.size(); ++k) {
    const JsonNode look = looks.element(k);
    in.looks.push_back(with_monitoring_path([&] { return parse_look(look, in.plan.allocation_ratio); }));
    in.look_inputs.push_back(look.json());
  }
  attach_survival_model(config, in.plan);  // conditional power under the survival model
  return in;
}

}  // namespace gsd::cli
