#pragma once
// What a data monitoring committee monitors against: the planned design, the
// planned number of events, and the effect assumed for conditional power.
#include <functional>
#include <optional>
#include <vector>

#include "gsd/spending/design.hpp"

namespace gsd::monitoring {

struct MonitoringPlan {
  // The planned design; its information fractions place the planned looks.
  spending::DesignSpec design;
  // Planned events at the final analysis (D). Information at a look with d
  // events is d / D of the plan (rpact's observed information rates; gsDesign's
  // n.I / maxn.IPlan).
  double planned_events = 0.0;
  // Experimental : control allocation, for the log-rank information; within
  // [0.001, 1000], as the survival plan's (validate()).
  double allocation_ratio = 1.0;
  // Hazard ratio assumed for conditional power; absent: the design alternative
  // (theta = drift / sqrt(I_max), I_max = D r / (1 + r)^2).
  std::optional<double> assumed_hazard_ratio;
  // The hazard ratio under H0: 1 tests equal hazards; a non-inferiority
  // margin m above 1 tests H0: HR >= m. The looks' z are then of that H0
  // (z_against_margin), theta = log(m / HR), and every hazard ratio reported
  // (estimate, repeated and final confidence limits, the assumed effect) is
  // m exp(-theta).
  double null_hazard_ratio = 1.0;
  // A margin other than 1 (NaN included, for validate() to refuse).
  bool non_inferiority() const { return !(null_hazard_ratio >= 1.0 && null_hazard_ratio <= 1.0); }
  // E[Z] at looks with the given event counts under a model of the trial,
  // such as the design's cure-mixture survival model with its
  // non-proportional hazards. Used for conditional power when no
  // assumed_hazard_ratio is given; absent: the design alternative.
  std::function<std::vector<double>(const std::vector<double>& events)> model_means;

  // Throws std::invalid_argument naming the field ("planned_events = 0 must be
  // positive") relative to the monitoring section; the design is checked too.
  void validate() const;
};

// One look as the committee saw it, after conversion to z.
struct ObservedLook {
  double events = 0.0;
  double z = 0.0;
  // A final analysis that under-runs the planned events. A look with events at
  // or beyond the planned events is always the final analysis.
  bool final_analysis = false;
};

}  // namespace gsd::monitoring
