#pragma once
// What triggers a look of a survival trial: its planned events (the design's
// information fraction of the planned total), a calendar time, or whichever
// of the two comes first or last. gsDesign's gsSurvCalendar places looks at
// calendar times; gsDesign2's gs_design_ahr takes a look at the later of its
// targeted information fraction and its minimum analysis time ("last" here);
// protocols often write "at 47 events or month 24, whichever comes first".
//
// The plan places each look at its expected time: events looks at the
// calendar time the model expects their events, time looks at their time
// with the events the model expects by then (D(t) of event_projection.hpp),
// and first / last at the earlier / later of the two. The final look is
// always at the planned events (a calendar cap on it is
// SurvivalSpec::analysis_cap).
#include <optional>
#include <span>
#include <vector>

#include "gsd/numerics/solver_options.hpp"
#include "gsd/survival/survival_spec.hpp"

namespace gsd::survival {

// The looks' expected calendar times and events under the model, for
// `patients` patients and the design's planned event counts per look.
struct ExpectedLook {
  double calendar_time = 0.0;
  double events = 0.0;
  // True when the look is at its planned events (a look by events, or first /
  // last where the events side sets it); false when its calendar time does,
  // and its events are then random (their expectation here).
  bool by_events = true;
};

// One per look; `looks` is spec.looks or, when that is empty, all by events.
// Throws numerics::InvalidInput for looks that do not fit the design (paths
// relative to the survival section: {"looks", k, "time"}).
std::vector<ExpectedLook> expected_looks(const SurvivalSpec& spec, double patients,
                                         std::span<const double> planned_events,
                                         const numerics::SolverOptions& options = {});

// The design's information fractions when the trial is sized with its
// accrual and follow-up fixed (power and follow_up given): the events
// expected by any time scale with the patients, so a look by time t spends
// at D(t) / D(end), the same for every size, with end = accrual + follow-up
// where the final look's events are expected (gsDesign's gsSurvCalendar,
// whose timing is these fractions). A look by events keeps `fractions[k]`;
// first / last take the smaller / larger of the two. Throws
// numerics::InvalidInput (paths relative to the survival section) for a
// time at or past the end, or looks whose fractions do not increase.
std::vector<double> sized_look_fractions(const SurvivalSpec& spec, std::span<const double> fractions,
                                         const numerics::SolverOptions& options = {});

// What a plan with looks by calendar time needs (the rule of the error that
// refuses the others).
inline constexpr const char* kCalendarLooksNeed =
    "looks by calendar time need survival.patients and survival.events given (the power of a "
    "planned size), or survival.power and survival.follow_up (the size solved with the accrual "
    "and follow-up fixed); a solve for the follow-up would move their information";

// True when every look is triggered by its events (the default).
bool looks_by_events(const SurvivalSpec& spec);

}  // namespace gsd::survival
