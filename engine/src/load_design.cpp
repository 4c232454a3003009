// The `design` section of a config to a spending::DesignSpec.
#include <array>
#include <cmath>
#include <span>
#include <string>
#include <string_view>

#include "gsd/endpoints/effect_scale.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/solver_options.hpp"
#include "gsd/spending/design_limits.hpp"
#include "loaders.hpp"

namespace gsd::detail {

namespace {

using spending::ClassicalBoundary;
using spending::DesignSpec;
using spending::EfficacyBoundary;
using spending::FutilitySpec;
using spending::HarmSpec;
using spending::SpendingFunction;

double required_parameter(const JsonNode& node, const std::string& family,
                          const std::string& meaning) {
  if (!node.has("parameter")) node.fail_missing("parameter", family + " needs " + meaning);
  return node.at("parameter").number();
}

// The families of each section that take a parameter, in the order the
// refusal lists them.
using Families = std::span<const std::string_view>;
constexpr std::array<std::string_view, 6> kEfficacyWithParameter = {
    "hsd", "power", "exponential", "wang-tsiatis", "pampallona-tsiatis", "haybittle-peto"};
constexpr std::array<std::string_view, 4> kFutilityWithParameter = {"hsd", "power", "exponential",
                                                                    "pampallona-tsiatis"};
constexpr std::array<std::string_view, 3> kHarmWithParameter = {"hsd", "power", "exponential"};

// A parameter given to a family that takes none (lan-demets-obf, user, a z
// bound, ...) is refused, not dropped: the user meant something by it (gsDesign's
// sfLDOF reads a param in [0.005, 2] as Liu et al.'s generalised rho; rpact warns
// that gammaA "will be ignored"). `taking`: this section's families that take one.
void refuse_parameter(const JsonNode& node, const std::string& family, Families taking) {
  for (const std::string_view name : taking) {
    if (family == name) return;
  }
  if (const auto parameter = node.find("parameter")) {
    std::string list;
    for (const std::string_view name : taking) list += (list.empty() ? "" : ", ") + std::string(name);
    parameter->fail("is not taken by " + family + "; remove it, or choose a family with a parameter (" +
                    list + ")");
  }
}

// Cumulative fractions are user spending's; under any other family they were
// dropped as a parameter was.
void refuse_cumulative(const JsonNode& node, const std::string& family) {
  if (const auto cumulative = node.find("cumulative")) {
    cumulative->fail("is not taken by " + family + "; remove it, or set spending to user for a spending "
                     "function through these cumulative fractions");
  }
}

// JsonNode errors carry their full path; only the library's own checks (on
// the values read) are re-thrown under the node's path.
SpendingFunction load_spending_function(const JsonNode& node, const std::string& name,
                                        const std::vector<double>& fractions) {
  if (name == "lan-demets-obf") return SpendingFunction::lan_demets_obrien_fleming();
  if (name == "lan-demets-pocock") return SpendingFunction::lan_demets_pocock();
  if (name == "hsd") {
    const double gamma = required_parameter(node, "hsd", "gamma, e.g. -4 (gsDesign's default) or -2");
    return numerics::within(node.path(), [&] { return SpendingFunction::hwang_shih_decani(gamma); });
  }
  if (name == "power") {
    const double rho = required_parameter(node, "power", "rho, e.g. 3");
    return numerics::within(node.path(), [&] { return SpendingFunction::kim_demets_power(rho); });
  }
  if (name == "exponential") {
    const double nu = required_parameter(node, "exponential", "nu, e.g. 0.75 (close to O'Brien-Fleming)");
    return numerics::within(node.path(), [&] { return SpendingFunction::exponential(nu); });
  }
  // "user"
  if (!node.has("cumulative")) {
    node.fail_missing("cumulative", "user spending needs the cumulative fraction at each look");
  }
  const JsonNode cumulative = node.at("cumulative");
  if (cumulative.size() != fractions.size()) {
    cumulative.fail("must have one value per look (" + std::to_string(fractions.size()) + " looks)");
  }
  std::vector<double> values = cumulative.numbers();
  return numerics::within(node.path(), [&] { return SpendingFunction::user(fractions, values); });
}

EfficacyBoundary load_efficacy(const JsonNode& node, const std::vector<double>& fractions) {
  node.expect_keys({"spending", "parameter", "cumulative"});
  const std::string name =
      node.at("spending").choice({"lan-demets-obf", "lan-demets-pocock", "hsd", "power",
                                  "exponential", "user", "obrien-fleming", "pocock",
                                  "wang-tsiatis", "pampallona-tsiatis", "haybittle-peto"});
  refuse_parameter(node, name, kEfficacyWithParameter);
  if (name != "user") refuse_cumulative(node, name);
  if (name == "obrien-fleming") return ClassicalBoundary::obrien_fleming();
  if (name == "pocock") return ClassicalBoundary::pocock();
  if (name == "wang-tsiatis") {
    const double delta =
        required_parameter(node, "wang-tsiatis", "Delta (0 is O'Brien-Fleming, 0.5 Pocock)");
    return numerics::within(node.path(), [&] { return ClassicalBoundary::wang_tsiatis(delta); });
  }
  if (name == "pampallona-tsiatis") {
    const double delta = required_parameter(node, "pampallona-tsiatis",
                                            "Delta of the efficacy bound (rpact's deltaPT1)");
    return numerics::within(node.path(),
                            [&] { return ClassicalBoundary::pampallona_tsiatis(delta); });
  }
  if (name == "haybittle-peto") {
    const double z =
        node.optional_number("parameter").value_or(ClassicalBoundary::kDefaultHaybittlePetoZ);
    return numerics::within(node.path(), [&] { return ClassicalBoundary::haybittle_peto(z); });
  }
  return load_spending_function(node, name, fractions);
}

// One of: a beta-spending family (or pampallona-tsiatis) under "spending",
// fixed z bounds, hazard ratios or endpoint effects (converted by the caller
// at the planned events or patients), or a conditional-power threshold.
FutilitySpec load_futility(const JsonNode& node, const std::vector<double>& fractions) {
  node.expect_keys({"spending", "parameter", "cumulative", "binding", "z", "hazard_ratio", "effect",
                    "conditional_power"});
  int kinds = 0;
  for (const char* key : {"spending", "z", "hazard_ratio", "effect", "conditional_power"}) {
    kinds += node.has(key);
  }
  if (kinds != 1) {
    node.fail("must give exactly one of spending (beta-spending), z, hazard_ratio, effect or "
              "conditional_power");
  }
  FutilitySpec spec;
  if (const auto binding = node.find("binding")) spec.binding = binding->boolean();
  if (!node.has("spending")) {
    for (const char* key : {"z", "hazard_ratio", "effect", "conditional_power"}) {
      if (!node.has(key)) continue;
      refuse_parameter(node, std::string("futility.") + key, kFutilityWithParameter);
      refuse_cumulative(node, std::string("futility.") + key);
    }
  }
  if (const auto z = node.find("z")) {
    spec.rule = spending::FutilityRule::kFixedZ;
    spec.values = z->numbers();
  } else if (const auto scaled = node.find("hazard_ratio") ? node.find("hazard_ratio") : node.find("effect")) {
    if (scaled->size() + 1 != fractions.size()) {
      scaled->fail("must have one value per look before the last (" +
                   std::to_string(fractions.size() - 1) + ")");
    }
    // Held as hazard ratios or effects until load_trial converts them at the
    // planned events or patients.
    spec.rule = spending::FutilityRule::kFixedZ;
    spec.values = scaled->numbers();
  } else if (const auto cp = node.find("conditional_power")) {
    spec.rule = spending::FutilityRule::kConditionalPower;
    spec.parameter = cp->number();
  } else {
    const std::string name = node.at("spending").choice(
        {"lan-demets-obf", "lan-demets-pocock", "hsd", "power", "exponential", "user",
         "pampallona-tsiatis"});
    refuse_parameter(node, name, kFutilityWithParameter);
    if (name != "user") refuse_cumulative(node, name);
    if (name == "pampallona-tsiatis") {
      spec.rule = spending::FutilityRule::kPampallonaTsiatis;
      spec.parameter = required_parameter(node, name, "Delta0 of the futility bound (rpact's deltaPT0)");
    } else {
      spec.spending = load_spending_function(node, name, fractions);
    }
  }
  return spec;
}

HarmSpec load_harm(const JsonNode& node, const std::vector<double>& fractions) {
  node.expect_keys({"spending", "parameter", "cumulative", "alpha", "binding"});
  HarmSpec spec;
  if (!node.has("alpha")) node.fail_missing("alpha", "the share of alpha the harm bound spends");
  spec.alpha = node.at("alpha").number();
  if (const auto binding = node.find("binding")) spec.binding = binding->boolean();
  if (node.has("spending")) {
    const std::string name = node.at("spending").choice(
        {"lan-demets-obf", "lan-demets-pocock", "hsd", "power", "exponential", "user"});
    refuse_parameter(node, name, kHarmWithParameter);
    if (name != "user") refuse_cumulative(node, name);
    spec.spending = load_spending_function(node, name, fractions);
  } else {
    refuse_parameter(node, "a harm bound without harm.spending", kHarmWithParameter);
    refuse_cumulative(node, "a harm bound without harm.spending");
  }
  return spec;
}

std::vector<bool> load_switches(const JsonNode& node) {
  node.expect_nonempty_array("true or false");
  std::vector<bool> out;
  for (std::size_t k = 0; k < node.size(); ++k) out.push_back(node.element(k).boolean());
  return out;
}

void load_solver(const JsonNode& node, numerics::SolverOptions& solver) {
  node.expect_keys({"grid_r", "boundary_root_bits", "survival_root_bits", "inference_root_bits",
                    "quadrature_tolerance", "quadrature_absolute_tolerance",
                    "quadrature_max_depth"});
  // Each whole number is held to its own range here (SolverOptions::validate
  // holds the same), before it is cast to its field.
  using Range = numerics::SolverOptions::WholeRange;
  const auto integer = [&](std::string_view key, auto& field, Range range) {
    if (const auto v = node.find(key)) {
      const long long x = v->integer();
      if (x < range.lo || x > range.hi) {
        v->fail("must lie in [" + std::to_string(range.lo) + ", " + std::to_string(range.hi) + "]");
      }
      field = static_cast<std::remove_reference_t<decltype(field)>>(x);
    }
  };
  using Options = numerics::SolverOptions;
  integer("grid_r", solver.grid_r, Options::kGridR);
  integer("boundary_root_bits", solver.boundary_root_bits, Options::kRootBits);
  integer("survival_root_bits", solver.survival_root_bits, Options::kRootBits);
  integer("inference_root_bits", solver.inference_root_bits, Options::kRootBits);
  integer("quadrature_max_depth", solver.quadrature_max_depth, Options::kQuadratureDepth);
  if (const auto v = node.find("quadrature_tolerance")) solver.quadrature_tolerance = v->number();
  if (const auto v = node.find("quadrature_absolute_tolerance")) {
    solver.quadrature_absolute_tolerance = v->number();
  }
}

// Whether some bound is spent by a spending function, which is what
// spending_time replaces the information fraction in. Classical efficacy
// bounds (and Pampallona-Tsiatis, fixed, conditional-power futility bounds)
// are set on the information fractions alone, so a spending time given to a
// design made only of them would be dropped silently; it is refused instead,
// as a parameter a family does not take is.
bool evaluates_spending_time(const DesignSpec& spec) {
  if (std::holds_alternative<SpendingFunction>(spec.efficacy)) return true;
  if (spec.harm) return true;
  return spec.futility && spec.futility->rule == spending::FutilityRule::kBetaSpending;
}

}  // namespace

DesignSpec load_design(const JsonNode& design) {
  design.expect_keys({"type", "alpha", "sided", "beta", "information_fractions", "efficacy", "futility",
                      "harm", "efficacy_stops", "futility_stops", "harm_stops", "spending_time",
                      "solver"});
  DesignSpec spec;
  if (const auto alpha = design.find("alpha")) spec.alpha = alpha->number();
  if (const auto sided = design.find("sided")) {
    const long long s = sided->integer();
    if (s != 1 && s != 2) sided->fail("must be 1 (one-sided) or 2 (two-sided symmetric)");
    spec.sided = s == 2 ? spending::Sidedness::kTwoSidedSymmetric : spending::Sidedness::kOneSided;
  }
  if (const auto beta = design.find("beta")) spec.beta = beta->number();
  if (const auto t = design.find("information_fractions")) {
    if (t->size() > DesignSpec::kMaxLooks) {
      t->fail("has " + std::to_string(t->size()) + " looks; at most " +
              std::to_string(DesignSpec::kMaxLooks) + " are supported");
    }
    spec.information_fractions = t->numbers();
  }
  if (const auto solver = design.find("solver")) load_solver(*solver, spec.solver);
  // The fractions must be valid before a spending family is built on them.
  numerics::within(design.path(), [&] { spec.validate(); });
  if (const auto efficacy = design.find("efficacy")) {
    spec.efficacy = load_efficacy(*efficacy, spec.information_fractions);
  }
  if (const auto futility = design.find("futility")) {
    spec.futility = load_futility(*futility, spec.information_fractions);
  }
  if (const auto harm = design.find("harm")) spec.harm = load_harm(*harm, spec.information_fractions);
  if (const auto stops = design.find("efficacy_stops")) spec.efficacy_stops = load_switches(*stops);
  if (const auto stops = design.find("futility_stops")) spec.futility_stops = load_switches(*stops);
  if (const auto stops = design.find("harm_stops")) spec.harm_stops = load_switches(*stops);
  if (const auto time = design.find("spending_time")) {
    time->expect_nonempty_array("the fraction of the spending time");
    spec.spending_time = time->numbers();
    if (!evaluates_spending_time(spec)) {
      time->fail("is not used by this design: its classical efficacy bound is set on the "
                 "information fractions and no futility or harm bound is spent; remove it, or "
                 "give efficacy.spending a spending family or a beta-spending futility bound");
    }
  }
  numerics::within(design.path(), [&] {
    spec.validate();
    spending::check_solvable(spec);
  });
  return spec;
}

void convert_futility_hazard_ratios(const JsonNode& design, spending::DesignSpec& spec,
                                    const std::optional<survival::SurvivalSpec>& survival,
                                    const std::optional<endpoints::EndpointSpec>& endpoint) {
  const auto futility = design.find("futility");
  if (!futility || !futility->has("hazard_ratio")) return;
  const JsonNode hr = futility->at("hazard_ratio");
  if (!survival && endpoint) {
    hr.fail("is for a survival design; a normal or binary endpoint gives futility.effect (an "
            "estimate on its own scale) or futility.z");
  }
  if (!survival || !survival->events) {
    hr.fail("needs survival.events: a hazard ratio becomes a z bound at the planned events of "
            "each look (give futility.z otherwise)");
  }
  const double r = survival->allocation_ratio;
  // H0's hazard ratio: 1, or a non-inferiority margin m, where z = -ln(h / m) sqrt(I).
  const double m = survival->hazard_ratio_h0;
  const auto& t = spec.information_fractions;
  spec.futility->hazard_ratios = spec.futility->values;
  for (std::size_t k = 0; k < spec.futility->values.size(); ++k) {
    const double h = spec.futility->values[k];
    if (!(h > 0.0)) hr.element(k).fail("must be a positive hazard ratio");
    // Events at the look as planned (ceil(t D)); Schoenfeld's information d r / (1 + r)^2.
    const double events = std::ceil(t[k] * static_cast<double>(*survival->events) - 1e-9);
    // + 0.0 turns -0 (a hazard ratio of exactly 1) into 0.
    spec.futility->values[k] = -std::log(h / m) * std::sqrt(events * r / ((1.0 + r) * (1.0 + r))) + 0.0;
  }
}

void convert_futility_effects(const JsonNode& design, spending::DesignSpec& spec,
                              const std::optional<endpoints::EndpointSpec>& endpoint) {
  const auto futility = design.find("futility");
  if (!futility || !futility->has("effect")) return;
  const JsonNode effect = futility->at("effect");
  if (!endpoint) {
    effect.fail("is for a normal or binary endpoint (the endpoint section); a survival design gives "
                "futility.hazard_ratio or futility.z");
  }
  if (!endpoint->patients) {
    effect.fail("needs endpoint.patients: an effect becomes a z bound at the planned patients of "
                "each look (give futility.z otherwise)");
  }
  const auto& t = spec.information_fractions;
  spec.futility->effects = spec.futility->values;
  for (std::size_t k = 0; k < spec.futility->values.size(); ++k) {
    // The look's planned patients: its fraction of the total, as the plan's looks.
    const std::optional<double> z =
        endpoints::z_at_effect(*endpoint, spec.futility->values[k], t[k] * *endpoint->patients);
    if (!z) {
      effect.element(k).fail("is no possible estimate at look " + std::to_string(k + 1) +
                             " (a rate outside (0, 1), or too few patients for the t test)");
    }
    spec.futility->values[k] = *z + 0.0;  // + 0.0: no -0
  }
}

}  // namespace gsd::detail
