// MaxCombo bounds and power from the joint normal of tests x looks
// (Karrison 2016; Roychoudhury et al. 2021). See maxcombo_power.hpp.
#include "gsd/survival/maxcombo_power.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "check.hpp"
#include "gsd/numerics/block_bound.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/survival/sample_size.hpp"
#include "test_looks.hpp"

namespace gsd::survival {
namespace {

using Matrix = std::vector<std::vector<double>>;
constexpr double kInf = std::numeric_limits<double>::infinity();

void check_request(const SurvivalSpec& spec, const spending::DesignSpec& design,
                   const std::vector<LogRankWeight>& tests) {
  if (tests.empty()) throw numerics::InvalidInput("tests", "must name at least one test");
  for (std::size_t j = 0; j < tests.size(); ++j) {
    if (tests[j].family != WeightFamily::kFlemingHarrington) {
      throw numerics::InvalidInput(numerics::FieldPath{"tests"}.index(j),
                                   "must be a Fleming-Harrington [rho, gamma] pair");
    }
    numerics::within(numerics::FieldPath{"tests"}.index(j), [&] { tests[j].validate(); });
  }
  check_maxcombo_design(design);
  detail::check_looks_by_events(spec, "a MaxCombo test");
}

// The test whose squared weight is w_a w_b.
LogRankWeight midpoint(const LogRankWeight& a, const LogRankWeight& b) {
  return LogRankWeight::fleming_harrington(0.5 * (a.rho + b.rho), 0.5 * (a.gamma + b.gamma));
}

// Correlations of Z_jk (index j + J k) from the null covariances.
Matrix correlation(const SurvivalSpec& spec, const std::vector<LogRankWeight>& tests,
                   const std::vector<MaxComboLook>& looks, const std::vector<std::vector<double>>& v0,
                   const numerics::SolverOptions& options) {
  const std::size_t J = tests.size(), K = looks.size();
  Matrix c(J * K, std::vector<double>(J * K, 0.0));
  for (std::size_t a = 0; a < J; ++a) {
    for (std::size_t b = a; b < J; ++b) {
      for (std::size_t k = 0; k < K; ++k) {
        // The covariance of U_a and U_b at look k (and of either with the
        // other at any later look).
        const double cov = a == b ? v0[k][a]
                                  : weighted_logrank_moments(spec, midpoint(tests[a], tests[b]),
                                                             looks[k].calendar_time, options)
                                        .variance_null;
        for (std::size_t l = k; l < K; ++l) {
          const double r1 = cov / std::sqrt(v0[k][a] * v0[l][b]);
          const double r2 = cov / std::sqrt(v0[k][b] * v0[l][a]);
          c[a + J * k][b + J * l] = c[b + J * l][a + J * k] = r1;
          c[b + J * k][a + J * l] = c[a + J * l][b + J * k] = r2;
        }
      }
    }
  }
  return c;
}

Matrix leading(const Matrix& m, std::size_t n) {
  Matrix out(n);
  for (std::size_t i = 0; i < n; ++i) out[i].assign(m[i].begin(), m[i].begin() + static_cast<long>(n));
  return out;
}

// P(no crossing through look k) with bounds c (the first k + 1 used) and
// means mean (index j + J l), on the lattice of `points` (0: adaptive).
numerics::MvnResult no_crossing(const Matrix& corr, std::size_t J, std::size_t k, const std::vector<double>& c,
                                const std::vector<double>& mean, const numerics::MvnOptions& mvn, int points) {
  const std::size_t n = J * (k + 1);
  std::vector<double> upper(n);
  for (std::size_t i = 0; i < n; ++i) upper[i] = c[i / J] - mean[i];
  const std::vector<double> lower(n, -kInf);
  const Matrix sub = leading(corr, n);
  return points > 0 ? numerics::mvn_probability_fixed(lower, upper, sub, mvn, points)
                    : numerics::mvn_probability(lower, upper, sub, mvn);
}

}  // namespace

void check_maxcombo_design(const spending::DesignSpec& design) {
  if (design.futility) {
    throw numerics::InvalidInput("futility", "is not available with a MaxCombo test (efficacy bounds only)");
  }
  if (design.harm) {
    throw numerics::InvalidInput("harm", "is not available with a MaxCombo test (efficacy bounds only)");
  }
  for (std::size_t k = 0; k < design.information_fractions.size(); ++k) {
    if (!design.efficacy_stop(k)) {
      throw numerics::InvalidInput(numerics::FieldPath{"efficacy_stops"}.index(k),
                                   "must be true: a MaxCombo test stops for efficacy at every look");
    }
  }
}

std::vector<LogRankWeight> default_maxcombo_tests() {
  return {LogRankWeight::fleming_harrington(0.0, 0.0), LogRankWeight::fleming_harrington(0.0, 1.0),
          LogRankWeight::fleming_harrington(1.0, 0.0), LogRankWeight::fleming_harrington(1.0, 1.0)};
}

MaxComboPower maxcombo_power_at_times(const SurvivalSpec& spec, const spending::DesignSpec& design,
                                      const std::vector<LogRankWeight>& tests, double patients,
                                      const std::vector<double>& times, const numerics::MvnOptions& mvn) {
  spec.validate();
  design.validate();
  mvn.validate();
  check_request(spec, design, tests);
  detail::check_positive("patients", patients);
  if (times.size() != design.information_fractions.size()) {
    throw std::invalid_argument("maxcombo_power_at_times: one time per look");
  }
  const numerics::SolverOptions& options = design.solver;
  const spending::Design spent = spending::compute_design(design);
  const std::vector<double> cumulative = spent.cumulative_alpha();
  const double per_side = design.alpha_per_side() / design.alpha;
  MaxComboPower out;
  out.tests = tests;
  out.patients = patients;
  out.mvn = mvn;
  const std::size_t J = tests.size();
  std::vector<std::vector<double>> v0;
  std::vector<double> mean;
  for (double tau : times) {
    MaxComboLook look;
    look.calendar_time = tau;
    v0.emplace_back();
    for (std::size_t j = 0; j < tests.size(); ++j) {
      const LogRankWeight& w = tests[j];
      const WeightedLogRankMoments m = weighted_logrank_moments(spec, w, look.calendar_time, options);
      if (!(m.variance_null > 0.0)) {
        // Named by the test, as a single weighted test names its exponent.
        throw numerics::InvalidInput(
            numerics::FieldPath{"tests", j},
            "[" + detail::format_input(w.rho) + ", " + detail::format_input(w.gamma) + "]",
            "gives no information at look " + std::to_string(out.looks.size() + 1) +
                ": its weights S^rho (1 - S)^gamma vanish at every event before it (a large gamma near the "
                "start, where S is near 1; a large rho once S falls); choose smaller exponents (such as [0, 1])");
      }
      v0.back().push_back(m.variance_null);
      look.mean_z.push_back(m.mean_z(patients));
      mean.push_back(look.mean_z.back());
    }
    out.looks.push_back(look);
  }
  out.correlation = correlation(spec, tests, out.looks, v0, options);
  const std::size_t K = out.looks.size();
  std::vector<double> c(K, kInf);
  double before = 0.0;
  for (std::size_t k = 0; k < K; ++k) {
    MaxComboLook& look = out.looks[k];
    for (std::size_t j = 0; j < J; ++j) look.information_fraction.push_back(v0[k][j] / v0[K - 1][j]);
    look.spending_fraction = design.spending_at(k);
    look.cumulative_alpha = cumulative[k] * per_side;
    // c_k with P0(no crossing through k) = 1 - alpha_k, the earlier bounds
    // given (numerics/block_bound.hpp).
    const std::vector<double> through_k(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(k + 1));
    const numerics::BlockBound b = numerics::solve_block_bound(
        leading(out.correlation, J * (k + 1)), J, through_k, 1.0 - look.cumulative_alpha,
        numerics::normal_upper_quantile(look.cumulative_alpha - before), mvn, 0, "MaxCombo efficacy bound");
    c[k] = b.c;
    look.efficacy_z = b.c;
    look.alpha_error = b.probability_error;
    look.efficacy_z_error = b.z_error;
    before = look.cumulative_alpha;
  }
  double previous = 0.0;
  for (std::size_t k = 0; k < K; ++k) {
    const numerics::MvnResult r = no_crossing(out.correlation, J, k, c, mean, mvn, 0);
    MaxComboLook& look = out.looks[k];
    look.cumulative_crossing = std::max(previous, 1.0 - r.probability);
    look.crossing = look.cumulative_crossing - previous;
    look.power_error = r.error;
    previous = look.cumulative_crossing;
  }
  out.power = out.looks.back().cumulative_crossing;
  out.power_error = out.looks.back().power_error;
  return out;
}

MaxComboPower maxcombo_power(const SurvivalSpec& spec, const spending::DesignSpec& design,
                             const std::vector<LogRankWeight>& tests, double patients, long long events,
                             const numerics::MvnOptions& mvn) {
  spec.validate();
  design.validate();
  mvn.validate();
  check_request(spec, design, tests);
  detail::check_positive("patients", patients);
  detail::check_positive("events", static_cast<double>(events));
  const std::vector<long long> counts = look_events(design.information_fractions, events);
  const std::vector<double> times = detail::event_look_times(spec, patients, counts, design.solver);
  MaxComboPower out = maxcombo_power_at_times(spec, design, tests, patients, times, mvn);
  detail::set_look_events(out, counts, events);
  return out;
}

numerics::MvnResult maxcombo_crossing(const MaxComboPower& at, double patients, int points) {
  detail::check_positive("patients", patients);
  const std::size_t J = at.tests.size(), K = at.looks.size();
  const double scale = std::sqrt(patients / at.patients);
  std::vector<double> c, mean;
  for (const MaxComboLook& look : at.looks) {
    c.push_back(look.efficacy_z);
    for (double m : look.mean_z) mean.push_back(scale * m);
  }
  numerics::MvnResult r = no_crossing(at.correlation, J, K - 1, c, mean, at.mvn, points);
  r.probability = 1.0 - r.probability;
  return r;
}

}  // namespace gsd::survival
