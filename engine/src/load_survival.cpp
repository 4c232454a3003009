// The `survival` section of a config to a survival::SurvivalSpec.
#include "loaders.hpp"

#include <array>
#include <cmath>
#include <numbers>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "gsd/numerics/invalid_input.hpp"
#include "gsd/survival/sample_size.hpp"

namespace gsd::detail {

namespace {

using survival::Accrual;
using survival::CureModel;
using survival::Latency;
using survival::SurvivalSpec;

using numerics::InvalidInput;

// Library checks re-thrown under the path of the node the arguments came from.
template <class F>
auto at_path(const JsonNode& node, F f) {
  return numerics::within(node.path(), f);
}

// A latency made from one number given at `node` (a median, a hazard, a
// hazard ratio): a number so extreme that the latency's rate or median leaves
// the range of a double (median_noncured = 1e-320 makes the rate ln 2 /
// 1e-320 = inf) is refused as the number given, not as the internal value it
// overflowed to.
template <class F>
Latency within_double_range(const JsonNode& node, F make) {
  constexpr const char* kRule =
      "puts the noncured latency's median or hazard beyond the range of a double; check the "
      "value and its time unit (survival.time_unit)";
  std::optional<Latency> latency;
  try {
    latency = make();
  } catch (const InvalidInput&) {
    node.fail(kRule);
  }
  const double median = latency->median();
  if (!(median > 0.0) || !std::isfinite(median) || !std::isfinite(std::numbers::ln2 / median)) {
    node.fail(kRule);
  }
  return *latency;
}

double positive(const JsonNode& node) {
  const double x = node.number();
  if (!(x > 0.0)) node.fail("must be positive");
  return x;
}

double non_negative(const JsonNode& node) {
  const double x = node.number();
  if (x < 0.0) node.fail("must be non-negative");
  return x;
}

double cure_fraction(const JsonNode& node) {
  const double x = node.number();
  if (!(x >= 0.0 && x < 1.0)) node.fail("must lie in [0, 1)");
  return x;
}

std::vector<double> positives(const JsonNode& node) {
  node.expect_array();
  std::vector<double> out;
  for (std::size_t i = 0; i < node.size(); ++i) out.push_back(positive(node.element(i)));
  return out;
}

constexpr std::array<std::string_view, 4> kLatencyKeys = {"median_noncured", "hazard", "weibull",
                                                          "piecewise"};

int latency_keys_given(const JsonNode& arm) {
  int given = 0;
  for (std::string_view key : kLatencyKeys) given += arm.has(key) ? 1 : 0;
  return given;
}

Latency parse_latency(const JsonNode& arm) {
  if (latency_keys_given(arm) > 1) {
    throw InvalidInput(arm.path(), "gives more than one of median_noncured, hazard, weibull, piecewise");
  }
  if (const auto median = arm.find("median_noncured")) {
    const double m = positive(*median);
    return within_double_range(*median, [&] { return Latency::exponential_median(m); });
  }
  if (const auto hazard = arm.find("hazard")) {
    const double h = positive(*hazard);
    return within_double_range(*hazard, [&] { return Latency::exponential(h); });
  }
  if (const auto weibull = arm.find("weibull")) {
    weibull->expect_keys({"shape", "scale"});
    return Latency::weibull(positive(weibull->at("shape")), positive(weibull->at("scale")));
  }
  const JsonNode piecewise = arm.at("piecewise");
  piecewise.expect_keys({"starts", "rates"});
  const JsonNode starts = piecewise.at("starts");
  const JsonNode rates = piecewise.at("rates");
  starts.expect_array();
  if (rates.size() != starts.size()) rates.fail("must have one rate per start");
  std::vector<double> start_values = starts.numbers();
  std::vector<double> rate_values = positives(rates);
  return at_path(piecewise, [&] {
    return Latency::piecewise_exponential(std::move(start_values), std::move(rate_values));
  });
}

CureModel parse_control(const JsonNode& arm) {
  arm.expect_keys({"cure_fraction", "median_noncured", "hazard", "weibull", "piecewise"});
  if (latency_keys_given(arm) == 0) {
    arm.fail_missing("median_noncured",
                     "the control arm needs a latency: median_noncured, hazard, weibull or piecewise");
  }
  const double cure = arm.has("cure_fraction") ? cure_fraction(arm.at("cure_fraction")) : 0.0;
  return CureModel(cure, parse_latency(arm));
}

CureModel parse_treatment(const JsonNode& section, const CureModel& control) {
  const std::optional<JsonNode> hr = section.find("hazard_ratio_noncured");
  const std::optional<JsonNode> arm = section.find("treatment");
  if (arm) {
    arm->expect_keys({"cure_fraction", "median_noncured", "hazard", "weibull", "piecewise"});
  }
  const bool own_latency = arm && latency_keys_given(*arm) > 0;
  if (hr && own_latency) {
    hr->fail("conflicts with the latency given in survival.treatment: give one of them");
  }
  if (!hr && !own_latency) {
    section.fail_missing("hazard_ratio_noncured",
                         "give it, or a latency in survival.treatment (median_noncured, hazard, "
                         "weibull or piecewise)");
  }
  const double cure = arm && arm->has("cure_fraction") ? cure_fraction(arm->at("cure_fraction"))
                                                       : control.cure_fraction();
  if (hr) {
    const double ratio = positive(*hr);
    return CureModel(cure, within_double_range(*hr, [&] { return control.latency().with_hazard_ratio(ratio); }));
  }
  return CureModel(cure, parse_latency(*arm));
}

Accrual parse_accrual(const JsonNode& node) {
  node.expect_keys({"duration", "piecewise"});
  if (node.has("duration") == node.has("piecewise")) {
    throw InvalidInput(node.path(), "needs exactly one of duration (uniform) or piecewise");
  }
  if (const auto duration = node.find("duration")) return Accrual::uniform(positive(*duration));
  const JsonNode piecewise = node.at("piecewise");
  piecewise.expect_keys({"durations", "rates"});
  const JsonNode durations = piecewise.at("durations");
  const JsonNode rates = piecewise.at("rates");
  durations.expect_array();
  if (rates.size() != durations.size()) rates.fail("must have one rate per duration");
  std::vector<double> relative;
  for (std::size_t i = 0; i < rates.size(); ++i) relative.push_back(non_negative(rates.element(i)));
  std::vector<double> duration_values = positives(durations);
  return at_path(piecewise, [&] { return Accrual::piecewise(std::move(duration_values), relative); });
}

// survival.looks: one object per design look. {} or {"trigger": "events"}:
// at its events; {"time": T}: at calendar time T; {"time": T, "trigger":
// "first" | "last"}: at its events or time T, whichever comes first / last.
std::vector<survival::LookTrigger> parse_looks(const JsonNode& node) {
  node.expect_nonempty_array("a trigger ({\"trigger\": \"events\"}, or {\"time\": T})");
  std::vector<survival::LookTrigger> out;
  for (std::size_t k = 0; k < node.size(); ++k) {
    const JsonNode look = node.element(k);
    look.expect_object();
    look.expect_keys({"trigger", "time"});
    survival::LookTrigger t;
    const std::string kind =
        look.has("trigger") ? look.at("trigger").choice({"events", "time", "first", "last"})
                            : (look.has("time") ? "time" : "events");
    t.kind = kind == "time"    ? survival::LookTriggerKind::kTime
             : kind == "first" ? survival::LookTriggerKind::kFirst
             : kind == "last"  ? survival::LookTriggerKind::kLast
                               : survival::LookTriggerKind::kEvents;
    if (const auto time = look.find("time")) {
      if (t.kind == survival::LookTriggerKind::kEvents) {
        time->fail("is not used by a look triggered by its events: drop it, or set trigger to "
                   "\"time\", \"first\" or \"last\"");
      }
      t.time = positive(*time);
    } else if (t.kind != survival::LookTriggerKind::kEvents) {
      look.fail_missing("time", "a look triggered by \"" + kind + "\" needs its calendar time");
    }
    out.push_back(t);
  }
  return out;
}

void load_sizes(const JsonNode& section, SurvivalSpec& spec) {
  if (const auto n = section.find("patients")) {
    spec.patients = n->integer();
    if (*spec.patients <= 0) n->fail("must be a positive whole number");
  }
  if (const auto d = section.find("events")) {
    spec.events = d->integer();
    if (*spec.events <= 0) d->fail("must be a positive whole number");
    if (spec.patients && *spec.events > *spec.patients) {
      d->fail("exceeds the " + std::to_string(*spec.patients) +
              " patients (survival.patients): each patient has at most one event; give at most that many events");
    }
  }
  if (const auto f = section.find("follow_up")) spec.follow_up = non_negative(*f);
  if (const auto p = section.find("power")) spec.power = p->number();
  at_path(section, [&] { (void)survival::solve_mode(spec); });
}

}  // namespace

SurvivalSpec load_survival(const JsonNode& section) {
  section.expect_object();
  section.expect_keys({"time_unit", "control", "treatment", "hazard_ratio_noncured",
                       "allocation_ratio", "accrual", "dropout", "follow_up", "patients", "events",
                       "power", "method", "analysis_cap", "looks", "integer", "block",
                       "hazard_ratio_h0", "test"});
  SurvivalSpec spec;
  if (const auto unit = section.find("time_unit")) {
    spec.time_unit = unit->choice({"days", "weeks", "months", "years"});
  }
  if (!section.has("control")) section.fail_missing("control", "the control arm's survival model");
  spec.control = parse_control(section.at("control"));
  spec.treatment = parse_treatment(section, spec.control);
  if (const auto r = section.find("allocation_ratio")) spec.allocation_ratio = positive(*r);
  if (!section.has("accrual")) {
    section.fail_missing("accrual", "e.g. {\"duration\": 36} for uniform accrual over 36 months");
  }
  spec.accrual = parse_accrual(section.at("accrual"));
  if (const auto dropout = section.find("dropout")) {
    dropout->expect_keys({"control", "treatment"});
    if (const auto c = dropout->find("control")) spec.dropout_control = non_negative(*c);
    if (const auto t = dropout->find("treatment")) spec.dropout_treatment = non_negative(*t);
  }
  if (const auto h0 = section.find("hazard_ratio_h0")) spec.hazard_ratio_h0 = positive(*h0);
  if (const auto method = section.find("method")) {
    const std::string name =
        method->choice({"exact", "schoenfeld", "freedman", "hsieh-freedman", "lachin-foulkes"});
    spec.method = name == "schoenfeld"       ? survival::SizingMethod::kSchoenfeld
                  : name == "freedman"       ? survival::SizingMethod::kFreedman
                  : name == "hsieh-freedman" ? survival::SizingMethod::kHsiehFreedman
                  : name == "lachin-foulkes" ? survival::SizingMethod::kLachinFoulkes
                                             : survival::SizingMethod::kExact;
  }
  if (const auto cap = section.find("analysis_cap")) spec.analysis_cap = positive(*cap);
  if (const auto looks = section.find("looks")) spec.looks = parse_looks(*looks);
  if (const auto integer = section.find("integer")) spec.integer = integer->boolean();
  if (const auto block = section.find("block")) {
    const long long b = block->integer();
    if (b <= 0 || b > 1000) block->fail("must be a whole number in [1, 1000]");
    spec.block = static_cast<int>(b);
  }
  load_sizes(section, spec);
  at_path(section, [&] { spec.validate(); });
  return spec;
}

}  // namespace gsd::detail
