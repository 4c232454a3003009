#pragma once
// The rates that maximise the two-sample binomial likelihood subject to H0:
// a difference p1 - p2 = d (Farrington & Manning 1990, Stat Med 9:1447,
// the closed-form root of their cubic, after Miettinen & Nurminen 1985,
// Stat Med 4:213) or a ratio p1 / p2 = R (their quadratic). With observed or
// planned rates p1 (treatment), p2 (control) and allocation r = n1 / n2.
// As rpact 3.3.4's .getFarringtonManningValues.
namespace gsd::endpoints {

struct RestrictedRates {
  double treatment = 0.0;
  double control = 0.0;
};

// d in (-1, 1); at d = 0 both rates are the pooled rate (r p1 + p2) / (1 + r).
RestrictedRates restricted_rates_difference(double p1, double p2, double d, double r);
// R > 0; at R = 1 both rates are the pooled rate.
RestrictedRates restricted_rates_ratio(double p1, double p2, double R, double r);

}  // namespace gsd::endpoints
