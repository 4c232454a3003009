# `gsd simulate` of a normal or binary endpoint (configs/normal-two-sample.json,
# configs/binary-noninferiority.json): each output format, identical JSON for
# 1 and 2 threads (and MPI processes in an MPI build), the replicate CSV, the
# plot. Driver: tests/cli/simulate_check.sh.
set(GSD_ENDPOINT_SIM_CHECK ${CMAKE_CURRENT_LIST_DIR}/simulate_check.sh)
set(GSD_NORMAL_CONFIG ${CMAKE_CURRENT_LIST_DIR}/../../configs/normal-two-sample.json)
set(GSD_BINARY_CONFIG ${CMAKE_CURRENT_LIST_DIR}/../../configs/binary-noninferiority.json)

function(gsd_endpoint_sim_test name)
  add_test(NAME cli.simulate.endpoint.${name} COMMAND sh ${GSD_ENDPOINT_SIM_CHECK} ${ARGN})
  set_tests_properties(cli.simulate.endpoint.${name} PROPERTIES LABELS "cli;simulate")
endfunction()

gsd_endpoint_sim_test(normal_text check $<TARGET_FILE:gsd> ${GSD_NORMAL_CONFIG} 0
                      "normal endpoint (t statistic" --replicates 2000)
gsd_endpoint_sim_test(binary_json check $<TARGET_FILE:gsd> ${GSD_BINARY_CONFIG} 0
                      "\"look_patients\"" --replicates 2000 --format json)
gsd_endpoint_sim_test(binary_csv check $<TARGET_FILE:gsd> ${GSD_BINARY_CONFIG} 0
                      "look_patients,3,756" --replicates 2000 --format csv)
gsd_endpoint_sim_test(normal_plot check $<TARGET_FILE:gsd> ${GSD_NORMAL_CONFIG} 0
                      "expected patients" --replicates 2000
                      --plot ${CMAKE_CURRENT_BINARY_DIR}/simulate_normal.svg)
gsd_endpoint_sim_test(max_duration check $<TARGET_FILE:gsd> ${GSD_NORMAL_CONFIG} 2
  "error: --max-duration = 30 applies to a survival trial: a normal or binary endpoint's looks come at the planned patients\; remove it"
  --max-duration 30)
# simulation.endpoint: the truth to draw from (at the margin, the size).
gsd_endpoint_sim_test(truth_margin check $<TARGET_FILE:gsd>
  ${CMAKE_CURRENT_LIST_DIR}/simulate/endpoint_truth_margin.json 0
  "mean difference 0, sd 1 (plan: mean difference 0.5, sd 1)" --replicates 2000)
gsd_endpoint_sim_test(truth_sd_negative check $<TARGET_FILE:gsd>
  ${CMAKE_CURRENT_LIST_DIR}/simulate/endpoint_truth_sd_negative.json 2
  "error: simulation.endpoint.sd = -1 must be positive")
gsd_endpoint_sim_test(truth_unknown_key check $<TARGET_FILE:gsd>
  ${CMAKE_CURRENT_LIST_DIR}/simulate/endpoint_truth_unknown_key.json 2
  "error: simulation.endpoint.treatment_rat is not a known key\; did you mean \"treatment_rate\"?")
gsd_endpoint_sim_test(normal_threads threads $<TARGET_FILE:gsd> ${GSD_NORMAL_CONFIG}
                      --quiet --replicates 20000 --seed 5)
gsd_endpoint_sim_test(binary_threads threads $<TARGET_FILE:gsd> ${GSD_BINARY_CONFIG}
                      --quiet --replicates 20000 --seed 6)
file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/endpoint_replicates)
gsd_endpoint_sim_test(binary_replicate_data data $<TARGET_FILE:gsd> ${GSD_BINARY_CONFIG}
                      ${CMAKE_CURRENT_BINARY_DIR}/endpoint_replicates)
if(GSD_WITH_MPI)
  gsd_endpoint_sim_test(normal_mpi mpi ${MPIEXEC_EXECUTABLE} $<TARGET_FILE:gsd>
                        ${GSD_NORMAL_CONFIG} --quiet --replicates 20000 --seed 9)
endif()
# Nothing to draw trials from: the refusal names both models a trial may have.
gsd_endpoint_sim_test(no_model check $<TARGET_FILE:gsd>
  ${CMAKE_CURRENT_LIST_DIR}/simulate/design_only.json 2
  "error: survival is missing: gsd simulate draws trials from a survival section or a normal or binary endpoint section\; add one (docs/config.md)")
gsd_endpoint_sim_test(section_without_model check $<TARGET_FILE:gsd>
  ${CMAKE_CURRENT_LIST_DIR}/simulate/simulation_without_model.json 2
  "error: survival is missing: the simulation section draws trials from a survival section or a normal or binary endpoint section\; add one")
# CSV values as JSON writes them: the shortest text that reads back exactly.
foreach(config normal binary)
  string(TOUPPER ${config} upper)
  add_test(NAME cli.simulate.endpoint.csv_digits_${config}
           COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/csv_digits_check.sh $<TARGET_FILE:gsd>
                   ${GSD_${upper}_CONFIG} --replicates 20000 --seed 1)
  set_tests_properties(cli.simulate.endpoint.csv_digits_${config} PROPERTIES LABELS "cli;simulate")
endforeach()
add_test(NAME cli.simulate.csv_digits_survival
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/csv_digits_check.sh $<TARGET_FILE:gsd>
                 ${CMAKE_CURRENT_LIST_DIR}/../../configs/blinatumomab-20120215.json --replicates 2000 --seed 1)
set_tests_properties(cli.simulate.csv_digits_survival PROPERTIES LABELS "cli;simulate")
