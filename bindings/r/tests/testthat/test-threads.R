# The same seed gives the same numbers for any number of threads.

test_that("simulations are identical for 1, 2 and 3 threads", {
  plan <- seed_plan()
  runs <- lapply(1:3, function(t) {
    gsd_simulate(plan, replicates = 3000, seed = 42, threads = t, progress = FALSE,
                 keep_replicates = TRUE)
  })
  expect_identical(runs[[2]]$result, runs[[1]]$result)
  expect_identical(runs[[3]]$result, runs[[1]]$result)
  expect_identical(runs[[2]]$replicates, runs[[1]]$replicates)
  # Another seed gives other trials.
  other <- gsd_simulate(plan, replicates = 3000, seed = 43, progress = FALSE)
  expect_false(identical(other$result$simulation$power, runs[[1]]$result$simulation$power))
})

test_that("kept replicates add up to the totals", {
  sim <- gsd_simulate(seed_plan(), replicates = 2000, seed = 5, progress = FALSE,
                      keep_replicates = TRUE)
  r <- sim$replicates
  expect_setequal(unique(r$replicate), 0:1999)
  last <- r[!duplicated(r$replicate, fromLast = TRUE), ]
  expect_equal(mean(last$decision == "stop-efficacy"), sim$power, tolerance = 1e-12)
  expect_equal(mean(last$events), sim$expected_events, tolerance = 1e-12)
  # The command line's --replicate-data columns; no harm bound on this plan.
  expect_identical(names(r), c("replicate", "look", "events", "calendar_time", "patients", "z",
                               "hazard_ratio", "efficacy_z", "futility_z", "harm_z", "decision",
                               "capped", "variance"))
  expect_true(all(is.na(r$harm_z)))
  expect_true(all(is.na(r$variance)))  # the log-rank test: no weighted score
})

test_that("weighted_bounds passes through, and kept looks carry the weighted score's variance", {
  plan <- gsd_survival(seed_design(), control = cure_model(cure_fraction = 0.40, median_noncured = 7),
                       treatment = cure_model(cure_fraction = 0.562), hazard_ratio_noncured = 0.63,
                       accrual = accrual(36), patients = 202, events = 94,
                       test = list(type = "fleming-harrington", rho = 0, gamma = 1))
  planned <- gsd_simulate(plan, replicates = 50, seed = 3, progress = FALSE, keep_replicates = TRUE)
  observed <- gsd_simulate(plan, replicates = 50, seed = 3, progress = FALSE, keep_replicates = TRUE,
                           weighted_bounds = "observed")
  expect_identical(planned$result$simulation$weighted_bounds, "planned")
  expect_identical(observed$result$simulation$weighted_bounds, "observed")
  expect_true(all(planned$replicates$variance > 0))
  # The same trials, judged against other bounds.
  expect_identical(observed$replicates$variance[1:2], planned$replicates$variance[1:2])
  expect_identical(observed$replicates$z[1:2], planned$replicates$z[1:2])
  expect_true(all(observed$replicates$efficacy_z[1:2] != planned$replicates$efficacy_z[1:2]))
  e <- invalid(gsd_simulate(plan, replicates = 10, progress = FALSE, weighted_bounds = "expected"))
  expect_identical(e$argument, "weighted_bounds")
})
