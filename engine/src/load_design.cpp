// The `design` section of a config to a spending::DesignSpec.
#include <string>

#include "gsd/numerics/invalid_input.hpp"
#include "loaders.hpp"

namespace gsd::detail {

namespace {

using spending::ClassicalBoundary;
using spending::DesignSpec;
using spending::EfficacyBoundary;
using spending::FutilitySpec;
using spending::SpendingFunction;

double required_parameter(const JsonNode& node, const std::string& family,
                          const std::string& meaning) {
  if (!node.has("parameter")) node.fail_missing("parameter", family + " needs " + meaning);
  return node.at("parameter").number();
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
      node.at("spending").choice({"lan-demets-obf", "lan-demets-pocock", "hsd", "power", "user",
                                  "obrien-fleming", "pocock", "wang-tsiatis", "haybittle-peto"});
  if (name == "obrien-fleming") return ClassicalBoundary::obrien_fleming();
  if (name == "pocock") return ClassicalBoundary::pocock();
  if (name == "wang-tsiatis") {
    const double delta =
        required_parameter(node, "wang-tsiatis", "Delta (0 is O'Brien-Fleming, 0.5 Pocock)");
    return numerics::within(node.path(), [&] { return ClassicalBoundary::wang_tsiatis(delta); });
  }
  if (name == "haybittle-peto") {
    const double z =
        node.optional_number("parameter").value_or(ClassicalBoundary::kDefaultHaybittlePetoZ);
    return numerics::within(node.path(), [&] { return ClassicalBoundary::haybittle_peto(z); });
  }
  return load_spending_function(node, name, fractions);
}

FutilitySpec load_futility(const JsonNode& node, const std::vector<double>& fractions) {
  node.expect_keys({"spending", "parameter", "cumulative", "binding"});
  const std::string name =
      node.at("spending").choice({"lan-demets-obf", "lan-demets-pocock", "hsd", "power", "user"});
  FutilitySpec spec;
  spec.spending = load_spending_function(node, name, fractions);
  if (const auto binding = node.find("binding")) spec.binding = binding->boolean();
  return spec;
}

void load_solver(const JsonNode& node, numerics::SolverOptions& solver) {
  node.expect_keys({"grid_r", "boundary_root_bits", "survival_root_bits", "inference_root_bits",
                    "quadrature_tolerance", "quadrature_absolute_tolerance",
                    "quadrature_max_depth"});
  const auto integer = [&](std::string_view key, auto& field) {
    if (const auto v = node.find(key)) {
      const long long x = v->integer();
      if (x < 0 || x > 1000) v->fail("must be a whole number in [0, 1000]");
      field = static_cast<std::remove_reference_t<decltype(field)>>(x);
    }
  };
  integer("grid_r", solver.grid_r);
  integer("boundary_root_bits", solver.boundary_root_bits);
  integer("survival_root_bits", solver.survival_root_bits);
  integer("inference_root_bits", solver.inference_root_bits);
  integer("quadrature_max_depth", solver.quadrature_max_depth);
  if (const auto v = node.find("quadrature_tolerance")) solver.quadrature_tolerance = v->number();
  if (const auto v = node.find("quadrature_absolute_tolerance")) {
    solver.quadrature_absolute_tolerance = v->number();
  }
}

}  // namespace

DesignSpec load_design(const JsonNode& design) {
  design.expect_keys({"alpha", "sided", "beta", "information_fractions", "efficacy", "futility",
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
  numerics::within(design.path(), [&] { spec.validate(); });
  return spec;
}

}  // namespace gsd::detail
