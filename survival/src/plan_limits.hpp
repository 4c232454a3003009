#pragma once
// The limits of a survival plan that the solve modes check before and while
// they size (private to survival/): what the target power may be, that the
// first look has an event to analyse, and that the default calendar cap lies
// within a trial. Each failure names the survival key to change.
#include "gsd/spending/design.hpp"
#include "gsd/survival/survival_spec.hpp"

namespace gsd::survival::detail {

// The default calendar cap is the end of accrual plus the longest noncured
// latency's 99th percentile (survival 0.01), as the simulator's default
// (simulate/src/simulator.cpp).
inline constexpr double kDefaultCapSurvival = 0.01;

// A target power above the one-sided alpha and at most 1 - design.beta's
// least value (0.9999); exit 2 naming survival.power otherwise.
void check_target_power(double power, const spending::Design& design);

// A first look by time that the model expects to have less than one event
// at `patients` patients; exit 2 naming survival.looks[0].time.
void check_first_time_look(const SurvivalSpec& spec, double expected_events, long long patients);

// The power solve met its target below the `patients` that give the first
// look one expected event: exit 2 naming the first look's time, or the power
// when the look is by events.
[[noreturn]] void fail_first_look_empty(const SurvivalSpec& spec, const spending::Design& design,
                                        double patients);

// The default calendar cap, refused (naming survival.analysis_cap) where a
// latency's 99th percentile lies ages past its median.
double checked_default_cap(const SurvivalSpec& spec);

}  // namespace gsd::survival::detail
