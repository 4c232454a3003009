#pragma once
// The efficacy bound of a final analysis forced by a calendar cap, as a
// function of the information it has: a trial still short of look k's events
// at the cap analyses the events it has, at information fraction
// f = events / planned events between the fractions of looks k - 1 and k,
// against the bound that spends all the alpha not yet spent (Lan & DeMets
// 1983: spending at the information actually observed; the earlier looks keep
// their bounds). This is exactly what the simulator does
// (simulate/look_plan.hpp, CappedFinalBounds), here as a smooth curve so that
// the event-driven power can ask for any event count without a root search.
//
// On each interval the bound is interpolated in x = sqrt((f - t_{k-1}) /
// (t_k - t_{k-1})): as f approaches the previous look the bound tends to a
// limit like sqrt(f - t_{k-1}), which is smooth in x. Chebyshev nodes of the
// first kind (barycentric interpolation; Berrut & Trefethen 2004, SIAM Rev.
// 46:501) keep every node inside the interval.
#include <vector>

#include "gsd/spending/design.hpp"

namespace gsd::survival {

class CappedFinalBound {
 public:
  explicit CappedFinalBound(const spending::Design& design);

  // The bound (z scale; a two-sided design rejects beyond +-bound) of a
  // capped final analysis at information fraction f after `looks_done`
  // completed looks, f in (t_{looks_done - 1}, t_{looks_done}] (0 before the
  // first look). +infinity when no alpha is left.
  double bound(std::size_t looks_done, double f) const;

  // Whether these are the bounds of `design`: the same information
  // fractions, alpha and alpha spent at each look (what the bounds are
  // solved from), so that bounds built once are not used for another design.
  bool built_for(const spending::Design& design) const;

  // Chebyshev nodes per interval, each bound solved on a grid that resolves
  // the step to it. With 24 the bounds are within 6e-8 in z of bounds solved
  // at each fraction on the seed design and 4.2e-7 on the first interval of
  // a five-look Pocock design (12 gave 3.2e-6 and 1.4e-3), and every capped
  // final between looks spends the alpha left to 2.4e-8
  // (tests/survival/capped_final_bound_test.cpp).
  static constexpr int kNodes = 24;

 private:
  std::vector<double> fractions_;
  double alpha_;                            // the efficacy side's alpha
  std::vector<double> cumulative_;          // the design's alpha spent by each look
  double first_;                            // before the first look: z_{1 - alpha (/2)}
  std::vector<std::vector<double>> nodes_;  // per interval k >= 1: bounds at the x nodes
  std::vector<double> x_;                   // the x nodes in (0, 1)
};

}  // namespace gsd::survival
