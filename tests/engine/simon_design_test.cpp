// Simon's two-stage design through the engine (design.type
// "simon-two-stage"): the config's example gives the designs of Simon's
// Table 1 (tests/endpoints/simon_two_stage_test.cpp checks the search against
// an R enumeration); the criterion picks the design; the operating
// characteristics agree with the design at p0 and p1; the contract JSON; and
// what the group-sequential workflows say of such a trial.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "gsd/design.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/monitor.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/simulation.hpp"

namespace gsd::simon_design_test {
namespace {

nlohmann::json example() {
  return read_json_file(std::string(GSD_SOURCE_DIR) + "/examples/single-arm/simon-two-stage.json");
}

std::string path_of_error(const std::function<void()>& f) {
  try {
    f();
  } catch (const numerics::InvalidInput& e) {
    return numerics::to_string(e.path());
  }
  return "no error";
}

TEST(SimonDesign, TheExampleGivesSimonsTableOne) {
  const Trial trial = load_trial(example());
  ASSERT_TRUE(trial.simon);
  const DesignResult r = design_trial(trial);
  ASSERT_TRUE(r.simon);
  const endpoints::SimonDesign& d = r.simon->chosen();
  // Simon (1989), Table 1, p0 0.10, p1 0.30, alpha 0.05, beta 0.2: optimal
  // 1/10, 5/29, EN(p0) 15.0, PET(p0) 0.74; minimax 1/15, 5/25, 19.5, 0.55.
  EXPECT_EQ(d.r1, 1);
  EXPECT_EQ(d.n1, 10);
  EXPECT_EQ(d.r, 5);
  EXPECT_EQ(d.n, 29);
  EXPECT_NEAR(d.expected_patients_null, 15.0, 0.05);
  EXPECT_NEAR(d.early_stop_null, 0.74, 0.005);
  EXPECT_EQ(r.simon->result.minimax.n1, 15);
  EXPECT_EQ(r.simon->result.minimax.n, 25);
  EXPECT_NEAR(r.simon->result.minimax.expected_patients_null, 19.5, 0.05);
  EXPECT_NEAR(r.simon->result.minimax.early_stop_null, 0.55, 0.005);
}

TEST(SimonDesign, TheCriterionPicksTheDesign) {
  nlohmann::json config = example();
  config["design"]["criterion"] = "minimax";
  const DesignResult r = design_trial(load_trial(config));
  EXPECT_EQ(r.simon->chosen().n, 25);
  EXPECT_EQ(r.simon->chosen().n1, 15);
  EXPECT_EQ(to_json(r)["simon_two_stage"]["design"]["n"], 25);
}

// The table holds p0 and p1 exactly, where its probabilities are the
// design's alpha, power and PET, and every rate's chance of being declared
// promising rises with the rate.
TEST(SimonDesign, OperatingCharacteristicsMeetTheDesign) {
  const DesignResult r = design_trial(load_trial(example()));
  const endpoints::SimonDesign& d = r.simon->chosen();
  const auto& table = r.simon->operating_characteristics;
  ASSERT_EQ(table.size(), 10u);  // 0.05 to 0.50: 0.00 is left out
  EXPECT_EQ(table.front().rate, 0.05);
  bool p0 = false;
  bool p1 = false;
  // Exactly equal (the table holds p0 and p1 as given).
  const auto is = [](double a, double b) { return !(a < b) && !(a > b); };
  for (std::size_t k = 0; k < table.size(); ++k) {
    if (is(table[k].rate, 0.1)) {
      p0 = true;
      EXPECT_EQ(table[k].promising, d.alpha);
      EXPECT_EQ(table[k].early_stop, d.early_stop_null);
      EXPECT_EQ(table[k].expected_patients, d.expected_patients_null);
    }
    if (is(table[k].rate, 0.3)) {
      p1 = true;
      EXPECT_EQ(table[k].promising, d.power);
      EXPECT_EQ(table[k].expected_patients, d.expected_patients_alternative);
    }
    if (k > 0) {
      EXPECT_GT(table[k].promising, table[k - 1].promising);
    }
  }
  EXPECT_TRUE(p0 && p1);
}

TEST(SimonDesign, ContractJson) {
  const nlohmann::json j = to_json(design_trial(load_trial(example())));
  EXPECT_EQ(j["design_type"], "simon-two-stage");
  EXPECT_FALSE(j.contains("boundaries"));
  const nlohmann::json& s = j["simon_two_stage"];
  EXPECT_EQ(s["rate_h0"], 0.1);
  EXPECT_EQ(s["rate_h1"], 0.3);
  EXPECT_EQ(s["criterion"], "optimal");
  EXPECT_EQ(s["design"], s["optimal"]);
  EXPECT_EQ(s["admissible"].size(), 4u);
  EXPECT_EQ(s["admissible"].front()["weight_high"], 1.0);
  EXPECT_EQ(s["admissible"].back()["weight_low"], 0.0);
  EXPECT_EQ(s["single_stage"]["n"], 25);
  EXPECT_EQ(s["single_stage"]["r"], 5);
}

// The optimum is the optimum up to the bound: an optimal n near it is warned
// of. The example's rates with the bound at 28 give the admissible 1/11,
// 5/27 (EN(p0) 15.84) as the optimum; with room the search finds Simon's
// 1/10, 5/29 (15.01), and there is nothing to warn of.
TEST(SimonDesign, AnOptimumNearTheBoundIsWarnedOf) {
  nlohmann::json config = example();
  config["design"]["max_patients"] = 28;
  const DesignResult near = design_trial(load_trial(config));
  EXPECT_EQ(near.simon->result.optimal.n, 27);
  const nlohmann::json j = to_json(near);
  ASSERT_EQ(j["simon_two_stage"]["warnings"].size(), 1u);
  EXPECT_NE(j["simon_two_stage"]["warnings"][0].get<std::string>().find(
                "has 27 patients, within 10 of design.max_patients = 28"),
            std::string::npos);
  const DesignResult wide = design_trial(load_trial(example()));
  EXPECT_EQ(wide.simon->result.optimal.n, 29);
  EXPECT_LT(wide.simon->result.optimal.expected_patients_null, near.simon->result.optimal.expected_patients_null);
  EXPECT_TRUE(to_json(wide)["simon_two_stage"]["warnings"].empty());
}

TEST(SimonDesign, GroupSequentialWorkflowsRefuseIt) {
  const Trial trial = load_trial(example());
  EXPECT_EQ(path_of_error([&] { solve_boundaries(trial); }), "design.type");
  EXPECT_EQ(path_of_error([&] { simulate_trial(trial, {}); }), "design.type");
  // gsd monitor takes it, with its looks (simon_monitoring_test.cpp).
  EXPECT_EQ(path_of_error([&] { monitor_trial(trial); }), "monitoring");
}

// A Trial built in code is checked as the loader checks a config.
TEST(SimonDesign, ValidateNamesTheConfigPaths) {
  Trial trial = load_trial(example());
  EXPECT_NO_THROW(trial.validate());
  trial.simon->spec.null_rate = 0.5;
  EXPECT_EQ(path_of_error([&] { trial.validate(); }), "endpoint.rate");
  trial.simon->spec.null_rate = 1.5;
  EXPECT_EQ(path_of_error([&] { trial.validate(); }), "endpoint.margin");
  trial.simon->spec.null_rate = 0.1;
  trial.simon->spec.max_patients = 1;
  EXPECT_EQ(path_of_error([&] { trial.validate(); }), "design.max_patients");
  trial.simon->spec.max_patients = 100;
  trial.simulation = SimulationSettings{};
  EXPECT_EQ(path_of_error([&] { trial.validate(); }), "design.type");
}

}  // namespace
}  // namespace gsd::simon_design_test
