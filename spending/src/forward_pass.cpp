#include "forward_pass.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "gsd/spending/bound_search.hpp"

namespace gsd::spending::detail {

using numerics::SequentialIntegrator;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool two_sided(const DesignSpec& s) { return s.sided == Sidedness::kTwoSidedSymmetric; }

bool beta_spending(const DesignSpec& s, const PassInput& in) {
  return s.futility && s.futility->rule == FutilityRule::kBetaSpending && !in.futility;
}

// The three recursions of a pass and the error spent so far on each side.
struct PassState {
  explicit PassState(const numerics::SolverOptions& o) : h0(o), harm(o), h1(o) {}
  SequentialIntegrator h0;    // H0, regions as the efficacy bound spends alpha
  SequentialIntegrator harm;  // H0 as the trial runs (non-binding harm only)
  SequentialIntegrator h1;    // H1 at the pass's drift (beta-spending only)
  double alpha = 0.0;
  double beta = 0.0;
  double harm_alpha = 0.0;
};

// Efficacy bound at look k; false when binding lower bounds have already
// closed the H0 continuation region (the drift is far too large).
bool efficacy_at(const DesignSpec& s, const PassInput& in, std::size_t k, PassState& st,
                 double& b) {
  if (in.efficacy) {
    b = (*in.efficacy)[k];
    return true;
  }
  if (!s.efficacy_stop(k)) {
    b = kInf;  // nothing spent: carried forward to the next stopping look
    return true;
  }
  const double cumulative = alpha_target(s, k);
  const bool binding = s.binding_futility() || s.binding_harm();
  if (binding && !(cumulative - st.alpha < st.h0.continuation_mass())) return false;
  b = solve_efficacy_bound(st.h0, s.information_fractions[k], cumulative - st.alpha,
                           two_sided(s));
  st.alpha = cumulative;
  return true;
}

double harm_at(const DesignSpec& s, std::size_t k, double b, PassState& st) {
  // A look without a harm bound spends nothing: carried to the next that has one.
  // (gsDesign's testLower = FALSE); after the last such look nothing more is spent.
  if (!s.harm_stop(k)) return -kInf;
  const double cumulative = spent(s.harm->spending, s.harm->alpha, s.spending_at(k));
  const SequentialIntegrator& h = s.binding_harm() ? st.h0 : st.harm;
  // A lower bound under H0 (mean 0), never above the efficacy bound.
  const double l =
      solve_futility_bound(h, s.information_fractions[k], 0.0, b, cumulative - st.harm_alpha);
  st.harm_alpha = cumulative;
  return l;
}

}  // namespace

double alpha_target(const DesignSpec& s, std::size_t k) {
  const auto& f = std::get<SpendingFunction>(s.efficacy);
  const double time = s.spending_at(k);
  if (two_sided(s)) return 2.0 * spent(f, s.alpha / 2.0, time);
  return spent(f, s.alpha_per_side(), time);
}

Pass run_pass(const DesignSpec& s, const PassInput& in) {
  const auto& t = s.information_fractions;
  const std::size_t k_max = t.size();
  const bool bs = beta_spending(s, in);
  const bool harm_apart = s.harm && !s.harm->binding;
  PassState st(s.solver);
  Pass out{std::vector<double>(k_max), std::vector<double>(k_max, -kInf),
           std::vector<double>(k_max, -kInf), 0.0};
  const std::size_t solved = std::min(k_max, in.looks);
  for (std::size_t k = 0; k < solved; ++k) {
    const bool last = k + 1 == k_max;
    if (in.states) in.states->push_back(st.h0);
    double b = kInf;
    if (!efficacy_at(s, in, k, st, b)) {
      out.final_shortfall = -1.0;
      out.reachable_alpha = st.alpha + st.h0.continuation_mass();
      out.efficacy.resize(k);
      return out;
    }
    out.efficacy[k] = b;
    if (s.harm) out.harm[k] = harm_at(s, k, b, st);
    const double mean = in.drift * std::sqrt(t[k]);
    if (in.futility) {
      out.futility[k] = (*in.futility)[k];
    } else if (bs) {
      const double cumulative_beta = spent(s.futility->spending, s.beta, s.spending_at(k));
      if (last) {
        // The final bounds meet: P(Z_K < b) is the beta left. Two-sided, the
        // final futility region is |Z_K| < b: beta is what the futility
        // regions hold, and rejections below -b under H1 count neither as
        // power nor as beta (rpact 3.3.4's two-sided beta spending).
        double continuing_below = st.h1.next_lower_tail(t[k], mean, b);
        if (two_sided(s)) continuing_below -= st.h1.next_lower_tail(t[k], mean, -b);
        out.final_shortfall = continuing_below - (s.beta - st.beta);
      } else if (s.futility_stop(k)) {
        const double target = cumulative_beta - st.beta;
        out.futility[k] = two_sided(s) ? solve_inner_futility_bound(st.h1, t[k], mean, b, target)
                                       : solve_futility_bound(st.h1, t[k], mean, b, target);
        st.beta = cumulative_beta;
      }
    }
    if (last || k + 1 == solved) break;
    const double a = out.futility[k];
    const double l = out.harm[k];
    double lower0 = two_sided(s) ? -b : -kInf;
    // A two-sided design's futility region is -a < Z < a.
    const double inner0 = two_sided(s) && s.binding_futility() ? a : 0.0;
    if (!two_sided(s) && s.binding_futility()) lower0 = std::max(lower0, a);
    if (s.binding_harm()) lower0 = std::max(lower0, l);
    if (!in.efficacy || s.binding_harm() || in.states) {
      st.h0.advance_outside(t[k], 0.0, lower0, b, inner0, t[k + 1]);
    }
    if (harm_apart) {
      st.harm.advance(t[k], 0.0, std::max(l, s.binding_futility() ? a : -kInf), b, t[k + 1]);
    }
    if (bs && two_sided(s)) {
      st.h1.advance_outside(t[k], mean, -b, b, a, t[k + 1]);
    } else if (bs) {
      st.h1.advance(t[k], mean, std::max(a, l), b, t[k + 1]);
    }
  }
  out.efficacy.resize(solved);
  out.futility.resize(solved);
  out.harm.resize(solved);
  return out;
}

}  // namespace gsd::spending::detail
