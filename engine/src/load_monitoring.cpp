// The `monitoring` section of a config to MonitoringSettings.
#include <string>

#include "loaders.hpp"

namespace gsd::detail {

LookInput load_look(const JsonNode& look) {
  look.expect_keys({"events", "z", "p_two_sided", "direction", "hazard_ratio", "final", "date",
                    "note", "recorded_at"});
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
  if (const auto final = look.find("final")) out.final_analysis = final->boolean();
  if (const auto date = look.find("date")) out.date = date->string();
  if (const auto note = look.find("note")) out.note = note->string();
  if (const auto at = look.find("recorded_at")) out.recorded_at = at->string();
  return out;
}

MonitoringSettings load_monitoring(const JsonNode& m) {
  m.expect_keys({"planned_events", "allocation_ratio", "assumed_hazard_ratio", "looks"});
  MonitoringSettings out;
  if (const auto d = m.find("planned_events")) out.planned_events = d->number();
  if (const auto r = m.find("allocation_ratio")) out.allocation_ratio = r->number();
  if (const auto hr = m.find("assumed_hazard_ratio")) out.assumed_hazard_ratio = hr->number();
  if (const auto looks = m.find("looks")) {
    for (std::size_t k = 0; k < looks->size(); ++k) out.looks.push_back(load_look(looks->element(k)));
  }
  numerics::within(m.path(), [&] { out.validate(); });
  return out;
}

}  // namespace gsd::detail
