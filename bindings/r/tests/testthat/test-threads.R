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
                               "capped"))
  expect_true(all(is.na(r$harm_z)))
})
