# `gsd design` bad input for the boundary options: exit 2 with the JSON path,
# the value and the rule (gsd_design_error is defined in design.cmake).
gsd_design_error(efficacy_stops_wrong_length 2
  "error: design.efficacy_stops = [true] has 1 value but there are 2 looks\; give one per look"
  "{\"design\": {\"information_fractions\": [0.5, 1], \"efficacy_stops\": [true]}}" design CONFIG)
gsd_design_error(efficacy_stops_final_off 2
  "error: design.efficacy_stops[1] = false must be true: the final analysis always tests efficacy"
  "{\"design\": {\"information_fractions\": [0.5, 1], \"efficacy_stops\": [true, false]}}"
  design CONFIG)
gsd_design_error(futility_stops_wrong_length 2
  "error: design.futility_stops = [true, false] has 2 values but there are 3 looks\; give one per look"
  "{\"design\": {\"information_fractions\": [0.5, 0.75, 1], \"futility\": {\"z\": [0, 0]}, \"futility_stops\": [true, false]}}"
  design CONFIG)
gsd_design_error(harm_stops_wrong_length 2
  "error: design.harm_stops = [false] has 1 value but there are 2 looks\; give one per look"
  "{\"design\": {\"alpha\": 0.035, \"information_fractions\": [0.5, 1], \"harm\": {\"alpha\": 0.01}, \"harm_stops\": [false]}}"
  design CONFIG)
gsd_design_error(harm_stops_without_harm 2
  "error: design.harm_stops needs a harm bound (design.harm)"
  "{\"design\": {\"information_fractions\": [0.5, 1], \"harm_stops\": [false, true]}}" design CONFIG)
gsd_design_error(harm_alpha_not_below_total 2
  "error: design.harm.alpha = 0.05 must lie in (0, alpha) with alpha = 0.05 the total of both sides\; the efficacy bound spends alpha - harm.alpha"
  "{\"design\": {\"alpha\": 0.05, \"information_fractions\": [0.5, 1], \"harm\": {\"alpha\": 0.05}}}"
  design CONFIG)
gsd_design_error(harm_with_symmetric_two_sided 2
  "error: design.harm is an asymmetric two-sided design of its own\; use sided = 1 (alpha is then the total of both sides)"
  "{\"design\": {\"alpha\": 0.05, \"sided\": 2, \"harm\": {\"alpha\": 0.01}}}" design CONFIG)
gsd_design_error(spending_time_not_increasing 2
  "error: design.spending_time[1] = 0.5 must be greater than the previous spending time 0.6"
  "{\"design\": {\"information_fractions\": [0.5, 0.75, 1], \"spending_time\": [0.6, 0.5, 1]}}"
  design CONFIG)
gsd_design_error(spending_time_not_ending_at_one 2
  "error: design.spending_time[2] = 0.9 must be 1: the final analysis spends what is left"
  "{\"design\": {\"information_fractions\": [0.5, 0.75, 1], \"spending_time\": [0.6, 0.8, 0.9]}}"
  design CONFIG)
gsd_design_error(spending_time_without_a_spending_function 2
  "error: design.spending_time = [0.5,0.8,1] is not used by this design: its classical efficacy bound is set on the information fractions and no futility or harm bound is spent\; remove it, or give efficacy.spending a spending family or a beta-spending futility bound"
  "{\"design\": {\"information_fractions\": [0.3, 0.6, 1], \"spending_time\": [0.5, 0.8, 1], \"efficacy\": {\"spending\": \"wang-tsiatis\", \"parameter\": 0.3}}}"
  design CONFIG)
gsd_design_error(spending_time_with_pampallona_tsiatis_pair 2
  "error: design.spending_time = [0.5,0.8,1] is not used by this design: its classical efficacy bound is set on the information fractions and no futility or harm bound is spent\; remove it, or give efficacy.spending a spending family or a beta-spending futility bound"
  "{\"design\": {\"information_fractions\": [0.3, 0.6, 1], \"spending_time\": [0.5, 0.8, 1], \"efficacy\": {\"spending\": \"pampallona-tsiatis\", \"parameter\": 0.2}, \"futility\": {\"spending\": \"pampallona-tsiatis\", \"parameter\": 0.3, \"binding\": true}}}"
  design CONFIG)
gsd_design_error(futility_z_wrong_length 2
  "error: design.futility.z = [0] has 1 value\; give one per look before the last (2)"
  "{\"design\": {\"information_fractions\": [0.5, 0.75, 1], \"futility\": {\"z\": [0]}}}"
  design CONFIG)
gsd_design_error(futility_two_kinds 2
  "error: design.futility = {\"conditional_power\":0.1,\"z\":[0,1]} must give exactly one of spending (beta-spending), z, hazard_ratio, effect or conditional_power"
  "{\"design\": {\"information_fractions\": [0.5, 0.75, 1], \"futility\": {\"z\": [0, 1], \"conditional_power\": 0.1}}}"
  design CONFIG)
gsd_design_error(futility_conditional_power_range 2
  "error: design.futility.conditional_power = 1.2 must be a conditional power in (0, 1)"
  "{\"design\": {\"information_fractions\": [0.5, 0.75, 1], \"futility\": {\"conditional_power\": 1.2}}}"
  design CONFIG)
gsd_design_error(futility_hazard_ratio_needs_events 2
  "error: design.futility.hazard_ratio = [1,0.9] needs survival.events: a hazard ratio becomes a z bound at the planned events of each look (give futility.z otherwise)"
  "{\"design\": {\"information_fractions\": [0.5, 0.75, 1], \"futility\": {\"hazard_ratio\": [1, 0.9]}}}"
  design CONFIG)
gsd_design_error(futility_effect_needs_patients 2
  "error: design.futility.effect = [0,0.1] needs endpoint.patients: an effect becomes a z bound at the planned patients of each look (give futility.z otherwise)"
  "{\"design\": {\"information_fractions\": [0.5, 0.75, 1], \"futility\": {\"effect\": [0, 0.1]}}, \"endpoint\": {\"type\": \"normal\", \"mean_difference\": 0.5}}"
  design CONFIG)
gsd_design_error(futility_effect_not_for_survival 2
  "error: design.futility.effect = [1,0.9] is for a normal or binary endpoint (the endpoint section)\; a survival design gives futility.hazard_ratio or futility.z"
  "{\"design\": {\"information_fractions\": [0.5, 0.75, 1], \"futility\": {\"effect\": [1, 0.9]}}, \"survival\": {\"control\": {\"median_noncured\": 7}, \"hazard_ratio_noncured\": 0.7, \"accrual\": {\"duration\": 24}, \"patients\": 300, \"events\": 200}}"
  design CONFIG)
gsd_design_error(futility_effect_impossible_rate 2
  "error: design.futility.effect[0] = -0.5 is no possible estimate at look 1 (a rate outside (0, 1), or too few patients for the t test)"
  "{\"design\": {\"information_fractions\": [0.5, 0.75, 1], \"futility\": {\"effect\": [-0.5, 0.1]}}, \"endpoint\": {\"type\": \"binary\", \"control_rate\": 0.3, \"treatment_rate\": 0.45, \"patients\": 300}}"
  design CONFIG)
gsd_design_error(futility_hazard_ratio_on_an_endpoint 2
  "error: design.futility.hazard_ratio = [1,0.9] is for a survival design\; a normal or binary endpoint gives futility.effect (an estimate on its own scale) or futility.z"
  "{\"design\": {\"information_fractions\": [0.5, 0.75, 1], \"futility\": {\"hazard_ratio\": [1, 0.9]}}, \"endpoint\": {\"type\": \"normal\", \"mean_difference\": 0.5, \"patients\": 200}}"
  design CONFIG)
gsd_design_error(pampallona_tsiatis_futility_alone 2
  "error: design.futility.spending = pampallona-tsiatis needs efficacy.spending = pampallona-tsiatis: the two bounds are solved together"
  "{\"design\": {\"information_fractions\": [0.5, 0.75, 1], \"futility\": {\"spending\": \"pampallona-tsiatis\", \"parameter\": 0.3}}}"
  design CONFIG)
gsd_design_error(exponential_nu_range 2
  "error: design.efficacy.parameter = 11 must be a nu in (0, 10] for exponential spending"
  "{\"design\": {\"efficacy\": {\"spending\": \"exponential\", \"parameter\": 11}}}" design CONFIG)

# Whole numbers (survival.integer, survival.block).
gsd_design_error(block_without_integer 2
  "error: survival.block = 4 rounds patients only in an integer plan: set survival.integer = true"
  "{\"design\": {\"information_fractions\": [0.5, 1]}, \"survival\": {\"control\": {\"median_noncured\": 7}, \"hazard_ratio_noncured\": 0.7, \"accrual\": {\"duration\": 24}, \"patients\": 300, \"events\": 200, \"block\": 4}}" design CONFIG)
gsd_design_error(block_not_a_multiple_of_the_allocation 2
  "error: survival.block = 4 must be a multiple of 3 (the allocation ratio's whole block), at most 1000"
  "{\"design\": {\"information_fractions\": [0.5, 1]}, \"survival\": {\"control\": {\"median_noncured\": 7}, \"hazard_ratio_noncured\": 0.7, \"accrual\": {\"duration\": 24}, \"patients\": 300, \"events\": 200, \"integer\": true, \"block\": 4, \"allocation_ratio\": 2}}"
  design CONFIG)
gsd_design_error(integer_needs_a_whole_ratio 2
  "error: survival.allocation_ratio = 1.37 is not p/q with p, q <= 20\; whole patients per arm (integer) need such a ratio"
  "{\"design\": {\"information_fractions\": [0.5, 1]}, \"survival\": {\"control\": {\"median_noncured\": 7}, \"hazard_ratio_noncured\": 0.7, \"accrual\": {\"duration\": 24}, \"patients\": 300, \"events\": 200, \"integer\": true, \"allocation_ratio\": 1.37}}"
  design CONFIG)
gsd_design_error(integer_not_boolean 2
  "error: survival.integer = \"yes\" must be true or false"
  "{\"design\": {\"information_fractions\": [0.5, 1]}, \"survival\": {\"control\": {\"median_noncured\": 7}, \"hazard_ratio_noncured\": 0.7, \"accrual\": {\"duration\": 24}, \"patients\": 300, \"events\": 200, \"integer\": \"yes\"}}" design CONFIG)


add_test(NAME cli.design.boundary_options
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/boundary_options_checks.sh $<TARGET_FILE:gsd>
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.design.boundary_options PROPERTIES LABELS cli)
