#include "gsd/cli/design_config.hpp"

#include <cmath>
#include <stdexcept>

#include "gsd/cli/config.hpp"

namespace gsd::cli {

namespace {

// Runs a library constructor or validator and re-throws its invalid_argument
// as a ConfigError whose field name is prefixed with the JSON path.
template <class F>
auto with_path(const std::string& prefix, F f) {
  try {
    return f();
  } catch (const std::invalid_argument& e) {
    throw ConfigError(prefix + "." + e.what());
  } catch (const std::domain_error& e) {
    throw ConfigError(prefix + "." + e.what());
  }
}

double required_parameter(const JsonNode& node, const std::string& family,
                          const std::string& meaning) {
  if (!node.has("parameter")) node.fail_missing("parameter", family + " needs " + meaning);
  return node.number("parameter");
}

SpendingFunction parse_spending_function(const JsonNode& node, const std::string& name,
                                         const std::vector<double>& fractions) {
  return with_path(node.path(), [&]() -> SpendingFunction {
    if (name == "lan-demets-obf") return SpendingFunction::lan_demets_obrien_fleming();
    if (name == "lan-demets-pocock") return SpendingFunction::lan_demets_pocock();
    if (name == "hsd") {
      return SpendingFunction::hwang_shih_decani(
          required_parameter(node, "hsd", "gamma, e.g. -4 (gsDesign's default) or -2"));
    }
    if (name == "power") {
      return SpendingFunction::kim_demets_power(
          required_parameter(node, "power", "rho, e.g. 3"));
    }
    // "user"
    if (!node.has("cumulative")) {
      node.fail_missing("cumulative", "user spending needs the cumulative fraction at each look");
    }
    const JsonNode cumulative = node.at("cumulative");
    if (cumulative.size() != fractions.size()) {
      cumulative.fail("must have one value per look (" + std::to_string(fractions.size()) +
                      " looks)");
    }
    return SpendingFunction::user(fractions, cumulative.numbers());
  });
}

EfficacyBoundary parse_efficacy(const JsonNode& node, const std::vector<double>& fractions) {
  node.expect_keys({"spending", "parameter", "cumulative"});
  const std::string name = node.at("spending").choice(GSD_EFFICACY_NAMES);
  return with_path(node.path(), [&]() -> EfficacyBoundary {
    if (name == "obrien-fleming") return ClassicalBoundary::obrien_fleming();
    if (name == "pocock") return ClassicalBoundary::pocock();
    if (name == "wang-tsiatis") {
      return ClassicalBoundary::wang_tsiatis(
          required_parameter(node, "wang-tsiatis", "Delta (0 is O'Brien-Fleming, 0.5 Pocock)"));
    }
    if (name == "haybittle-peto") {
      return ClassicalBoundary::haybittle_peto(
          node.optional_number("parameter").value_or(ClassicalBoundary::kDefaultHaybittlePetoZ));
    }
    return parse_spending_function(node, name, fractions);
  });
}

FutilitySpec parse_futility(const JsonNode& node, const std::vector<double>& fractions) {
  node.expect_keys({"spending", "parameter", "cumulative", "binding"});
  const std::string name = node.at("spending").choice(
      {"lan-demets-obf", "lan-demets-pocock", "hsd", "power", "user"});
  FutilitySpec spec;
  spec.spending = parse_spending_function(node, name, fractions);
  if (const auto binding = node.find("binding")) spec.binding = binding->boolean();
  return spec;
}

}  // namespace

DesignSpec parse_design(const JsonNode& design) {
  design.expect_keys({"alpha", "sided", "beta", "information_fractions", "efficacy", "futility",
                      "grid"});
  DesignSpec spec;
  if (const auto alpha = design.find("alpha")) {
    spec.alpha = alpha->number();
    if (!(spec.alpha > 0.0 && spec.alpha < 0.5)) alpha->fail("must lie in (0, 0.5)");
  }
  if (const auto sided = design.find("sided")) {
    const long long s = sided->integer();
    if (s != 1 && s != 2) sided->fail("must be 1 (one-sided) or 2 (two-sided symmetric)");
    spec.sided = s == 2 ? Sidedness::kTwoSidedSymmetric : Sidedness::kOneSided;
  }
  if (const auto beta = design.find("beta")) {
    spec.beta = beta->number();
    if (!(spec.beta > 0.0 && spec.beta < 0.5)) beta->fail("must lie in (0, 0.5)");
  }
  if (const auto t = design.find("information_fractions")) {
    if (t->size() > DesignSpec::kMaxLooks) {
      t->fail("has " + std::to_string(t->size()) + " looks; at most " +
              std::to_string(DesignSpec::kMaxLooks) + " are supported");
    }
    spec.information_fractions = t->numbers();
  }
  if (const auto grid = design.find("grid")) {
    grid->expect_keys({"r"});
    spec.grid.r = static_cast<int>(grid->at("r").integer());
  }
  // Field-level rules (fractions increasing, ending at 1, ...) live in the
  // library's validate(); its messages name the field relative to "design".
  with_path(design.path(), [&] {
    spec.validate();
    return 0;
  });
  if (const auto efficacy = design.find("efficacy")) {
    spec.efficacy = parse_efficacy(*efficacy, spec.information_fractions);
  }
  if (const auto futility = design.find("futility")) {
    spec.futility = parse_futility(*futility, spec.information_fractions);
  }
  with_path(design.path(), [&] {
    spec.validate();
    return 0;
  });
  return spec;
}

Config load_config(nlohmann::json root, const std::string& source) {
  Config config;
  config.source = source;
  config.root = std::move(root);
  const JsonNode top(config.root, "");
  top.expect_keys({"name", "description", "design", "survival", "simulation", "monitoring"});
  if (const auto name = top.find("name")) config.name = name->string();
  if (const auto description = top.find("description")) (void)description->string();
  if (!top.has("design")) top.fail_missing("design", "every config needs a design section");
  config.design = parse_design(top.at("design"));
  return config;
}

Config load_config_file(const std::string& path) { return load_config(read_json_file(path), path); }

}  // namespace gsd::cli
