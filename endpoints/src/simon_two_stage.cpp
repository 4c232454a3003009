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

// The probabilities of X ~ Binomial(m, p): P(X = x) and P(X >= x). The
// upper tails are summed from the top, so that small tails keep their
// relative accuracy.
class BinomialRow {
 public:
  BinomialRow(int m, double p) : m_(m), pmf_(at(m) + 1), upper_(at(m) + 2, 0.0) {
    const boost::math::binomial_distribution<double> binomial(m, p);
    for (int x = 0; x <= m; ++x) pmf_[at(x)] = boost::math::pdf(binomial, x);
    for (int x = m; x >= 0; --x) upper_[at(x)] = upper_[at(x) + 1] + pmf_[at(x)];
  }
  double pmf(int x) const { return pmf_[at(x)]; }
  // P(X >= k) for any integer k: 1 at k <= 0, 0 beyond m.
  double at_least(int k) const {
    if (k <= 0) return 1.0;
    if (k > m_) return 0.0;
    return upper_[at(k)];
  }
  // P(X <= k).
  double at_most(int k) const { return 1.0 - at_least(k + 1); }

 private:
  int m_;
  std::vector<double> pmf_;
  std::vector<double> upper_;
};

// Every row up to a bound, for one rate: what the search reads.
class BinomialTable {
 public:
  BinomialTable(int max_size, double p) {
    rows_.reserve(at(max_size) + 1);
    for (int m = 0; m <= max_size; ++m) rows_.emplace_back(m, p);
  }
  const BinomialRow& operator[](int m) const { return rows_[at(m)]; }

 private:
  std::vector<BinomialRow> rows_;
};

// P(X1 > r1 and X1 + X2 > r), X1 ~ Bin(n1, p) (stage1), X2 ~ Bin(m, p)
// (stage2): the design's probability of declaring the treatment promising.
double promising(const BinomialRow& stage1, const BinomialRow& stage2, int n1, int r1, int r) {
  double sum = 0.0;
  for (int x = r1 + 1; x <= n1; ++x) sum += stage1.pmf(x) * stage2.at_least(r + 1 - x);
  return sum;
}

// One design at one rate, from its two stages' rows at that rate.
SimonAtRate at_rate(const BinomialRow& stage1, const BinomialRow& stage2, int n1, int r1, int n, int r) {
  SimonAtRate out;
  out.promising = promising(stage1, stage2, n1, r1, r);
  out.early_stop = stage1.at_most(r1);
  out.expected_patients = n1 + (1.0 - out.early_stop) * (n - n1);
  return out;
}

// A design with its characteristics under p0 (h0) and p1 (h1).
SimonDesign design_of(int n1, int r1, int n, int r, const SimonAtRate& h0, const SimonAtRate& h1) {
  return {n1, r1, n, r, h0.promising, h1.promising, h0.early_stop, h1.early_stop,
          h0.expected_patients, h1.expected_patients};
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
    const BinomialRow& null1 = null[n1];
    const BinomialRow& null2 = null[m];
    // The least r for r1 falls as r1 grows (alpha falls in both), so one
    // pointer serves the whole run of r1.
    int r = n - 1;
    for (int r1 = 0; r1 < n1; ++r1) {
      if (r < r1) r = r1;
      if (promising(null1, null2, n1, r1, r) > spec.alpha) continue;
      while (r - 1 >= r1 && promising(null1, null2, n1, r1, r - 1) <= spec.alpha) --r;
      if (promising(alternative[n1], alternative[m], n1, r1, r) < 1.0 - spec.beta) continue;
      const double en0 = n1 + (1.0 - null1.at_most(r1)) * m;
      if (!best || en0 < best->expected_patients_null) {
        best = design_of(n1, r1, n, r, at_rate(null1, null2, n1, r1, n, r),
                         at_rate(alternative[n1], alternative[m], n1, r1, n, r));
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
  check_max_patients(max_patients);
}

void SimonSpec::check_max_patients(long long max_patients) {
  if (max_patients < 2 || max_patients > kMaxMaxPatients) {
    fail({"max_patients"}, static_cast<double>(max_patients),
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
  return design_of(n1, r1, n, r, at_rate(BinomialRow(n1, p0), BinomialRow(n - n1, p0), n1, r1, n, r),
                   at_rate(BinomialRow(n1, p1), BinomialRow(n - n1, p1), n1, r1, n, r));
}

SimonAtRate simon_at_rate(const SimonDesign& d, double p) {
  check_rate("rate", p);
  return at_rate(BinomialRow(d.n1, p), BinomialRow(d.n - d.n1, p), d.n1, d.r1, d.n, d.r);
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
  // The single-stage size: within the bound for the result; beyond it, as far
  // as any bound may go, only to guide the error.
  const auto single = single_stage(spec, optimal ? spec.max_patients : SimonSpec::kMaxMaxPatients);
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
  if (single) {
    out.single_stage_patients = single->first;
    out.single_stage_critical = single->second;
  }
  return out;
}

}  // namespace gsd::endpoints
