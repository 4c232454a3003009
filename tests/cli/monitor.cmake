# CLI contract tests of `gsd monitor`: each case of monitor_cli_test.sh
# (decisions, tables, inference, bad input), monitor_table_test.sh (number
# flags, stray words, table columns, zeros and absent bounds) and
# monitor_record_files_test.sh (the record as a file) is one ctest, label cli.
# report_chromium is skipped (exit 77) when Chromium is not installed.
set(gsd_monitor_cli_cases
  seed_json seed_inference looks_40_80_94 p_value_look hazard_ratio_look text_table csv_rows
  stage_wise_p_value_floor planned_events_reach
  error_events_backwards error_events_within_a_millionth error_z_out_of_range error_look_after_stop
  error_add_look_names_the_flag error_record_missing error_record_unreadable error_events_beyond_planned hazard_ratio_extremes_in_table error_z_missing error_z_not_a_number
  error_p_out_of_range error_unknown_direction error_direction_missing error_two_statistics
  record_add_and_replay record_refuses_contradictions
  record_edit_detected record_verify_json_and_key
  report_self_contained report_chromium)
set(gsd_monitor_record_file_cases
  record_version_1 record_concurrent_writers record_survives_kill
  record_lock_timeout error_lock_timeout_range writer_in_between_names_the_flag
  record_shared_by_two_users record_keeps_permissions
  output_is_the_record record_through_links output_not_regular report_unwritable_before_commit
  record_keyed_downgrade report_full_disk_keeps_record record_cut_short_against_minutes)
foreach(case ${gsd_monitor_cli_cases})
  add_test(NAME cli_monitor_${case}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/monitor_cli_test.sh $<TARGET_FILE:gsd> ${case})
  set_tests_properties(cli_monitor_${case} PROPERTIES LABELS cli SKIP_RETURN_CODE 77 TIMEOUT 180)
endforeach()
set(gsd_monitor_table_cases
  numbers_as_typed stray_argument futility_harm_columns classical_names conditional_power_wide_header
  zero_without_sign unattainable_bound_reads_none)
foreach(case ${gsd_monitor_table_cases})
  add_test(NAME cli_monitor_${case}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/monitor_table_test.sh $<TARGET_FILE:gsd> ${case})
  set_tests_properties(cli_monitor_${case} PROPERTIES LABELS cli TIMEOUT 180)
endforeach()
# The cases that read the examples.
foreach(case endpoint_futility_column endpoint_add_look)
  add_test(NAME cli_monitor_${case}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/monitor_table_test.sh $<TARGET_FILE:gsd>
                   ${case} ${PROJECT_SOURCE_DIR}/examples)
  set_tests_properties(cli_monitor_${case} PROPERTIES LABELS cli TIMEOUT 180)
endforeach()
foreach(case ${gsd_monitor_record_file_cases})
  add_test(NAME cli_monitor_${case}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/monitor_record_files_test.sh $<TARGET_FILE:gsd> ${case})
  set_tests_properties(cli_monitor_${case} PROPERTIES LABELS cli SKIP_RETURN_CODE 77 TIMEOUT 180)
endforeach()

# The examples stay runnable and keep telling the story their READMEs tell.
add_test(NAME cli_monitor_example_seed_trial
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/monitor_cli_test.sh $<TARGET_FILE:gsd>
                 example_seed_trial ${PROJECT_SOURCE_DIR}/examples)
add_test(NAME cli_monitor_survival_model_cp
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/monitor_cli_test.sh $<TARGET_FILE:gsd>
                 survival_model_cp ${PROJECT_SOURCE_DIR}/examples)
set_tests_properties(cli_monitor_survival_model_cp PROPERTIES LABELS cli TIMEOUT 180)
add_test(NAME cli_monitor_example_threshold_table
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/monitor_cli_test.sh $<TARGET_FILE:gsd>
                 example_threshold_table ${PROJECT_SOURCE_DIR}/examples)
add_test(NAME cli_monitor_example_non_inferiority
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/monitor_cli_test.sh $<TARGET_FILE:gsd>
                 example_non_inferiority ${PROJECT_SOURCE_DIR}/examples)
set_tests_properties(cli_monitor_example_seed_trial cli_monitor_example_threshold_table
                     cli_monitor_example_non_inferiority PROPERTIES LABELS cli TIMEOUT 180)

# A weighted log-rank or MaxCombo survival.test monitored on its own scale.
add_test(NAME cli_monitor_weighted_and_maxcombo
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_monitor_checks.sh $<TARGET_FILE:gsd> ${PROJECT_SOURCE_DIR})
# About 80 s of one core in a release build, a quarter of it the MaxCombo
# design's lattice-rule power (22 s) and most of the rest six MaxCombo
# monitors and add-looks (6 s each). The sanitizers' build runs these several
# times slower: 300 s ran out there on a loaded 2-core machine.
if(GSD_SANITIZE)
  set(gsd_maxcombo_timeout 900)
else()
  set(gsd_maxcombo_timeout 300)
endif()
set_tests_properties(cli_monitor_weighted_and_maxcombo PROPERTIES LABELS cli TIMEOUT ${gsd_maxcombo_timeout})

# Looks whose numbers gsd cannot report are refused with the field and the
# limit: never inf, a 300-digit hazard ratio or "try a finer grid".
set(gsd_monitor_c "\"design\": {\"alpha\": 0.05, \"sided\": 2, \"beta\": 0.16, \"information_fractions\": [0.5, 0.75, 1.0], \"efficacy\": {\"spending\": \"lan-demets-obf\"}}")
set(gsd_monitor_3looks "{\"events\": 30, \"z\": 0.5}, {\"events\": 50, \"z\": 1.1}, {\"events\": 70, \"z\": 1.5}")
gsd_design_error(monitor_z_beyond_reported_hazard_ratio 2
  "error: monitoring.looks[3].z = -5000 gives the log hazard ratio estimate -z / sqrt(I) = 1118.03 at information I = 20, outside [-13.8155, 13.8155] (hazard ratios 1e-06 to 1e+06, the ones gsd estimates)\; check the look's statistic"
  "{${gsd_monitor_c}, \"monitoring\": {\"planned_events\": 94, \"assumed_hazard_ratio\": 0.63, \"looks\": [${gsd_monitor_3looks}, {\"events\": 80, \"z\": -5000}]}}"
  monitor CONFIG)
gsd_design_error(monitor_hazard_ratio_beyond_range 2
  "error: monitoring.looks[3].hazard_ratio = 1e+300 must lie in [1e-06, 1e+06], the hazard ratios gsd estimates\; check the look's hazard ratio"
  "{${gsd_monitor_c}, \"monitoring\": {\"planned_events\": 94, \"assumed_hazard_ratio\": 0.63, \"looks\": [${gsd_monitor_3looks}, {\"events\": 80, \"hazard_ratio\": 1e300}]}}"
  monitor CONFIG)
gsd_design_error(monitor_events_beyond_span 2
  "error: monitoring.looks[3].events = 1e+300 exceeds a million times the first look's 30 events, the widest span gsd monitors\; check the events"
  "{${gsd_monitor_c}, \"monitoring\": {\"planned_events\": 94, \"assumed_hazard_ratio\": 0.63, \"looks\": [${gsd_monitor_3looks}, {\"events\": 1e300, \"z\": 2}]}}"
  monitor CONFIG)
gsd_design_error(monitor_events_below_one 2
  "error: monitoring.looks[0].events = 1e-300 must be at least 1: a look counts at least one event\; give the look's event count"
  "{${gsd_monitor_c}, \"monitoring\": {\"planned_events\": 94, \"looks\": [{\"events\": 1e-300, \"z\": 1}]}}"
  monitor CONFIG)
# The assumed hazard ratio has a look's hazard_ratio range (1e-300 gave a
# column "at HR 1e-300" of conditional powers 1).
gsd_design_error(monitor_assumed_hazard_ratio_range 2
  "error: monitoring.assumed_hazard_ratio = 1e-300 must lie in [1e-06, 1e+06], the hazard ratios gsd estimates\; give the hazard ratio conditional power assumes"
  "{${gsd_monitor_c}, \"monitoring\": {\"planned_events\": 94, \"assumed_hazard_ratio\": 1e-300, \"looks\": [${gsd_monitor_3looks}]}}"
  monitor CONFIG)
gsd_design_error(monitor_assumed_hazard_ratio_huge 2
  "error: monitoring.assumed_hazard_ratio = 1e+300 must lie in [1e-06, 1e+06], the hazard ratios gsd estimates\; give the hazard ratio conditional power assumes"
  "{${gsd_monitor_c}, \"monitoring\": {\"planned_events\": 94, \"assumed_hazard_ratio\": 1e300, \"looks\": [${gsd_monitor_3looks}]}}"
  monitor CONFIG)
gsd_design_error(monitor_allocation_ratio_range 2
  "error: monitoring.allocation_ratio = 1e+300 must lie in [0.001, 1000] (treatment : control)"
  "{${gsd_monitor_c}, \"monitoring\": {\"planned_events\": 94, \"allocation_ratio\": 1e300, \"looks\": [{\"events\": 30, \"z\": 1}]}}"
  monitor CONFIG)
gsd_design_error(monitor_allocation_ratio_tiny 2
  "error: monitoring.allocation_ratio = 1e-300 must lie in [0.001, 1000] (treatment : control)"
  "{${gsd_monitor_c}, \"monitoring\": {\"planned_events\": 94, \"allocation_ratio\": 1e-300, \"looks\": [{\"events\": 30, \"z\": 1}]}}"
  monitor CONFIG)
# The survival model's reach is a limit of monitoring.planned_events, named as given.
set(gsd_monitor_survival "\"survival\": {\"time_unit\": \"months\", \"control\": {\"cure_fraction\": 0.40, \"median_noncured\": 7.0}, \"treatment\": {\"cure_fraction\": 0.562}, \"hazard_ratio_noncured\": 0.63, \"accrual\": {\"duration\": 36.0}, \"patients\": 202, \"events\": 94}")
gsd_design_error(monitor_planned_events_unreachable 2
  "error: monitoring.planned_events = 150 exceeds the 104.8 events that 202 patients can ever produce (cure 40% / 56.2%)\; give events the model's patients reach, or more survival.patients"
  "{${gsd_monitor_c}, ${gsd_monitor_survival}, \"monitoring\": {\"planned_events\": 150, \"looks\": [{\"events\": 30, \"z\": 1}]}}"
  monitor CONFIG)
# A look beyond the model's reach is named as the look's own events, not as
# monitoring.planned_events (which lies beyond it too). With survival.patients
# given, planned_events is refused when the config is read; here the patients
# are solved (203 of them reach 105.4 events), so monitor() finds the look.
set(gsd_monitor_solved_survival "\"survival\": {\"time_unit\": \"months\", \"control\": {\"cure_fraction\": 0.40, \"median_noncured\": 7.0}, \"treatment\": {\"cure_fraction\": 0.562}, \"hazard_ratio_noncured\": 0.63, \"accrual\": {\"duration\": 36.0}, \"follow_up\": 15, \"power\": 0.84}")
gsd_design_error(monitor_look_events_unreachable 2
  "error: monitoring.looks[0].events = 400 exceeds the 105.4 events that 203 patients can ever produce (cure 40% / 56.2%)\; give events the model's patients reach, or more survival.patients"
  "{${gsd_monitor_c}, ${gsd_monitor_solved_survival}, \"monitoring\": {\"planned_events\": 1000, \"looks\": [{\"events\": 400, \"z\": 1}]}}"
  monitor CONFIG)
# Without a survival model only the span to the first look bounds planned_events.
gsd_design_error(monitor_planned_events_beyond_span 2
  "error: monitoring.planned_events = 1e+300 exceeds a million times the first look's 30 events, the widest span gsd monitors\; check the events"
  "{${gsd_monitor_c}, \"monitoring\": {\"planned_events\": 1e300, \"looks\": [{\"events\": 30, \"z\": 1}]}}"
  monitor CONFIG)
# The model's reach is checked when the config is read, so a plan with no look
# yet (the web page's monitoring form before the first look) is refused by
# every command, design included, with monitor's message: 202 patients reach
# 202 (0.6 + 0.438) / 2 = 104.8 events (cure fractions 40% and 56.2%).
gsd_design_error(planned_events_unreachable_without_looks 2
  "error: monitoring.planned_events = 1e+300 exceeds the 104.8 events that 202 patients can ever produce (cure 40% / 56.2%)\; give events the model's patients reach, or more survival.patients"
  "{${gsd_monitor_c}, ${gsd_monitor_survival}, \"monitoring\": {\"planned_events\": 1e300}}"
  design CONFIG)
gsd_design_error(monitor_planned_events_unreachable_first 2
  "error: monitoring.planned_events = 1e+300 exceeds the 104.8 events that 202 patients can ever produce (cure 40% / 56.2%)\; give events the model's patients reach, or more survival.patients"
  "{${gsd_monitor_c}, ${gsd_monitor_survival}, \"monitoring\": {\"planned_events\": 1e300, \"looks\": [{\"events\": 30, \"z\": 1}]}}"
  monitor CONFIG)
