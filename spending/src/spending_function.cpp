#include "gsd/spending/spending_function.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include "gsd/numerics/check.hpp"
#include "gsd/numerics/normal.hpp"

namespace gsd::spending {

using numerics::format_input;
using numerics::InvalidInput;
using numerics::normal_upper_quantile;
using numerics::normal_upper_tail;

namespace {

// |gamma| beyond 40 makes e^{-gamma} overflow-prone and spends everything at the
// first or last look; gsDesign's sfHSD accepts the same practical range.
constexpr double kMaxAbsGamma = 40.0;
// rho beyond 20 spends nothing before t = 0.9; rpact accepts rho in (0, 20].
constexpr double kMaxRho = 20.0;
// gsDesign's sfExponential accepts nu in (0, 10]; beyond 10 nothing is spent
// before t = 0.99.
constexpr double kMaxNu = 10.0;

}  // namespace

SpendingFunction SpendingFunction::lan_demets_obrien_fleming() {
  return {SpendingFamily::kLanDeMetsObrienFleming, std::nullopt};
}

SpendingFunction SpendingFunction::lan_demets_pocock() {
  return {SpendingFamily::kLanDeMetsPocock, std::nullopt};
}

SpendingFunction SpendingFunction::hwang_shih_decani(double gamma) {
  if (!std::isfinite(gamma) || std::fabs(gamma) > kMaxAbsGamma) {
    throw InvalidInput({"parameter"}, format_input(gamma), "must be a finite gamma in [-40, 40] for hsd");
  }
  return {SpendingFamily::kHwangShihDeCani, gamma};
}

SpendingFunction SpendingFunction::kim_demets_power(double rho) {
  if (!std::isfinite(rho) || !(rho > 0.0) || rho > kMaxRho) {
    throw InvalidInput({"parameter"}, format_input(rho), "must be a rho in (0, 20] for power spending");
  }
  return {SpendingFamily::kKimDeMetsPower, rho};
}

SpendingFunction SpendingFunction::exponential(double nu) {
  if (!std::isfinite(nu) || !(nu > 0.0) || nu > kMaxNu) {
    throw InvalidInput({"parameter"}, format_input(nu), "must be a nu in (0, 10] for exponential spending");
  }
  return {SpendingFamily::kExponential, nu};
}

SpendingFunction SpendingFunction::user(std::vector<double> fractions,
                                        std::vector<double> cumulative) {
  if (fractions.empty() || fractions.size() != cumulative.size()) {
    throw InvalidInput({"cumulative"}, "must have one value per look (got " +
                                           std::to_string(cumulative.size()) + " for " +
                                           std::to_string(fractions.size()) + " looks)");
  }
  for (std::size_t k = 0; k < cumulative.size(); ++k) {
    const double c = cumulative[k];
    if (!std::isfinite(c) || c < 0.0 || c > 1.0) {
      throw InvalidInput({"cumulative", k}, format_input(c), "must lie in [0, 1]");
    }
    if (k > 0 && c < cumulative[k - 1]) {
      throw InvalidInput({"cumulative", k}, format_input(c),
                         "must not be less than the previous value " + format_input(cumulative[k - 1]));
    }
    if (!(fractions[k] > 0.0) || (k > 0 && !(fractions[k] > fractions[k - 1]))) {
      throw InvalidInput({"information_fractions"},
                         "must be strictly increasing and positive for user spending");
    }
  }
  // A design's last look is t = 1: whatever is not spent by then never is.
  const double last = cumulative.back();
  if (std::fabs(fractions.back() - 1.0) < 1e-12 && std::fabs(last - 1.0) > 1e-12) {
    throw InvalidInput({"cumulative", cumulative.size() - 1}, format_input(last),
                       "must be 1 at the final look");
  }
  SpendingFunction f(SpendingFamily::kUser, std::nullopt);
  f.user_t_ = std::move(fractions);
  f.user_cum_ = std::move(cumulative);
  return f;
}

double spent(const SpendingFunction& f, double total, double t) {
  if (!(total > 0.0 && total < 1.0)) {
    throw std::domain_error("spent: total error " + format_input(total) + " must lie in (0, 1)");
  }
  if (std::isnan(t)) throw std::domain_error("spent: information fraction is NaN");
  if (t <= 0.0) return 0.0;
  if (t >= 1.0) return total;
  switch (f.family()) {
    case SpendingFamily::kLanDeMetsObrienFleming: {
      // Lan & DeMets (1983): alpha(t) = 2 (1 - Phi(z_{1 - alpha/2} / sqrt(t))).
      const double z = normal_upper_quantile(total / 2.0);
      return 2.0 * normal_upper_tail(z / std::sqrt(t));
    }
    case SpendingFamily::kLanDeMetsPocock:
      // Lan & DeMets (1983): alpha ln(1 + (e - 1) t).
      return total * std::log1p((std::numbers::e - 1.0) * t);
    case SpendingFamily::kHwangShihDeCani: {
      const double g = *f.parameter();
      // Hwang, Shih & DeCani (1990), Stat. Med. 9:1439: gamma = 0 is the
      // linear limit. expm1 keeps accuracy for small |gamma|.
      if (std::fabs(g) < 1e-12) return total * t;
      return total * std::expm1(-g * t) / std::expm1(-g);
    }
    case SpendingFamily::kKimDeMetsPower:
      // Kim & DeMets (1987), Biometrika 74:149: alpha t^rho.
      return total * std::pow(t, *f.parameter());
    case SpendingFamily::kExponential:
      // Anderson & Clark (2010), Stat. Med. 29:321 (gsDesign sfExponential):
      // alpha^(t^-nu), computed as exp(ln(alpha) t^-nu).
      return std::exp(std::log(total) * std::pow(t, -*f.parameter()));
    case SpendingFamily::kUser: {
      // Piecewise linear through (0, 0), (t_k, c_k) and (1, 1), as gsDesign's
      // sfLinear; between looks this lets monitoring use observed fractions.
      const auto& ts = f.user_fractions();
      const auto& cs = f.user_cumulative();
      double t0 = 0.0;
      double c0 = 0.0;
      for (std::size_t k = 0; k < ts.size(); ++k) {
        if (t <= ts[k]) return total * (c0 + (cs[k] - c0) * (t - t0) / (ts[k] - t0));
        t0 = ts[k];
        c0 = cs[k];
      }
      return total * (c0 + (1.0 - c0) * (t - t0) / (1.0 - t0));
    }
  }
  throw std::logic_error("spent: unknown spending family");
}

}  // namespace gsd::spending
