// Simon's two-stage design as a trial's design (design.type
// "simon-two-stage"): the search, the operating characteristics of the
// design the criterion picks, and their contract JSON.
#include <cmath>

#include "gsd/design.hpp"
#include "gsd/json.hpp"
#include "gsd/presentation.hpp"
#include "gsd/version.hpp"
#include "simon_design.hpp"

namespace gsd {

namespace {

using nlohmann::json;

// The table's rates: p0 + k (p1 - p0) / 4 for k = -4..8, those at least
// half a step inside (0, 1) (a rate of 1e-17 is 0 by rounding). p0 and p1
// appear as given; the others are rounded to 12 decimals, so that 0.1 - 0.05
// is tabled (and computed at) 0.05, not 0.05000000000000001.
std::vector<double> table_rates(const endpoints::SimonSpec& spec) {
  std::vector<double> rates;
  const double step = (spec.alternative_rate - spec.null_rate) / 4.0;
  const auto rounded = [](double p) { return std::round(p * 1e12) / 1e12; };
  for (int k = -4; k <= 8; ++k) {
    const double p = k == 0   ? spec.null_rate
                     : k == 4 ? spec.alternative_rate
                              : rounded(spec.null_rate + k * step);
    if (p >= step / 2.0 && 1.0 - p >= step / 2.0) rates.push_back(p);
  }
  return rates;
}

}  // namespace

std::vector<SimonOperatingPoint> simon_operating_characteristics(const endpoints::SimonDesign& design,
                                                                 const std::vector<double>& rates) {
  std::vector<SimonOperatingPoint> out;
  out.reserve(rates.size());
  for (const double p : rates) {
    const endpoints::SimonAtRate at = endpoints::simon_at_rate(design, p);
    out.push_back({p, at.promising, at.early_stop, at.expected_patients});
  }
  return out;
}

std::vector<SimonOperatingPoint> simon_curve(const SimonPlan& plan) {
  std::vector<double> rates;
  for (int k = 1; k < 200; ++k) rates.push_back(k / 200.0);
  return simon_operating_characteristics(plan.chosen(), rates);
}

namespace detail {

json simon_design_json(const endpoints::SimonDesign& d) {
  json j;
  j["n1"] = d.n1;
  j["r1"] = d.r1;
  j["n"] = d.n;
  j["r"] = d.r;
  j["alpha"] = d.alpha;
  j["power"] = d.power;
  j["early_stop_h0"] = d.early_stop_null;
  j["early_stop_h1"] = d.early_stop_alternative;
  j["expected_patients_h0"] = d.expected_patients_null;
  j["expected_patients_h1"] = d.expected_patients_alternative;
  return j;
}

SimonPlan simon_plan(const SimonTrial& trial) {
  SimonPlan plan;
  plan.settings = trial;
  plan.result = numerics::within({"design"}, [&] { return endpoints::simon_two_stage(trial.spec); });
  plan.operating_characteristics = simon_operating_characteristics(plan.chosen(), table_rates(trial.spec));
  return plan;
}

json simon_json(const DesignResult& result) {
  const SimonPlan& plan = *result.simon;
  const endpoints::SimonSpec& spec = plan.settings.spec;
  json s;
  s["rate_h0"] = spec.null_rate;
  s["rate_h1"] = spec.alternative_rate;
  s["alpha"] = spec.alpha;
  s["beta"] = spec.beta;
  s["max_patients"] = spec.max_patients;
  s["criterion"] = simon_criterion_name(plan.settings.criterion);
  s["design"] = simon_design_json(plan.chosen());
  s["optimal"] = simon_design_json(plan.result.optimal);
  s["minimax"] = simon_design_json(plan.result.minimax);
  json admissible = json::array();
  const std::vector<endpoints::AdmissibleDesign>& designs = plan.result.admissible;
  for (std::size_t k = 0; k < designs.size(); ++k) {
    const endpoints::AdmissibleDesign& a = designs[k];
    json j = simon_design_json(a.design);
    j["kind"] = simon_design_kind(k, designs.size());
    j["weight_low"] = a.weight_low;
    j["weight_high"] = a.weight_high;
    admissible.push_back(j);
  }
  s["admissible"] = admissible;
  s["single_stage"] = plan.result.single_stage_patients > 0
                          ? json{{"n", plan.result.single_stage_patients}, {"r", plan.result.single_stage_critical}}
                          : json(nullptr);
  json oc = json::array();
  for (const SimonOperatingPoint& p : plan.operating_characteristics) {
    oc.push_back({{"rate", p.rate},
                  {"promising", p.promising},
                  {"early_stop", p.early_stop},
                  {"expected_patients", p.expected_patients}});
  }
  s["operating_characteristics"] = oc;
  s["warnings"] = simon_warnings(plan);
  json out;
  out["gsd_version"] = kVersion;
  out["name"] = result.name;
  out["design_type"] = "simon-two-stage";
  out["simon_two_stage"] = s;
  return out;
}

}  // namespace detail

}  // namespace gsd
