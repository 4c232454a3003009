# (Semicolons are escaped: CMake would split arguments at them.)
# `gsd design` contract tests: each bad-input rule gives exit 2, nothing on
# stdout, and one stderr line naming the JSON path, the value and the rule.
set(GSD_EXPECT_ERROR ${CMAKE_CURRENT_SOURCE_DIR}/cli/expect_error.sh)

function(gsd_design_error name code expected json)
  add_test(NAME cli.design.${name}
           COMMAND ${GSD_EXPECT_ERROR} $<TARGET_FILE:gsd> ${code} ${expected} ${json} ${ARGN})
  set_tests_properties(cli.design.${name} PROPERTIES LABELS cli)
endfunction()

gsd_design_error(malformed_json 2
  "error: CONFIG:2:3: malformed JSON: syntax error while parsing object key - unexpected '}'\; expected string literal"
  "{\"design\": {\"alpha\": 0.025,\n  }}" design CONFIG)
gsd_design_error(unknown_spending 2
  "error: design.efficacy.spending = \"obf\" is not one of: lan-demets-obf, lan-demets-pocock, hsd, power, exponential, user, obrien-fleming, pocock, wang-tsiatis, pampallona-tsiatis, haybittle-peto"
  "{\"design\": {\"efficacy\": {\"spending\": \"obf\"}}}" design CONFIG)
gsd_design_error(misspelt_spending 2
  "error: design.efficacy.spending = \"poccock\" is not one of: lan-demets-obf, lan-demets-pocock, hsd, power, exponential, user, obrien-fleming, pocock, wang-tsiatis, pampallona-tsiatis, haybittle-peto (did you mean \"pocock\"?)"
  "{\"design\": {\"efficacy\": {\"spending\": \"poccock\"}}}" design CONFIG)
gsd_design_error(missing_parameter 2
  "error: design.efficacy.parameter is missing: hsd needs gamma, e.g. -4 (gsDesign's default) or -2"
  "{\"design\": {\"efficacy\": {\"spending\": \"hsd\"}}}" design CONFIG)
gsd_design_error(parameter_out_of_range 2
  "error: design.efficacy.parameter = -3 must be a rho in (0, 20] for power spending"
  "{\"design\": {\"efficacy\": {\"spending\": \"power\", \"parameter\": -3}}}" design CONFIG)
# A parameter given to a family that takes none is refused, not dropped.
gsd_design_error(parameter_not_taken_ld_obf 2
  "error: design.efficacy.parameter = 3 is not taken by lan-demets-obf\; remove it, or choose a family with a parameter (hsd, power, exponential, wang-tsiatis, pampallona-tsiatis, haybittle-peto)"
  "{\"design\": {\"efficacy\": {\"spending\": \"lan-demets-obf\", \"parameter\": 3}}}" design CONFIG)
gsd_design_error(parameter_not_taken_ld_pocock 2
  "error: design.efficacy.parameter = 3 is not taken by lan-demets-pocock\; remove it, or choose a family with a parameter (hsd, power, exponential, wang-tsiatis, pampallona-tsiatis, haybittle-peto)"
  "{\"design\": {\"efficacy\": {\"spending\": \"lan-demets-pocock\", \"parameter\": 3}}}" design CONFIG)
gsd_design_error(parameter_not_taken_pocock 2
  "error: design.efficacy.parameter = 3 is not taken by pocock\; remove it, or choose a family with a parameter (hsd, power, exponential, wang-tsiatis, pampallona-tsiatis, haybittle-peto)"
  "{\"design\": {\"efficacy\": {\"spending\": \"pocock\", \"parameter\": 3}}}" design CONFIG)
gsd_design_error(parameter_not_taken_user 2
  "error: design.efficacy.parameter = 3 is not taken by user\; remove it, or choose a family with a parameter (hsd, power, exponential, wang-tsiatis, pampallona-tsiatis, haybittle-peto)"
  "{\"design\": {\"information_fractions\": [0.5, 1], \"efficacy\": {\"spending\": \"user\", \"cumulative\": [0.1, 1], \"parameter\": 3}}}" design CONFIG)
gsd_design_error(futility_parameter_not_taken 2
  "error: design.futility.parameter = 3 is not taken by lan-demets-pocock\; remove it, or choose a family with a parameter (hsd, power, exponential, pampallona-tsiatis)"
  "{\"design\": {\"information_fractions\": [0.5, 1], \"futility\": {\"spending\": \"lan-demets-pocock\", \"parameter\": 3}}}" design CONFIG)
gsd_design_error(futility_z_parameter_not_taken 2
  "error: design.futility.parameter = 3 is not taken by futility.z\; remove it, or choose a family with a parameter (hsd, power, exponential, pampallona-tsiatis)"
  "{\"design\": {\"information_fractions\": [0.5, 1], \"futility\": {\"z\": [0], \"parameter\": 3}}}" design CONFIG)
gsd_design_error(harm_parameter_not_taken 2
  "error: design.harm.parameter = 3 is not taken by lan-demets-obf\; remove it, or choose a family with a parameter (hsd, power, exponential)"
  "{\"design\": {\"information_fractions\": [0.5, 1], \"harm\": {\"alpha\": 0.005, \"spending\": \"lan-demets-obf\", \"parameter\": 3}}}" design CONFIG)
gsd_design_error(harm_default_parameter_not_taken 2
  "error: design.harm.parameter = 3 is not taken by a harm bound without harm.spending\; remove it, or choose a family with a parameter (hsd, power, exponential)"
  "{\"design\": {\"information_fractions\": [0.5, 1], \"harm\": {\"alpha\": 0.005, \"parameter\": 3}}}" design CONFIG)
# Cumulative fractions are user spending's; under another family they are refused, not dropped.
gsd_design_error(cumulative_not_taken_ld_obf 2
  "error: design.efficacy.cumulative = [0.1,1] is not taken by lan-demets-obf\; remove it, or set spending to user for a spending function through these cumulative fractions"
  "{\"design\": {\"information_fractions\": [0.5, 1], \"efficacy\": {\"spending\": \"lan-demets-obf\", \"cumulative\": [0.1, 1]}}}" design CONFIG)
gsd_design_error(futility_z_cumulative_not_taken 2
  "error: design.futility.cumulative = [0.1,1] is not taken by futility.z\; remove it, or set spending to user for a spending function through these cumulative fractions"
  "{\"design\": {\"information_fractions\": [0.5, 1], \"futility\": {\"z\": [0], \"cumulative\": [0.1, 1]}}}" design CONFIG)
gsd_design_error(harm_default_cumulative_not_taken 2
  "error: design.harm.cumulative = [0.1,1] is not taken by a harm bound without harm.spending\; remove it, or set spending to user for a spending function through these cumulative fractions"
  "{\"design\": {\"information_fractions\": [0.5, 1], \"harm\": {\"alpha\": 0.005, \"cumulative\": [0.1, 1]}}}" design CONFIG)
gsd_design_error(alpha_out_of_range 2
  "error: design.alpha = 0.5 must lie in (0, 0.5)\; give the type I error from 1e-06 up to below 0.5, e.g. 0.025 one-sided or 0.05 with sided = 2 (alpha is then the total of both sides)"
  "{\"design\": {\"alpha\": 0.5}}" design CONFIG)
# A value just past a rule is shown with the digits that tell it from the
# bound, not rounded onto it.
gsd_design_error(alpha_just_past_bound 2
  "error: design.alpha = 0.50000001 must lie in (0, 0.5)\; give the type I error from 1e-06 up to below 0.5, e.g. 0.025 one-sided or 0.05 with sided = 2 (alpha is then the total of both sides)"
  "{\"design\": {\"alpha\": 0.50000001}}" design CONFIG)
gsd_design_error(fractions_equal_to_eight_digits 2
  "error: design.information_fractions[1] = 0.12345678 must be greater than the previous fraction 0.12345678"
  "{\"design\": {\"information_fractions\": [0.12345678, 0.12345678, 1]}}" design CONFIG)
# Looks closer than a millionth of the information (0.5 and 0.5000000000001
# took 42 s and 3.7 GB before this rule).
gsd_design_error(fractions_within_a_millionth 2
  "error: design.information_fractions[1] = 0.5000000000001 must exceed the previous fraction 0.5 by at least 5e-07"
  "{\"design\": {\"information_fractions\": [0.5, 0.5000000000001, 1]}}" design CONFIG)
gsd_design_error(beta_out_of_range 2
  "error: design.beta = 0 must lie in (0, 0.5)\; give the type II error, 1 - power, from 0.0001 up to below 0.5, e.g. 0.2 for power 0.8"
  "{\"design\": {\"beta\": 0}}" design CONFIG)
# Power 0 (beta = 1) is no design: the message gives the range to choose from.
gsd_design_error(beta_one 2
  "error: design.beta = 1 must lie in (0, 0.5)\; give the type II error, 1 - power, from 0.0001 up to below 0.5, e.g. 0.2 for power 0.8"
  "{\"design\": {\"beta\": 1}}" design CONFIG)
gsd_design_error(alpha_zero 2
  "error: design.alpha = 0 must lie in (0, 0.5)\; give the type I error from 1e-06 up to below 0.5, e.g. 0.025 one-sided or 0.05 with sided = 2 (alpha is then the total of both sides)"
  "{\"design\": {\"alpha\": 0}}" design CONFIG)
gsd_design_error(fractions_not_increasing 2
  "error: design.information_fractions[2] = 0.4 must be greater than the previous fraction 0.6"
  "{\"design\": {\"information_fractions\": [0.2, 0.6, 0.4, 1.0]}}" design CONFIG)
gsd_design_error(fractions_not_ending_at_one 2
  "error: design.information_fractions[1] = 0.9 must be 1: the last look is the final analysis"
  "{\"design\": {\"information_fractions\": [0.5, 0.9]}}" design CONFIG)
gsd_design_error(too_many_looks 2
  "error: design.information_fractions = [26 values] has 26 looks\; at most 25 are supported"
  "{\"design\": {\"information_fractions\": [0.04,0.08,0.12,0.16,0.2,0.24,0.28,0.32,0.36,0.4,0.44,0.48,0.52,0.56,0.6,0.64,0.68,0.72,0.76,0.8,0.84,0.88,0.92,0.96,0.98,1]}}"
  design CONFIG)
gsd_design_error(unknown_key 2
  "error: design.information_fraction is not a known key\; did you mean \"information_fractions\"?"
  "{\"design\": {\"information_fraction\": [0.5, 1]}}" design CONFIG)
# A name cut short: every key it begins (a stem below four letters, none).
gsd_design_error(key_cut_short 2
  "error: survival.hazard_ratio is not a known key\; did you mean \"hazard_ratio_noncured\" or \"hazard_ratio_h0\"?"
  "{\"design\": {}, \"survival\": {\"hazard_ratio\": 0.7}}" design CONFIG)
gsd_design_error(choice_cut_short 2
  "error: design.efficacy.spending = \"lan-demets\" is not one of: lan-demets-obf, lan-demets-pocock, hsd, power, exponential, user, obrien-fleming, pocock, wang-tsiatis, pampallona-tsiatis, haybittle-peto (did you mean \"lan-demets-obf\" or \"lan-demets-pocock\"?)"
  "{\"design\": {\"efficacy\": {\"spending\": \"lan-demets\"}}}" design CONFIG)
gsd_design_error(short_stem_no_extensions 2
  "error: design.alp is not a known key\; did you mean \"alpha\"?"
  "{\"design\": {\"alp\": 0.025}}" design CONFIG)
gsd_design_error(unknown_top_level_key 2
  "error: desing is not a known key\; did you mean \"design\"?"
  "{\"desing\": {}}" design CONFIG)
gsd_design_error(wrong_type 2
  "error: design.alpha = \"0.025\" must be a number, not a string"
  "{\"design\": {\"alpha\": \"0.025\"}}" design CONFIG)
gsd_design_error(user_cumulative_count 2
  "error: design.efficacy.cumulative = [0.5,1] must have one value per look (3 looks)"
  "{\"design\": {\"information_fractions\": [0.3, 0.6, 1], \"efficacy\": {\"spending\": \"user\", \"cumulative\": [0.5, 1]}}}"
  design CONFIG)
gsd_design_error(futility_two_sided_fixed_z 2
  "error: design.futility with sided = 2 must be beta spending (futility.spending): gsd's two-sided futility bound stops when |z| is below it and is spent under H1\; give futility.spending, or sided = 1 for this futility rule"
  "{\"design\": {\"sided\": 2, \"alpha\": 0.05, \"information_fractions\": [0.5, 1], \"futility\": {\"z\": [0.5]}}}"
  design CONFIG)
gsd_design_error(futility_two_sided_classical 2
  "error: design.futility with sided = 2 needs a spending-function efficacy bound (efficacy.spending): two-sided beta spending is solved against alpha spending"
  "{\"design\": {\"sided\": 2, \"alpha\": 0.05, \"information_fractions\": [0.5, 1], \"efficacy\": {\"spending\": \"pocock\"}, \"futility\": {\"spending\": \"hsd\", \"parameter\": -2}}}"
  design CONFIG)
# Binding fixed futility bounds that stop too many trials under H0 leave the
# efficacy bounds less than alpha at every drift; this said "numerical
# failure: no bracket for the drift ... try a finer grid". rpact 3.3.4
# refuses the same bounds ("critical values cannot be calculated (alpha:
# 0.025; alpha spent at maximum stage: 0.02074882)").
gsd_design_error(futility_binding_z_too_high 2
  "error: design.futility.z = [1.3, 1.3, 1.3, 1.3] binding, stops the trial under H0 so often that the efficacy bounds can spend at most 0.0207606 of their alpha 0.025\; lower the bounds or make them non-binding (\"binding\": false)"
  "{\"design\": {\"information_fractions\": [0.2, 0.4, 0.6, 0.8, 1], \"futility\": {\"z\": [1.3, 1.3, 1.3, 1.3], \"binding\": true}}}"
  design CONFIG)
# A binding conditional-power bound falls as the drift grows: at small drifts
# it closes the H0 region, at the drift where it opens the power is already
# past 1 - beta, so no design exists. This said "numerical failure: no
# bracket for the drift ... try a finer grid".
gsd_design_error(futility_binding_conditional_power_no_design 2
  "error: design.futility.conditional_power = 0.8 binding, gives no design with power 1 - beta = 0.8: at every drift its bounds leave the efficacy bounds short of alpha or give more power\; change the rule or make it non-binding (\"binding\": false)"
  "{\"design\": {\"information_fractions\": [0.4, 0.7, 1], \"futility\": {\"conditional_power\": 0.8, \"binding\": true}}}"
  design CONFIG)
gsd_design_error(futility_classical_name 2
  "error: design.futility.spending = \"pocock\" is not one of: lan-demets-obf, lan-demets-pocock, hsd, power, exponential, user, pampallona-tsiatis"
  "{\"design\": {\"information_fractions\": [0.5, 1], \"futility\": {\"spending\": \"pocock\"}}}"
  design CONFIG)
gsd_design_error(missing_file 2
  "error: /nonexistent/gsd.json: cannot read the config file (does it exist?)"
  "{}" design /nonexistent/gsd.json)
gsd_design_error(config_dash 2
  "error: -: a config is read from a file\; give its path, or /dev/stdin to read it from standard input (--batch - reads JSON lines there)"
  "{}" design -)
gsd_design_error(bad_log_level 2
  "error: --log-level = verbose is not one of: off, info, debug\; give one of them"
  "{\"design\": {}}" design CONFIG --log-level verbose)
gsd_design_error(not_a_command 2
  "error: desing is not a command\; give design, simulate or monitor (gsd --help)"
  "{\"design\": {}}" desing CONFIG)
gsd_design_error(no_command 2
  "error: give a command: design, simulate or monitor (gsd --help)"
  "{}" --log-level info)
gsd_design_error(number_not_a_number 2
  "error: --max-duration = 12x is not a number\; give a number, e.g. 1.5 or 2e-3"
  "{\"design\": {}}" simulate CONFIG --max-duration 12x)
# Only plain decimals: strtod would read 0x10 as 16 and 1e400 as infinity.
gsd_design_error(number_hexadecimal 2
  "error: --max-duration = 0x10 is not a number\; give a number, e.g. 1.5 or 2e-3"
  "{\"design\": {}}" simulate CONFIG --max-duration 0x10)
gsd_design_error(number_beyond_double 2
  "error: --max-duration = 1e400 is too large for a double\; give a number, e.g. 1.5 or 2e-3"
  "{\"design\": {}}" simulate CONFIG --max-duration 1e400)
gsd_design_error(empty_config 2
  "error: CONFIG: is empty (no JSON text)\; give the JSON, e.g. a config {\"design\": {}}"
  "\n" design CONFIG)
gsd_design_error(bad_format 2
  "error: --format = yaml is not one of: text, json, csv, jsonl\; give one of them"
  "{\"design\": {}}" design CONFIG --format yaml)
gsd_design_error(monitor_format_jsonl 2
  "error: --format = jsonl is not one of: text, json, csv\; give one of them"
  "{\"design\": {}}" monitor CONFIG --format jsonl)
gsd_design_error(batch_needs_jsonl 2
  "error: --batch writes one JSON result per line\; add --format jsonl"
  "{\"design\": {}}" design --batch CONFIG)
gsd_design_error(plot_unwritable 2
  "error: --plot = /nonexistent-dir/b.svg is in a directory that does not exist or is not writable (/nonexistent-dir)\; choose a writable directory"
  "{\"design\": {}}" design CONFIG --plot /nonexistent-dir/b.svg)
gsd_design_error(plot_is_directory 2
  "error: --plot = / is a directory\; name a file inside it"
  "{\"design\": {}}" design CONFIG --plot /)

# Good input: the seed plan's boundaries and the batch contract.
add_test(NAME cli.design.seed_plan
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/design_checks.sh $<TARGET_FILE:gsd>
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.design.seed_plan PROPERTIES LABELS cli)

# The teaching example runs and prints one row per family.
add_test(NAME cli.design.example_compare_families
         COMMAND ${PROJECT_SOURCE_DIR}/examples/design/compare-families.sh $<TARGET_FILE:gsd>)
set_tests_properties(cli.design.example_compare_families PROPERTIES LABELS cli
                     PASS_REGULAR_EXPRESSION "obf-with-futility +4\\.3326 .* 0\\.5914")

# --log-level writes diagnostics to stderr and leaves stdout unchanged.
add_test(NAME cli.design.log_level
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/log_level_check.sh $<TARGET_FILE:gsd>
                 ${PROJECT_SOURCE_DIR}/configs/blinatumomab-20120215.json)
set_tests_properties(cli.design.log_level PROPERTIES LABELS cli)

# Batches on several threads: byte-identical output, input order (design and simulate).
add_test(NAME cli.batch.threads
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/batch_threads_check.sh $<TARGET_FILE:gsd>
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.batch.threads PROPERTIES LABELS cli)
gsd_design_error(threads_without_batch 2
  "error: --threads runs the lines of a --batch file at once\; it needs --batch FILE"
  "{\"design\": {}}" design CONFIG --threads 2)
gsd_design_error(batch_threads_zero 2
  "error: --threads = 0 must be in [1, 1024]"
  "{\"design\": {}}" design --batch CONFIG --format jsonl --threads 0)
gsd_design_error(batch_threads_decimal 2
  "error: --threads = 2.5 must be a whole number in [1, 1024]"
  "{\"design\": {}}" design --batch CONFIG --format jsonl --threads 2.5)
gsd_design_error(simulate_batch_needs_jsonl 2
  "error: --batch writes one JSON result per line\; add --format jsonl"
  "{\"design\": {}}" simulate --batch CONFIG)
gsd_design_error(simulate_batch_no_replicate_data 2
  "error: --replicate-data writes one simulation\; it cannot be used with --batch"
  "{\"design\": {}}" simulate --batch CONFIG --format jsonl --replicate-data x.csv)

# survival.test of type maxcombo: output keys and columns, refusals.
add_test(NAME cli.design.maxcombo
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/maxcombo_checks.sh $<TARGET_FILE:gsd>
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.design.maxcombo PROPERTIES LABELS cli)

# A weighted or MaxCombo survival.test sized for its power.
add_test(NAME cli.design.test_sizing
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_sizing_checks.sh $<TARGET_FILE:gsd>
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.design.test_sizing PROPERTIES LABELS cli)

# The seed-question tables of docs/survival.md are scripts/seed_question.py's output
# (40,000 trials a row; 77 s in a release ctest, 112 s under ASan). Under ASan
# and UBSan the same designs and simulations run with 4,000 trials: analytic
# columns equal, simulated powers within 4 SE (seed_question_check.sh).
if(GSD_SANITIZE)
  set(seed_question_replicates 4000)
else()
  set(seed_question_replicates 40000)
endif()
add_test(NAME cli.docs.seed_question
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/seed_question_check.sh $<TARGET_FILE:gsd> ${PROJECT_SOURCE_DIR}
                 ${seed_question_replicates})
set_tests_properties(cli.docs.seed_question PROPERTIES LABELS cli)

# The outputs README.md and its pages under docs/ show beside their commands,
# the record walk-through and the --log-level example of docs/cli.md are what
# gsd prints.
add_test(NAME cli.docs.examples
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/docs_examples_check.sh $<TARGET_FILE:gsd> ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.docs.examples PROPERTIES LABELS cli)

# survival.test of type rmst and milestone in gsd design, simulate and monitor:
# output keys and columns, powers and bounds, refusals.
add_test(NAME cli.design.km_contrast
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/km_contrast_checks.sh $<TARGET_FILE:gsd>
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.design.km_contrast PROPERTIES LABELS cli)

# Every option --help lists is in docs/cli.md and the reverse; --max-duration's
# help gives the cap's defaults as docs/config.md does.
add_test(NAME cli.docs.help
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/help_docs_check.sh $<TARGET_FILE:gsd> ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.docs.help PROPERTIES LABELS cli)

# docs/config.md names every key gsd accepts and design.solver's ranges.
add_test(NAME cli.docs.config
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/config_docs_check.sh $<TARGET_FILE:gsd> ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.docs.config PROPERTIES LABELS cli)

# Every key of the JSON outputs over configs/ and examples/ is named in
# docs/output.md (records.md, config.md for the config's echo).
add_test(NAME cli.docs.output
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/output_docs_check.sh $<TARGET_FILE:gsd> ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.docs.output PROPERTIES LABELS cli)

# An empty per-look list is refused, not read as the list left out: a
# script's empty list would otherwise silently become the default.
gsd_design_error(empty_spending_time 2
  "error: design.spending_time = [] is empty: give the fraction of the spending time for each look, or leave the key out for its default"
  "{\"design\": {\"information_fractions\": [0.3, 0.6, 1], \"spending_time\": []}}" design CONFIG)
gsd_design_error(empty_efficacy_stops 2
  "error: design.efficacy_stops = [] is empty: give true or false for each look, or leave the key out for its default"
  "{\"design\": {\"information_fractions\": [0.3, 0.6, 1], \"efficacy_stops\": []}}" design CONFIG)
gsd_design_error(empty_futility_stops 2
  "error: design.futility_stops = [] is empty: give true or false for each look, or leave the key out for its default"
  "{\"design\": {\"information_fractions\": [0.3, 0.6, 1], \"futility_stops\": []}}" design CONFIG)
gsd_design_error(empty_harm_stops 2
  "error: design.harm_stops = [] is empty: give true or false for each look, or leave the key out for its default"
  "{\"design\": {\"information_fractions\": [0.3, 0.6, 1], \"harm_stops\": []}}" design CONFIG)
gsd_design_error(empty_survival_looks 2
  "error: survival.looks = [] is empty: give a trigger ({\"trigger\": \"events\"}, or {\"time\": T}) for each look, or leave the key out for its default"
  "{\"design\": {\"information_fractions\": [0.5, 1]}, \"survival\": {\"control\": {\"median_noncured\": 12}, \"hazard_ratio_noncured\": 0.7, \"accrual\": {\"duration\": 24}, \"patients\": 300, \"events\": 200, \"looks\": []}}" design CONFIG)
