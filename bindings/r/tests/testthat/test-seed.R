# The seed trial (blinatumomab vs chemotherapy in high-risk first-relapse
# B-ALL; Locatelli et al., JAMA 2021;325:843) through the R API.

test_that("the design's bounds are rpact's", {
  d <- seed_design()
  # rpact 3.3.4 getDesignGroupSequential(sided = 2, alpha = 0.05, typeOfDesign =
  # "asOF", informationRates = c(.5, .75, 1)): z to 6 decimals, two-sided
  # nominal p 0.00305065, 0.0183234, 0.0440007; the drift sqrt(shift) of
  # getDesignCharacteristics with beta 0.16: 2.98256208.
  expect_near(d$bounds$efficacy_z, c(2.962588, 2.359018, 2.014084), 1e-6)
  expect_equal(d$bounds$nominal_p_two_sided, c(0.00305065, 0.0183234, 0.0440007), tolerance = 1e-5)
  expect_equal(d$drift, 2.98256208, tolerance = 1e-8)
  expect_true(all(is.na(d$bounds$futility_z)))
  expect_equal(d$bounds$cumulative_alpha[3], 0.05, tolerance = 1e-10)
})

test_that("the cure-model plan matches the independent computation", {
  plan <- seed_plan()
  # The independent R computation of the plan: looks at 27.09, 36.11 and
  # 50.77 months, drifts 2.350 / 2.788 / 2.974 (half a unit in the last digit
  # given); power at those expected look times 0.845 (R) and 0.844 (lrstat):
  # within 0.001. The plan's power is event-driven (random look times and the
  # calendar cap): 0.8393 in 1e6 simulated trials (SE 0.0004), within 4 SE.
  expect_equal(plan$looks$events, c(47L, 71L, 94L))
  expect_near(plan$looks$calendar_time, c(27.09, 36.11, 50.77), 0.005)
  expect_near(plan$looks$drift, c(2.350, 2.788, 2.974), 5e-4)
  expect_near(plan$power_fixed_times, 0.845, 0.001)
  expect_near(plan$power, 0.8393, 0.0015)
  # Schoenfeld's proportional-hazards formula with HR 0.63: about 164 events.
  expect_equal(plan$schoenfeld$fixed_events, 164)
  expect_equal(plan$patients, 202L)
})

test_that("patients and events solve back to the power asked for", {
  d <- seed_design()
  plan <- gsd_survival(d, control = cure_model(cure_fraction = 0.40, median_noncured = 7),
                       treatment = cure_model(cure_fraction = 0.562),
                       hazard_ratio_noncured = 0.63, accrual = accrual(36),
                       power = 0.84, follow_up = 14.8)
  expect_equal(plan$solved_for, "patients_and_events")
  expect_gte(plan$power, 0.84)
  # Rounded up from the solution: one patient fewer would fall short.
  fewer <- gsd_survival(d, control = cure_model(cure_fraction = 0.40, median_noncured = 7),
                        treatment = cure_model(cure_fraction = 0.562),
                        hazard_ratio_noncured = 0.63, accrual = accrual(36),
                        patients = plan$patients - 1, events = plan$events - 1)
  expect_lt(fewer$power, 0.84)
})

test_that("the simulated power agrees with the reference simulations", {
  sim <- gsd_simulate(seed_plan(), replicates = 20000, seed = 1, progress = FALSE)
  # rpact 0.837 (100,000 replicates, SE 0.0012): within 4 combined SEs.
  se <- sqrt(sim$power_se^2 + 0.837 * 0.163 / 1e5)
  expect_lt(abs(sim$power - 0.837), 4 * se)
  # Stopping per look about 0.26, 0.41, 0.16 (two digits: +- 0.005).
  expect_true(all(abs(sim$per_look$reject - c(0.26, 0.41, 0.16)) <
                    4 * sqrt(sim$per_look$reject * (1 - sim$per_look$reject) / 20000) + 0.005))
  expect_equal(sim$power, sum(sim$per_look$reject), tolerance = 1e-12)
})

test_that("the committee's look at 49 of 94 events stops for benefit", {
  m <- gsd_monitor(seed_design(), looks = data.frame(events = 49, p_two_sided = 0.001,
                                                     direction = "favours-treatment"),
                   planned_events = 94, assumed_hazard_ratio = 0.63)
  # rpact 3.3.4: bound z 2.893268 at 49/94, two-sided nominal p 0.00381256.
  expect_near(m$looks$efficacy_z, 2.893268, 1e-6)
  expect_equal(m$looks$nominal_p_two_sided, 0.00381256, tolerance = 1e-6)
  expect_equal(m$decision, "stop-efficacy")
  # z = Phi^-1(1 - 0.001 / 2); at the first look the stage-wise p-value is the
  # naive one.
  expect_equal(m$looks$z, qnorm(1 - 0.001 / 2), tolerance = 1e-12)
  expect_equal(m$final$p_value, 0.001, tolerance = 1e-9)
})

test_that("a committee's monitoring file runs with its own settings and looks", {
  path <- example_file("examples/seed-trial-monitoring/monitoring.json",
                       "seed-trial-monitoring.json")
  skip_if(!nzchar(path) || !file.exists(path), "needs the repository's examples")
  # The file holds planned_events 94, HR 0.63 and the look at 49 events,
  # P = .001: the same numbers as the call with those arguments above.
  m <- gsd_monitor(path)
  expect_near(m$looks$efficacy_z, 2.893268, 1e-6)
  expect_equal(m$decision, "stop-efficacy")
  # An argument replaces its setting and keeps the file's others: the
  # planned events move the information fraction, the looks stay.
  m120 <- gsd_monitor(path, planned_events = 120)
  expect_equal(m120$looks$information_fraction, 49 / 120, tolerance = 1e-12)
  expect_equal(m120$looks$z, m$looks$z, tolerance = 1e-12)
  later <- gsd_monitor(path, looks = data.frame(events = 49, z = 1))
  expect_equal(later$decision, "continue")
  expect_equal(later$result$monitoring$assumed_hazard_ratio, 0.63)
  # Without looks anywhere, the error names the argument.
  e <- tryCatch(gsd_monitor(seed_design()), gsd_invalid_input = function(e) e)
  expect_identical(e$argument, "looks")
  expect_match(conditionMessage(e), "no monitoring$looks", fixed = TRUE)
  # The command line reads the same file to the same JSON (last: it skips
  # without the executable).
  expect_identical(m$result, cli_json(c("monitor", path)))
})

test_that("a continuing look reports rpact's inference", {
  # rpact 3.3.4 getAnalysisResults (tests/reference/rpact_monitoring.R, case
  # A): one-sided 0.025, z = 2 at 49 of 94 events, HR 0.63 assumed.
  d <- gsd_design(alpha = 0.025, information_fractions = c(0.5, 0.75, 1))
  m <- gsd_monitor(d, looks = list(list(events = 49, z = 2.0)), planned_events = 94,
                   assumed_hazard_ratio = 0.63)
  l <- m$result$monitoring$looks[[1]]
  expect_equal(l$hazard_ratio, 0.5647181, tolerance = 1e-6)
  expect_equal(l$repeated_ci_hazard_ratio, c(0.24707177, 1.29074476), tolerance = 1e-6)
  expect_equal(l$conditional_rejection_probability, 0.237887807, tolerance = 1e-6)
  expect_equal(l$conditional_power, 0.785067803, tolerance = 1e-6)
  expect_equal(l$conditional_power_trend, 0.874905483, tolerance = 1e-6)
  expect_equal(m$looks$rci_lower, 0.24707177, tolerance = 1e-6)
  expect_equal(m$decision, "continue")
})
