// A MaxCombo test's looks: bounds at the observed correlations, the error
// spent on the log-rank monitor's schedule (maxcombo_monitor.hpp).
#include "gsd/monitoring/maxcombo_monitor.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include <Eigen/Eigenvalues>

#include "gsd/monitoring/look_schedule.hpp"
#include "gsd/numerics/block_bound.hpp"
#include "gsd/numerics/check.hpp"
#include "gsd/numerics/information_step.hpp"
#include "gsd/numerics/normal.hpp"

namespace gsd::monitoring {

namespace {

using numerics::FieldPath;
using numerics::InvalidInput;
using Matrix = std::vector<std::vector<double>>;

constexpr double kInf = std::numeric_limits<double>::infinity();
// Relative asymmetry of a covariance matrix taken as rounding.
constexpr double kSymmetry = 1e-9;
// Correlations beyond 1 by more than this are not rounding.
constexpr double kCorrelationSlack = 1e-9;
// A negative eigenvalue of a look's correlation matrix (or of its increment
// since the look before, scaled alike) larger than this is not rounding:
// entries given to 4 significant digits move an eigenvalue of a J x J
// correlation matrix by at most about J * 5e-5 (Weyl's inequality), 3e-4
// for six tests. Smaller negative eigenvalues are rounding, and the lattice
// rule's Cholesky factor treats them as a variance of zero.
constexpr double kDefiniteSlack = 1e-3;

// The smallest eigenvalue of D^-1/2 m D^-1/2, D the diagonal of `scale`.
double smallest_scaled_eigenvalue(const Matrix& m, const Matrix& scale) {
  const auto J = static_cast<Eigen::Index>(m.size());
  Eigen::MatrixXd a(J, J);
  for (Eigen::Index i = 0; i < J; ++i) {
    for (Eigen::Index j = 0; j < J; ++j) {
      const auto u = static_cast<std::size_t>(i);
      const auto v = static_cast<std::size_t>(j);
      a(i, j) = m[u][v] / std::sqrt(scale[u][u] * scale[v][v]);
    }
  }
  return Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(a, Eigen::EigenvaluesOnly).eigenvalues().minCoeff();
}

void check_design(const spending::DesignSpec& design) {
  if (design.futility) {
    throw InvalidInput(FieldPath{"design", "futility"}, "is not available with a MaxCombo test (efficacy bounds only)");
  }
  if (design.harm) {
    throw InvalidInput(FieldPath{"design", "harm"}, "is not available with a MaxCombo test (efficacy bounds only)");
  }
}

void check_look(const MaxComboObservedLook& look, const MaxComboObservedLook* previous, std::size_t J,
                std::size_t k) {
  const FieldPath path{"looks", k};
  numerics::check_positive(path.key("events"), look.events);
  if (previous && !numerics::is_information_step(previous->events, look.events)) {
    numerics::fail(path.key("events"), look.events,
                   numerics::information_step_rule("look's events", previous->events, look.events));
  }
  if (look.z.size() != J) numerics::fail_sizes(path.key("z"), look.z.size(), "the tests", J);
  for (std::size_t a = 0; a < J; ++a) {
    numerics::check_z(path.key("z").index(a), look.z[a]);
  }
  const FieldPath cov = path.key("covariance");
  if (look.covariance.size() != J) numerics::fail_sizes(cov, look.covariance.size(), "the tests", J);
  for (std::size_t a = 0; a < J; ++a) {
    if (look.covariance[a].size() != J) numerics::fail_sizes(cov.index(a), look.covariance[a].size(), "the tests", J);
    numerics::check_positive(cov.index(a).index(a), look.covariance[a][a]);
    if (previous && !numerics::is_information_step(previous->covariance[a][a], look.covariance[a][a])) {
      numerics::fail(cov.index(a).index(a), look.covariance[a][a],
                     numerics::information_step_rule("look's variance", previous->covariance[a][a],
                                                     look.covariance[a][a]));
    }
  }
  for (std::size_t a = 0; a < J; ++a) {
    for (std::size_t b = 0; b < J; ++b) {
      const double c = look.covariance[a][b];
      const FieldPath at = cov.index(a).index(b);
      if (!std::isfinite(c)) numerics::fail(at, c, "must be finite");
      const double scale = std::sqrt(look.covariance[a][a] * look.covariance[b][b]);
      if (std::fabs(c - look.covariance[b][a]) > kSymmetry * scale) {
        numerics::fail(at, c, "must equal covariance[" + std::to_string(b) + "][" + std::to_string(a) + "]");
      }
      if (std::fabs(c) > (1.0 + kCorrelationSlack) * scale) {
        numerics::fail(at, c, "must not exceed the square root of the two variances' product in size");
      }
    }
  }
  // The scores' covariance must be one that some scores can have: positive
  // semi-definite, and so must their increments since the look before
  // (weighted log-rank scores have independent increments, the structure
  // the bounds' joint normal assumes, Karrison 2016).
  const double smallest = smallest_scaled_eigenvalue(look.covariance, look.covariance);
  if (smallest < -kDefiniteSlack) {
    std::ostringstream rule;
    rule << "is not a covariance matrix: its correlations have a negative eigenvalue (" << smallest
         << "), which no scores can have; check the signs and sizes of the off-diagonal entries";
    throw InvalidInput(cov, rule.str());
  }
  if (previous) {
    Matrix increment = look.covariance;
    for (std::size_t a = 0; a < J; ++a) {
      for (std::size_t b = 0; b < J; ++b) increment[a][b] -= previous->covariance[a][b];
    }
    const double step = smallest_scaled_eigenvalue(increment, look.covariance);
    if (step < -kDefiniteSlack) {
      std::ostringstream rule;
      rule << "minus the previous look's covariance has a negative eigenvalue (" << step
           << ", scaled by this look's variances): the scores' increments between looks must have a "
              "covariance; check the off-diagonal entries of both looks";
      throw InvalidInput(cov, rule.str());
    }
  }
}

// Correlation of Z_al and Z_bm, index a + J l, through look k.
Matrix correlation(std::span<const MaxComboObservedLook> looks, std::size_t J, std::size_t k) {
  const std::size_t n = J * (k + 1);
  Matrix c(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      const std::size_t a = i % J, l = i / J, b = j % J, m = j / J;
      const double cov = looks[std::min(l, m)].covariance[a][b];
      c[i][j] = i == j ? 1.0 : cov / std::sqrt(looks[l].covariance[a][a] * looks[m].covariance[b][b]);
    }
  }
  return c;
}

// The marginal chance that look k's largest z reaches c under H0, on the
// bound's lattice size (so a refined bound refines it too; 0: exact, one test).
numerics::MvnResult nominal_p(const MaxComboObservedLook& look, std::size_t J, double c,
                              const numerics::MvnOptions& mvn, int points) {
  Matrix corr(J, std::vector<double>(J, 1.0));
  for (std::size_t a = 0; a < J; ++a) {
    for (std::size_t b = 0; b < J; ++b) {
      if (a != b) corr[a][b] = look.covariance[a][b] / std::sqrt(look.covariance[a][a] * look.covariance[b][b]);
    }
  }
  numerics::MvnResult r = numerics::block_no_crossing(corr, J, {c}, mvn, points);
  r.probability = 1.0 - r.probability;
  return r;
}

}  // namespace

std::vector<MaxComboLookResult> monitor_maxcombo(const MaxComboMonitoringPlan& plan,
                                                 std::span<const MaxComboObservedLook> looks) {
  plan.design.validate();
  plan.mvn.validate();
  check_design(plan.design);
  numerics::check_positive({"planned_events"}, plan.planned_events);
  if (looks.empty()) throw InvalidInput({"looks"}, "[]", "must hold at least one look");
  const std::size_t J = looks[0].z.size();
  if (J == 0) throw InvalidInput(FieldPath{"looks"}.index(0).key("z"), "[]", "must give one z per test");
  MonitoringPlan schedule_plan;
  schedule_plan.design = plan.design;
  schedule_plan.planned_events = plan.planned_events;
  const double per_side = plan.design.alpha_per_side() / plan.design.alpha;
  std::vector<MaxComboLookResult> out;
  std::vector<double> events;
  std::vector<double> c;
  double before = 0.0;
  for (std::size_t k = 0; k < looks.size(); ++k) {
    check_look(looks[k], k > 0 ? &looks[k - 1] : nullptr, J, k);
    if (!out.empty() && out.back().decision != spending::Decision::kContinue) {
      std::ostringstream rule;
      rule << "comes after the trial stopped at look " << k << "; a stopped trial takes no further looks";
      throw InvalidInput(FieldPath{"looks", k}.key("events"), numerics::format_input(looks[k].events), rule.str());
    }
    events.push_back(looks[k].events);
    const LookSchedule s = schedule_at_look(schedule_plan, events, looks[k].final_analysis);
    MaxComboLookResult r;
    r.information_fraction = looks[k].events / plan.planned_events;
    r.final_analysis = s.current_is_final();
    r.cumulative_alpha = s.cumulative_alpha[k] * per_side;
    const Matrix corr = correlation(looks, J, k);
    c.push_back(kInf);
    const auto largest = std::max_element(looks[k].z.begin(), looks[k].z.end());
    r.max_z = *largest;
    r.max_test = static_cast<std::size_t>(largest - looks[k].z.begin());
    const numerics::BlockBound bound = numerics::within(FieldPath{"looks", k}.key("covariance"), [&] {
      // c_k with P0(no crossing through k) = 1 - alpha_k, the earlier bounds
      // as they were set.
      const double start = numerics::normal_upper_quantile(std::max(r.cumulative_alpha - before, 1e-300));
      const auto solve = [&](int points) {
        return numerics::solve_block_bound(corr, J, c, 1.0 - r.cumulative_alpha, start, plan.mvn, points,
                                           "MaxCombo efficacy bound at the observed looks");
      };
      numerics::BlockBound b = solve(0);
      // A decision that the rule's error could reverse: the bound again on
      // larger lattices, until the largest z is clear of it.
      for (int round = 0; round < kMaxComboRefinements && std::fabs(r.max_z - b.c) <= b.z_error; ++round) {
        b = solve(kMaxComboRefineFactor * b.points);
        ++r.refinements;
      }
      return b;
    });
    r.efficacy_z = bound.c;
    r.alpha_error = bound.probability_error;
    r.efficacy_z_error = bound.z_error;
    r.within_error = std::fabs(r.max_z - bound.c) <= bound.z_error;
    c[k] = r.efficacy_z;
    before = r.cumulative_alpha;
    const numerics::MvnResult p = nominal_p(looks[k], J, r.efficacy_z, plan.mvn, bound.points);
    r.nominal_p_one_sided = p.probability;
    r.nominal_p_error = p.error;
    if (r.max_z >= r.efficacy_z) {
      r.decision = spending::Decision::kStopEfficacy;
    } else if (r.final_analysis) {
      r.decision = spending::Decision::kStopFutility;
    }
    out.push_back(r);
  }
  return out;
}

}  // namespace gsd::monitoring
