# `gsd design` with a normal or binary endpoint: each bad-input rule gives
# exit 2, nothing on stdout, and one stderr line naming the JSON path, the
# value and the rule. (Semicolons are escaped: CMake would split arguments at them.)
function(gsd_endpoint_error name expected json)
  add_test(NAME cli.endpoint.${name}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/expect_error.sh $<TARGET_FILE:gsd> 2 ${expected}
                   ${json} design CONFIG)
  set_tests_properties(cli.endpoint.${name} PROPERTIES LABELS cli)
endfunction()

gsd_endpoint_error(rate_above_one
  "error: endpoint.control_rate = 1.3 must lie in (0, 1)"
  "{\"design\": {}, \"endpoint\": {\"type\": \"binary\", \"control_rate\": 1.3, \"treatment_rate\": 0.4}}")
gsd_endpoint_error(rate_zero
  "error: endpoint.rate = 0 must lie in (0, 1)"
  "{\"design\": {}, \"endpoint\": {\"type\": \"binary\", \"groups\": 1, \"rate\": 0, \"margin\": 0.2}}")
gsd_endpoint_error(allocation_ratio_extreme
  "error: endpoint.allocation_ratio = 0.0001 must lie in [0.001, 1000] (treatment : control)"
  "{\"design\": {}, \"endpoint\": {\"type\": \"binary\", \"control_rate\": 0.3, \"treatment_rate\": 0.4, \"allocation_ratio\": 1e-4}}")
gsd_endpoint_error(sd_not_positive
  "error: endpoint.sd = -1 must be positive"
  "{\"design\": {}, \"endpoint\": {\"type\": \"normal\", \"mean_difference\": 0.5, \"sd\": -1}}")
gsd_endpoint_error(margin_wrong_side
  "error: endpoint.margin = 0.6 is on the wrong side: with direction \"upper\" H0 must lie below the alternative 0.5"
  "{\"design\": {}, \"endpoint\": {\"type\": \"normal\", \"mean_difference\": 0.5, \"margin\": 0.6, \"direction\": \"upper\"}}")
gsd_endpoint_error(ratio_margin_wrong_side
  "error: endpoint.margin = 1.5 is on the wrong side: with direction \"upper\" H0 must lie below the alternative 1.33333"
  "{\"design\": {}, \"endpoint\": {\"type\": \"binary\", \"control_rate\": 0.3, \"treatment_rate\": 0.4, \"scale\": \"ratio\", \"margin\": 1.5, \"direction\": \"upper\"}}")
gsd_endpoint_error(power_unreachable
  "error: endpoint.patients = 0.1 are too few for this test: its power does not exceed alpha (drift -0.0405189)"
  "{\"design\": {}, \"endpoint\": {\"type\": \"binary\", \"groups\": 1, \"rate\": 0.3, \"margin\": 0.5, \"patients\": 0.1}}")
gsd_endpoint_error(power_below_alpha
  "error: endpoint.power = 0.01 must lie in (0.025, 1): above the one-sided alpha"
  "{\"design\": {}, \"endpoint\": {\"type\": \"normal\", \"mean_difference\": 0.5, \"power\": 0.01}}")
gsd_endpoint_error(misspelt_key
  "error: endpoint.mean_diference is not a known key\; did you mean \"mean_difference\"?"
  "{\"design\": {}, \"endpoint\": {\"type\": \"normal\", \"mean_diference\": 0.5}}")
gsd_endpoint_error(simulation_survival_key
  "error: simulation.max_duration = 40 applies to a survival trial: a normal or binary endpoint's looks come at the planned patients\; remove it"
  "{\"design\": {}, \"endpoint\": {\"type\": \"normal\", \"mean_difference\": 0.5}, \"simulation\": {\"max_duration\": 40}}")
gsd_endpoint_error(hazard_ratio_margin_under_cure
  "error: survival.hazard_ratio_h0 = 1.2 needs proportional hazards, but the model has a cure fraction: the hazard ratio of a cure model changes over time (the cured never have the event), so no single hazard ratio exists to test a margin on"
  "{\"design\": {}, \"survival\": {\"control\": {\"cure_fraction\": 0.4, \"median_noncured\": 7}, \"treatment\": {\"cure_fraction\": 0.562}, \"hazard_ratio_noncured\": 0.63, \"accrual\": {\"duration\": 36}, \"patients\": 202, \"events\": 94, \"hazard_ratio_h0\": 1.2}}")
function(gsd_endpoint_simulate_error name expected json)
  add_test(NAME cli.endpoint.${name}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/expect_error.sh $<TARGET_FILE:gsd> 2 ${expected}
                   ${json} simulate CONFIG)
  set_tests_properties(cli.endpoint.${name} PROPERTIES LABELS cli)
endfunction()
gsd_endpoint_simulate_error(simulate_too_few_patients
  "error: endpoint.patients = 5 gives looks at 3, 4, 5 patients: each look must leave every arm at least 2 patients\; give at least 7"
  "{\"design\": {\"information_fractions\": [0.5, 0.75, 1.0]}, \"endpoint\": {\"type\": \"normal\", \"mean_difference\": 0.5, \"patients\": 5}}")
# A plan solved for a large effect (1.82 patients) is raised to the 7 patients
# whose looks each have a t statistic, and its simulation runs.
add_test(NAME cli.endpoint.simulate_large_effect
         COMMAND sh -c "printf '%s' '{\"design\": {\"information_fractions\": [0.5, 0.75, 1.0]}, \"endpoint\": {\"type\": \"normal\", \"mean_difference\": 0.5, \"sd\": 0.1, \"normal_approximation\": true}}' > large_effect.json && \"$1\" simulate large_effect.json --replicates 200 --format csv | grep -q '^look_patients,3,7$'" sh $<TARGET_FILE:gsd>)
set_tests_properties(cli.endpoint.simulate_large_effect PROPERTIES LABELS cli)
gsd_endpoint_simulate_error(simulate_rate_outside
  "error: endpoint.treatment_rate = 1 must lie in (0, 1)"
  "{\"design\": {}, \"endpoint\": {\"type\": \"binary\", \"control_rate\": 0.3, \"treatment_rate\": 1.0, \"patients\": 200}}")

# gsd monitor with an endpoint: each bad look exits 2 naming its JSON path.
function(gsd_endpoint_monitor_error name expected json)
  add_test(NAME cli.endpoint.monitor.${name}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/expect_error.sh $<TARGET_FILE:gsd> 2 ${expected}
                   ${json} monitor CONFIG ${ARGN})
  set_tests_properties(cli.endpoint.monitor.${name} PROPERTIES LABELS cli)
endfunction()
set(normal_endpoint "\"design\": {}, \"endpoint\": {\"type\": \"normal\", \"mean_difference\": 0.5}")
set(binary_endpoint "\"design\": {}, \"endpoint\": {\"type\": \"binary\", \"control_rate\": 0.3, \"treatment_rate\": 0.45}")
gsd_endpoint_monitor_error(one_patient
  "error: monitoring.looks[0].control.n = 1 must be a whole number of patients, at least 2"
  "{${normal_endpoint}, \"monitoring\": {\"looks\": [{\"treatment\": {\"n\": 30, \"mean\": 0.5, \"sd\": 1}, \"control\": {\"n\": 1, \"mean\": 0, \"sd\": 1}}]}}")
gsd_endpoint_monitor_error(sd_not_positive
  "error: monitoring.looks[0].sd = -1 must be positive"
  "{\"design\": {}, \"endpoint\": {\"type\": \"normal\", \"groups\": 1, \"mean\": 0.5}, \"monitoring\": {\"looks\": [{\"n\": 30, \"mean\": 0.5, \"sd\": -1}]}}")
gsd_endpoint_monitor_error(responders_above_n
  "error: monitoring.looks[1].treatment.responders = 51 must be a whole number from 0 to n = 50"
  "{${binary_endpoint}, \"monitoring\": {\"looks\": [{\"patients\": 50, \"z\": 1}, {\"treatment\": {\"n\": 50, \"responders\": 51}, \"control\": {\"n\": 50, \"responders\": 20}}]}}")
gsd_endpoint_monitor_error(standard_error_zero
  "error: monitoring.looks[0].standard_error = 0 must be positive"
  "{${binary_endpoint}, \"monitoring\": {\"looks\": [{\"patients\": 100, \"estimate\": 0.1, \"standard_error\": 0}]}}")
gsd_endpoint_monitor_error(two_forms
  "error: monitoring.looks[0].z is one of several forms given\; give one: z, estimate with standard_error, or the summaries"
  "{${binary_endpoint}, \"monitoring\": {\"looks\": [{\"patients\": 100, \"z\": 1, \"estimate\": 0.1, \"standard_error\": 0.05}]}}")
gsd_endpoint_monitor_error(events_key
  "error: monitoring.looks[0].events is not a known key\; known keys: patients, z, estimate, standard_error, n, mean, sd, responders, treatment, control, final, date, note"
  "{${binary_endpoint}, \"monitoring\": {\"looks\": [{\"events\": 100, \"z\": 1}]}}")
gsd_endpoint_monitor_error(no_variance
  "error: monitoring.looks[0].treatment.responders leaves the statistic without variance (each arm has no responder or only responders)\; give the look as z or as an estimate with its standard error"
  "{\"design\": {}, \"endpoint\": {\"type\": \"binary\", \"control_rate\": 0.3, \"treatment_rate\": 0.45, \"variance\": \"unpooled\"}, \"monitoring\": {\"looks\": [{\"treatment\": {\"n\": 50, \"responders\": 50}, \"control\": {\"n\": 50, \"responders\": 0}}]}}")
add_test(NAME cli.endpoint.monitor.examples_report_plot
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/endpoint_monitor_check.sh $<TARGET_FILE:gsd>
                 ${PROJECT_SOURCE_DIR}/examples)
set_tests_properties(cli.endpoint.monitor.examples_report_plot PROPERTIES LABELS cli)
# More than 1e9 patients, given or solved for (1e300 printed 300 digits; a
# margin 1e-12 from the alternative solved to 9.5e24 patients).
gsd_endpoint_error(patients_past_a_billion
  "error: endpoint.patients = 1e+300 must be at most 1e9"
  "{\"design\": {}, \"endpoint\": {\"type\": \"normal\", \"mean_difference\": 0.5, \"patients\": 1e300}}")
gsd_endpoint_error(solved_past_a_billion
  "error: endpoint.power = 0.9 needs 1.05079e+25 patients, more than 1e9: the effect is too small to detect against H0 (0 against -1e-12)"
  "{\"design\": {\"beta\": 0.1}, \"endpoint\": {\"type\": \"binary\", \"control_rate\": 0.5, \"treatment_rate\": 0.5, \"margin\": -1e-12}}")

# Rates near 1: an arm expects few non-responders, and the plan warns that
# its normal-approximation power may be off (a measured 0.017 here).
add_test(NAME cli.endpoint.few_expected_outcomes_warning
         COMMAND $<TARGET_FILE:gsd> design ${CMAKE_CURRENT_SOURCE_DIR}/cli/endpoint/binary_high_rates.json
                 --format json)
set_tests_properties(cli.endpoint.few_expected_outcomes_warning PROPERTIES LABELS cli
                     PASS_REGULAR_EXPRESSION "\"warnings\": \\[\n *\"the treatment arm expects 16\\.7 non-responders at the final analysis")

# Patients given are printed as given: 150.5 read "patients 150" (rounded to
# even at zero decimals) while the JSON had 150.5 and gsd simulate runs 151.
add_test(NAME cli.endpoint.patients_as_given
         COMMAND $<TARGET_FILE:gsd> design ${CMAKE_CURRENT_SOURCE_DIR}/cli/endpoint/patients_not_whole.json)
set_tests_properties(cli.endpoint.patients_as_given PROPERTIES LABELS cli
                     PASS_REGULAR_EXPRESSION "\n  patients 150\\.5, power 0\\.8603\n")
gsd_endpoint_error(ratio_margin_past_a_million
  "error: endpoint.margin = 1e+200 must lie in [1e-06, 1e+06]: a ratio of two rates (treatment / control), e.g. 0.8"
  "{\"design\": {}, \"endpoint\": {\"type\": \"binary\", \"control_rate\": 0.5, \"treatment_rate\": 0.6, \"scale\": \"ratio\", \"margin\": 1e200}}")

# Near the limit of 1e9 patients the look table's patients column widens, so
# the header and every row stay aligned.
add_test(NAME cli.endpoint.patients_column_widens
         COMMAND $<TARGET_FILE:gsd> design ${CMAKE_CURRENT_SOURCE_DIR}/cli/endpoint/near_a_billion_patients.json)
set_tests_properties(cli.endpoint.patients_column_widens PROPERTIES LABELS cli
                     PASS_REGULAR_EXPRESSION "\n  look  fraction      patients  efficacy z[^\n]*\n     1    0\\.5000  469464973\\.27      2\\.9626")
