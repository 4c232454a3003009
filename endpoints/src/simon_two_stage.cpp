#include "gsd/endpoints/simon_two_stage.hpp"

#include <boost/math/distributions/binomial.hpp>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>

#include "gsd/numerics/check.hpp"

namespace gsd::endpoints {

namespace {

using numerics::fail;
using numerics::format_value;

std::size_t at(int i) { return static_cast<std::size_t>(i); }

// Binomial probabilities of every size up to a bound, for one rate: row m
// holds P(X = x) and P(X >= x) of X ~ Binomial(m, p). The upper tails are
// summed from the top, so that small tails keep their relative accuracy.
class BinomialTable {
 public:
  BinomialTable(int max_size, double p) : start_(at(max_size) + 2) {
    for (int m = 0; m <= max_size; ++m) start_[at(m) + 1] = start_[at(m)] + at(m) + 2;
    pmf_.assign(start_.back(), 0.0);
    upper_.assign(start_.back(), 0.0);
    for (int m = 0; m <= max_size; ++m) {
      const boost::math::binomial_distribution<double> binomial(m, p);
      double* pmf = pmf_.data() + start_[at(m)];
      double* upper = upper_.data() + start_[at(m)];
      for (int x = 0; x <= m; ++x) pmf[x] = boost::math::pdf(binomial, x);
      upper[m + 1] = 0.0;
      for (int x = m; x >= 0; --x) upper[x] = upper[x + 1] + pmf[x];
    }
  }
  double pmf(int m, int x) const { return pmf_[start_[at(m)] + at(x)]; }
  // P(X >= k) for any integer k: 1 at k <= 0, 0 beyond m.
  double at_least(int m, int k) const {
    if (k <= 0) return 1.0;
    if (k > m) return 0.0;
    return upper_[start_[at(m)] + at(k)];
  }
  // P(X <= k).
  double at_most(int m, int k) const { return 1.0 - at_least(m, k + 1); }

 private:
  std::vector<std::size_t> start_;
  std::vector<double> pmf_;
  std::vector<double> upper_;
};

// P(X1 > r1 and X1 + X2 > r), X1 ~ Bin(n1, p), X2 ~ Bin(m, p): the design's
// probability of declaring the treatment promising.
double promising(const BinomialTable& table, int n1, int r1, int m, int r) {
  double sum = 0.0;
  for (int x = r1 + 1; x <= n1; ++x) sum += table.pmf(n1, x) * table.at_least(m, r + 1 - x);
  return sum;
}

SimonDesign characteristics(const BinomialTable& null, const BinomialTable& alternative, int n1,
                            int r1, int n, int r) {
  SimonDesign d;
  d.n1 = n1;
  d.r1 = r1;
  d.n = n;
  d.r = r;
  d.alpha = promising(null, n1, r1, n - n1, r);
  d.power = promising(alternative, n1, r1, n - n1, r);
  d.early_stop_null = null.at_most(n1, r1);
  d.early_stop_alternative = alternative.at_most(n1, r1);
  d.expected_patients_null = n1 + (1.0 - d.early_stop_null) * (n - n1);
  d.expected_patients_alternative = n1 + (1.0 - d.early_stop_alternative) * (n - n1);
  return d;
}

void check_rate(const char* key, double p) {
  if (!(std::isfinite(p) && p > 0.0 && p < 1.0)) fail({key}, p, "must lie in (0, 1)");
}

// The least design at one total n: the least EN(p0) over n1 and r1, each
// with the least r that keeps alpha (the most powerful such r, as the power
// falls with r; EN(p0) does not depend on r). Ties keep the first found, in
// ascending n1, then r1.
std::optional<SimonDesign> best_at(const BinomialTable& null, const BinomialTable& alternative,
                                   const SimonSpec& spec, int n) {
  std::optional<SimonDesign> best;
  for (int n1 = 1; n1 < n; ++n1) {
    // EN(p0) >= n1: no larger stage 1 can do better.
    if (best && n1 >= best->expected_patients_null) break;
    const int m = n - n1;
    // The least r for r1 falls as r1 grows (alpha falls in both), so one
    // pointer serves the whole run of r1.
    int r = n - 1;
    for (int r1 = 0; r1 < n1; ++r1) {
      if (r < r1) r = r1;
      if (promising(null, n1, r1, m, r) > spec.alpha) continue;
      while (r - 1 >= r1 && promising(null, n1, r1, m, r - 1) <= spec.alpha) --r;
      if (promising(alternative, n1, r1, m, r) < 1.0 - spec.beta) continue;
      const double en0 = n1 + (1.0 - null.at_most(n1, r1)) * m;
      if (!best || en0 < best->expected_patients_null) {
        best = characteristics(null, alternative, n1, r1, n, r);
      }
    }
  }
  return best;
}

// The least n of a single-stage design (promising with more than r of n),
// searched up to `limit`; nullopt beyond it.
std::optional<std::pair<int, int>> single_stage(const SimonSpec& spec, int limit) {
  for (int n = 1; n <= limit; ++n) {
    const boost::math::binomial_distribution<double> null(n, spec.null_rate);
    const boost::math::binomial_distribution<double> alternative(n, spec.alternative_rate);
    // The least r with P(X > r | p0) <= alpha.
    int r = 0;
    while (r < n && boost::math::cdf(boost::math::complement(null, r)) > spec.alpha) ++r;
    if (r < n && boost::math::cdf(boost::math::complement(alternative, r)) >= 1.0 - spec.beta) {
      return std::pair{n, r};
    }
  }
  return std::nullopt;
}

// The lower convex hull of the least EN(p0) at each n, from the minimax
// design to the optimal: at weight q the design minimises
// q n + (1 - q) EN(p0); design j overtakes the current design c as q falls
// below (E_c - E_j) / ((n_j - n_c) + (E_c - E_j)). A design that ties with
// a farther one at the same q minimises at that q alone, and is passed over.
std::vector<AdmissibleDesign> admissible(const std::vector<SimonDesign>& by_n,
                                         const SimonDesign& optimal) {
  std::vector<AdmissibleDesign> out;
  std::size_t c = 0;
  double q_high = 1.0;
  while (by_n[c].n != optimal.n) {
    std::size_t next = c;
    double q_next = -1.0;
    for (std::size_t j = c + 1; j < by_n.size() && by_n[j].n <= optimal.n; ++j) {
      const double gain = by_n[c].expected_patients_null - by_n[j].expected_patients_null;
      if (!(gain > 0.0)) continue;
      const double q = gain / ((by_n[j].n - by_n[c].n) + gain);
      if (q >= q_next) {
        q_next = q;
        next = j;
      }
    }
    out.push_back({by_n[c], q_next, q_high});
    q_high = q_next;
    c = next;
  }
  out.push_back({by_n[c], 0.0, q_high});
  return out;
}

}  // namespace

void SimonSpec::validate() const {
  check_rate("null_rate", null_rate);
  check_rate("alternative_rate", alternative_rate);
  if (!(alternative_rate > null_rate)) {
    fail({"alternative_rate"}, alternative_rate,
         "must exceed the null rate " + format_value(null_rate) +
             ": the design looks for a response rate above it (for a rate that should fall, "
             "count the other outcome, with rates 1 - p)");
  }
  if (!(std::isfinite(alpha) && alpha > 0.0 && alpha < 0.5)) fail({"alpha"}, alpha, "must lie in (0, 0.5)");
  if (!(std::isfinite(beta) && beta > 0.0 && beta < 1.0 - alpha)) {
    fail({"beta"}, beta, "must lie in (0, 1 - alpha): the power 1 - beta must exceed alpha");
  }
  if (max_patients < 2 || max_patients > kMaxMaxPatients) {
    fail({"max_patients"}, max_patients,
         "must lie in [2, " + std::to_string(kMaxMaxPatients) + "]: two stages need two patients, and the "
         "search's time grows as the fourth power of the bound");
  }
}

SimonDesign simon_characteristics(int n1, int r1, int n, int r, double p0, double p1) {
  check_rate("null_rate", p0);
  check_rate("alternative_rate", p1);
  if (n1 < 1) fail({"n1"}, n1, "must be at least 1");
  if (n <= n1) fail({"n"}, n, "must exceed n1 = " + std::to_string(n1) + ": a second stage needs patients");
  if (r1 < 0 || r1 >= n1) fail({"r1"}, r1, "must lie in [0, n1 - 1]: some stage 1 count must continue");
  if (r < r1 || r >= n) fail({"r"}, r, "must lie in [r1, n - 1]");
  return characteristics(BinomialTable(n, p0), BinomialTable(n, p1), n1, r1, n, r);
}

double simon_promising_probability(const SimonDesign& design, double p) {
  check_rate("rate", p);
  return promising(BinomialTable(design.n, p), design.n1, design.r1, design.n - design.n1, design.r);
}

SimonResult simon_two_stage(const SimonSpec& spec) {
  spec.validate();
  const BinomialTable null(spec.max_patients, spec.null_rate);
  const BinomialTable alternative(spec.max_patients, spec.alternative_rate);
  std::vector<SimonDesign> by_n;
  std::optional<SimonDesign> optimal;
  for (int n = 2; n <= spec.max_patients; ++n) {
    const auto best = best_at(null, alternative, spec, n);
    if (!best) continue;
    by_n.push_back(*best);
    if (!optimal || best->expected_patients_null < optimal->expected_patients_null) optimal = *best;
  }
  const auto single = single_stage(spec, SimonSpec::kMaxMaxPatients);
  if (!optimal) {
    std::string rule = "is too small: no two-stage design of at most " + std::to_string(spec.max_patients) +
                       " patients has alpha <= " + format_value(spec.alpha) + " and power >= " +
                       format_value(1.0 - spec.beta);
    rule += single ? "; a single-stage design needs " + std::to_string(single->first) +
                         " patients, and a two-stage design a few more: raise max_patients"
                   : "; even a single-stage design needs more than " +
                         std::to_string(SimonSpec::kMaxMaxPatients) +
                         " patients: widen the gap between the rates, or raise alpha or beta";
    fail({"max_patients"}, spec.max_patients, rule);
  }
  SimonResult out;
  out.minimax = by_n.front();
  out.optimal = *optimal;
  out.admissible = admissible(by_n, *optimal);
  if (single && single->first <= spec.max_patients) {
    out.single_stage_patients = single->first;
    out.single_stage_critical = single->second;
  }
  return out;
}

}  // namespace gsd::endpoints
