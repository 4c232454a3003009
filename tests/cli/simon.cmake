# (Semicolons are escaped: CMake would split arguments at them.)
# Simon's two-stage design (design.type "simon-two-stage"): each bad input
# exits 2 with nothing on stdout and one stderr line naming the config path;
# the commands that have nothing to do with it say so.
function(gsd_simon_error name expected json)
  add_test(NAME cli.simon.${name}
           COMMAND ${GSD_EXPECT_ERROR} $<TARGET_FILE:gsd> 2 ${expected} ${json} ${ARGN})
  set_tests_properties(cli.simon.${name} PROPERTIES LABELS cli)
endfunction()

set(simon_endpoint "\"endpoint\": {\"type\": \"binary\", \"groups\": 1, \"rate\": 0.3, \"margin\": 0.1}")

gsd_simon_error(unknown_type
  "error: design.type = \"simon\" is not one of: group-sequential, simon-two-stage (did you mean \"simon-two-stage\"?)"
  "{\"design\": {\"type\": \"simon\"}, ${simon_endpoint}}" design CONFIG)
gsd_simon_error(group_sequential_key
  "error: design.information_fractions is not a known key\; known keys: type, alpha, beta, criterion, max_patients"
  "{\"design\": {\"type\": \"simon-two-stage\", \"information_fractions\": [0.5, 1]}, ${simon_endpoint}}"
  design CONFIG)
gsd_simon_error(two_groups
  "error: endpoint.groups = 2 must be 1: Simon's two-stage design is for a single arm"
  "{\"design\": {\"type\": \"simon-two-stage\"}, \"endpoint\": {\"type\": \"binary\", \"groups\": 2, \"rate\": 0.3, \"margin\": 0.1}}"
  design CONFIG)
gsd_simon_error(rate_below_margin
  "error: endpoint.rate = 0.1 must exceed the null rate 0.3: the design looks for a response rate above it (for a rate that should fall, count the other outcome, with rates 1 - p)"
  "{\"design\": {\"type\": \"simon-two-stage\"}, \"endpoint\": {\"type\": \"binary\", \"rate\": 0.1, \"margin\": 0.3}}"
  design CONFIG)
gsd_simon_error(margin_out_of_range
  "error: endpoint.margin = 0 must lie in (0, 1)"
  "{\"design\": {\"type\": \"simon-two-stage\"}, \"endpoint\": {\"type\": \"binary\", \"rate\": 0.3, \"margin\": 0}}"
  design CONFIG)
gsd_simon_error(power_given
  "error: endpoint.power is not a known key\; known keys: type, groups, rate, margin, direction"
  "{\"design\": {\"type\": \"simon-two-stage\"}, \"endpoint\": {\"type\": \"binary\", \"rate\": 0.3, \"margin\": 0.1, \"power\": 0.8}}"
  design CONFIG)
gsd_simon_error(lower_direction
  "error: endpoint.direction = \"lower\" must be \"upper\": Simon's design looks for a response rate above the margin\; for a rate that should fall, count the other outcome (rates 1 - p)"
  "{\"design\": {\"type\": \"simon-two-stage\"}, \"endpoint\": {\"type\": \"binary\", \"rate\": 0.3, \"margin\": 0.1, \"direction\": \"lower\"}}"
  design CONFIG)
gsd_simon_error(no_endpoint
  "error: endpoint is missing: Simon's two-stage design needs a single-arm binary endpoint, e.g. {\"type\": \"binary\", \"groups\": 1, \"rate\": 0.3, \"margin\": 0.1} (the rate sought and the rate not worth pursuing)"
  "{\"design\": {\"type\": \"simon-two-stage\"}}" design CONFIG)
gsd_simon_error(alpha
  "error: design.alpha = 0.6 must lie in (0, 0.5)"
  "{\"design\": {\"type\": \"simon-two-stage\", \"alpha\": 0.6}, ${simon_endpoint}}" design CONFIG)
gsd_simon_error(beta
  "error: design.beta = 0.97 must lie in (0, 1 - alpha): the power 1 - beta must exceed alpha"
  "{\"design\": {\"type\": \"simon-two-stage\", \"alpha\": 0.05, \"beta\": 0.97}, ${simon_endpoint}}" design CONFIG)
gsd_simon_error(criterion
  "error: design.criterion = \"best\" is not one of: optimal, minimax"
  "{\"design\": {\"type\": \"simon-two-stage\", \"criterion\": \"best\"}, ${simon_endpoint}}" design CONFIG)
gsd_simon_error(bound_not_whole
  "error: design.max_patients = 20.5 must be a whole number"
  "{\"design\": {\"type\": \"simon-two-stage\", \"max_patients\": 20.5}, ${simon_endpoint}}" design CONFIG)
gsd_simon_error(bound_too_large
  "error: design.max_patients = 501 must lie in [2, 500]: two stages need two patients, and the search's time grows as the fourth power of the bound"
  "{\"design\": {\"type\": \"simon-two-stage\", \"max_patients\": 501}, ${simon_endpoint}}" design CONFIG)
# No design within the bound: the single-stage size says how far to go.
gsd_simon_error(bound_too_small
  "error: design.max_patients = 20 is too small: no two-stage design of at most 20 patients has alpha <= 0.05 and power >= 0.8\; a single-stage design needs 25 patients, and a two-stage design a few more: raise max_patients"
  "{\"design\": {\"type\": \"simon-two-stage\", \"alpha\": 0.05, \"max_patients\": 20}, ${simon_endpoint}}"
  design CONFIG)
gsd_simon_error(beside_survival
  "error: survival = {} is for a survival trial\; Simon's two-stage design (design.type) is for a single-arm response rate: give its rates in endpoint, or drop design.type"
  "{\"design\": {\"type\": \"simon-two-stage\"}, \"survival\": {}, ${simon_endpoint}}" design CONFIG)
gsd_simon_error(beside_simulation
  "error: simulation = {\"replicates\":100} is not used: gsd simulate runs group-sequential designs, and Simon's two-stage design's probabilities are exact (gsd design gives them at a range of rates)\; remove the simulation section"
  "{\"design\": {\"type\": \"simon-two-stage\"}, ${simon_endpoint}, \"simulation\": {\"replicates\": 100}}"
  design CONFIG)
gsd_simon_error(simulate
  "error: design.type = \"simon-two-stage\" is not simulated: its probabilities are exact, and gsd design gives them at a range of response rates (operating characteristics)\; gsd simulate runs group-sequential designs"
  "{\"design\": {\"type\": \"simon-two-stage\"}, ${simon_endpoint}}" simulate CONFIG)
# gsd monitor takes the looks' counts: stage 1, then every patient.
set(simon_design "\"design\": {\"type\": \"simon-two-stage\"}")
gsd_simon_error(monitor_without_looks
  "error: monitoring is missing: gsd monitor needs a monitoring section with its looks"
  "{${simon_design}, ${simon_endpoint}}" monitor CONFIG)
gsd_simon_error(monitor_empty_looks
  "error: monitoring.looks = [] must hold stage 1's look, e.g. [{\"n\": 10, \"responders\": 2}]"
  "{${simon_design}, ${simon_endpoint}, \"monitoring\": {\"looks\": []}}" monitor CONFIG)
gsd_simon_error(monitor_z_look
  "error: monitoring.looks[0].z is not a known key\; did you mean \"n\"?"
  "{${simon_design}, ${simon_endpoint}, \"monitoring\": {\"looks\": [{\"n\": 10, \"responders\": 3, \"z\": 2}]}}" monitor CONFIG)
gsd_simon_error(monitor_third_look
  "error: monitoring.looks[2] is a third look: Simon's design has two, the end of stage 1 and the end of stage 2"
  "{${simon_design}, ${simon_endpoint}, \"monitoring\": {\"looks\": [{\"n\": 10, \"responders\": 3}, {\"n\": 29, \"responders\": 7}, {\"n\": 30, \"responders\": 7}]}}"
  monitor CONFIG)
gsd_simon_error(monitor_after_stop
  "error: monitoring.looks[1] follows a stop: stage 1 had 1 responder of 10, at most r1 = 1, so the trial ended there\; remove this look"
  "{${simon_design}, ${simon_endpoint}, \"monitoring\": {\"looks\": [{\"n\": 10, \"responders\": 1}, {\"n\": 29, \"responders\": 7}]}}"
  monitor CONFIG)
gsd_simon_error(monitor_responders_above_n
  "error: monitoring.looks[0].responders = 12 must be a whole number from 0 to the look's 10 patients"
  "{${simon_design}, ${simon_endpoint}, \"monitoring\": {\"looks\": [{\"n\": 10, \"responders\": 12}]}}"
  monitor CONFIG)
gsd_simon_error(monitor_patients_fall
  "error: monitoring.looks[1].n = 8 must be a whole number above stage 1's 10 patients, with at most 10000 more: a look counts every patient so far"
  "{${simon_design}, ${simon_endpoint}, \"monitoring\": {\"looks\": [{\"n\": 10, \"responders\": 3}, {\"n\": 8, \"responders\": 3}]}}"
  monitor CONFIG)
gsd_simon_error(monitor_confidence_level
  "error: monitoring.confidence_level = 95 must lie in (0, 1), e.g. 0.9 for a 90% interval"
  "{${simon_design}, ${simon_endpoint}, \"monitoring\": {\"confidence_level\": 95, \"looks\": [{\"n\": 10, \"responders\": 3}]}}"
  design CONFIG)
gsd_simon_error(monitor_add_look_events
  "error: --events is not a known key\; known keys: n, responders, date, note"
  "{${simon_design}, ${simon_endpoint}}" monitor CONFIG --record CONFIG.record add-look --events 10 --z 1)
gsd_simon_error(summary
  "error: design.type = \"simon-two-stage\" has no z bounds to summarise: its rules are responder counts, which gsd design prints without --summary"
  "{\"design\": {\"type\": \"simon-two-stage\"}, ${simon_endpoint}}" design CONFIG --summary)
add_test(NAME cli.simon.monitor_example_report_record
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/simon_monitor_check.sh $<TARGET_FILE:gsd>
                 ${PROJECT_SOURCE_DIR}/examples)
set_tests_properties(cli.simon.monitor_example_report_record PROPERTIES LABELS cli)
