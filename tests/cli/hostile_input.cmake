# Hostile and broken input is refused with exit 2 and one line naming the
# rule, never a crash: nesting beyond the depth limit, duplicate keys (named
# by their JSON path), files and batch lines beyond their size limits.
string(REPEAT "[" 100000 gsd_deep_arrays)
gsd_design_error(hostile_deep_nesting 2
  "error: CONFIG: JSON nested deeper than 64 arrays and objects is refused (a gsd config nests 6)"
  "${gsd_deep_arrays}" design CONFIG)
gsd_design_error(duplicate_key 2
  "error: design.alpha appears twice in the same object: give each key once"
  "{\"design\": {\"alpha\": 0.025, \"alpha\": 0.05, \"beta\": 0.2, \"information_fractions\": [0.5, 1]}}"
  design CONFIG)
gsd_design_error(duplicate_key_in_array 2
  "error: survival.strata[1].name appears twice in the same object: give each key once"
  "{\"design\": {}, \"survival\": {\"strata\": [{\"name\": \"a\"}, {\"name\": \"b\", \"name\": \"c\"}]}}"
  design CONFIG)
gsd_design_error(duplicate_top_level_key 2
  "error: design appears twice in the same object: give each key once"
  "{\"design\": {}, \"design\": {\"alpha\": 0.05}}" design CONFIG)
gsd_design_error(record_duplicate_key 2
  "error: looks[0].z appears twice in the same object: give each key once"
  "{\"looks\": [{\"z\": 1, \"z\": 2}]}" monitor --record CONFIG)

add_test(NAME cli.hostile.size_limits
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/size_limits_check.sh $<TARGET_FILE:gsd>)
set_tests_properties(cli.hostile.size_limits PROPERTIES LABELS cli TIMEOUT 120)
