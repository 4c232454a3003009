# Input bytes and stdout: an answer stdout does not take (a full disk) exits
# 1, and so does a file beyond the file size limit (no file left); a NUL
# byte, text that is not UTF-8, an empty option value, a blank batch line or
# a directory given for a file is refused with exit 2 and one line naming
# where it is. Driver: tests/cli/input_output_checks.sh.
set(gsd_input_output_cases
  stdout_full file_size_limit utf8_options utf8_json nul_byte batch_directory batch_stdin blank_batch_line
  empty_values)
foreach(case ${gsd_input_output_cases})
  add_test(NAME cli.input_output.${case}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/input_output_checks.sh $<TARGET_FILE:gsd>
                   ${PROJECT_SOURCE_DIR}/configs ${case})
  set_tests_properties(cli.input_output.${case} PROPERTIES LABELS cli SKIP_RETURN_CODE 77 TIMEOUT 120)
endforeach()
