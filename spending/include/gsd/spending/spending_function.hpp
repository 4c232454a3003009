#pragma once
// Error-spending functions (Lan & DeMets 1983, Biometrika 70:659-663): the
// cumulative type I (or II) error spent by information fraction t.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gsd::spending {

enum class SpendingFamily {
  kLanDeMetsObrienFleming,  // 2 - 2 Phi(z_{1-a/2} / sqrt t)       (Lan & DeMets 1983)
  kLanDeMetsPocock,         // a ln(1 + (e - 1) t)                  (Lan & DeMets 1983)
  kHwangShihDeCani,         // a (1 - e^{-g t}) / (1 - e^{-g})      (Hwang, Shih & DeCani 1990)
  kKimDeMetsPower,          // a t^rho                              (Kim & DeMets 1987)
  kUser,                    // piecewise linear through given points (gsDesign sfLinear)
  kExponential,             // a^(t^-nu)                            (Anderson & Clark 2010)
};

// An immutable, validated spending function. The total error it spends (alpha
// or beta) is an argument of spent(), not part of the value, because the same
// function serves as alpha- and beta-spending.
class SpendingFunction {
 public:
  static SpendingFunction lan_demets_obrien_fleming();
  static SpendingFunction lan_demets_pocock();
  // gamma in [-40, 40]; 0 gives linear spending a t (the limit of the formula).
  static SpendingFunction hwang_shih_decani(double gamma);
  // rho > 0 and <= 20.
  static SpendingFunction kim_demets_power(double rho);
  // nu in (0, 10] (gsDesign's sfExponential); nu = 0.75 is close to
  // O'Brien-Fleming, nu = 1 spends more early.
  static SpendingFunction exponential(double nu);
  // Cumulative fractions (of the total) reached at the given information
  // fractions: both strictly increasing... fractions in (0, 1], cumulative
  // non-decreasing in [0, 1] and ending at 1 when the last fraction is 1.
  static SpendingFunction user(std::vector<double> fractions, std::vector<double> cumulative);

  SpendingFamily family() const noexcept { return family_; }
  std::optional<double> parameter() const noexcept { return parameter_; }
  const std::vector<double>& user_fractions() const noexcept { return user_t_; }
  const std::vector<double>& user_cumulative() const noexcept { return user_cum_; }

 private:
  SpendingFunction(SpendingFamily family, std::optional<double> parameter)
      : family_(family), parameter_(parameter) {}
  SpendingFamily family_;
  std::optional<double> parameter_;
  std::vector<double> user_t_;
  std::vector<double> user_cum_;
};

// Cumulative error spent at information fraction t by a function spending
// `total` in all. t <= 0 gives 0; t >= 1 gives total.
double spent(const SpendingFunction& f, double total, double t);

}  // namespace gsd::spending
