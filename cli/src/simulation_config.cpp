#include "gsd/cli/simulation_config.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

#include "gsd/cli/sample_size_output.hpp"
#include "gsd/cli/survival_config.hpp"
#include "gsd/simulate/from_survival.hpp"

namespace gsd::cli {

namespace {

// Library checks ("name = value rule") re-thrown under the JSON path `where`.
template <class F>
auto at_path(const std::string& where, F f) {
  try {
    return f();
  } catch (const std::invalid_argument& e) {
    throw ConfigError(where + "." + e.what());
  }
}

constexpr std::string_view kLatencyKeys[] = {"median_noncured", "hazard", "weibull", "piecewise"};

bool gives_latency(const nlohmann::json& arm) {
  for (std::string_view k : kLatencyKeys) {
    if (arm.is_object() && arm.contains(k)) return true;
  }
  return false;
}

// A stratum's survival model: the survival section with the stratum's arm
// keys laid over it, parsed by the survival parser under the stratum's path.
StratumModel parse_stratum(const JsonNode& stratum, const nlohmann::json& base,
                           const DesignSpec& design) {
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
  const survival::SurvivalSpec spec = parse_survival(JsonNode(merged, stratum.path()), design);
  if (!stratum.has("proportion")) stratum.fail_missing("proportion", "each stratum needs its share");
  const JsonNode proportion = stratum.at("proportion");
  const double p = proportion.number();
  if (!(p > 0.0 && p <= 1.0)) proportion.fail("must lie in (0, 1]");
  std::string name;
  if (const auto n = stratum.find("name")) name = n->string();
  return stratum_model(spec, name, p);
}

std::vector<StratumModel> parse_strata(const JsonNode& strata, const nlohmann::json& base,
                                       const DesignSpec& design) {
  strata.expect_array();
  if (strata.size() < 1 || strata.size() > TrialModel::kMaxStrata) {
    strata.fail("must list 1 to " + std::to_string(TrialModel::kMaxStrata) + " strata");
  }
  std::vector<StratumModel> out;
  double total = 0.0;
  for (std::size_t i = 0; i < strata.size(); ++i) {
    out.push_back(parse_stratum(strata.element(i), base, design));
    if (!strata.element(i).has("name")) out.back().name = "stratum " + std::to_string(i + 1);
    total += out.back().proportion;
  }
  if (std::fabs(total - 1.0) > TrialModel::kProportionTolerance) {
    std::ostringstream rule;
    rule << "has proportions that add up to " << total << "; they must add up to 1";
    strata.fail(rule.str());
  }
  return out;
}

void parse_run_options(const JsonNode& sim, SimulationOptions& options) {
  if (const auto r = sim.find("replicates")) {
    options.replicates = r->integer();
    if (options.replicates < 1) r->fail("must be at least 1");
  }
  if (const auto s = sim.find("seed")) {
    const long long seed = s->integer();
    if (seed < 0) s->fail("must be a non-negative integer");
    options.seed = static_cast<std::uint64_t>(seed);
  }
  if (const auto m = sim.find("max_duration")) {
    const double cap = m->number();
    if (!(cap > 0.0 && cap <= SimulationOptions::kMaxDurationLimit)) {
      m->fail("must lie in (0, 1e6]");
    }
    options.max_duration = cap;
  }
}

}  // namespace

SimulationConfig parse_simulation(const Config& config, const Design& design) {
  const JsonNode top(config.root, "");
  if (!top.has("survival")) {
    top.fail_missing("survival", "gsd simulate draws trials from the survival model");
  }
  const std::optional<SampleSizeResult> sizes = solve_sample_size(config, design);
  SimulationConfig out;
  out.survival = sizes->spec;
  const long long patients = sizes->plan.patients;
  const long long events = sizes->plan.events;
  if (patients > 1000000) {
    throw ConfigError("survival.patients = " + std::to_string(patients) +
                      " is more than the simulator's limit of 1000000");
  }
  out.model = trial_model(out.survival, static_cast<int>(patients));
  out.analytic_power = sizes->plan.power;

  const nlohmann::json empty = nlohmann::json::object();
  const JsonNode sim = top.has("simulation") ? top.at("simulation") : JsonNode(empty, "simulation");
  sim.expect_keys({"replicates", "seed", "max_duration", "randomisation", "block_size",
                   "look_events", "strata"});
  parse_run_options(sim, out.options);
  if (const auto r = sim.find("randomisation")) {
    out.model.randomisation = r->choice({"permuted-blocks", "simple"}) == "simple"
                                  ? Randomisation::kSimple
                                  : Randomisation::kPermutedBlocks;
  }
  if (const auto b = sim.find("block_size")) {
    const long long size = b->integer();
    if (size < 1 || size > 1000) b->fail("must be a whole number in [1, 1000]");
    out.model.block_size = static_cast<int>(size);
  }
  if (const auto strata = sim.find("strata")) {
    out.model.strata = parse_strata(*strata, top.at("survival").json(), config.design);
    out.analytic_power.reset();  // the analytic power is for the unstratified model
  }
  for (const auto& s : out.model.strata) out.strata_names.push_back(s.name);
  at_path("simulation", [&] {
    out.model.validate();
    return 0;
  });
  std::optional<std::vector<int>> look_events;
  if (const auto l = sim.find("look_events")) {
    l->expect_array();
    look_events.emplace();
    for (std::size_t i = 0; i < l->size(); ++i) {
      look_events->push_back(static_cast<int>(l->element(i).integer()));
    }
  }
  out.plan = at_path("simulation", [&] {
    return make_look_plan(design, static_cast<int>(events), look_events);
  });
  return out;
}

}  // namespace gsd::cli
