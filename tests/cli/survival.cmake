# CLI contract tests of `gsd design` with a survival section: the
# seed plan prints, the other solve modes run, and each bad input exits 2 with
# one stderr line naming the JSON path. Driver: tests/cli/survival_check.sh.
set(GSD_SURVIVAL_CHECK ${CMAKE_CURRENT_LIST_DIR}/survival_check.sh)
set(GSD_SURVIVAL_CASES ${CMAKE_CURRENT_LIST_DIR}/survival)
set(GSD_CONFIGS ${CMAKE_CURRENT_LIST_DIR}/../../configs)

function(gsd_survival_cli_test name config rc expected)
  add_test(NAME cli.survival.${name}
           COMMAND sh ${GSD_SURVIVAL_CHECK} $<TARGET_FILE:gsd> ${config} ${rc} "${expected}" ${ARGN})
  set_tests_properties(cli.survival.${name} PROPERTIES LABELS cli)
endfunction()

# The seed plan: 202 patients, 94 events, final look at 50.77 (docs/validation.md: power 0.845
# at the expected look times, looks 27.09 / 36.11 / 50.77; event-driven 0.8391 against the
# simulator's 0.8386). The 4th printed digits (0.8391, 0.8455, 2.9744, 0.6600, 0.1690) are
# gsd's own output pinned as regression values; the engine tests check them against their references.
gsd_survival_cli_test(seed_plan_text ${GSD_CONFIGS}/blinatumomab-20120215.json 0
  "patients 202, events 94 (these patients can ever produce 104.8), power 0.8391 (event-driven; 0.8455 at the expected look times)")
# 1000 patients for 94 events: the final look comes before accrual ends, and
# the plan says how many patients are enrolled by then instead of a negative
# follow-up (tests/reference/final_look_before_accrual.py: 15.2075 months,
# 422.43 patients).
gsd_survival_cli_test(final_look_before_accrual_ends ${GSD_SURVIVAL_CASES}/final_look_before_accrual_ends.json 0
  "  study duration 15.21 months, 20.79 before accrual ends: about 422.4 of the 1000 patients are enrolled by the final look")
gsd_survival_cli_test(final_look_before_accrual_ends_json ${GSD_SURVIVAL_CASES}/final_look_before_accrual_ends.json 0
  "\"patients_at_study_end\": 422.43175018" --format json)
gsd_survival_cli_test(seed_plan_looks ${GSD_CONFIGS}/blinatumomab-20120215.json 0
  "   3      94          50.77   2.9744    2.0141    0.6600     0.1690      0.8391")
# The warning where the planned events approach what the patients can produce: the seed
# plan (90%), the 98-event plan (93%) and the 2:1 plan (93%) of docs/plan-accuracy.md.
gsd_survival_cli_test(seed_plan_warning ${GSD_CONFIGS}/blinatumomab-20120215.json 0
  "  warning: 94 planned events are 89.7% of the 104.8 that 202 patients can ever produce (above 85%)")
gsd_survival_cli_test(events_98_warning ${CMAKE_CURRENT_LIST_DIR}/../reference/event_driven/seed_202_98.json 0
  "  warning: 98 planned events are 93.5% of the 104.8 that 202 patients can ever produce (above 85%)")
gsd_survival_cli_test(allocation_2to1_warning_json ${CMAKE_CURRENT_LIST_DIR}/../reference/event_driven/seed_2to1_240_110.json 0
  "\"110 planned events are 93.2% of the 118.1 that 240 patients can ever produce (above 85%)" --format json)
gsd_survival_cli_test(seed_plan_json_keys ${GSD_CONFIGS}/blinatumomab-20120215.json 0
  "\"power_fixed_times\": 0.8455" --format json)
# A classical method on a cure model: refused with the rule.
gsd_survival_cli_test(method_on_cure_model ${GSD_SURVIVAL_CASES}/method_on_cure_model.json 2
  "error: survival.method = \"schoenfeld\" needs proportional hazards without a cure fraction, but the cure fractions are 40% / 56.2% (use \"exact\", the cure model's own power)")
gsd_survival_cli_test(seed_plan_json ${GSD_CONFIGS}/blinatumomab-20120215.json 0
  "\"sample_size\": {" --format json)
gsd_survival_cli_test(seed_plan_json_mode ${GSD_CONFIGS}/blinatumomab-20120215.json 0
  "\"solved_for\": \"power\"" --format json)
gsd_survival_cli_test(solve_events_json ${GSD_CONFIGS}/blinatumomab-solve-events.json 0
  "\"solved_for\": \"events_and_duration\"" --format json)
gsd_survival_cli_test(seed_plan_plot ${GSD_CONFIGS}/blinatumomab-20120215.json 0
  "study duration 50.77 months (follow-up 14.77 after accrual ends)" --plot ${CMAKE_CURRENT_BINARY_DIR}/survival_seed_plan.svg)
gsd_survival_cli_test(solve_patients ${GSD_CONFIGS}/blinatumomab-solve-patients.json 0
  "patients 203, events 95")
gsd_survival_cli_test(solve_events ${GSD_CONFIGS}/blinatumomab-solve-events.json 0
  "patients 202, events 91")
gsd_survival_cli_test(no_bound_at_first_look ${GSD_SURVIVAL_CASES}/no_bound_at_first_look.json 0
  "   1      47          27.09   2.3496      none         -     0.0000      0.0000")
gsd_survival_cli_test(no_bound_at_first_look_json ${GSD_SURVIVAL_CASES}/no_bound_at_first_look.json 0
  "\"hazard_ratio_at_bound\": null" --format json)
gsd_survival_cli_test(weibull_rampup_dropout ${GSD_SURVIVAL_CASES}/weibull_rampup_dropout.json 0
  "Sample size: patients and events from power, accrual and follow-up (time in months)")

# gsd monitor without an assumed hazard ratio: conditional power under the
# survival model. At look 1 (z = 2, 49 events) the chance of crossing at 71
# events is Phi((2 sqrt(t1) + m2 sqrt(t2) - m1 sqrt(t1) - c2 sqrt(t2)) / sqrt(t2 - t1))
# with t = 49/94, 71/94, the model means m1 = 2.391588 (49 events) and
# m2 = 2.788149 (71 events) and the bound c2 = 2.353231: 0.57804848 (Brownian
# motion closed form, evaluated in Python's statistics.NormalDist). The model means at 49
# and 71 events are gsd's own (tests/engine checks them at 47/71/94 against R): this
# test pins the wiring from the survival model into conditional power.
add_test(NAME cli.survival.monitor_under_model
         COMMAND sh ${GSD_SURVIVAL_CHECK} $<TARGET_FILE:gsd> ${GSD_SURVIVAL_CASES}/monitor_under_model.json 0
                 "\"conditional_power\": 0.57804848" --format json)
set_tests_properties(cli.survival.monitor_under_model PROPERTIES LABELS cli
                     ENVIRONMENT GSD_COMMAND=monitor)

# Bad input: exit 2, the field by its JSON path, the value and the rule.
gsd_survival_cli_test(cure_above_one ${GSD_SURVIVAL_CASES}/cure_above_one.json 2
  "error: survival.control.cure_fraction = 1.2 must lie in [0, 1)")
gsd_survival_cli_test(negative_median ${GSD_SURVIVAL_CASES}/negative_median.json 2
  "error: survival.control.median_noncured = -7 must be positive")
gsd_survival_cli_test(zero_hazard ${GSD_SURVIVAL_CASES}/zero_hazard.json 2
  "error: survival.control.hazard = 0 must be positive")
gsd_survival_cli_test(zero_hazard_ratio ${GSD_SURVIVAL_CASES}/zero_hazard_ratio.json 2
  "error: survival.hazard_ratio_noncured = 0 must be positive")
gsd_survival_cli_test(power_below_alpha ${GSD_SURVIVAL_CASES}/power_below_alpha.json 2
  "error: survival.power = 0.01 must lie in (0.025, 1): above the one-sided alpha (alpha / 2 for two-sided)")
gsd_survival_cli_test(power_one ${GSD_SURVIVAL_CASES}/power_one.json 2
  "error: survival.power = 1 must lie in (0, 1)")
gsd_survival_cli_test(zero_accrual ${GSD_SURVIVAL_CASES}/zero_accrual.json 2
  "error: survival.accrual.duration = 0 must be positive")
gsd_survival_cli_test(events_beyond_limit ${GSD_SURVIVAL_CASES}/events_beyond_limit.json 2
  "error: survival.events = 110 exceeds the 104.8 events that 202 patients can ever produce (cure 40% / 56.2%)")
# Even the first look's share (47) is past the limit: the error still names
# the events given.
gsd_survival_cli_test(events_beyond_limit_every_look ${GSD_SURVIVAL_CASES}/events_beyond_limit_every_look.json 2
  "error: survival.events = 94 exceeds the 14.9 events that 202 patients can ever produce (cure 40% / 56.2%, with drop-out)")
gsd_survival_cli_test(power_unreachable ${GSD_SURVIVAL_CASES}/power_unreachable.json 2
  "error: survival.power = 0.99 cannot be reached with 20 patients: the most the model gives is 0.152769 (at about 9.2 events); give more patients, or follow_up instead of patients to solve for them")
# No effect (hazard ratio 1, no cure): no number of patients gives the power.
gsd_survival_cli_test(power_without_effect ${GSD_SURVIVAL_CASES}/power_without_effect.json 2
  "error: survival.power = 0.9 cannot be reached with follow_up = 12: the model gives at most 0.025 even with 1e+08 patients; give a longer follow_up, a lower power, or check the effect (the hazard ratio and the cure fractions)")
gsd_survival_cli_test(unknown_key ${GSD_SURVIVAL_CASES}/unknown_key.json 2
  "error: survival.hazard_ratio_noncure is not a known key; did you mean \"hazard_ratio_noncured\"?")
gsd_survival_cli_test(both_latencies ${GSD_SURVIVAL_CASES}/both_latencies.json 2
  "error: survival.hazard_ratio_noncured = 0.63 conflicts with the latency given in survival.treatment: give one of them")
gsd_survival_cli_test(no_treatment_latency ${GSD_SURVIVAL_CASES}/no_treatment_latency.json 2
  "error: survival.hazard_ratio_noncured is missing: give it, or a latency in survival.treatment (median_noncured, hazard, weibull or piecewise)")
gsd_survival_cli_test(ambiguous_mode ${GSD_SURVIVAL_CASES}/ambiguous_mode.json 2
  "error: survival: give patients and events (for the power), power and follow_up (for patients and events), or power and patients (for events); got: patients events power")
gsd_survival_cli_test(piecewise_unsorted ${GSD_SURVIVAL_CASES}/piecewise_unsorted.json 2
  "error: survival.control.piecewise.starts[2] = 3 must be greater than the previous start 6")
# A design with a futility bound: the plan's looks give it, the hazard ratio at
# it (exp(-0.0635 (1 + 2) / sqrt(2 x 69)) with allocation 2:1) and the chance
# of a futility stop at each look; the final look of a non-binding bound has none.
gsd_survival_cli_test(futility_columns_text ${CMAKE_CURRENT_LIST_DIR}/../golden/inputs/survival-weibull-futility.json 0
  "   1      69          21.98   2.0111    3.3569    0.4243    0.0635    0.9839     0.1010      0.1010     0.0328")
gsd_survival_cli_test(futility_columns_final ${CMAKE_CURRENT_LIST_DIR}/../golden/inputs/survival-weibull-futility.json 0
  "   3     172          42.26   2.9207    2.0005    0.7236         -         -     0.2401      0.8016     0.0000")
gsd_survival_cli_test(futility_columns_head ${CMAKE_CURRENT_LIST_DIR}/../golden/inputs/survival-weibull-futility.json 0
  "                   (months)     E[Z]         z     bound         z  futility    at look    P(cross)   futility")
# Two-sided, the lower exits hold the rejections below -b beside the futility stops.
gsd_survival_cli_test(futility_columns_two_sided ${GSD_SURVIVAL_CASES}/two_sided_futility_plan.json 0
  "                   (months)     E[Z]         z     bound         z  futility    at look    P(cross) fut. or -b")
# A classical method's crossings come from its own drift, -ln 0.75 sqrt(d / 4)
# at 150 / 225 / 300 events, which the text gives under the table.
gsd_survival_cli_test(classical_method_drift ${GSD_SURVIVAL_CASES}/two_sided_futility_plan.json 0
  "  P(cross) by the schoenfeld formula, whose drift is 1.7617 / 2.1576 / 2.4914; the drift column is the model's mean of Z")
# A plan tested by another test: the expected events and duration are the
# log-rank trial's, and the text says so.
gsd_survival_cli_test(other_test_expected_sizes ${CMAKE_CURRENT_LIST_DIR}/../../examples/weighted-monitoring/fh01.json 0
  "(of the log-rank trial, under the model, with early stops; a trial stopped by the other test below stops at other looks: gsd simulate gives its figures)")
# survival.analysis_cap and survival.looks (looks by events, calendar time, or whichever
# comes first or last): bad input exits 2 naming the JSON path and the rule.
gsd_survival_cli_test(looks_times_not_increasing ${GSD_SURVIVAL_CASES}/looks_times_not_increasing.json 2
  "error: survival.looks[1].time = 20 must be greater than the previous look's time 24")
# Two looks by time whose expected information lies within a millionth of
# each other would need an unbounded integration grid.
gsd_survival_cli_test(looks_time_within_a_millionth ${GSD_SURVIVAL_CASES}/looks_time_within_a_millionth.json 2
  "error: survival.looks[1]: the model expects 39.18053935 events at it (at 24.00000001 months), within a millionth of the previous look's 39.18053932: move it later")
gsd_survival_cli_test(looks_final_timed ${GSD_SURVIVAL_CASES}/looks_final_timed.json 2
  "error: survival.looks[2].time = 60 cannot time the final look: it is at the planned events (cap it with survival.analysis_cap)")
gsd_survival_cli_test(looks_trigger_typo ${GSD_SURVIVAL_CASES}/looks_trigger_typo.json 2
  "error: survival.looks[0].trigger = \"fist\" is not one of: events, time, first, last (did you mean \"first\"?)")
gsd_survival_cli_test(looks_count ${GSD_SURVIVAL_CASES}/looks_count.json 2
  "error: survival.looks has 2 entries but design.information_fractions has 3; give one for each")
gsd_survival_cli_test(looks_after_cap ${GSD_SURVIVAL_CASES}/looks_after_cap.json 2
  "error: survival.looks[0].time = 70 must be before survival.analysis_cap = 60")
gsd_survival_cli_test(analysis_cap_zero ${GSD_SURVIVAL_CASES}/analysis_cap_zero.json 2
  "error: survival.analysis_cap = 0 must be positive")
# A ratio past a thousand to one leaves an arm a fraction of a patient.
gsd_survival_cli_test(allocation_ratio_extreme ${GSD_SURVIVAL_CASES}/allocation_ratio_extreme.json 2
  "error: survival.allocation_ratio = 1e-06 must lie in [0.001, 1000] (treatment : control)")
# A cap of 1e-300 months exhausted memory in the event-driven power (exit 1):
# caps, look times and a simulation's cap are at least 1e-9 of the accrual.
gsd_survival_cli_test(analysis_cap_tiny ${GSD_SURVIVAL_CASES}/analysis_cap_tiny.json 2
  "error: survival.analysis_cap = 1e-300 must be at least 1e-9 of the accrual duration (36 months): gsd computes with time scales within a factor of 1e9; check the time unit (survival.time_unit)")
gsd_survival_cli_test(simulation_cap_tiny ${GSD_SURVIVAL_CASES}/simulation_cap_tiny.json 2
  "error: simulation.max_duration = 1e-300 must be at least 1e-9 of the accrual duration (36 months): gsd computes with time scales within a factor of 1e9; check the time unit (survival.time_unit)")
# Time scales 1e300 apart: refused with the rule, not a failed solve or an
# allocation error (exit 1).
gsd_survival_cli_test(time_scale_median ${GSD_SURVIVAL_CASES}/time_scale_median.json 2
  "error: survival.control has a noncured median latency of 1e-300 months, 2.77778e-302 times the accrual duration (36 months): gsd computes with the two within a factor of 1e9 of each other; check the time unit of each (survival.time_unit)")
# Values whose rate or median overflows a double (ln 2 / 1e-320 = inf) are
# named as given, not as the internal inf they became.
gsd_survival_cli_test(median_subnormal ${GSD_SURVIVAL_CASES}/median_subnormal.json 2
  "error: survival.control.median_noncured = 9.99989e-321 puts the noncured latency's median or hazard beyond the range of a double; check the value and its time unit (survival.time_unit)")
gsd_survival_cli_test(hazard_subnormal ${GSD_SURVIVAL_CASES}/hazard_subnormal.json 2
  "error: survival.control.hazard = 9.99989e-321 puts the noncured latency's median or hazard beyond the range of a double; check the value and its time unit (survival.time_unit)")
gsd_survival_cli_test(hazard_ratio_subnormal ${GSD_SURVIVAL_CASES}/hazard_ratio_subnormal.json 2
  "error: survival.hazard_ratio_noncured = 9.99989e-321 puts the noncured latency's median or hazard beyond the range of a double; check the value and its time unit (survival.time_unit)")
gsd_survival_cli_test(accrual_subnormal ${GSD_SURVIVAL_CASES}/accrual_subnormal.json 2
  "error: survival.control has a noncured median latency of 7 months, more than 1e308 times the accrual duration (9.99989e-321 months): gsd computes with the two within a factor of 1e9 of each other; check the time unit of each (survival.time_unit)")
gsd_survival_cli_test(dropout_scale ${GSD_SURVIVAL_CASES}/dropout_scale.json 2
  "error: survival.dropout.control = 1e+300 is a drop-out hazard of 3.6e+301 per accrual duration (36 months): gsd computes up to 1e9; check the time unit (survival.time_unit)")
# A look at month 24 spends at its expected events (39.2 of 94); the power is
# event-driven with the cap at month 60, the time looks at their expected events.
gsd_survival_cli_test(calendar_looks_power ${GSD_SURVIVAL_CASES}/calendar_looks.json 0
  "power 0.8468 (event-driven; 0.8454 at the expected look times)")
gsd_survival_cli_test(calendar_looks_text ${GSD_SURVIVAL_CASES}/calendar_looks.json 0
  "  looks by 1: time (expected 39.2 events, information 0.4168), 2: first (expected 70.5 events, information 0.7500), 3: events")
gsd_survival_cli_test(calendar_looks_json ${GSD_SURVIVAL_CASES}/calendar_looks.json 0
  "\"trigger\": \"time\"" --format json)
# Where such a look's information fraction comes from, under the method's references.
gsd_survival_cli_test(calendar_looks_method_text ${GSD_SURVIVAL_CASES}/calendar_looks.json 0
  "          a look by calendar time has as its information fraction the events expected at its time over the planned events (gsDesign 3.11 gsSurvCalendar)")
gsd_survival_cli_test(calendar_looks_method_json ${GSD_SURVIVAL_CASES}/calendar_looks.json 0
  "\"calendar_looks\": \"a look by calendar time" --format json)
# Monitoring a design with a look by time: the remaining looks keep the plan's schedule
# (the second look at 70.5 of 94 events, rounded up: 71), not the design's 50% fraction.
add_test(NAME cli.survival.calendar_looks_monitor
         COMMAND sh ${GSD_SURVIVAL_CHECK} $<TARGET_FILE:gsd> ${GSD_SURVIVAL_CASES}/calendar_looks_monitor.json 0
                 "continue to the next look at 71 events")
set_tests_properties(cli.survival.calendar_looks_monitor PROPERTIES LABELS cli
                     ENVIRONMENT GSD_COMMAND=monitor)
# The look by time came at 40 events (39.2 expected): its bound is recomputed
# there, spending 4 (1 - Phi(z_0.0125 / sqrt(40 / 94))) = 0.0011807188 (two-sided
# Lan-DeMets O'Brien-Fleming), not at the planned fraction 0.4168.
add_test(NAME cli.survival.calendar_looks_monitor_observed_events
         COMMAND sh ${GSD_SURVIVAL_CHECK} $<TARGET_FILE:gsd> ${GSD_SURVIVAL_CASES}/calendar_looks_monitor.json 0
                 "\"cumulative_alpha\": 0.00118071877" --format json)
set_tests_properties(cli.survival.calendar_looks_monitor_observed_events PROPERTIES LABELS cli
                     ENVIRONMENT GSD_COMMAND=monitor)
