#pragma once
// The words people read: names of families and decisions, the reason for a
// decision, advice, and the names of methods. The numerical layers return
// numbers and enums; this one module turns them into words, and every front
// end (the command line, the R and Python packages, the web page) uses it, so
// they all say the same thing.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "gsd/design.hpp"
#include "gsd/endpoints/endpoint_plan.hpp"
#include "gsd/monitor.hpp"
#include "gsd/monitoring/monitor.hpp"
#include "gsd/simulate/trial_model.hpp"
#include "gsd/spending/decision.hpp"
#include "gsd/spending/design_spec.hpp"
#include "gsd/survival/latency.hpp"
#include "gsd/survival/sample_size.hpp"
#include "gsd/survival/weighted_logrank_power.hpp"

namespace gsd {

// The decision's name in the output: "continue", "stop-efficacy",
// "stop-harm", "stop-futility", "final-no-rejection".
const char* decision_name(spending::Decision decision) noexcept;

// "Lan-DeMets O'Brien-Fleming", "Hwang-Shih-DeCani (gamma = -2)", ...
std::string spending_name(const spending::SpendingFunction& f);
// "O'Brien-Fleming (classical)", "Wang-Tsiatis (Delta = 0.25)", ...
std::string boundary_name(const spending::ClassicalBoundary& b);
// The efficacy family of a design, by whichever of the two above applies.
std::string efficacy_name(const spending::DesignSpec& spec);
// "Lan-DeMets O'Brien-Fleming beta-spending", "fixed z bounds",
// "conditional power below 0.1 under the alternative", ...
std::string futility_name(const spending::FutilitySpec& f);
// "Lan-DeMets O'Brien-Fleming spending of alpha 0.025"
std::string harm_name(const spending::HarmSpec& h);
// As efficacy_name, with its kind: "... alpha-spending" or "... (classical)".
std::string efficacy_description(const spending::DesignSpec& spec);

// Why a monitored look decided as it did, with the numbers, e.g. "z = 3.2905
// crossed the efficacy bound 2.8933 (one-sided nominal p 0.00190634) at 49 of
// 94 planned events: stop for benefit". unit: what the looks count
// ("patients" for a normal or binary endpoint).
std::string decision_reason(const monitoring::LookResult& look,
                            const monitoring::MonitoringPlan& plan, const char* unit = "events");
// The same for a weighted log-rank, MaxCombo, RMST or milestone test's look
// (its information fraction in place of the events; "max z" for MaxCombo),
// e.g. "z = 3.0400 crossed the efficacy bound 2.2383 at information fraction
// 0.8214 (71 events): stop for benefit".
std::string test_decision_reason(const LookOutcome& look, double events, bool maxcombo, bool two_sided,
                                 bool binding_futility);
// The advice when z is at or below a non-binding futility bound.
std::optional<std::string> futility_advice(const monitoring::LookResult& look);
// Where the effect for conditional power came from.
std::string effect_basis(monitoring::EffectSource source);

// Survival plans.
// "events", "time", "first", "last": survival.looks[].trigger.
const char* look_trigger_name(survival::LookTriggerKind kind) noexcept;
const char* solve_mode_name(survival::SolveMode mode) noexcept;  // "power from patients and events"
const char* solved_for(survival::SolveMode mode) noexcept;       // "power", "patients_and_events", ...
const char* latency_family_name(survival::LatencyFamily family) noexcept;
const char* randomisation_name(simulate::Randomisation r) noexcept;
// A survival test's short label, as the simulation's tables name it:
// "log-rank", "FH(0, 1)", "MB(t* = 12)", "MaxCombo(4 FH)", "RMST(tau = 18)",
// "milestone(t = 12)".
std::string test_label(const survival::SurvivalTest& test);
const char* simon_criterion_name(SimonCriterion criterion) noexcept;  // "optimal", "minimax"
// The k-th of `count` admissible Simon designs, from the minimax design to
// the optimal: "minimax", "admissible", "optimal", or "both" when one design
// is both (count 1).
const char* simon_design_kind(std::size_t k, std::size_t count) noexcept;

// The method of the survival power, in one sentence and in short, with its
// references; and the reference of the proportional-hazards comparison.
extern const char* const kSurvivalMethod;
extern const char* const kSurvivalMethodShort;
extern const char* const kSurvivalMethodReference;
// survival.method as written in the config: "exact", "schoenfeld", ...
const char* sizing_method_name(survival::SizingMethod method) noexcept;
// The sizing method in one sentence, and its references.
const char* sizing_method_description(survival::SizingMethod method) noexcept;
const char* sizing_method_reference(survival::SizingMethod method) noexcept;
// Where looks by calendar time take their information fractions from (any
// method): the expected events at each look's time over the planned events.
extern const char* const kCalendarLooksMethod;
// Planned events above this fraction of what the patients can ever produce
// strain the approximations (look times far in the tail of the event curve,
// trials that wait past the calendar cap): the plan warns.
inline constexpr double kEventsStrainFraction = 0.85;
// The smallest p-value reported. A stage-wise p-value falls below it from a
// z of about 37 (Phi(-37) = 5.7e-300); further out the doubles lose digits
// (subnormal below 2.2e-308) and then underflow to an exact 0, which would
// claim certainty. Below it the JSON gives this floor, an upper bound, and the
// text "< 1e-300".
inline constexpr double kSmallestReportedPValue = 1e-300;
// p, or the floor when p is below it.
double reported_p_value(double p);
// p with six significant digits, or "< 1e-300" below the floor.
std::string p_value_text(double p);
// The plan's warnings, one sentence each (none: empty). `time_unit` names
// the calendar.
std::vector<std::string> plan_warnings(const survival::SurvivalPlan& plan,
                                       const std::string& time_unit);
// A trial tested by a weighted, MaxCombo, RMST or milestone test: that
// test's power and sizing take its looks at the plan's expected event times
// and leave the calendar cap out, which matters once the log-rank plan
// expects more than this share of trials to end at the cap (one in a
// thousand: below it the cap moves the power by less than that).
inline constexpr double kTestCapShare = 1e-3;
// The warning for such a test when the cap matters (none: nullopt, also for
// a trial tested by the log-rank plan's own test).
std::optional<std::string> test_cap_warning(const DesignResult& result);
extern const char* const kSchoenfeldReference;
// Normal and binary endpoints (presentation_endpoint.cpp).
const char* endpoint_type_name(endpoints::EndpointType type) noexcept;        // "normal", "binary"
const char* endpoint_solved_for(endpoints::EndpointSolve solve) noexcept;     // "patients", "power"
const char* rate_scale_name(endpoints::RateScale scale) noexcept;             // "difference", "ratio"
const char* rate_variance_name(endpoints::RateVariance variance) noexcept;    // "pooled", "unpooled"
const char* direction_name(endpoints::Direction direction) noexcept;          // "upper", "lower"
// What the bounds are reported on: "mean", "mean difference", "rate",
// "rate difference", "rate ratio".
const char* estimate_name(const endpoints::EndpointSpec& spec) noexcept;
// The test and sizing method in one sentence, and its references.
std::string endpoint_method_description(const endpoints::EndpointSpec& spec);
const char* endpoint_method_reference(const endpoints::EndpointSpec& spec) noexcept;
// A binary endpoint plan's warnings, one sentence each (none: empty). With
// its exact operating characteristics (one sample): an exact power more than
// kExactPowerGap from the plan's, and an exact alpha more than
// kExactAlphaExcess above the design's, relative. Otherwise an arm that
// expects fewer than endpoints::kFewExpectedOutcomes responders or
// non-responders.
// The exact binomial calculation in one sentence, and its references.
std::string exact_binomial_description();
extern const char* const kExactBinomialReference;
inline constexpr double kExactPowerGap = 0.01;
inline constexpr double kExactAlphaExcess = 0.1;
std::vector<std::string> endpoint_warnings(const EndpointSize& size);

// A Simon design's warnings, one sentence each (none: empty): the optimal
// design's n within kSimonBoundMargin of design.max_patients, where a larger
// bound may hold a design with fewer expected patients under p0 (the
// search's optimum is only the optimum up to its bound; the margin is the
// one clinfun's ph2simon warns at).
inline constexpr int kSimonBoundMargin = 10;
std::vector<std::string> simon_warnings(const SimonPlan& plan);

// A Simon look's decision as the monitoring contract names decisions: a stop
// after stage 1 "stop-futility", going on "continue", promising after stage
// 2 "stop-efficacy" (H0 rejected), not promising "final-no-rejection".
const char* simon_decision_name(endpoints::SimonDecision decision) noexcept;
// The same for people: "stop after stage 1", "go on to stage 2",
// "promising", "not promising".
const char* simon_verdict(endpoints::SimonDecision decision) noexcept;
// Look k's decision and why, one sentence.
std::string simon_look_reason(const SimonMonitoring& monitoring, std::size_t k);
// What a committee should know of the looks, one sentence each: sizes other
// than the plan's.
std::vector<std::string> simon_monitoring_warnings(const SimonMonitoring& monitoring);

// The method of the boundaries, with the integration grid's r.
std::string boundary_method(int grid_r);

}  // namespace gsd
