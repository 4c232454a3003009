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
gsd_simon_error(monitor
  "error: design.type = \"simon-two-stage\" is not monitored by gsd monitor: the design stops after stage 1 with at most r1 responders of n1 and is promising with more than r of n, the counts gsd design prints"
  "{\"design\": {\"type\": \"simon-two-stage\"}, ${simon_endpoint}}" monitor CONFIG)
gsd_simon_error(summary
  "error: design.type = \"simon-two-stage\" has no z bounds to summarise: its rules are responder counts, which gsd design prints without --summary"
  "{\"design\": {\"type\": \"simon-two-stage\"}, ${simon_endpoint}}" design CONFIG --summary)
