# CLI contract tests of `gsd monitor`: each case of
# monitor_cli_test.sh is one ctest, label cli. report_chromium is skipped
# (exit 77) when Chromium is not installed.
set(gsd_monitor_cli_cases
  seed_json seed_inference looks_40_80_94 p_value_look hazard_ratio_look text_table csv_rows
  error_events_backwards error_events_within_a_millionth error_z_out_of_range error_look_after_stop error_z_missing error_z_not_a_number
  error_p_out_of_range error_unknown_direction error_direction_missing error_two_statistics
  record_add_and_replay record_refuses_contradictions record_survives_kill
  record_edit_detected record_verify_json_and_key record_version_1 record_concurrent_writers
  record_lock_timeout error_lock_timeout_range
  output_is_the_record record_through_links output_not_regular report_unwritable_before_commit
  record_keyed_downgrade
  report_self_contained report_chromium)
foreach(case ${gsd_monitor_cli_cases})
  add_test(NAME cli_monitor_${case}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/monitor_cli_test.sh $<TARGET_FILE:gsd> ${case})
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
set_tests_properties(cli_monitor_weighted_and_maxcombo PROPERTIES LABELS cli TIMEOUT 300)
