// survival.test: the weighted log-rank test a survival plan reports.
//   {"type": "log-rank"}
//   {"type": "fleming-harrington", "rho": 0, "gamma": 1}
//   {"type": "magirr-burman", "t_star": 12}
// with "spending_scale": "variance" (default: alpha spent at the test's own
// information fractions) or "events" (at the planned event fractions).
#include "loaders.hpp"

#include <string>

#include "gsd/numerics/invalid_input.hpp"

namespace gsd::detail {

survival::SurvivalTest load_survival_test(const JsonNode& test) {
  test.expect_object();
  test.expect_keys({"type", "rho", "gamma", "t_star", "spending_scale"});
  if (!test.has("type")) {
    test.fail_missing("type", "one of log-rank, fleming-harrington, magirr-burman");
  }
  const std::string type = test.at("type").choice({"log-rank", "fleming-harrington", "magirr-burman"});
  survival::SurvivalTest out;
  const auto refuse_unless = [&](std::string_view key, bool allowed) {
    if (const auto node = test.find(key); node && !allowed) {
      node->fail("is not a parameter of the " + type + " test");
    }
  };
  refuse_unless("rho", type == "fleming-harrington");
  refuse_unless("gamma", type == "fleming-harrington");
  refuse_unless("t_star", type == "magirr-burman");
  if (type == "fleming-harrington") {
    out.weight.rho = test.optional_number("rho").value_or(0.0);
    out.weight.gamma = test.optional_number("gamma").value_or(0.0);
  } else if (type == "magirr-burman") {
    if (!test.has("t_star")) test.fail_missing("t_star", "the time after which the weights stop growing");
    out.weight.family = survival::WeightFamily::kMagirrBurman;
    out.weight.t_star = test.at("t_star").number();
  }
  numerics::within(test.path(), [&] { out.weight.validate(); });
  if (const auto scale = test.find("spending_scale")) {
    out.scale = scale->choice({"variance", "events"}) == "events" ? survival::SpendingScale::kEvents
                                                                 : survival::SpendingScale::kVariance;
  }
  return out;
}

}  // namespace gsd::detail
