# CLI contract tests of `gsd simulate` : output, bad input (exit 2,
# one line naming the field), determinism over threads (and over MPI
# processes in an MPI build), the replicate CSV, and Ctrl-C. Driver:
# tests/cli/simulate_check.sh.
set(GSD_SIMULATE_CHECK ${CMAKE_CURRENT_LIST_DIR}/simulate_check.sh)
set(GSD_SIMULATE_CASES ${CMAKE_CURRENT_LIST_DIR}/simulate)
set(GSD_SIMULATE_SEED ${CMAKE_CURRENT_LIST_DIR}/../../configs/blinatumomab-20120215.json)
set(GSD_SIMULATE_STRATIFIED
    ${CMAKE_CURRENT_LIST_DIR}/../../configs/blinatumomab-stratified.json)

function(gsd_simulate_cli_test name)
  add_test(NAME cli.simulate.${name} COMMAND sh ${GSD_SIMULATE_CHECK} ${ARGN})
  set_tests_properties(cli.simulate.${name} PROPERTIES LABELS "cli;simulate")
endfunction()

function(gsd_simulate_check name config rc expected)
  gsd_simulate_cli_test(${name} check $<TARGET_FILE:gsd> ${config} ${rc} "${expected}" ${ARGN})
endfunction()

gsd_simulate_check(seed_text ${GSD_SIMULATE_SEED} 0 "power (upper crossings)" --replicates 2000)
# The simulator's limit of a million patients, with 450,000 events: the bounds
# of a final analysis cut short by the calendar cap are solved for the event
# counts replicates reach, not for all 450,000 before the first replicate
# (which took over a minute). The timeout guards that.
gsd_simulate_check(large_trial ${GSD_SIMULATE_CASES}/large_trial.json 0 "power (upper crossings)"
                   --replicates 4 --threads 2)
set_tests_properties(cli.simulate.large_trial PROPERTIES TIMEOUT 30)
gsd_simulate_check(seed_json ${GSD_SIMULATE_SEED} 0 "\"reject_per_look\"" --replicates 2000
                   --format json)
gsd_simulate_check(seed_csv ${GSD_SIMULATE_SEED} 0 "reject,1," --replicates 2000 --format csv)
gsd_simulate_check(seed_plot ${GSD_SIMULATE_SEED} 0 "trials hitting the cap" --replicates 2000
                   --plot ${CMAKE_CURRENT_BINARY_DIR}/simulate_seed.svg)
gsd_simulate_cli_test(seed_plot_charts plot $<TARGET_FILE:gsd> ${GSD_SIMULATE_SEED})
gsd_simulate_check(stratified ${GSD_SIMULATE_STRATIFIED} 0 "6 strata (stratified log-rank)"
                   --replicates 2000)

# A binding futility bound binds the alpha count: no "futility ignored" power,
# in the text or the JSON (a non-binding one has it: the golden outputs).
gsd_simulate_cli_test(binding_futility_text absent $<TARGET_FILE:gsd>
  ${GSD_SIMULATE_CASES}/binding_futility.json "futility ignored" --replicates 500)
gsd_simulate_cli_test(binding_futility_json absent $<TARGET_FILE:gsd>
  ${GSD_SIMULATE_CASES}/binding_futility.json "ignoring_futility" --replicates 500 --format json)
gsd_simulate_check(replicates_zero_flag ${GSD_SIMULATE_SEED} 2
  "error: --replicates = 0 must be at least 1" --replicates 0)
gsd_simulate_check(max_duration_tiny_flag ${GSD_SIMULATE_SEED} 2
  "error: --max-duration = 1e-300 must be at least 1e-9 of the accrual duration (36 months): gsd computes with time scales within a factor of 1e9\; check the time unit (survival.time_unit)"
  --max-duration 1e-300)
gsd_simulate_check(threads_zero ${GSD_SIMULATE_SEED} 2
  "error: --threads = 0 must be in [1, 1024]" --threads 0)
gsd_simulate_check(seed_negative_flag ${GSD_SIMULATE_SEED} 2
  "error: --seed = -1 must be a non-negative integer" --seed -1)
# Whole numbers past their type's range are refused as typed, never clamped
# (a clamped seed would run another seed's trials); every 64-bit seed runs.
gsd_simulate_check(seed_past_64_bits_flag ${GSD_SIMULATE_SEED} 2
  "error: --seed = 18446744073709551616 must be a whole number in [0, 18446744073709551615]"
  --seed 18446744073709551616)
gsd_simulate_check(seed_largest_flag ${GSD_SIMULATE_SEED} 0 "\"seed\": 18446744073709551615"
  --seed 18446744073709551615 --replicates 200 --format json)
gsd_simulate_check(seed_largest ${GSD_SIMULATE_CASES}/seed_largest.json 0
  "\"seed\": 18446744073709551615" --format json)
gsd_simulate_check(seed_past_64_bits ${GSD_SIMULATE_CASES}/seed_past_64_bits.json 2
  "error: simulation.seed = 1.8446744073709552e+19 must be at most 18446744073709551615")
gsd_simulate_check(replicates_past_64_bits_flag ${GSD_SIMULATE_SEED} 2
  "error: --replicates = 99999999999999999999 must be a whole number in [1, 9223372036854775807]"
  --replicates 99999999999999999999)
gsd_simulate_check(replicates_past_64_bits ${GSD_SIMULATE_CASES}/replicates_past_64_bits.json 2
  "error: simulation.replicates = 9223372036854775808 must be at most 9223372036854775807")
gsd_simulate_check(replicates_exponent ${GSD_SIMULATE_CASES}/replicates_exponent.json 2
  "error: simulation.replicates = 1e+16 must be written as digits: with a decimal point or an exponent, a whole number is exact only up to 9e15")
gsd_simulate_check(threads_past_64_bits ${GSD_SIMULATE_SEED} 2
  "error: --threads = 99999999999999999999 must be a whole number in [1, 1024]" --threads 99999999999999999999)
# In the range but not a whole number as typed: that is the rule named.
gsd_simulate_check(threads_decimal ${GSD_SIMULATE_SEED} 2
  "error: --threads = 2.0 must be a whole number in [1, 1024]" --threads 2.0)
gsd_simulate_check(threads_exponent ${GSD_SIMULATE_SEED} 2
  "error: --threads = 1e1 must be a whole number in [1, 1024]" --threads 1e1)
gsd_simulate_check(replicates_zero ${GSD_SIMULATE_CASES}/replicates_zero.json 2
  "error: simulation.replicates = 0 must be at least 1")
gsd_simulate_check(seed_negative ${GSD_SIMULATE_CASES}/seed_negative.json 2
  "error: simulation.seed = -3 must be a non-negative integer")
gsd_simulate_check(strata_sum ${GSD_SIMULATE_CASES}/strata_sum.json 2
  "error: simulation.strata has proportions that add up to 0.9\; they must add up to 1")
gsd_simulate_check(look_events_mismatch ${GSD_SIMULATE_CASES}/look_events_mismatch.json 2
  "error: simulation.look_events[1] = 60 does not match the design's look 2: information fraction 0.75 x 94 events = 70.5 (give it rounded up or down)")
gsd_simulate_check(block_size_odd ${GSD_SIMULATE_CASES}/block_size_odd.json 2
  "error: simulation.block_size = 3 must be a positive multiple of 2 (allocation 1:1)")
# The ratio comes from the survival section, and the error says so.
gsd_simulate_check(allocation_not_ratio ${GSD_SIMULATE_CASES}/allocation_not_ratio.json 2
  "error: survival.allocation_ratio = 1.37 is not p/q with p, q <= 20\; permuted blocks need such a ratio (or set simulation.randomisation to \"simple\")")
gsd_simulate_check(stratum_cure ${GSD_SIMULATE_CASES}/stratum_cure.json 2
  "error: simulation.strata[0].control.cure_fraction = 1.5 must lie in [0, 1)")
gsd_simulate_check(default_cap_beyond_limit ${GSD_SIMULATE_CASES}/default_cap_beyond_limit.json 2
  "error: simulation.max_duration defaults to the end of accrual plus the 99th percentile of the longest latency, 1.05458e+07 months, beyond the simulator's limit of 1e6: give simulation.max_duration (at most 1e6), or express the times in a longer time_unit")
gsd_simulate_check(unknown_key ${GSD_SIMULATE_CASES}/unknown_key.json 2
  "error: simulation.replicate is not a known key\; did you mean \"replicates\"?")

gsd_simulate_cli_test(threads_identical threads $<TARGET_FILE:gsd> ${GSD_SIMULATE_SEED}
                      --quiet --replicates 4000 --seed 5)
gsd_simulate_cli_test(threads_identical_stratified threads $<TARGET_FILE:gsd>
                      ${GSD_SIMULATE_STRATIFIED} --quiet --replicates 3000 --seed 6)
# Bounds recomputed at each look's observed variance: per replicate, so the
# same numbers for any thread count too.
gsd_simulate_cli_test(threads_identical_weighted_observed threads $<TARGET_FILE:gsd>
                      ${GSD_SIMULATE_CASES}/weighted_observed.json --quiet --replicates 600 --seed 8)
gsd_simulate_check(weighted_observed_text ${GSD_SIMULATE_CASES}/weighted_observed.json 0
  "weighted-test bounds              recomputed at each look's observed variance (mean met above)"
  --replicates 200)
# Each side test's bounds met, in its row under the look columns: the
# log-rank test keeps the design's bounds at looks 1 and 2 (2.9626 and
# 2.3590, as gsd design gives them; the cap never comes that early).
gsd_simulate_check(side_tests_bounds_text ${GSD_SIMULATE_CASES}/weighted_observed.json 0
  "  log-rank                                         2.9626   2.3590" --replicates 200)
# The JSON names each side test as the text does.
gsd_simulate_check(side_tests_label_json ${GSD_SIMULATE_CASES}/weighted_observed.json 0
  "\"label\": \"MB(t* = 12)\"" --replicates 200 --format json)
# The analyses held: a look every trial holds with no efficacy bound says
# "none", as the bounds' table does, not "-" (no trial held it).
gsd_simulate_check(held_without_bound ${CMAKE_CURRENT_LIST_DIR}/survival/no_bound_at_first_look.json 0
  "   1    1.0000          26.84     47.00    150.58        none" --replicates 200 --seed 3)
gsd_simulate_check(weighted_bounds_choice ${GSD_SIMULATE_CASES}/weighted_bounds_choice.json 2
  "error: simulation.weighted_bounds = \"at-the-end\" is not one of: planned, observed")
gsd_simulate_check(weighted_bounds_without_weighted_test
  ${GSD_SIMULATE_CASES}/weighted_bounds_without_weighted_test.json 2
  "error: simulation.weighted_bounds = \"observed\" applies to a Fleming-Harrington or Magirr-Burman test (survival.test or simulation.tests), which this trial does not run\; remove it")
gsd_simulate_cli_test(replicate_data data $<TARGET_FILE:gsd> ${GSD_SIMULATE_SEED}
                      ${CMAKE_CURRENT_BINARY_DIR})
gsd_simulate_cli_test(interrupt_longest interrupt_longest $<TARGET_FILE:gsd> ${GSD_SIMULATE_SEED})
gsd_simulate_cli_test(interrupt interrupt $<TARGET_FILE:gsd> ${GSD_SIMULATE_SEED}
                      ${CMAKE_CURRENT_BINARY_DIR})
gsd_simulate_cli_test(batch_interrupt batch_interrupt $<TARGET_FILE:gsd> ${GSD_SIMULATE_SEED})

if(GSD_WITH_MPI)
  # CI runs the MPI build with 2 processes on localhost.
  gsd_simulate_cli_test(mpi_identical mpi ${MPIEXEC_EXECUTABLE} $<TARGET_FILE:gsd>
                        ${GSD_SIMULATE_SEED} --quiet --replicates 3000 --seed 9)
  gsd_simulate_cli_test(mpi_identical_weighted_observed mpi ${MPIEXEC_EXECUTABLE} $<TARGET_FILE:gsd>
                        ${GSD_SIMULATE_CASES}/weighted_observed.json --quiet --replicates 600 --seed 9)
  # Arguments refused before MPI starts (a flag, an output path): one error
  # line from rank 0, not one per process.
  gsd_simulate_cli_test(mpi_one_error_line_output mpi_error ${MPIEXEC_EXECUTABLE} $<TARGET_FILE:gsd>
    "error: --plot = /nonexistent-dir/x.svg is in a directory that does not exist or is not writable (/nonexistent-dir)\; choose a writable directory"
    simulate ${GSD_SIMULATE_SEED} --plot /nonexistent-dir/x.svg)
  gsd_simulate_cli_test(mpi_one_error_line_flag mpi_error ${MPIEXEC_EXECUTABLE} $<TARGET_FILE:gsd>
    "error: The following argument was not expected: --bogus (run gsd --help for usage)"
    simulate ${GSD_SIMULATE_SEED} --bogus)
  # A refusal on one rank alone (arguments that differ between ranks, or a
  # file that one node cannot reach) is written by that rank, naming it,
  # when rank 0 does not refuse the same (about 10 s: the rank waits for
  # rank 0's line first).
  gsd_simulate_cli_test(mpi_error_on_one_rank mpi_error_one_rank ${MPIEXEC_EXECUTABLE} $<TARGET_FILE:gsd>
    ${GSD_SIMULATE_SEED}
    "error: (MPI rank 1) The following argument was not expected: --bogus (run gsd --help for usage)"
    --bogus)
  # A batch is one process: under mpirun it is refused, for design as for
  # simulate, not run (and every line written) once per process.
  gsd_simulate_cli_test(mpi_design_batch_refused mpi_error ${MPIEXEC_EXECUTABLE} $<TARGET_FILE:gsd>
    "error: --batch runs in one process on --threads threads\; start it without mpirun"
    design --batch ${GSD_SIMULATE_SEED} --format jsonl)
  gsd_simulate_cli_test(mpi_simulate_batch_refused mpi_error ${MPIEXEC_EXECUTABLE} $<TARGET_FILE:gsd>
    "error: --batch runs in one process on --threads threads\; start it without mpirun"
    simulate --batch ${GSD_SIMULATE_SEED} --format jsonl)
endif()

# A survival non-inferiority trial runs the score test at its margin.
set(GSD_NON_INFERIORITY ${CMAKE_CURRENT_LIST_DIR}/../../examples/non-inferiority/survival-margin-1.3.json)
gsd_simulate_check(non_inferiority_text ${GSD_NON_INFERIORITY} 0
  "non-inferiority log-rank test of H0: HR >= 1.3" --replicates 500)
gsd_simulate_check(non_inferiority_json ${GSD_NON_INFERIORITY} 0 "\"hazard_ratio_h0\": 1.3"
  --replicates 500 --format json)
gsd_simulate_check(non_inferiority_csv ${GSD_NON_INFERIORITY} 0 "hazard_ratio_h0,,1.3"
  --replicates 500 --format csv)
gsd_simulate_check(non_inferiority_side_tests ${GSD_SIMULATE_CASES}/non_inferiority_side_tests.json 2
  "error: simulation.tests are tests of equal hazards, which a non-inferiority trial (survival.hazard_ratio_h0 = 1.3) does not run beside its own\; remove simulation.tests")
gsd_simulate_cli_test(threads_identical_non_inferiority threads $<TARGET_FILE:gsd> ${GSD_NON_INFERIORITY}
                      --replicates 3000)
# With whole numbers: 628 patients, 459 events, the first look at 230.
gsd_simulate_check(non_inferiority_integer ${GSD_SIMULATE_CASES}/non_inferiority_integer.json 0
  "628 patients, 459 planned events, non-inferiority log-rank test of H0: HR >= 1.3" --replicates 500)
gsd_simulate_check(non_inferiority_at_margin
  ${CMAKE_CURRENT_LIST_DIR}/../../examples/non-inferiority/survival-at-margin.json 0
  "non-inferiority log-rank test of H0: HR >= 1.3" --replicates 500)

# A replicate-data path that is a directory: exit 2 before any replicate
# runs, and nothing is written there.
add_test(NAME cli.simulate.replicate_data_is_directory
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/expect_error.sh $<TARGET_FILE:gsd> 2
                 "error: --replicate-data = / is a directory; name a file inside it"
                 "{\"design\": {\"information_fractions\": [0.5, 1]}, \"survival\": {\"control\": {\"median_noncured\": 12}, \"hazard_ratio_noncured\": 0.7, \"accrual\": {\"duration\": 24}, \"patients\": 300, \"events\": 200}}"
                 simulate CONFIG --replicates 10 --replicate-data /)
set_tests_properties(cli.simulate.replicate_data_is_directory PROPERTIES LABELS cli)
