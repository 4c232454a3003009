#include "gsd/cli/design_output.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "gsd/integration/normal.hpp"

namespace gsd::cli {

namespace {

// JSON has no infinity: a look that spends nothing has no bound (null).
nlohmann::json finite_or_null(double x) {
  if (std::isfinite(x)) return x;
  return nullptr;
}

}  // namespace

nlohmann::json boundaries_json(const Design& d) {
  const auto& t = d.spec.information_fractions;
  const auto alpha = d.cumulative_alpha();
  const auto power = d.alternative.cumulative_upper();
  const auto futility_h1 = d.alternative.cumulative_lower();
  nlohmann::json looks = nlohmann::json::array();
  for (std::size_t k = 0; k < t.size(); ++k) {
    nlohmann::json look;
    look["information_fraction"] = t[k];
    look["efficacy_z"] = finite_or_null(d.efficacy[k]);
    look["futility_z"] = d.futility[k] ? nlohmann::json(*d.futility[k]) : nlohmann::json(nullptr);
    look["nominal_p_one_sided"] = normal_upper_tail(d.efficacy[k]);
    if (d.spec.sided == Sidedness::kTwoSidedSymmetric) {
      look["nominal_p_two_sided"] = 2.0 * normal_upper_tail(d.efficacy[k]);
    }
    look["cumulative_alpha"] = alpha[k];
    look["cumulative_power"] = power[k];
    if (d.spec.futility) look["cumulative_futility_h1"] = futility_h1[k];
    looks.push_back(look);
  }
  nlohmann::json out;
  out["looks"] = looks;
  out["inflation_factor"] = d.inflation_factor;
  out["drift"] = d.drift;
  out["power"] = d.power;
  out["expected_information_fraction_h0"] = d.expected_fraction_null;
  out["expected_information_fraction_h1"] = d.expected_fraction_alternative;
  return out;
}

std::string boundaries_text(const Design& d) {
  const auto& t = d.spec.information_fractions;
  const auto alpha = d.cumulative_alpha();
  const auto power = d.alternative.cumulative_upper();
  std::ostringstream out;
  char line[256];
  std::snprintf(line, sizeof line, "%4s  %8s  %10s  %12s  %12s  %10s  %10s\n", "look",
                "info", "efficacy z", "nominal p", "cum. alpha", "futility z", "cum. power");
  out << line;
  for (std::size_t k = 0; k < t.size(); ++k) {
    char fut[32] = "-";
    if (d.futility[k]) std::snprintf(fut, sizeof fut, "%.4f", *d.futility[k]);
    std::snprintf(line, sizeof line, "%4zu  %8.4f  %10.4f  %12.6f  %12.6f  %10s  %10.4f\n", k + 1,
                  t[k], d.efficacy[k], normal_upper_tail(d.efficacy[k]), alpha[k], fut,
                  power[k]);
    out << line;
  }
  std::snprintf(line, sizeof line, "drift %.6f, inflation factor %.6f, power %.4f\n", d.drift,
                d.inflation_factor, d.power);
  out << line;
  return out.str();
}

}  // namespace gsd::cli
