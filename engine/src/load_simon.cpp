// A config whose design section is Simon's two-stage design
// (design.type "simon-two-stage"): the design section's alpha, beta,
// criterion and search bound, and the endpoint's two rates.
#include <string>

#include "gsd/numerics/invalid_input.hpp"
#include "loaders.hpp"

namespace gsd::detail {

namespace {

// Where a config writes each of SimonSpec's values.
numerics::FieldPath config_path(const numerics::FieldPath& spec_path) {
  const auto& parts = spec_path.parts();
  const auto* key = parts.empty() ? nullptr : std::get_if<std::string>(&parts.front());
  if (key && *key == "null_rate") return {"endpoint", "margin"};
  if (key && *key == "alternative_rate") return {"endpoint", "rate"};
  return spec_path.under({"design"});
}

}  // namespace

void check_simon(const SimonTrial& simon) {
  try {
    simon.spec.validate();
  } catch (const numerics::InvalidInput& e) {
    throw numerics::InvalidInput(config_path(e.path()), e.value(), e.rule());
  }
}

SimonTrial load_simon(const JsonNode& design, const std::optional<JsonNode>& endpoint) {
  design.expect_keys({"type", "alpha", "beta", "criterion", "max_patients"});
  SimonTrial out;
  endpoints::SimonSpec& spec = out.spec;
  if (const auto alpha = design.find("alpha")) spec.alpha = alpha->number();
  if (const auto beta = design.find("beta")) spec.beta = beta->number();
  if (const auto criterion = design.find("criterion")) {
    out.criterion = criterion->choice({"optimal", "minimax"}) == "minimax" ? SimonCriterion::kMinimax
                                                                          : SimonCriterion::kOptimal;
  }
  if (const auto bound = design.find("max_patients")) {
    const long long n = bound->integer();
    numerics::within(design.path(), [&] { endpoints::SimonSpec::check_max_patients(n); });
    spec.max_patients = static_cast<int>(n);
  }
  if (!endpoint) {
    throw numerics::InvalidInput(
        {"endpoint"}, "is missing: Simon's two-stage design needs a single-arm binary endpoint, e.g. "
                      "{\"type\": \"binary\", \"groups\": 1, \"rate\": 0.3, \"margin\": 0.1} (the rate "
                      "sought and the rate not worth pursuing)");
  }
  endpoint->expect_object();
  endpoint->expect_keys({"type", "groups", "rate", "margin", "direction"});
  if (!endpoint->has("type")) endpoint->fail_missing("type", "Simon's two-stage design needs \"binary\"");
  endpoint->at("type").choice({"binary"});
  if (const auto groups = endpoint->find("groups"); groups && groups->integer() != 1) {
    groups->fail("must be 1: Simon's two-stage design is for a single arm");
  }
  if (const auto direction = endpoint->find("direction")) {
    if (direction->choice({"upper", "lower"}) != "upper") {
      direction->fail("must be \"upper\": Simon's design looks for a response rate above the margin; "
                      "for a rate that should fall, count the other outcome (rates 1 - p)");
    }
  }
  if (!endpoint->has("rate")) endpoint->fail_missing("rate", "the response rate worth pursuing (p1)");
  if (!endpoint->has("margin")) endpoint->fail_missing("margin", "the response rate not worth pursuing (p0)");
  spec.alternative_rate = endpoint->at("rate").number();
  spec.null_rate = endpoint->at("margin").number();
  check_simon(out);
  return out;
}

MonitoringSettings load_simon_monitoring(const JsonNode& m) {
  m.expect_object();
  m.expect_keys({"looks", "confidence_level"});
  MonitoringSettings out;
  if (const auto level = m.find("confidence_level")) out.confidence_level = level->number();
  if (const auto looks = m.find("looks")) {
    looks->expect_array();
    for (std::size_t k = 0; k < looks->size(); ++k) {
      const JsonNode look = looks->element(k);
      look.expect_object();
      look.expect_keys({"n", "responders", "date", "note"});
      if (!look.has("n")) look.fail_missing("n", "a look gives its patients so far (n) and their responders");
      if (!look.has("responders")) {
        look.fail_missing("responders", "a look gives its patients so far (n) and their responders");
      }
      SimonLookInput in;
      in.n = look.at("n").number();
      in.responders = look.at("responders").number();
      if (const auto date = look.find("date")) in.date = date->string();
      if (const auto note = look.find("note")) in.note = note->string();
      out.simon_looks.push_back(in);
    }
  }
  return out;
}

}  // namespace gsd::detail
