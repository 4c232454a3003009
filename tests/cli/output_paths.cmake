# Output paths of `gsd simulate` and `gsd design` (docs/cli.md): all checked
# before any is written; never the config or another output; links followed;
# files that are not regular never replaced. Driver: output_paths_check.sh.
add_test(NAME cli.output_paths
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/output_paths_check.sh $<TARGET_FILE:gsd>
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.output_paths PROPERTIES LABELS cli TIMEOUT 300)
