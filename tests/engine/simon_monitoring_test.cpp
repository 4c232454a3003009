// gsd monitor for Simon's two-stage design: the looks' decisions by the
// design's counts, the conditional chance of a promising end while stage 2
// runs, the exact inference once the trial has ended (whose numbers
// tests/endpoints/simon_inference_test.cpp checks against an enumeration in
// R), the refusals by config path, and a monitoring record of its looks.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/monitor.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/record.hpp"

namespace gsd::simon_monitoring_test {
namespace {

using nlohmann::json;

// Simon's Table 1 optimal design for p0 0.10, p1 0.30, alpha 0.05, power
// 0.8: 1/10, then 5/29.
json config(const json& looks) {
  json c = read_json_file(std::string(GSD_SOURCE_DIR) + "/examples/single-arm/simon-two-stage.json");
  c["monitoring"] = {{"looks", looks}};
  return c;
}

std::string path_of_error(const std::function<void()>& f) {
  try {
    f();
  } catch (const numerics::InvalidInput& e) {
    return numerics::to_string(e.path());
  }
  return "no error";
}

json monitor_json(const json& looks) { return to_json(monitor_trial(load_trial(config(looks)))); }

// Stage 1 with 3 responders of 10 goes on; 6 of 29 is one more than r = 5:
// promising, with the p-value the design's attained alpha, 0.0470863
// (tests/reference/simon_inference.R).
TEST(SimonMonitoring, JudgesEachLookByTheDesignsCounts) {
  const json out = monitor_json(json::array({{{"n", 10}, {"responders", 3}}, {{"n", 29}, {"responders", 6}}}));
  EXPECT_EQ(out["design_type"], "simon-two-stage");
  const json& m = out["monitoring"];
  EXPECT_EQ(m["design"]["n1"], 10);
  EXPECT_EQ(m["design"]["r"], 5);
  ASSERT_EQ(m["looks"].size(), 2u);
  EXPECT_EQ(m["looks"][0]["decision"], "continue");
  EXPECT_EQ(m["looks"][1]["decision"], "stop-efficacy");
  EXPECT_EQ(m["looks"][1]["verdict"], "promising");
  EXPECT_EQ(m["looks"][1]["patients"], 29);
  EXPECT_EQ(m["looks"][1]["responders"], 6);
  const json& f = m["final"];
  EXPECT_EQ(f["ordering"], "stage-wise");
  EXPECT_NEAR(f["p_value"].get<double>(), 0.0470863066438913, 1e-12 * 0.047);
  EXPECT_NEAR(f["umvue_rate"].get<double>(), 0.261308532966635, 1e-12);
  EXPECT_NEAR(f["median_unbiased_rate"].get<double>(), 0.214680883717267, 1e-12);
  EXPECT_NEAR(f["ci_rate"][0].get<double>(), 0.101504793653952, 1e-12);
  EXPECT_NEAR(f["ci_rate"][1].get<double>(), 0.412679409341487, 1e-12);
  // 1 - 2 alpha by default: the interval lies above p0 exactly when the test rejects.
  EXPECT_DOUBLE_EQ(f["confidence_level"].get<double>(), 0.9);
  EXPECT_TRUE(m["warnings"].empty());

  const json not_promising =
      monitor_json(json::array({{{"n", 10}, {"responders", 3}}, {{"n", 29}, {"responders", 5}}}));
  EXPECT_EQ(not_promising["monitoring"]["looks"][1]["decision"], "final-no-rejection");
  EXPECT_NEAR(not_promising["monitoring"]["final"]["p_value"].get<double>(), 0.101620230782257, 1e-12 * 0.1);
}

TEST(SimonMonitoring, AStopAfterStageOneEndsTheTrial) {
  const json m = monitor_json(json::array({{{"n", 10}, {"responders", 1}}}))["monitoring"];
  EXPECT_EQ(m["looks"][0]["decision"], "stop-futility");
  EXPECT_TRUE(m["looks"][0]["conditional_probability"].is_null());
  EXPECT_NEAR(m["final"]["p_value"].get<double>(), 0.6513215599, 1e-12);
  EXPECT_NEAR(m["final"]["ci_rate"][1].get<double>(), 0.394163302436505, 1e-12);
  EXPECT_EQ(m["final"]["look"], 1);
}

// While stage 2 runs there is no inference yet, only the chance of more than
// r = 5 of 29 given stage 1's 3 of 10: 3 or more of 19 more.
TEST(SimonMonitoring, GoingOnGivesTheChanceOfAPromisingEnd) {
  const json m = monitor_json(json::array({{{"n", 10}, {"responders", 3}}}))["monitoring"];
  EXPECT_TRUE(m["final"].is_null());
  const json& c = m["looks"][0]["conditional_probability"];
  // P(Bin(19, p) >= 3) = 1 - (1-p)^19 - 19 p (1-p)^18 - 171 p^2 (1-p)^17.
  const auto at_least_3 = [](double p) {
    const double q = 1.0 - p;
    return 1.0 - std::pow(q, 19) - 19.0 * p * std::pow(q, 18) - 171.0 * p * p * std::pow(q, 17);
  };
  EXPECT_NEAR(c["rate_h0"].get<double>(), at_least_3(0.1), 1e-14);
  EXPECT_NEAR(c["rate_h1"].get<double>(), at_least_3(0.3), 1e-14);
  EXPECT_NEAR(c["observed_rate"].get<double>(), at_least_3(0.3), 1e-14);
}

// Two patients not evaluable in stage 2: judged by the p-value at the sizes
// attained, and said so.
TEST(SimonMonitoring, SizesOtherThanThePlansAreJudgedByThePValueAndWarned) {
  const json m =
      monitor_json(json::array({{{"n", 10}, {"responders", 2}}, {{"n", 27}, {"responders", 6}}}))["monitoring"];
  EXPECT_EQ(m["looks"][1]["decision"], "stop-efficacy");
  EXPECT_FALSE(m["final"]["planned_sizes"].get<bool>());
  EXPECT_NEAR(m["final"]["p_value"].get<double>(), 0.0368503221507422, 1e-12 * 0.037);
  ASSERT_EQ(m["warnings"].size(), 1u);
  EXPECT_NE(m["warnings"][0].get<std::string>().find("stage 2 has 17 patients where the design planned 19"),
            std::string::npos);
}

TEST(SimonMonitoring, RefusalsNameTheConfigPath) {
  const auto path = [](const json& looks) {
    return path_of_error([&] { monitor_trial(load_trial(config(looks))); });
  };
  const json stage1 = {{"n", 10}, {"responders", 3}};
  EXPECT_EQ(path(json::array()), "monitoring.looks");
  EXPECT_EQ(path(json::array({stage1, {{"n", 29}, {"responders", 6}}, {{"n", 30}, {"responders", 6}}})),
            "monitoring.looks[2]");
  EXPECT_EQ(path(json::array({{{"n", 10}, {"responders", 1}}, {{"n", 29}, {"responders", 6}}})),
            "monitoring.looks[1]");  // a look after the stop
  EXPECT_EQ(path(json::array({{{"n", 10.5}, {"responders", 3}}})), "monitoring.looks[0].n");
  EXPECT_EQ(path(json::array({{{"n", 10}, {"responders", 11}}})), "monitoring.looks[0].responders");
  EXPECT_EQ(path(json::array({stage1, {{"n", 10}, {"responders", 3}}})), "monitoring.looks[1].n");
  EXPECT_EQ(path(json::array({stage1, {{"n", 29}, {"responders", 2}}})), "monitoring.looks[1].responders");
  EXPECT_EQ(path(json::array({stage1, {{"n", 29}, {"responders", 23}}})), "monitoring.looks[1].responders");
  EXPECT_EQ(path(json::array({{{"events", 10}, {"z", 2.0}}})), "monitoring.looks[0].events");
  json c = config(json::array({stage1}));
  c["monitoring"]["confidence_level"] = 1.0;
  EXPECT_EQ(path_of_error([&] { load_trial(c); }), "monitoring.confidence_level");
  c["monitoring"]["confidence_level"] = 0.95;
  c["monitoring"]["planned_patients"] = 29;
  EXPECT_EQ(path_of_error([&] { load_trial(c); }), "monitoring.planned_patients");
}

// A record keeps the looks with their decisions, and a replay gives them
// again.
TEST(SimonMonitoring, ARecordKeepsTheLooksAndTheirDecisions) {
  json base = config(json::array());
  base.erase("monitoring");
  json record = start_record(base, "2026-01-01T00:00:00Z", std::nullopt);
  record = append_look(record, {{"n", 10}, {"responders", 3}}, "2026-01-02T00:00:00Z").record;
  const RecordUpdate second = append_look(record, {{"n", 29}, {"responders", 7}}, "2026-03-02T00:00:00Z");
  ASSERT_EQ(second.record["looks"].size(), 2u);
  EXPECT_EQ(second.record["looks"][0]["decision"], "continue");
  EXPECT_EQ(second.record["looks"][1]["decision"], "stop-efficacy");
  EXPECT_NE(second.record["looks"][1]["reason"].get<std::string>().find("7 responders of 29, more than r = 5"),
            std::string::npos);
  const MonitoringReport replayed = replay_record(second.record);
  ASSERT_TRUE(replayed.simon);
  EXPECT_TRUE(replayed.simon->ended());
  EXPECT_EQ(to_json(replayed), to_json(second.report));
  EXPECT_TRUE(decision_changes(second.record, replayed).empty());
}

}  // namespace
}  // namespace gsd::simon_monitoring_test
