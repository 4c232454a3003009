// The `simulation` section of a config to SimulationSettings.
#include <string>

#include "gsd/numerics/invalid_input.hpp"
#include "loaders.hpp"

namespace gsd::detail {

namespace {

using simulate::StratumModel;

constexpr std::string_view kLatencyKeys[] = {"median_noncured", "hazard", "weibull", "piecewise"};

bool gives_latency(const nlohmann::json& arm) {
  for (std::string_view k : kLatencyKeys) {
    if (arm.is_object() && arm.contains(k)) return true;
  }
  return false;
}

// A stratum's survival model: the survival section with the stratum's arm
// keys laid over it, loaded by the survival loader under the stratum's path.
StratumModel load_stratum(const JsonNode& stratum, const nlohmann::json& base, std::size_t index) {
  stratum.expect_keys({"name", "proportion", "control", "treatment", "hazard_ratio_noncured"});
  nlohmann::json merged = base;
  for (const char* key : {"control", "treatment", "hazard_ratio_noncured"}) {
    if (stratum.has(key)) merged[key] = stratum.json().at(key);
  }
  // A stratum's own treatment latency replaces the section's hazard ratio.
  if (stratum.has("treatment") && !stratum.has("hazard_ratio_noncured") &&
      gives_latency(stratum.json().at("treatment"))) {
    merged.erase("hazard_ratio_noncured");
  }
  const survival::SurvivalSpec spec = load_survival(JsonNode(merged, stratum.path()));
  if (!stratum.has("proportion")) stratum.fail_missing("proportion", "each stratum needs its share");
  const double p = stratum.at("proportion").number();
  std::string name = "stratum " + std::to_string(index + 1);
  if (const auto n = stratum.find("name")) name = n->string();
  return simulate::stratum_model(spec, name, p);
}

}  // namespace

SimulationSettings load_simulation(const JsonNode& sim, const nlohmann::json& survival_json) {
  // `endpoint` (a normal or binary endpoint's truth) is read by load_endpoint_truth.
  sim.expect_keys({"replicates", "seed", "max_duration", "randomisation", "block_size",
                   "look_events", "strata", "tests", "weighted_bounds", "endpoint"});
  SimulationSettings out;
  if (const auto r = sim.find("replicates")) out.replicates = r->integer();
  if (const auto s = sim.find("seed")) out.seed = s->seed();
  if (const auto m = sim.find("max_duration")) out.max_duration = m->number();
  if (const auto r = sim.find("randomisation")) {
    out.randomisation = r->choice({"permuted-blocks", "simple"}) == "simple"
                            ? simulate::Randomisation::kSimple
                            : simulate::Randomisation::kPermutedBlocks;
  }
  if (const auto w = sim.find("weighted_bounds")) {
    out.observed_weighted_bounds = w->choice({"planned", "observed"}) == "observed";
  }
  if (const auto b = sim.find("block_size")) {
    const long long size = b->integer();
    if (size < 1 || size > 1000) b->fail("must be a whole number in [1, 1000]");
    out.block_size = static_cast<int>(size);
  }
  if (const auto strata = sim.find("strata")) {
    strata->expect_array();
    if (strata->size() < 1 || strata->size() > simulate::TrialModel::kMaxStrata) {
      strata->fail("must list 1 to " + std::to_string(simulate::TrialModel::kMaxStrata) +
                   " strata");
    }
    for (std::size_t i = 0; i < strata->size(); ++i) {
      out.strata.push_back(load_stratum(strata->element(i), survival_json, i));
    }
  }
  if (const auto tests = sim.find("tests")) {
    tests->expect_array();
    if (tests->size() < 1) tests->fail("must list at least one test");
    for (std::size_t i = 0; i < tests->size(); ++i) {
      out.tests.push_back(load_survival_test(tests->element(i)));
    }
  }
  if (const auto l = sim.find("look_events")) {
    l->expect_array();
    out.look_events.emplace();
    for (std::size_t i = 0; i < l->size(); ++i) {
      const long long d = l->element(i).integer();
      if (d < 1 || d > 100000000) l->element(i).fail("must be a whole number in [1, 1e8]");
      out.look_events->push_back(static_cast<int>(d));
    }
  }
  numerics::within(sim.path(), [&] { out.validate(); });
  return out;
}

}  // namespace gsd::detail
