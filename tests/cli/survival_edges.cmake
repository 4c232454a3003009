# `gsd design` of survival plans at the edges of the model: each exits 2
# with one line naming the key to change, where the plan once hung, failed
# inside a library or sized another trial. Driver: tests/cli/expect_error.sh.
set(GSD_EDGE_EXPECT_ERROR ${CMAKE_CURRENT_LIST_DIR}/expect_error.sh)

function(gsd_survival_edge name expected json)
  add_test(NAME cli.survival_edges.${name}
           COMMAND ${GSD_EDGE_EXPECT_ERROR} $<TARGET_FILE:gsd> 2 ${expected} ${json} design CONFIG)
  set_tests_properties(cli.survival_edges.${name} PROPERTIES LABELS cli)
endfunction()

# A look by time before the first expected event, at the patients and events given.
gsd_survival_edge(early_time_look_given_sizes
  "error: survival.looks[0].time = 0.5 leaves the first look without events: the model expects 0.0299795 events by then from the 202 patients\; move it later"
  "{\"design\": {\"alpha\": 0.05, \"sided\": 2, \"information_fractions\": [0.5, 0.75, 1.0]}, \"survival\": {\"control\": {\"cure_fraction\": 0.4, \"median_noncured\": 7.0}, \"treatment\": {\"cure_fraction\": 0.562}, \"hazard_ratio_noncured\": 0.63, \"accrual\": {\"duration\": 36}, \"patients\": 202, \"events\": 94, \"looks\": [{\"time\": 0.5}, {\"time\": 36}, {}]}}")

# The same in a solve for patients: before, the solve raised the patients until that look had one event (1,709 for the seed trial's power of 0.84, which 202 reach) and reported power 1.0000.
gsd_survival_edge(early_time_look_in_power_solve
  "error: survival.looks[0].time = 1 leaves the first look without events: power 0.84 needs fewer patients than the 1709 that give it one expected event (0.125712% of the final events by then)\; move it later"
  "{\"design\": {\"alpha\": 0.05, \"sided\": 2, \"information_fractions\": [0.5, 0.75, 1.0]}, \"survival\": {\"control\": {\"cure_fraction\": 0.4, \"median_noncured\": 7.0}, \"treatment\": {\"cure_fraction\": 0.562}, \"hazard_ratio_noncured\": 0.63, \"accrual\": {\"duration\": 36}, \"follow_up\": 14.8, \"power\": 0.84, \"looks\": [{\"time\": 1}, {\"time\": 36}, {}]}}")

# A first fraction too small for one event at the size the power needs: before, 717 patients and power 0.9999 for a target of 0.84.
gsd_survival_edge(tiny_first_fraction_in_power_solve
  "error: survival.power = 0.84 needs fewer patients than the 717 that give the first look one expected event (design.information_fractions[0] = 0.003 of the final events)\; give a larger first fraction"
  "{\"design\": {\"alpha\": 0.05, \"sided\": 2, \"information_fractions\": [0.003, 0.75, 1.0]}, \"survival\": {\"control\": {\"cure_fraction\": 0.4, \"median_noncured\": 7.0}, \"treatment\": {\"cure_fraction\": 0.562}, \"hazard_ratio_noncured\": 0.63, \"accrual\": {\"duration\": 36}, \"follow_up\": 14.8, \"power\": 0.84}}")

# A power past the design's own limit (beta 0.0001), where the plan's power came out above 1.
gsd_survival_edge(power_above_largest
  "error: survival.power = 0.99999 is above 0.9999, the largest power gsd solves to its stated accuracy (design.beta has the same limit, 0.0001)\; give a power up to 0.9999"
  "{\"design\": {\"alpha\": 0.05, \"sided\": 2, \"information_fractions\": [0.5, 0.75, 1.0]}, \"survival\": {\"control\": {\"cure_fraction\": 0.4, \"median_noncured\": 7.0}, \"treatment\": {\"cure_fraction\": 0.562}, \"hazard_ratio_noncured\": 0.63, \"accrual\": {\"duration\": 36}, \"follow_up\": 14.8, \"power\": 0.99999}}")

# A latency whose hazard nearly stops: its 99th percentile, the default cap, lies ages past the trial (before: a failed allocation, exit 1).
gsd_survival_edge(latency_that_stops_default_cap
  "error: survival.analysis_cap is needed: the control arm's noncured latency has its 99th percentile at 3.00517e+10 months, 1.00941e+09 times its median (its hazard nearly stops), so the default cap (the end of accrual plus that percentile) lies beyond any trial\; give survival.analysis_cap, the protocol's latest final analysis"
  "{\"design\": {\"alpha\": 0.025, \"information_fractions\": [0.5, 1]}, \"survival\": {\"control\": {\"piecewise\": {\"starts\": [0, 20, 60], \"rates\": [0.02, 0.03, 1e-10]}}, \"treatment\": {\"hazard\": 0.014}, \"accrual\": {\"duration\": 80}, \"patients\": 400, \"power\": 0.85}}")

# A piece's hazard far beyond the time scale (before: a failed allocation, exit 1).
gsd_survival_edge(piecewise_hazard_past_time_scale
  "error: survival.control.piecewise.rates[1] = 1e+300 is a hazard of 8e+301 per accrual duration (80 months): gsd computes up to 1e9\; check the time unit (survival.time_unit)"
  "{\"design\": {\"alpha\": 0.025, \"information_fractions\": [0.5, 1]}, \"survival\": {\"control\": {\"piecewise\": {\"starts\": [0, 20], \"rates\": [0.02, 1e+300]}}, \"treatment\": {\"hazard\": 0.014}, \"accrual\": {\"duration\": 80}, \"patients\": 400, \"power\": 0.85}}")

# An accrual piece at a ten-billionth of another's rate (before: Boost's gamma overflowed, exit 1).
gsd_survival_edge(accrual_rate_far_below_another
  "error: survival.accrual.piecewise.rates[0] = 1 is more than 1e6 times below the largest rate (1e+10): such a piece enrols next to no one\; give it rate 0, or check the rates"
  "{\"design\": {\"alpha\": 0.025}, \"survival\": {\"control\": {\"median_noncured\": 9}, \"hazard_ratio_noncured\": 0.7, \"accrual\": {\"piecewise\": {\"durations\": [6, 18], \"rates\": [1, 10000000000.0]}}, \"power\": 0.8, \"follow_up\": 18}}")

# A drop-out hazard that leaves next to no patient an event (before: the
# quadrature of the events ever expected failed, exit 1).
gsd_survival_edge(dropout_past_the_latency
  "error: survival.dropout.control = 100000 is 1.2e+06 drop-outs per patient over the arm's noncured median latency (12 months): gsd computes up to 1e4, where about one patient in 15,000 still has the event\; check the rate and its time unit (survival.time_unit)"
  "{\"design\": {\"alpha\": 0.025}, \"survival\": {\"control\": {\"median_noncured\": 12}, \"hazard_ratio_noncured\": 0.7, \"accrual\": {\"duration\": 24}, \"dropout\": {\"control\": 100000}, \"power\": 0.8, \"follow_up\": 18}}")
