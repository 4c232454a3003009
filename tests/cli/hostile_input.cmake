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
# null is not "not given": a missing value written as null is refused by
# its path instead of taking the default (a cure fraction of 0 gave power
# 0.99999935 in place of 0.8391).
gsd_design_error(null_value 2
  "error: survival.control.cure_fraction is null: give a value, or leave the key out for its default"
  "{\"design\": {}, \"survival\": {\"control\": {\"cure_fraction\": null, \"median_noncured\": 7}, \"treatment\": {\"cure_fraction\": 0.562}, \"hazard_ratio_noncured\": 0.63, \"accrual\": {\"duration\": 36}, \"patients\": 202, \"events\": 94}}"
  design CONFIG)
gsd_design_error(duplicate_key_in_array 2
  "error: survival.strata[1].name appears twice in the same object: give each key once"
  "{\"design\": {}, \"survival\": {\"strata\": [{\"name\": \"a\"}, {\"name\": \"b\", \"name\": \"c\"}]}}"
  design CONFIG)
gsd_design_error(duplicate_top_level_key 2
  "error: design appears twice in the same object: give each key once"
  "{\"design\": {}, \"design\": {\"alpha\": 0.05}}" design CONFIG)
# A number that underflows to 0 is named as written: it was shown as the 0 it
# became ("design.alpha = 0 must lie in (0, 0.5)").
gsd_design_error(underflow_to_zero 2
  "error: design.alpha = 1e-400 is below the least positive double (about 4.9e-324) and would be read as 0\; write 0 if that is meant"
  "{\"design\": {\"alpha\": 1e-400}}" design CONFIG)
gsd_design_error(underflow_in_array 2
  "error: design.information_fractions[0] = 2.5e-400 is below the least positive double (about 4.9e-324) and would be read as 0\; write 0 if that is meant"
  "{\"design\": {\"information_fractions\": [2.5e-400, 1]}}" design CONFIG)
# In a record the key is named inside the file, as the record's other rules are.
gsd_design_error(record_duplicate_key 2
  "error: CONFIG: record.looks[0].z appears twice in the same object: give each key once"
  "{\"looks\": [{\"z\": 1, \"z\": 2}]}" monitor --record CONFIG)

add_test(NAME cli.hostile.size_limits
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/size_limits_check.sh $<TARGET_FILE:gsd>)
set_tests_properties(cli.hostile.size_limits PROPERTIES LABELS cli TIMEOUT 120)

# Limits instead of numerical failures: alpha and beta below what the solver
# handles to its accuracy are refused with the limit named; a first look at a
# tiny information fraction is solved.
gsd_design_error(alpha_below_limit 2
  "error: design.alpha = 1e-300 is below 1e-06, the smallest alpha whose design gsd solves to its stated accuracy (rpact's limit too)\; give the type I error from 1e-06 up to below 0.5, e.g. 0.025 one-sided or 0.05 with sided = 2 (alpha is then the total of both sides)"
  "{\"design\": {\"alpha\": 1e-300, \"beta\": 0.2, \"information_fractions\": [0.5, 0.75, 1]}}"
  design CONFIG)
gsd_design_error(beta_below_limit 2
  "error: design.beta = 1e-09 is below 0.0001, the smallest beta whose design gsd solves to its stated accuracy (power 0.9999\; rpact's limit too)\; give the type II error, 1 - power, from 0.0001 up to below 0.5, e.g. 0.2 for power 0.8"
  "{\"design\": {\"beta\": 1e-9, \"information_fractions\": [0.25, 0.5, 0.75, 1]}}"
  design CONFIG)
add_test(NAME cli.limits.tiny_first_fraction
         COMMAND bash -c "printf '%s' '{\"design\": {\"information_fractions\": [1e-12, 1]}}' > \"$1\" && \"$0\" design \"$1\" --format json"
                 $<TARGET_FILE:gsd> ${CMAKE_CURRENT_BINARY_DIR}/tiny_first_fraction.json)
set_tests_properties(cli.limits.tiny_first_fraction PROPERTIES LABELS cli
                     PASS_REGULAR_EXPRESSION "\"inflation_factor\": 1\\.0")
